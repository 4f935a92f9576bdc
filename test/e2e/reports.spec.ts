import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createRootLogger } from '../../core/src/logging/logger.js';
import { preparePlugins } from '../../core/src/plugins/plugin-host.js';
import { backfillSql } from '../../core/src/read-model/read-model.sql.js';
import { ReportJobsService } from '../../core/src/reports/report-jobs.service.js';
import { ReportSchedulesService } from '../../core/src/reports/report-schedules.service.js';
import { pdfInfo, pdfText, pdfToPng } from '../reports/poppler.js';
import { FIXTURE_PLUGINS, signIn, startTestApp, type TestApp } from '../utils/app.js';

const OUT = join(process.cwd(), 'test-output', 'reports-e2e');
const DEBRIEF = 'hot-debrief.debriefs-by-category';

const debrief = (overrides: Record<string, unknown> = {}) => ({
  category: 'safety',
  occurredAt: '2026-11-10T09:15',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: false,
  ...overrides,
});

describe('reports', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let manager: Record<string, string>;
  let heathrowManager: Record<string, string>;
  let admin: Record<string, string>;
  let doverCaseId: string;

  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json().catch(() => null)) as any,
    };
  };

  /** Downloads a PDF to test-output and returns its path. */
  const download = async (path: string, auth: Record<string, string>, name: string) => {
    const response = await fetch(`${app.url}${path}`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.pdf"$/);
    const file = join(OUT, `${name}.pdf`);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return file;
  };

  const waitForRun = async (runId: string, auth: Record<string, string>) => {
    for (let i = 0; i < 300; i++) {
      const run = await call('GET', `/api/reports/runs/${runId}`, auth);
      if (run.body.status === 'done' || run.body.status === 'failed') return run.body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`run ${runId} did not finish`);
  };

  beforeAll(async () => {
    await mkdir(OUT, { recursive: true });
    app = await startTestApp({ env: { SECURITY_MARKING: 'OFFICIAL-SENSITIVE' } });
    await app.sql(`INSERT INTO core.app_user (username, display_name, password_hash, roles, team_id, grade)
      SELECT 'manager-lhr', 'Harriet Heathrow', password_hash, roles, 'heathrow-t2-arrivals-red-team', 'HEO' FROM core.app_user WHERE username = 'manager'`);
    [officer, manager, heathrowManager, admin] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'manager'),
      signIn(app, 'manager-lhr'),
      signIn(app, 'admin'),
    ]);
    // Dover (South East and Europe Command): 2 safety (1 needing action), 1 training; Heathrow: 2 equipment.
    const dover = [
      debrief(),
      debrief({ actionNeeded: true, actionDetails: 'Fix the barrier.' }),
      debrief({ category: 'training', occurredAt: '2026-11-12T18:00' }),
    ];
    for (const answers of dover) {
      const created = await call('POST', '/api/plugins/hot-debrief/cases', officer, { answers });
      expect(created.status).toBe(201);
      doverCaseId = created.body.id;
    }
    for (let i = 0; i < 2; i++) {
      const created = await call('POST', '/api/plugins/hot-debrief/cases', heathrowManager, {
        answers: debrief({ category: 'equipment', port: 'heathrow', team: 'heathrow-t2-arrivals-red-team' }),
      });
      expect(created.status).toBe(201);
    }
    // Border events and OARs straight into the core tables (the Command brief reads only those).
    await seedCommandBriefCases(app);
  });
  afterAll(async () => app?.close());

  it('lists the reports a manager may run, with parameters, and none for an officer', async () => {
    const listed = await call('GET', '/api/reports', manager);
    expect(listed.status).toBe(200);
    const ids = (listed.body.reports as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['command-brief', DEBRIEF]));
    const brief = (
      listed.body.reports as { id: string; parameters: { name: string }[]; schedule: string; nextRun: string }[]
    ).find((r) => r.id === 'command-brief')!;
    expect(brief.parameters.map((p) => p.name)).toEqual(['from', 'to', 'command', 'port', 'team', 'eventLog']);
    expect(brief.schedule).toBe('0 6 1 * *');
    // 6am UK time on the next 1st of a month: 06:00Z in winter, 05:00Z in summer.
    expect(brief.nextRun).toMatch(/^\d{4}-\d{2}-01T0[56]:00:00\.000Z$/);
    expect(Date.parse(brief.nextRun)).toBeGreaterThan(Date.now());
    const debrief = (listed.body.reports as { id: string; nextRun: string | null }[]).find((r) => r.id === DEBRIEF)!;
    expect(debrief.nextRun).toBeNull();
    expect((await call('GET', '/api/reports', officer)).body.reports).toEqual([]);
  });

  it('refuses officers with 403', async () => {
    const run = await call('POST', `/api/reports/${DEBRIEF}/runs`, officer, {
      parameters: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(run.status).toBe(403);
    expect((await call('GET', `/api/reports/command-brief/pdf?from=2026-11-01&to=2026-11-30`, officer)).status).toBe(
      403,
    );
  });

  it('rejects bad parameters with field-level messages', async () => {
    const post = (parameters: Record<string, unknown>) =>
      call('POST', `/api/reports/${DEBRIEF}/runs`, manager, { parameters });
    const notADate = await post({ from: '2026-02-30', to: '2026-11-30' });
    expect(notADate.status).toBe(400);
    expect(notADate.body.errors).toEqual([{ path: 'parameters.from', message: 'Enter a real date' }]);
    const backwards = await post({ from: '2026-11-30', to: '2026-11-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([{ path: 'parameters.to', message: 'To must be the same as or after from' }]);
    const missing = await post({});
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['parameters.from', 'parameters.to']);
    const unknownTeam = await post({ from: '2026-11-01', to: '2026-11-30', team: 'atlantis-team' });
    expect(unknownTeam.body.errors).toEqual([{ path: 'parameters.team', message: 'Select a team from the list' }]);
    const otherCommandTeam = await post({
      from: '2026-11-01',
      to: '2026-11-30',
      team: 'heathrow-t2-arrivals-red-team',
    });
    expect(otherCommandTeam.body.errors).toEqual([
      { path: 'parameters.team', message: 'Select a team in your command' },
    ]);
    const brief = (parameters: Record<string, unknown>) =>
      call('POST', '/api/reports/command-brief/runs', manager, { parameters });
    expect((await brief({ from: '2026-11-01', to: '2026-11-30', command: 'heathrow-command' })).body.errors).toEqual([
      { path: 'parameters.command', message: 'Select your own command' },
    ]);
    expect((await brief({ from: '2026-11-01', to: '2026-11-30', port: 'atlantis' })).body.errors).toEqual([
      { path: 'parameters.port', message: 'Select a location from the list' },
    ]);
    expect((await brief({ from: '2026-11-01', to: '2026-11-30', colour: 'red' })).body.errors).toEqual([
      { path: 'parameters.colour', message: 'colour is not a parameter of this report' },
    ]);
    expect((await call('POST', '/api/reports/no-such-report/runs', manager, { parameters: {} })).status).toBe(404);
  });

  it('runs the hot debrief report as a job: progress reaches 100, the PDF downloads, scoped to the command, audited', async () => {
    const created = await call('POST', `/api/reports/${DEBRIEF}/runs`, manager, {
      parameters: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(created.status).toBe(202);
    expect(created.body).toMatchObject({ reportId: DEBRIEF, status: expect.stringMatching(/queued|running/) });
    const done = await waitForRun(created.body.id, manager);
    expect(done).toMatchObject({
      status: 'done',
      progress: { percent: 100, rowsDone: 6, rowsTotal: 6 },
      pdf: `/api/reports/runs/${created.body.id}/pdf`,
    });
    expect((await call('GET', `/api/reports/runs/${created.body.id}`, heathrowManager)).status).toBe(404);

    const file = await download(done.pdf, manager, 'debriefs-by-category');
    const text = await pdfText(file);
    expect(text).toContain('Hot debriefs by category');
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toMatch(/Generated by\s+Morgan Manager/);
    expect(text).toMatch(/From\s+01 Nov 2026/);
    expect(text).toMatch(/Hot debriefs\s+3\b/);
    expect(text).toMatch(/Change needed before next shift\s+1 \(33\.3%\)/);
    expect(text).toMatch(/Safety\s+2\s+1/);
    expect(text).toMatch(/Training\s+1\s+0/);
    expect(text).not.toContain('Equipment'); // Heathrow's debriefs are another command's
    expect(text).toMatch(/Page 1 of 2/);
    expect((await pdfInfo(file)).Pages).toBe('2');
    await pdfToPng(file, join(OUT, 'debriefs-by-category'), { first: 1, last: 2, dpi: 60 });

    const audits = await app.sql<{ action: string; actor: string }>(
      'SELECT action, actor FROM core.audit WHERE entity_id = $1 ORDER BY id',
      [created.body.id],
    );
    expect(audits).toEqual([
      { action: 'report.requested', actor: 'manager' },
      { action: 'report.downloaded', actor: 'manager' },
    ]);

    const theirs = await call('POST', `/api/reports/${DEBRIEF}/runs`, heathrowManager, {
      parameters: { from: '2026-11-01', to: '2026-11-30' },
    });
    const theirText = await pdfText(
      await download((await waitForRun(theirs.body.id, heathrowManager)).pdf, heathrowManager, 'debriefs-heathrow'),
    );
    expect(theirText).toMatch(/Hot debriefs\s+2\b/);
    expect(theirText).toContain('Equipment');
    expect(theirText).not.toContain('Safety');

    const mine = await call('GET', '/api/reports/runs?mine=true', manager);
    expect(mine.body.runs.map((r: { id: string }) => r.id)).toContain(created.body.id);
    expect(mine.body.runs.map((r: { id: string }) => r.id)).not.toContain(theirs.body.id);
  });

  it('streams a report straight into the response', async () => {
    const file = await download(
      `/api/reports/${DEBRIEF}/pdf?from=2026-11-01&to=2026-11-30&team=dover-tourist-controls-team-1`,
      manager,
      'debriefs-direct',
    );
    const text = await pdfText(file);
    expect(text).toMatch(/Team\s+Dover Tourist Controls Team 1/);
    expect(text).toMatch(/Hot debriefs\s+3\b/);
    const bad = await call('GET', `/api/reports/${DEBRIEF}/pdf?from=2026-13-01&to=2026-11-30`, manager);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'parameters.from', message: 'Enter a real date' }]);
    const audited = await app.sql(
      "SELECT count(*)::int AS n FROM core.audit WHERE action = 'report.downloaded' AND entity_id = $1",
      [DEBRIEF],
    );
    expect(audited).toEqual([{ n: 1 }]);
  });

  it("renders the Command brief from core tables, totals scoped to the manager's command", async () => {
    const created = await call('POST', '/api/reports/command-brief/runs', manager, {
      parameters: { from: '2026-11-01', to: '2026-11-30', eventLog: 'yes' },
    });
    expect(created.status).toBe(202);
    const done = await waitForRun(created.body.id, manager);
    expect(done.status).toBe('done');
    const file = await download(done.pdf, manager, 'command-brief');
    const text = await pdfText(file);
    expect(text).toContain('Command brief');
    expect(text).toMatch(/OARs raised\s+3\b/);
    expect(text).toMatch(/Border events\s+4\b/);
    expect(text).toMatch(/Border event log\s+Included/);
    expect(text).toMatch(/Dover Tourist Controls Team 1\s+Dover\s+Port of Dover\s+3\s+4/);
    expect(text).toMatch(/All teams\s+3\s+4/);
    // By branch (teams, OARs, border events) and both kinds by location.
    expect(text).toMatch(
      /By branch\s+Branch\s+Teams\s+OARs\s+Border events\s+Dover\s+1\s+3\s+4\s+All branches\s+3\s+4/,
    );
    expect(text).toContain('OARs and border events by location');
    expect(text).not.toContain('Heathrow');
    expect(text).toContain('BF-20261103-901');
    expect(Number((await pdfInfo(file)).Pages)).toBeGreaterThanOrEqual(2);
    await pdfToPng(file, join(OUT, 'command-brief'), { first: 1, last: 3, dpi: 60 });

    const everything = await call('POST', '/api/reports/command-brief/runs', admin, {
      parameters: { from: '2026-11-01', to: '2026-11-30' },
    });
    const allText = await pdfText(
      await download((await waitForRun(everything.body.id, admin)).pdf, admin, 'command-brief-admin'),
    );
    expect(allText).toMatch(/Border events\s+6\b/);
    expect(allText).toMatch(/OARs raised\s+3\b/);
    expect(allText).toMatch(/Heathrow Terminal 2\s+1\s+0\s+2/);

    // The team filter narrows every figure to that team; another command's team is refused.
    const oneTeam = async (team: string) =>
      pdfText(
        await download(
          `/api/reports/command-brief/pdf?from=2026-11-01&to=2026-11-30&team=${team}`,
          manager,
          `command-brief-${team}`,
        ),
      );
    const team1 = await oneTeam('dover-tourist-controls-team-1');
    expect(team1).toMatch(/Team\s+Dover Tourist Controls Team 1/);
    expect(team1).toMatch(/Border events\s+4\b/);
    const team2 = await oneTeam('dover-tourist-controls-team-2');
    expect(team2).toMatch(/Border events\s+0\b/);
    expect(team2).toMatch(/OARs raised\s+0\b/);
    const foreign = await call(
      'GET',
      '/api/reports/command-brief/pdf?from=2026-11-01&to=2026-11-30&team=heathrow-t2-arrivals-red-team',
      manager,
    );
    expect(foreign.body.errors).toEqual([{ path: 'parameters.team', message: 'Select a team in your command' }]);
  });

  it('gives any case the caller may see as an evidence-pack PDF, audited', async () => {
    const file = await download(`/api/cases/${doverCaseId}/pdf`, officer, 'case');
    const text = await pdfText(file);
    const key = (await call('GET', `/api/cases/${doverCaseId}`, officer)).body.businessKey as string;
    expect(text).toContain(key);
    expect(text).toContain('OFFICIAL-SENSITIVE');
    expect(text).toMatch(/Where did it happen\?\s+Port of Dover/);
    expect(text).toMatch(/What is the debrief about\?\s+Training/);
    expect(text).toContain('Review hot debrief');
    expect(text).toContain('Case created');
    expect(text).toMatch(/Generated by\s+Olivia Officer/);
    await pdfToPng(file, join(OUT, 'case'), { first: 1, last: 1, dpi: 60 });
    expect((await fetch(`${app.url}/api/cases/${doverCaseId}/pdf`, { headers: heathrowManager })).status).toBe(404);
    expect(
      await app.sql("SELECT actor FROM core.audit WHERE action = 'case.pdf-downloaded' AND case_id = $1", [
        doverCaseId,
      ]),
    ).toEqual([{ actor: 'officer' }]);
  });

  it("queues a scheduled run exactly once with two instances up, and the manager sees their command's", async () => {
    const second = await startTestApp({ databaseUrl: app.databaseUrl });
    try {
      const firedAt = new Date('2026-12-01T06:00:00.004Z');
      const created = await Promise.all(
        [app, second, app, second].map((a) => a.app.get(ReportSchedulesService).tick('command-brief', firedAt)),
      );
      const commands = await app.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM core.reference_row WHERE set_id = 'organisation' AND attributes->>'level' = 'command'",
      );
      expect(created.reduce((a, b) => a + b, 0)).toBe(commands[0]!.n);
      const rows = await app.sql<{ command_id: string; parameters: Record<string, string> }>(
        "SELECT command_id, parameters FROM core.report_run WHERE report_id = 'command-brief' AND scheduled_for = '2026-12-01T06:00:00Z'",
      );
      expect(rows).toHaveLength(commands[0]!.n);
      expect(new Set(rows.map((r) => r.command_id)).size).toBe(rows.length);
      expect(rows[0]!.parameters).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });

      const listed = await call('GET', '/api/reports/runs?mine=true', manager);
      const scheduled = (listed.body.runs as { id: string; scheduled: boolean }[]).filter((r) => r.scheduled);
      expect(scheduled).toHaveLength(1);
      const done = await waitForRun(scheduled[0]!.id, manager);
      expect(done.status).toBe('done');
      const text = await pdfText(await download(done.pdf, manager, 'command-brief-scheduled'));
      expect(text).toMatch(/Border events\s+4\b/);
      expect(text).toMatch(/Generated by\s+Scheduled report \(South East and Europe Command\)/);
      await Promise.all([app, second].map((a) => a.app.get(ReportJobsService).idle()));
    } finally {
      await second.close();
    }
  });

  it('rejects bad schedules with field-level messages and writes nothing', async () => {
    const put = (body: unknown, auth = manager, report = 'command-brief') =>
      call('PUT', `/api/reports/${report}/schedule`, auth, body);
    const errorsOf = async (body: unknown) => {
      const answer = await put(body);
      expect(answer.status).toBe(400);
      return answer.body.errors as { path: string; message: string }[];
    };
    expect(await errorsOf({ cron: 'nonsense' })).toEqual([
      { path: 'cron', message: expect.stringMatching(/^Enter a cron expression with 5 fields/) },
    ]);
    expect(await errorsOf({ cron: '61 6 1 * *' })).toEqual([
      { path: 'cron', message: expect.stringMatching(/^Enter a valid cron expression/) },
    ]);
    expect(await errorsOf({ cron: '0 6 1 * * *' })).toEqual([
      { path: 'cron', message: expect.stringMatching(/5 fields/) },
    ]);
    expect(await errorsOf({ cron: '*/10 * * * *' })).toEqual([
      { path: 'cron', message: 'A scheduled report can run at most once an hour' },
    ]);
    expect(await errorsOf({ cron: '0 6 31 2 *' })).toEqual([
      { path: 'cron', message: expect.stringMatching(/^This cron expression never fires/) },
    ]);
    expect(await errorsOf({ cron: 5, enabled: 'yes', colour: 'red' })).toEqual([
      { path: 'colour', message: 'colour is not a known field' },
      { path: 'cron', message: expect.stringMatching(/^Enter a cron expression/) },
      { path: 'enabled', message: 'enabled must be true or false' },
    ]);
    // Parameters follow the report's own rules; the period and command are filled in per run.
    expect(
      await errorsOf({ parameters: { from: '2026-01-01', port: 'atlantis', eventLog: 'maybe', size: 'big' } }),
    ).toEqual(
      expect.arrayContaining([
        { path: 'parameters.from', message: expect.stringMatching(/filled in for each scheduled run/) },
        { path: 'parameters.port', message: 'Select a location from the list' },
        { path: 'parameters.eventLog', message: 'Select a border event log from the list' },
        { path: 'parameters.size', message: 'size is not a parameter of this report' },
      ]),
    );
    expect(await errorsOf({ parameters: 'all' })).toEqual([
      { path: 'parameters', message: 'parameters must be an object' },
    ]);
    // A report without a schedule of its own needs a cron before it can be enabled.
    const noDefault = await put({ enabled: true }, manager, DEBRIEF);
    expect(noDefault.status).toBe(400);
    expect(noDefault.body.errors).toEqual([
      { path: 'cron', message: 'Enter a cron expression: this report has no schedule of its own' },
    ]);
    expect((await put({ enabled: false }, officer)).status).toBe(403);
    expect((await call('GET', '/api/reports/command-brief/schedule', officer)).status).toBe(403);
    expect((await put({ enabled: false }, manager, 'no-such-report')).status).toBe(404);
    expect(await app.sql('SELECT report_id FROM core.report_schedule')).toEqual([]);
    expect(await app.sql("SELECT id FROM core.audit WHERE action = 'report.schedule-changed'")).toEqual([]);
  });

  it('sets a schedule through the API: in force on another instance without a restart, audited, next run shown', async () => {
    const second = await startTestApp({ databaseUrl: app.databaseUrl });
    const schedules = [app, second].map((a) => a.app.get(ReportSchedulesService));
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
      expect(check()).toBe(true);
    };
    try {
      const before = await call('GET', '/api/reports/command-brief/schedule', manager);
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        reportId: 'command-brief',
        cron: '0 6 1 * *',
        defaultCron: '0 6 1 * *',
        enabled: true,
        parameters: {},
        timeZone: 'Europe/London',
        source: 'default',
      });
      const next = new Date(before.body.nextRun as string);
      expect(next.getTime()).toBeGreaterThan(Date.now());
      expect(next.getUTCDate()).toBe(1);
      expect(schedules.map((s) => s.activeCron('command-brief'))).toEqual(['0 6 1 * *', '0 6 1 * *']);

      // 07:30 UK time on the 2nd, with the event log in every scheduled run.
      const set = await call('PUT', '/api/reports/command-brief/schedule', manager, {
        cron: '30 7 2 * *',
        parameters: { eventLog: 'yes' },
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        cron: '30 7 2 * *',
        enabled: true,
        parameters: { eventLog: 'yes' },
        source: 'custom',
        updatedBy: 'manager',
      });
      const nextRun = new Date(set.body.nextRun as string);
      expect(nextRun.getUTCDate()).toBe(2);
      expect(nextRun.toLocaleTimeString('en-GB', { timeZone: 'Europe/London' })).toBe('07:30:00');
      // The other instance rebuilt its job from the table on the notification.
      await until(() => schedules.every((s) => s.activeCron('command-brief') === '30 7 2 * *'));
      expect((await call('GET', '/api/reports/command-brief/schedule', admin)).body.cron).toBe('30 7 2 * *');
      const listed = (await call('GET', '/api/reports', manager)).body.reports as { id: string; schedule: string }[];
      expect(listed.find((r) => r.id === 'command-brief')?.schedule).toBe('30 7 2 * *');

      // A job still on the old cron (an instance that missed the change) queues nothing.
      expect(await schedules[1]!.tick('command-brief', new Date('2027-01-01T06:00:00Z'), '0 6 1 * *')).toBe(0);
      // Scheduled runs get the fixed parameters beside the period and the command.
      const commands = await app.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM core.reference_row WHERE set_id = 'organisation' AND attributes->>'level' = 'command'",
      );
      expect(await schedules[1]!.tick('command-brief', new Date('2027-01-02T07:30:00Z'), '30 7 2 * *')).toBe(
        commands[0]!.n,
      );
      const queued = await app.sql<{ parameters: Record<string, string> }>(
        "SELECT parameters FROM core.report_run WHERE report_id = 'command-brief' AND scheduled_for = '2027-01-02T07:30:00Z'",
      );
      expect(queued[0]!.parameters).toEqual({
        from: '2026-12-01',
        to: '2026-12-31',
        command: expect.any(String),
        eventLog: 'yes',
      });

      // Disabled: no job anywhere, no next run, a tick queues nothing.
      const off = await call('PUT', '/api/reports/command-brief/schedule', manager, { enabled: false });
      expect(off.body).toMatchObject({ enabled: false, nextRun: null, cron: '30 7 2 * *' });
      await until(() => schedules.every((s) => s.activeCron('command-brief') === undefined));
      const listedOff = (await call('GET', '/api/reports', manager)).body.reports as { id: string; schedule: string }[];
      expect(listedOff.find((r) => r.id === 'command-brief')?.schedule).toBeNull();
      expect(await schedules[0]!.tick('command-brief', new Date('2027-02-02T07:30:00Z'))).toBe(0);

      // Back to the report's own schedule.
      const reset = await call('PUT', '/api/reports/command-brief/schedule', admin, {
        cron: null,
        enabled: true,
        parameters: {},
      });
      expect(reset.body).toMatchObject({ cron: '0 6 1 * *', enabled: true, parameters: {}, updatedBy: 'admin' });
      await until(() => schedules.every((s) => s.activeCron('command-brief') === '0 6 1 * *'));

      const audits = await app.sql<{
        actor: string;
        detail: { before: { cron: string | null }; after: { enabled: boolean } };
      }>(
        "SELECT actor, detail FROM core.audit WHERE action = 'report.schedule-changed' AND entity_id = 'command-brief' ORDER BY id",
      );
      expect(audits.map((a) => a.actor)).toEqual(['manager', 'manager', 'admin']);
      expect(audits[0]!.detail.before.cron).toBeNull();
      expect(audits[1]!.detail.after.enabled).toBe(false);
      await Promise.all([app, second].map((a) => a.app.get(ReportJobsService).idle()));
    } finally {
      await second.close();
    }
  });

  it('quarantines plugins whose report templates are broken, naming the template and line', async () => {
    const registry = await preparePlugins([FIXTURE_PLUGINS], createRootLogger('silent'));
    const bad = registry.get('bad-report-template')!;
    expect(bad.status).toBe('quarantined');
    expect(bad.reason).toMatch(/^reports\/weekly\.report\.hbs:\d+: /);
    const unknown = registry.get('unknown-report-field')!;
    expect(unknown.status).toBe('quarantined');
    expect(unknown.reason).toContain('reports/summary.report.hbs:4: unknown field "seizures"');
    expect(unknown.reason).toContain('reports/orphan.report.hbs:0: no report "orphan" in the manifest');
    expect(registry.get('valid-fixture')?.status).toBe('enabled');
  });
});

