import {
  checkEndRow,
  checkNewRow,
  displayDate,
  emptyRow,
  endServerProblems,
  parseAttributes,
  rowServerProblems,
} from './reference-admin-form';

const filled = {
  ...emptyRow(),
  label: ' Swedish krona ',
  id: ' cash-krona ',
  parent: 'cash',
  workflows: ['kit-check'],
};

describe('reference data forms', () => {
  it('builds the request, trimmed, leaving out what was not entered', () => {
    expect(checkNewRow(filled, true)).toEqual({
      request: { id: 'cash-krona', label: 'Swedish krona', parent: 'cash', workflows: ['kit-check'] },
      problems: [],
    });
    const dated = checkNewRow(
      {
        ...filled,
        from: { day: '1', month: '3', year: '2026' },
        to: { day: '31', month: '12', year: '2026' },
        attributes: 'level = item\n\ndefaultUnit=SEK',
      },
      false,
    );
    expect(dated.request).toEqual({
      id: 'cash-krona',
      label: 'Swedish krona',
      parent: 'cash',
      validFrom: '2026-03-01',
      validTo: '2026-12-31',
      attributes: { level: 'item', defaultUnit: 'SEK' },
    });
  });

  it('asks for every required answer, linked to its input, and checks ids and dates', () => {
    expect(
      checkNewRow(
        { ...emptyRow(), id: 'fan belt', from: { day: '30', month: '2', year: '2026' }, attributes: 'size' },
        true,
      ).problems,
    ).toEqual([
      { fieldId: 'row-label', message: 'Enter a label' },
      { fieldId: 'row-id', message: 'The id must be letters, numbers and hyphens, like cannabis-resin' },
      { fieldId: 'row-workflows', message: 'Select the workflows whose forms offer this row' },
      { fieldId: 'row-from-day', message: 'The start date must be a real date', parts: ['day', 'month', 'year'] },
      {
        fieldId: 'row-attributes',
        message: 'Line 1 of the attributes must be a name, an equals sign and a value, like defaultUnit = kg',
      },
    ]);
    expect(checkNewRow({ ...filled, to: { day: '', month: '4', year: '' } }, true).problems).toEqual([
      { fieldId: 'row-to-day', message: 'The end date must include a day and year', parts: ['day', 'year'] },
    ]);
  });

  it('needs a row and an end date to end-date', () => {
    expect(checkEndRow({ rowId: '', to: { day: '', month: '', year: '' } }).problems.map((p) => p.fieldId)).toEqual([
      'end-row',
      'end-to-day',
    ]);
    expect(checkEndRow({ rowId: 'cable', to: { day: '2', month: '12', year: '2026' } }).request).toEqual({
      rowId: 'cable',
      validTo: '2026-12-02',
    });
  });

  it('places the core’s errors on the inputs they are about', () => {
    expect(
      rowServerProblems([
        { path: 'id', message: 'duplicate' },
        { path: 'workflows[1]', message: 'not a user' },
        { path: 'attributes.size', message: 'not text' },
        { path: 'validTo', message: 'before the start' },
        { path: 'set', message: 'locked' },
      ]),
    ).toEqual([
      { fieldId: 'row-id', message: 'duplicate' },
      { fieldId: 'row-workflows', message: 'not a user' },
      { fieldId: 'row-attributes', message: 'not text' },
      { fieldId: 'row-to-day', message: 'before the start' },
      { fieldId: '', message: 'locked' },
    ]);
    expect(endServerProblems([{ path: 'validTo', message: 'too late' }])).toEqual([
      { fieldId: 'end-to-day', message: 'too late' },
    ]);
  });

  it('reads attributes line by line and writes dates the GOV.UK way', () => {
    expect(parseAttributes('')).toEqual({ attributes: null });
    expect(parseAttributes('a = 1\nb =')).toEqual({ line: 2 });
    expect(displayDate('2026-04-12')).toBe('12 April 2026');
  });
});
