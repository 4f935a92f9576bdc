import type { FormDefinition } from '../forms/engine/index.js';
import { standardTerms } from '../terms/standard-terms.js';
import { readModelOf } from './read-model.definition.js';

const form = (components: unknown[]): FormDefinition =>
  ({ id: 'f', version: 1, title: 'F', type: 'single', pages: [{ id: 'p', title: 'P', components }] }) as FormDefinition;

describe('read model definition', () => {
  it('derives typed columns from the marked fields, items from a marked group, and the time field', () => {
    const def = readModelOf(
      'seizures',
      form([
        { name: 'seizedAt', type: 'date-time', label: 'When', report: 'time' },
        { name: 'port', term: 'location.port', label: 'Port', report: true },
        { name: 'notes', type: 'textarea', label: 'Notes' },
        { name: 'weighed', type: 'yes-no', label: 'Weighed', report: true },
        { name: 'reasons', type: 'checkboxes', label: 'Reasons', options: [{ value: 'a', label: 'A' }], report: true },
        {
          type: 'group',
          name: 'items',
          label: 'Items',
          components: [
            { name: 'quantity', type: 'number', label: 'Quantity', report: true },
            { name: 'item', term: 'goods.item', label: 'Item', report: true },
            { name: 'description', type: 'text', label: 'Description' },
          ],
        },
      ]),
      standardTerms,
    )!;
    expect(def.schema).toBe('plugin_seizures');
    expect(def.timeField).toBe('seizedAt');
    expect(def.columns.map((c) => [c.field, c.column, c.type, c.reference ?? null])).toEqual([
      ['seizedAt', 'seized_at', 'timestamptz', null],
      ['port', 'port', 'text', 'ports'],
      ['weighed', 'weighed', 'boolean', null],
      ['reasons', 'reasons', 'text[]', null],
    ]);
    expect(def.groups).toHaveLength(1);
    expect(def.groups[0]!.table).toBe('case_items');
    expect(def.groups[0]!.columns.map((c) => [c.field, c.type])).toEqual([
      ['quantity', 'numeric'],
      ['item', 'text'],
    ]);
  });

  it('is undefined when nothing is marked, and its hash follows its shape only', () => {
    expect(readModelOf('p', form([{ name: 'a', type: 'text', label: 'A' }]), standardTerms)).toBeUndefined();
    const one = readModelOf('p', form([{ name: 'a', type: 'text', label: 'A', report: true }]), standardTerms)!;
    const relabelled = readModelOf('p', form([{ name: 'a', type: 'text', label: 'B', report: true }]), standardTerms)!;
    const retyped = readModelOf('p', form([{ name: 'a', type: 'number', label: 'A', report: true }]), standardTerms)!;
    expect(relabelled.shapeHash).toBe(one.shapeHash);
    expect(retyped.shapeHash).not.toBe(one.shapeHash);
  });

  it('names every bad mark in one error', () => {
    expect(() =>
      readModelOf(
        'p',
        form([
          { name: 'photo', type: 'file', label: 'Photo', report: true },
          { name: 'at1', type: 'date-time', label: 'One', report: 'time' },
          { name: 'at2', type: 'date-time', label: 'Two', report: 'time' },
          { name: 'label', type: 'text', label: 'L', report: 'yes' },
          { name: 'state', type: 'text', label: 'State', report: true },
        ]),
        standardTerms,
      ),
    ).toThrow(
      'report marks: f.photo: a file field cannot be reported; f.at2: only one top-level field can be "time"; ' +
        'f.label: "report" must be true or "time"; f.state: "state" is a name the read model keeps for itself; rename the field',
    );
  });
});

describe('read model definition with action forms', () => {
  it('lets an action’s form keep a start-form column current, or add its own, and refuses a clash of types', () => {
    const start = form([
      { name: 'outcome', type: 'radios', label: 'O', options: [{ value: 'a', label: 'A' }], report: true },
    ]);
    const correction = {
      ...form([
        { name: 'outcome', type: 'radios', label: 'O', options: [{ value: 'a', label: 'A' }], report: true },
        { name: 'reviewedOn', type: 'date', label: 'R', report: true },
      ]),
      id: 'correction',
    } as FormDefinition;
    const def = readModelOf('p', start, standardTerms, [correction])!;
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['outcome', 'text', true],
      ['reviewedOn', 'date', true],
    ]);
    const clash = {
      ...form([{ name: 'outcome', type: 'number', label: 'O', report: true }]),
      id: 'clash',
    } as FormDefinition;
    expect(() => readModelOf('p', start, standardTerms, [clash])).toThrow(
      'report marks: clash.outcome: the start form keeps "outcome" as text, not numeric',
    );
  });
});
