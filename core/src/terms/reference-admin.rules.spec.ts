import { changeProblems, newRowProblems, type SetFacts } from './reference-admin.rules.js';

const faults: SetFacts = {
  perWorkflow: false,
  workflows: [],
  rows: new Map([
    ['power', { label: 'Power' }],
    ['battery', { label: 'Battery will not charge' }],
  ]),
};
const items: SetFacts = { ...faults, perWorkflow: true, workflows: ['cash-seizure', 'kit-check'] };
const paths = (errors: { path: string }[]) => errors.map((e) => e.path);

describe('rules for reference rows admins add', () => {
  it('accepts a sound row, its start defaulting to today', () => {
    expect(
      newRowProblems({ id: 'fan', label: 'Fan', parent: 'power', validTo: '2026-12-03' }, faults, '2026-12-03'),
    ).toEqual([]);
    expect(newRowProblems({ id: 'fan', label: 'Fan', validTo: '2026-12-02' }, faults, '2026-12-03')).toEqual([
      { path: 'validTo', message: 'The end date must be the same as or after the start date (3 December 2026)' },
    ]);
  });

  it('reports every problem at once, each on its field', () => {
    expect(
      paths(
        newRowProblems(
          {
            id: 'power',
            label: '',
            parent: 'engine',
            validFrom: '2026-13-01',
            workflows: ['kit-check'],
            attributes: { '1x': 'a' },
          },
          faults,
          '2026-12-03',
        ),
      ),
    ).toEqual(['id', 'label', 'parent', 'validFrom', 'workflows', 'attributes.1x']);
  });

  it('asks a per-workflow row for workflows that use the set, each once', () => {
    expect(paths(newRowProblems({ id: 'x', label: 'X', workflows: [] }, items, '2026-12-03'))).toEqual(['workflows']);
    expect(
      newRowProblems(
        { id: 'x', label: 'X', workflows: ['kit-check', 'hot-debrief', 'kit-check'] },
        items,
        '2026-12-03',
      ),
    ).toEqual([
      { path: 'workflows[1]', message: 'hot-debrief is not a workflow that uses this set' },
      { path: 'workflows[2]', message: 'kit-check is listed twice' },
    ]);
  });

  it('refuses any row in a locked set, saying why', () => {
    expect(newRowProblems({ id: 'x', label: 'X' }, { ...faults, locked: 'Not here' }, '2026-12-03')).toEqual([
      { path: 'set', message: 'Not here' },
    ]);
  });
});

describe('rules for changes to reference rows', () => {
  const seeded = { source: 'seed' as const, validFrom: '2012-03-01', seedValidTo: '2020-12-31' };
  const added = { source: 'admin' as const, validFrom: '2026-01-01', seedValidTo: null };

  it('needs something to change', () => {
    expect(paths(changeProblems({}, added, faults))).toEqual(['']);
  });

  it('lets a seeded row be end-dated no later than its release ends it, or have that undone', () => {
    expect(changeProblems({ validTo: '2020-06-30' }, seeded, faults)).toEqual([]);
    expect(changeProblems({ validTo: null }, seeded, faults)).toEqual([]);
    expect(paths(changeProblems({ validTo: '2021-01-01' }, seeded, faults))).toEqual(['validTo']);
    expect(paths(changeProblems({ label: 'New', workflows: ['kit-check'] }, seeded, items))).toEqual([
      'label',
      'workflows',
    ]);
  });

  it('lets an admin row change its label, end date and workflows, within the same rules as a new row', () => {
    expect(changeProblems({ label: 'New', validTo: '2026-01-01', workflows: ['kit-check'] }, added, items)).toEqual([]);
    expect(paths(changeProblems({ label: '', validTo: '2025-12-31', workflows: [] }, added, items))).toEqual([
      'label',
      'workflows',
      'validTo',
    ]);
  });
});
