import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installReadModel } from '../../core/src/read-model/read-model.repository.js';
import { ReportQueryError } from '../../core/src/read-model/report-cases.js';
import type { ReportDefinition } from '../../core/src/reports/report-definition.js';
import { ReportRenderer } from '../../core/src/reports/report-renderer.js';
import type { ReportCases, ReportQueryContext } from '../../core/src/sdk/index.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall, submitCase } from '../utils/reports.js';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'read-model-plugins');
const DOVER = 'dover-tourist-controls-team-1';

const seizure = (overrides: Record<string, unknown>) => ({
  seizedAt: '2026-10-15T12:00',
  port: 'dover',
  outcome: 'seizure',
  reasons: [],
  weighed: false,
  items: [],
  ...overrides,
});

/**
 * The report SDK over a read model (fixture plugin `seizure-log`): grouping, filters, sums over
 * repeating groups, multi-valued fields, labels, the period in UK time, the scope, and an action's
 * answer that wins over the start form's and survives a rebuild.
 */
describe('report SDK over the read model', () => {
  let app: TestApp;
  const keys: Record<string, string> = {};

  const definition = {
    key: 'seizure-log.test',
    pluginId: 'seizure-log',
    report: { id: 'test', title: 'T', description: 'T', roles: ['manager'], period: 'month' },
  } as unknown as ReportDefinition;

  /** Runs `read` with the SDK as a report of the given scope sees it, in a read-only transaction. */
  const withCases = async <T>(
    scopeTeams: string[] | null,
    read: (cases: ReportCases, ctx: ReportQueryContext) => Promise<T>,
  ): Promise<T> => {
    const runner = app.boot.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query('SET TRANSACTION READ ONLY');
      const parameters = { month: '2026-10' };
      definition.report.parameters = [{ name: 'month', label: 'Month', type: 'month', required: true }];
      const ctx = await app.app
        .get(ReportRenderer)
        .queryContext(definition, { parameters, scopeTeams }, runner.manager);
      return await read(ctx.cases, ctx);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  };

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURES] });
    const [officer, freight] = await Promise.all([signIn(app, 'officer'), signIn(app, 'freight')]);
    const submit = async (name: string, who: Record<string, string>, answers: Record<string, unknown>) => {
      const created = await submitCase(app, who, 'seizure-log', seizure(answers), name);
      keys[name] = created.businessKey;
      return created;
    };
    // 00:30 on 1 October is still 30 September in UTC (BST): it belongs to October.
    await submit('first', officer, {
      seizedAt: '2026-10-01T00:30',
      reasons: ['smell', 'behaviour'],
      weighed: true,
      items: [
        { kind: 'tobacco', quantity: 10 },
        { kind: 'cash', quantity: 5 },
      ],
    });
    const second = await submit('second', officer, { outcome: 'negative', reasons: ['smell'] });
    await submit('september', officer, { seizedAt: '2026-09-30T23:30', items: [{ kind: 'tobacco', quantity: 2.5 }] });
    await submit('felixstowe', freight, { port: 'felixstowe', items: [{ kind: 'cash', quantity: 100 }] });
    const corrected = await apiCall(app, 'POST', `/api/cases/${second.id}/actions/correct`, officer, {
      version: 1,
      answers: { outcome: 'seizure' },
    });
    expect(corrected.status).toBe(200);
  });
  afterAll(async () => app?.close());

  it('gives the period of a month report in UK time', async () => {
    const period = await withCases([DOVER], async (_, ctx) => ctx.period);
    expect(period).toEqual({
      from: new Date('2026-09-30T23:00:00Z'),
      to: new Date('2026-11-01T00:00:00Z'),
      fromDate: '2026-10-01',
      toDate: '2026-10-31',
      month: '2026-10',
    });
  });

  it('counts by a field with its labels, within the period and the scope; a corrected outcome counts as corrected', async () => {
    const byOutcome = await withCases([DOVER], (cases, ctx) => cases.aggregate({ by: 'outcome', within: ctx.period }));
    expect(byOutcome).toEqual([{ outcome: 'Seizure', count: 2, ids: { outcome: 'seizure' } }]);
    const everywhere = await withCases(null, (cases, ctx) => cases.count({ within: ctx.period }));
    expect(everywhere).toBe(3);
    const otherCommand = await withCases(['heathrow-t2-arrivals-red-team'], (cases) => cases.count());
    expect(otherCommand).toBe(0);
  });

  it('groups by the UK day, week (its Monday) and month of a time; refuses a bucket of a field that is no time', async () => {
    const [byWeek, byMonth, byDay] = await withCases([DOVER], async (cases) => [
      await cases.aggregate({ by: 'at.week' }),
      await cases.aggregate({ by: 'at.month' }),
      await cases.aggregate({ by: 'seizedAt.day', where: { reference: keys.first! } }),
    ]);
    // 00:30 on 1 October (UK) is in October and in the week of Monday 28 September.
    expect(byWeek.map((r) => [r['at.week'], r.count])).toEqual([
      ['2026-09-28', 2],
      ['2026-10-12', 1],
    ]);
    expect(byMonth.map((r) => [r['at.month'], r.count])).toEqual([
      ['2026-10', 2],
      ['2026-09', 1],
    ]);
    expect(byDay.map((r) => r['seizedAt.day'])).toEqual(['2026-10-01']);
    await expect(withCases([DOVER], (cases) => cases.aggregate({ by: 'port.week' }))).rejects.toThrow(
      '"port" is not a date or time, so it has no .week',
    );
  });

  it("gives a report a reference set's rows, retired ones included", async () => {
    const organisation = await withCases([DOVER], async (_, ctx) => ctx.reference('organisation'));
    expect(organisation.get(DOVER)).toMatchObject({
      label: 'Dover Tourist Controls Team 1',
      attributes: { port: 'dover' },
    });
    expect(organisation.get(organisation.get(DOVER)!.parent!)?.label).toBeTruthy();
    expect((await withCases([DOVER], async (_, ctx) => ctx.reference('no-such-set'))).size).toBe(0);
  });

  it('counts a multi-valued field once per value, filters, and measures with filters', async () => {
    const [byReason, weighed, measures] = await withCases([DOVER], async (cases, ctx) => [
      await cases.aggregate({ by: 'reasons', within: ctx.period }),
      await cases.count({ where: { weighed: true }, within: ctx.period }),
      await cases.aggregate({
        measures: { all: { count: true }, notNegative: { count: { outcome: { not: 'negative' } } } },
        where: { reasons: ['behaviour', 'smell'] },
      }),
    ]);
    expect(byReason.map((r) => [r.reasons, r.count])).toEqual([
      ['Smell', 2],
      ['Behaviour', 1],
    ]);
    expect(weighed).toBe(1);
    expect(measures).toEqual([{ all: 2, notNegative: 2, ids: {} }]);
  });

  it('sums a repeating group’s items by item fields, with the distinct cases', async () => {
    const items = await withCases([DOVER], (cases, ctx) =>
      cases.items('items').aggregate({
        by: 'kind',
        measures: { quantity: { sum: 'quantity' }, cases: { cases: true }, big: { count: { quantity: { gte: 6 } } } },
        within: ctx.period,
      }),
    );
    expect(items).toEqual([
      { kind: 'Tobacco', quantity: 10, cases: 1, big: 1, ids: { kind: 'tobacco' } },
      { kind: 'Cash', quantity: 5, cases: 1, big: 0, ids: { kind: 'cash' } },
    ]);
  });

  it('sums the product of two numbers and counts the different values a name takes', async () => {
    const [items, cases] = await withCases([DOVER], async (c, ctx) => [
      await c.items('items').aggregate({
        measures: { squares: { sum: 'quantity', times: 'quantity' }, kinds: { distinct: 'kind' } },
        within: ctx.period,
      }),
      await c.aggregate({ measures: { weighed: { distinct: 'weighed' }, outcomes: { distinct: 'outcome' } } }),
    ]);
    expect(items).toEqual([{ squares: 125, kinds: 2, ids: {} }]); // 10 × 10 + 5 × 5
    expect(cases).toEqual([{ weighed: 2, outcomes: 1, ids: {} }]);
    await expect(
      withCases([DOVER], (c) => c.aggregate({ measures: { n: { sum: 'weighed', times: 'port' } } })),
    ).rejects.toThrow('"weighed" is not a number');
  });

  it('streams rows with labels, in order, with item counts', async () => {
    const rows = await withCases([DOVER], async (cases, ctx) => {
      const out: Record<string, unknown>[] = [];
      for await (const row of cases.rows({
        columns: ['reference', 'outcome', 'reasons', 'weighed', 'port', 'ownerTeam', 'state'],
        within: ctx.period,
        countItems: ['items'],
      })())
        out.push(row);
      return out;
    });
    expect(rows).toEqual([
      {
        reference: keys.first,
        outcome: 'Seizure',
        reasons: 'Smell, Behaviour',
        weighed: 'Yes',
        port: 'Port of Dover',
        ownerTeam: 'Dover Tourist Controls Team 1',
        state: 'Open',
        itemsCount: 2,
      },
      {
        reference: keys.second,
        outcome: 'Seizure',
        reasons: 'Smell',
        weighed: 'No',
        port: 'Port of Dover',
        ownerTeam: 'Dover Tourist Controls Team 1',
        state: 'Open',
        itemsCount: 0,
      },
    ]);
  });

  it('names a field that is not in the read model, and how to add it', async () => {
    await expect(withCases([DOVER], (cases) => cases.aggregate({ by: 'notes' }))).rejects.toThrow(
      new ReportQueryError(
        '"notes" is not in the seizure-log read model: mark the field with "report": true in forms/seizure-log.form.json',
      ),
    );
  });

  it('keeps an action’s answer when it is rebuilt from the cases', async () => {
    const def = app.boot.registry.get('seizure-log')!.readModel!;
    await app.sql("UPDATE core.read_model SET shape_hash = 'old' WHERE plugin_id = 'seizure-log'");
    expect(await installReadModel(app.boot.dataSource, def, app.boot.logger)).toBe(4);
    const outcomes = await app.sql<{ reference: string; outcome: string }>(
      'SELECT reference, outcome FROM plugin_seizure_log.read_case ORDER BY at',
    );
    expect(outcomes.find((o) => o.reference === keys.second)?.outcome).toBe('seizure');
  });
});
