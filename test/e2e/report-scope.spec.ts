import { mkdir } from 'node:fs/promises';
import { backfillSql } from '../../core/src/read-model/read-model.sql.js';
import type { ReportParameterDefinition } from '../../core/src/sdk/index.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { apiCall, runReportPdf, type Auth } from '../utils/reports.js';

const OUT = 'test-output/report-scope';
const FOREIGN_TEAM = 'heathrow-t2-arrivals-red-team';

interface ReportSummary {
  id: string;
  parameters: ReportParameterDefinition[];
}

/** Parameters that take in every demo case: a wide date range, this month, the first choice of a select. */
function parametersFor(report: ReportSummary, now: Date): Record<string, string> {
  const values: Record<string, string> = {};
  const yearAgo = new Date(now.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const dates = report.parameters.filter((p) => p.type === 'date');
  for (const p of report.parameters) {
    if (p.type === 'month') values[p.name] = now.toISOString().slice(0, 7);
    else if (p.type === 'date') values[p.name] = p === dates[0] ? yearAgo : now.toISOString().slice(0, 10);
    else if (p.type === 'select' && p.options?.length) values[p.name] = p.options[p.options.length - 1]!.value;
  }
  return values;
}

/** The PDF's text without the moment it was generated (two runs a minute apart differ there only). */
const comparable = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/Generated at/.test(line))
    .join('\n');

/**
 * The scope of every report, whichever plugin wrote it and however (a summary, a query on the
 * read model, SQL on the surface views, a cross-workflow report): a manager's run reads as if
 * another command's cases did not exist. Every report is run for the Dover manager over every
 * demo case; then a copy of every case is filed under a Heathrow team and every report runs
 * again: the Dover manager's PDFs must not change by a character, while an admin's must.
 */
describe("every report stays within the caller's command", () => {
  let app: TestApp;
  let manager: Auth;
  let admin: Auth;
  let reports: ReportSummary[];
  const now = new Date();

  beforeAll(async () => {
    app = await startTestApp({ env: { DEMO_CASES: 'true' } });
    expect(await app.demoCases).toBeGreaterThan(20);
    [manager, admin] = await Promise.all([signIn(app, 'manager'), signIn(app, 'admin')]);
    const listed = await apiCall(app, 'GET', '/api/reports', admin);
    expect(listed.status).toBe(200);
    reports = listed.body.reports;
    await mkdir(OUT, { recursive: true });
  }, 180_000);
  afterAll(async () => app?.close());

  const runAll = async (who: Auth, label: string) => {
    const texts = new Map<string, string>();
    for (const report of reports) {
      const pdf = await runReportPdf(
        app,
        who,
        report.id,
        parametersFor(report, now),
        `${OUT}/${report.id}-${label}.pdf`,
      );
      texts.set(report.id, comparable(pdf.text));
    }
    return texts;
  };

  it("runs every report, and another command's cases change none of a manager's figures", async () => {
    // Every plugin's report and the two cross-workflow ones (the Command brief and the Cerberus loop).
    const declared = app.boot.registry.enabled().flatMap((p) => p.manifest.reports ?? []).length;
    expect(reports.length).toBe(declared + 2);
    const before = await runAll(manager, 'manager-before');
    const adminBefore = await runAll(admin, 'admin-before');

    // A copy of every case, owned by a team of another command, then into the read models.
    await app.sql(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, action_answers, state, team_id, created_by, created_at)
       SELECT 'X' || business_key, plugin_id, form_id, form_version, answers, action_answers, state, $1, created_by, created_at
         FROM core.case`,
      [FOREIGN_TEAM],
    );
    for (const plugin of app.boot.registry.enabled())
      if (plugin.readModel) await app.sql(backfillSql(plugin.readModel), [plugin.id]);

    const after = await runAll(manager, 'manager-after');
    const adminAfter = await runAll(admin, 'admin-after');
    for (const report of reports)
      expect({ report: report.id, text: after.get(report.id) }).toEqual({
        report: report.id,
        text: before.get(report.id),
      });
    // The copies are real cases that reports count: an admin (every command) sees them in most reports.
    const changedForAdmin = reports.filter((r) => adminAfter.get(r.id) !== adminBefore.get(r.id));
    expect(changedForAdmin.length).toBeGreaterThanOrEqual(Math.ceil(reports.length / 2));
  }, 600_000);
});
