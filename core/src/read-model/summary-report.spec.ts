import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import { compilePluginReports } from '../reports/report-templates.js';
import type { PluginReport } from '../sdk/manifest.js';
import type { ReportSummary } from '../sdk/report-cases.types.js';
import { standardTerms } from '../terms/standard-terms.js';
import { readModelOf, type ReadModelDefinition } from './read-model.definition.js';
import { checkSummary, headings, summaryTemplate } from './summary-report.js';

const formFile = fileURLToPath(
  new URL('../../../test/fixtures/read-model-plugins/seizure-log/forms/seizure-log.form.json', import.meta.url),
);
const form = JSON.parse(readFileSync(formFile, 'utf8')) as { id: string };
const def = readModelOf('seizure-log', form as never, standardTerms) as ReadModelDefinition;

const summary: ReportSummary = {
  measures: {
    seizures: { label: 'Seizures', count: true },
    weighed: { label: 'Weighed', count: { weighed: true } },
  },
  by: { outcome: 'Outcome', port: 'Location' },
  items: [
    { group: 'items', title: 'Items', by: ['kind'], measures: { quantity: { label: 'Quantity', sum: 'quantity' } } },
  ],
  list: ['at', 'reference', 'port', 'weighed'],
};

const plugin = (reports: PluginReport[], templates: UsablePlugin['templates'] = []): UsablePlugin =>
  ({
    id: 'seizure-log',
    dir: '/nowhere',
    status: 'enabled',
    manifest: { id: 'seizure-log', title: 'S', description: 'S', version: '1.0.0', sdk: '^1.0.0', reports },
    migrations: [],
    forms: [{ file: 'seizure-log.form.json', definition: form }],
    templates,
    logger: pino({ level: 'silent' }),
  }) as UsablePlugin;

const report = (s: ReportSummary, extra: Partial<PluginReport> = {}): PluginReport => ({
  id: 'monthly',
  title: 'Monthly',
  description: 'D',
  roles: ['manager'],
  period: 'month',
  summary: s,
  ...extra,
});

