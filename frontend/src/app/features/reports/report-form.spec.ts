import { ReportParameter } from '../../core/reports/reports.model';
import { checkInput, describeParameters, emptyInput, serverProblems } from './report-form';

const parameters: ReportParameter[] = [
  { name: 'from', label: 'From', type: 'date', required: true },
  { name: 'to', label: 'To', type: 'date', required: true },
  { name: 'month', label: 'Month', type: 'month' },
  { name: 'team', label: 'Team', type: 'team', hint: 'Leave empty for every team in your command' },
  {
    name: 'eventLog',
    label: 'Event log',
    type: 'select',
    required: true,
    options: [
      { value: 'no', label: 'Not included' },
      { value: 'yes', label: 'Included' },
    ],
  },
];

describe('report parameter form logic', () => {
  it('asks for what is required, naming each field', () => {
    const { problems, values } = checkInput(parameters, emptyInput(parameters));
    expect(values).toEqual({});
    expect(problems).toEqual([
      { fieldId: 'p-from-day', message: 'Enter the from date' },
      { fieldId: 'p-to-day', message: 'Enter the to date' },
      { fieldId: 'p-eventLog', message: 'Select an event log' },
    ]);
  });

  it('joins date parts, leaves empty optional answers out, and checks dates are real and in order', () => {
    const input = {
      ...emptyInput(parameters),
      from: { day: '1', month: '11', year: '2026' },
      to: { day: '30', month: '11', year: '2026' },
      eventLog: 'yes',
    };
    expect(checkInput(parameters, input)).toEqual({
      values: { from: '2026-11-01', to: '2026-11-30', eventLog: 'yes' },
      problems: [],
    });
    const month = checkInput(parameters, {
      ...input,
      month: { day: '', month: '2', year: '2026' },
      team: 'dover-freight-team-a',
    });
    expect(month.values).toMatchObject({ month: '2026-02', team: 'dover-freight-team-a' });

    const messages = (changes: Record<string, unknown>) =>
      checkInput(parameters, { ...input, ...changes } as never).problems.map((p) => p.message);
    expect(messages({ from: { day: '30', month: '2', year: '2026' } })).toEqual(['From must be a real date']);
    expect(messages({ from: { day: '1', month: '', year: '' } })).toEqual(['From must include a month and a year']);
    expect(messages({ from: { day: '1', month: '11', year: '26' } })).toEqual(['From: year must include 4 numbers']);
    expect(messages({ month: { day: '', month: '13', year: '2026' } })).toEqual(['Month must be a real month']);
    expect(checkInput(parameters, { ...input, to: { day: '1', month: '10', year: '2026' } }).problems).toEqual([
      { fieldId: 'p-to-day', message: 'To must be the same as or after from' },
    ]);
  });

  it("places the server's parameters.* errors on their fields", () => {
    expect(
      serverProblems(parameters, [
        { path: 'parameters.team', message: 'Select a team in your command' },
        { path: 'parameters.colour', message: 'colour is not a parameter of this report' },
      ]),
    ).toEqual([
      { fieldId: 'p-team', message: 'Select a team in your command' },
      { fieldId: '', message: 'colour is not a parameter of this report' },
    ]);
  });

  it("describes a run's parameters in words, in the report's order", () => {
    expect(describeParameters({ month: '2026-02', eventLog: 'yes', from: '2026-11-01' }, parameters)).toBe(
      'From: 1 November 2026, Month: February 2026, Event log: Included',
    );
  });
});