/** Four Dover and two Heathrow border events in November 2026 (and one in December), three Dover OARs. */
async function seedCommandBriefCases(app: TestApp): Promise<void> {
  const [{ id: userId }] = await app.sql<{ id: string }>("SELECT id FROM core.app_user WHERE username = 'officer'");
  const events = [
    ['BF-20261103-901', 'dover-tourist-controls-team-1', 'dover', 'negative', '2026-11-03T10:00'],
    ['BF-20261104-902', 'dover-tourist-controls-team-1', 'dover', 'seizure', '2026-11-04T11:30'],
    ['BF-20261118-903', 'dover-tourist-controls-team-1', 'dover', 'negative', '2026-11-18T08:00'],
    ['BF-20261130-904', 'dover-tourist-controls-team-1', 'dover', 'negative', '2026-11-30T23:30'],
    ['BF-20261201-905', 'dover-tourist-controls-team-1', 'dover', 'negative', '2026-12-01T00:30'],
    ['BF-20261105-906', 'heathrow-t2-arrivals-red-team', 'heathrow', 'negative', '2026-11-05T09:00'],
    ['BF-20261106-907', 'heathrow-t2-arrivals-red-team', 'heathrow', 'negative', '2026-11-06T09:00'],
  ];
  for (const [key, team, port, outcome, at] of events) {
    const [row] = await app.sql<{ id: string }>(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by)
       VALUES ($1, 'event-at-border', 'event-at-border', 1, $2, 'submitted', $3, $4) RETURNING id`,
      [key, JSON.stringify({ eventDateTime: at, port, outcome, transportMode: 'roro-tourist' }), team, userId],
    );
    const instant = new Date(`${at}:00Z`);
    instant.setUTCHours(instant.getUTCHours() - 0); // November is GMT, so UK wall time = UTC
    await app.sql(
      "INSERT INTO core.case_term (case_id, term, path, value, normalised) VALUES ($1, 'event.dateTime', 'eventDateTime', $2, $3)",
      [row!.id, at, instant.toISOString()],
    );
  }
  for (const day of ['2026-11-02', '2026-11-09', '2026-11-16']) {
    await app.sql(
      `INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, created_at)
       VALUES ($1, 'operational-activity', 'operational-activity', 1, $2, 'submitted', 'dover-tourist-controls-team-1', $3, $4)`,
      [
        `BF-${day.replace(/-/g, '')}-95${day.slice(-1)}`,
        JSON.stringify({ location: 'dover' }),
        userId,
        `${day}T20:00:00Z`,
      ],
    );
  }
  // Written straight into core.case, so the read models the report reads are filled as after a rebuild.
  for (const plugin of ['event-at-border', 'operational-activity'])
    await app.sql(backfillSql(app.boot.registry.get(plugin)!.readModel!), [plugin]);
}