describe('summary reports', () => {
  it('accepts a declaration whose every name is in the read model', async () => {
    expect(await checkSummary(summary, def)).toEqual([]);
  });

  it('names a field that is not marked for reporting, a figure that clashes with a breakdown, and a sum of text', async () => {
    expect(await checkSummary({ ...summary, by: ['notes'] }, def)).toEqual([
      expect.stringContaining('"notes" is not in the seizure-log read model'),
    ]);
    expect(await checkSummary({ ...summary, by: ['seizures'] }, def)).toContain(
      '"seizures" is both a breakdown and a figure: rename the figure',
    );
    expect(await checkSummary({ measures: { n: { label: 'N', sum: 'port' } } }, def).then((p) => p.join())).toContain(
      '"port" is not a number',
    );
    expect(await checkSummary({ measures: {} }, def)).toContain(
      'summary.measures is empty: declare at least one figure',
    );
    expect(await checkSummary(summary, undefined)).toContain(
      'a summary report needs fields marked "report": true in the start form',
    );
  });

  it('heads names alone after a breakdown of the same name, the core columns, or the name', () => {
    expect(headings(['port', 'at', 'ownerTeam', 'actionNeeded'], { port: 'Location' })).toEqual([
      ['port', 'Location'],
      ['at', 'When'],
      ['ownerTeam', 'Team'],
      ['actionNeeded', 'Action needed'],
    ]);
  });

  it('lays out key figures with shares, a table per breakdown, the items and the list, escaping headings', () => {
    const { source, fields } = summaryTemplate({ ...summary, by: { outcome: 'Outcome <{{x}}> & "more"' } }, def);
    expect(source).toContain(
      '<item label="Weighed">{{formatNumber totals.weighed}} ({{percent totals.weighed totals.seizures}})</item>',
    );
    expect(source).toContain('<col label="Outcome &lt;&#123;&#123;x}}&gt; &amp; &quot;more&quot;" width="3"/>');
    expect(source).toContain('<col label="When" field="at" format="datetime" width="2"/>');
    expect(source).toContain('<col label="Weighed" field="weighed" format="text" width="1.6"/>');
    expect(fields).toEqual(
      expect.arrayContaining(['totals.seizures', 'by.outcome.outcome', 'items.g0.by.kind.quantity', 'rows.reference']),
    );
  });

  it('lays out figures over items, divided, and a breakdown by two names; checks divideBy and decimals', async () => {
    const hours: ReportSummary = {
      measures: {
        seizures: { label: 'Seizures', count: true },
        perItem: { label: 'Quantity per 10', column: 'Per 10', sum: 'quantity', items: 'items', divideBy: 10 },
        ports: { label: 'Ports', distinct: 'port' },
      },
      by: { port: { heading: 'Location', with: { outcome: 'Outcome' }, measures: ['seizures', 'perItem'] } },
      items: [
        {
          group: 'items',
          title: 'Items',
          by: { kind: { heading: 'Kind', total: 'All items' } },
          measures: { quantity: { label: 'Quantity', sum: 'quantity' }, cases: { label: 'Seizures', cases: true } },
        },
      ],
    };
    expect(await checkSummary(hours, def)).toEqual([]);
    const { source, fields } = summaryTemplate(hours, def);
    expect(source).toContain('<item label="Quantity per 10">{{formatNumber totals.perItem 1}}</item>');
    expect(source).toContain('<item label="Ports">{{formatNumber totals.ports}}</item>');
    expect(source).toContain('<col label="Per 10" format="number" decimals="1" width="1.4" total="sum"/>');
    // Two names: a column each and no chart; a seizure with items of two kinds is not totalled twice.
    expect(source).toContain('<h2>By location and outcome</h2>');
    expect(source).toContain('<col label="Outcome" width="2.6"/>');
    expect(source).not.toContain('<chart');
    expect(source).toContain('<col label="Seizures" format="integer" width="1.4"/>');
    expect(fields).toEqual(expect.arrayContaining(['by.port.outcome', 'by.port.perItem', 'items.g0.by.kind.cases']));
    // The number of different ports is 1 on every row of a breakdown by port.
    expect(summaryTemplate({ ...hours, by: { port: 'Location' } }, def).source).not.toContain('<col label="Ports"');
    expect(summaryTemplate({ ...hours, by: { outcome: 'Outcome' } }, def).source).toContain('<col label="Ports"');
    expect(
      await checkSummary(
        { measures: { n: { label: 'N', sum: 'quantity', items: 'items', divideBy: 0, decimals: 9 } } },
        def,
      ),
    ).toEqual([
      'figure "n": divideBy must be a number above 0',
      'figure "n": decimals must be a whole number from 0 to 6',
    ]);
    expect(
      (await checkSummary({ measures: { n: { label: 'N', count: true, items: 'things' } } }, def)).join(),
    ).toContain('"things" is not a repeating group');
    expect(await checkSummary({ ...hours, by: { port: { heading: 'Location', with: ['seizures'] } } }, def)).toContain(
      '"seizures" is both a breakdown and a figure: rename the figure',
    );
  });

  it('compiles into the catalogue without a template, and refuses a report with a summary and a query', async () => {
    const ok = await compilePluginReports(plugin([report(summary)]));
    expect(ok.ok && ok.reports.map((r) => [r.key, r.report.parameters?.map((p) => p.name)])).toEqual([
      ['seizure-log.monthly', ['month', 'team']],
    ]);
    const both = await compilePluginReports(plugin([report(summary, { query: async () => ({ data: {} }) })]));
    expect(both).toEqual({ ok: false, reason: 'report "monthly": declares both a summary and a query: keep one' });
    const bad = await compilePluginReports(plugin([report({ ...summary, list: ['notes'] })]));
    expect(bad.ok ? '' : bad.reason).toMatch(/^report "monthly": "notes" is not in the seizure-log read model/);
  });

  it("lays out a summary with the plugin's own template when there is one, checked against the summary's fields", async () => {
    const template = (source: string) => [{ file: 'monthly.report.hbs', id: 'monthly', source }];
    const ok = await compilePluginReports(
      plugin([report(summary)], template('<p>{{formatNumber totals.seizures}}</p>')),
    );
    expect(ok.ok).toBe(true);
    const bad = await compilePluginReports(plugin([report(summary)], template('<p>{{totals.seizurez}}</p>')));
    expect(bad.ok ? '' : bad.reason).toContain('unknown field "totals.seizurez"');
  });
});
