import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ReadModelSync } from '../../core/src/read-model/read-model-sync.js';
import { CerberusSimulator } from '../cerberus-sim/simulator.js';
import { targetSheet } from '../cerberus-sim/target-sheets.js';
import { pdfInfo, pdfToPng } from '../reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import {
  apiCall,
  expectMonthReportHeading,
  expectMonthReportParameters,
  runReportPdf,
  section,
  tableRows,
  type Auth,
} from '../utils/reports.js';

const OUT = join(process.cwd(), 'test-output', 'cerberus-loop-report');
const REPORT = 'cerberus-loop';
const TITLE = 'Cerberus targets and outcomes in a month';
const SECRET = 'test-monthly-targets-secret-aaaaaaaaaaaaaaaaaa';
const HOUR = 3600_000;
/** An hour ago as a UK wall-clock date-time (never in the future, GMT or BST). */
const anHourAgo = () => new Date(Date.now() - HOUR).toISOString().slice(0, 16);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Table rows of a section: lines ending in a figure or "–", spaces collapsed (a wrapped cell's
 * next line and page footers are left out).
 */
const rows = (text: string): string[] => tableRows(text, /^\S.* (\d[\d,.]*%?|–)$/, / Page \d+ of \d+$/);

interface Target {
  targetId: string;
  caseId: string;
  businessKey: string;
}

/**
 * Cerberus targets received over the signed API, outcomes recorded by officers through the API
 * and delivered to a stand-in Cerberus (which accepts some, refuses one and is unavailable for
 * others), then the month report run as a manager. Targets arrive now (26 Nov 2026 on this
 * clock); each is then dated into October 2026 by setting when it was received and when its
 * outcome was recorded, the only way to place a receipt in another month.
 */
describe('Cerberus loop report: targets and outcomes in a month', () => {
  let app: TestApp;
  let cerberus: Server;
  let sim: CerberusSimulator;
  let officer: Auth;
  let freight: Auth;
  let manager: Auth;
  /**
   * Outcome revisions (`<target id>:<revision>`) the stand-in Cerberus refuses (422: dead-lettered
   * at once) or cannot take (503: retried, ten minutes later).
   */
  const refuse = new Set<string>();
  const unavailable = new Set<string>();
  const t: Record<string, Target> = {};

  const receive = async (name: string, port: string, receivingTeam: string) => {
    const sheet = targetSheet({ port, receivingTeam });
    const sent = await sim.sendTarget(sheet);
    if (sent.status !== 201) throw new Error(`${name}: ${sent.status} ${JSON.stringify(sent.body)}`);
    t[name] = {
      targetId: String(sheet.targetId),
      caseId: String(sent.body.caseId),
      businessKey: String(sent.body.businessKey),
    };
  };

  const recordOutcome = async (
    who: Auth,
    name: string,
    answers: Record<string, unknown>,
    fromTarget = false,
  ): Promise<{ id: string; businessKey: string }> => {
    const target = t[name]!;
    const created = await apiCall(app, 'POST', '/api/plugins/target-outcome/cases', who, {
      answers: { targetReference: target.targetId, outcomeDateTime: anHourAgo(), ...answers },
      ...(fromTarget ? { linkedTo: [target.businessKey] } : {}),
    });
    if (created.status !== 201)
      throw new Error(`outcome for ${name}: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body;
  };

  const action = async (name: string, id: string) => {
    const target = t[name]!;
    const current = await apiCall(app, 'GET', `/api/cases/${target.businessKey}`, officer);
    const taken = await apiCall(app, 'POST', `/api/cases/${target.caseId}/actions/${id}`, officer, {
      version: current.body.version,
    });
    if (taken.status !== 200) throw new Error(`${id} ${name}: ${taken.status} ${JSON.stringify(taken.body)}`);
  };

  /**
   * Copies a case changed here in SQL into its plugin's read model, as the core does in the
   * transaction of every change it makes.
   */
  const synced = (pluginId: string, caseId: string) =>
    app.app.get(ReadModelSync).sync(app.boot.dataSource.manager, pluginId, caseId);

  /** When the target was received (its case and its Cerberus receipt), and when its outcome was recorded. */
  const dateTarget = async (name: string, receivedAt: string, outcomeAfterHours?: number) => {
    const target = t[name]!;
    await app.sql('UPDATE core.case SET created_at = $2 WHERE id = $1', [target.caseId, receivedAt]);
    await app.sql('UPDATE core.cerberus_target SET received_at = $2 WHERE case_id = $1', [target.caseId, receivedAt]);
    await synced('target-information', target.caseId);
    if (outcomeAfterHours === undefined) return;
    const recordedAt = new Date(Date.parse(receivedAt) + outcomeAfterHours * HOUR).toISOString();
    const [outcome] = await app.sql<{ id: string }>(
      `UPDATE core.case SET created_at = $2 WHERE plugin_id = 'target-outcome' AND answers->>'targetReference' = $1
       RETURNING id`,
      [target.targetId, recordedAt],
    );
    expect(outcome).toBeDefined();
    await synced('target-outcome', outcome!.id);
  };

  /** Runs the report as a job as the manager, waits for it, downloads the PDF and returns its text. */
  const runReport = (parameters: Record<string, string>, name: string) =>
    runReportPdf(app, manager, REPORT, parameters, join(OUT, `${name}.pdf`));

  beforeAll(async () => {
    // The stand-in Cerberus: takes every outcome except those it is told to refuse or cannot take.
    cerberus = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const outcome = JSON.parse(Buffer.concat(chunks).toString()) as { targetId: string; revision: number };
        const revision = `${outcome.targetId}:${outcome.revision}`;
        const status = refuse.has(revision) ? 422 : unavailable.has(revision) ? 503 : 201;
        res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => cerberus.listen(0, '127.0.0.1', resolve));
    app = await startTestApp({
      env: {
        SECURITY_MARKING: 'OFFICIAL-SENSITIVE',
        CERBERUS_SECRETS: SECRET,
        CERBERUS_OUTCOME_URL: `http://127.0.0.1:${(cerberus.address() as AddressInfo).port}/outcomes`,
        OUTBOX_POLL_MS: '100',
        // A failed delivery is retried only after ten minutes: "waiting" stays waiting for the test.
        OUTBOX_BASE_BACKOFF_MS: '600000',
        OUTBOX_MAX_BACKOFF_MS: '600000',
      },
    });
    sim = new CerberusSimulator({ secret: SECRET, coreUrl: app.url });
    [officer, freight, manager] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'freight'),
      signIn(app, 'manager'),
    ]);
    for (const [who, teamId, location] of [
      [officer, 'dover-freight-team-a', 'dover'],
      [freight, 'felixstowe-freight-team-a', 'felixstowe'],
    ] as const)
      expect((await apiCall(app, 'POST', '/api/shift', who, { teamId, location })).status).toBe(200);

    // South East and Europe Command (the manager's): Dover Freight Team A and B.
    for (const name of ['t1', 't2', 't3', 't6', 't8', 'september', 'november'])
      await receive(name, 'dover', 'dover-freight-team-a');
    for (const name of ['t4', 't5']) await receive(name, 'folkestone-eurotunnel', 'dover-freight-team-a');
    await receive('t7', 'folkestone-eurotunnel', 'dover-freight-team-b');
    // Central Command: not the manager's.
    await receive('felixstowe', 'felixstowe', 'felixstowe-freight-team-a');
    refuse.add(`${t.t4!.targetId}:1`);
    unavailable.add(`${t.t5!.targetId}:1`);
    unavailable.add(`${t.t2!.targetId}:2`); // t2's correction

    await recordOutcome(officer, 't1', { outcome: 'positive', linkedCase: 'BF-20261001-7' }, true);
    // Recorded as a no show, then corrected to negative: counted as negative.
    const t2 = await recordOutcome(officer, 't2', { outcome: 'no-show', reason: 'did-not-travel' }, true);
    await recordOutcome(officer, 't3', { outcome: 'no-show', reason: 'did-not-travel' });
    await recordOutcome(officer, 't4', { outcome: 'negative' }, true);
    await recordOutcome(officer, 't5', { outcome: 'missed', reason: 'staff-committed-elsewhere' });
    await recordOutcome(officer, 'september', { outcome: 'negative' });
    await recordOutcome(freight, 'felixstowe', { outcome: 'positive', linkedCase: 'BF-20261015-3' });
    const corrected = await apiCall(app, 'POST', `/api/cases/${t2.id}/actions/correct`, officer, {
      version: 1,
      answers: { outcome: 'negative', explanation: 'The driver travelled a day late and was examined then.' },
    });
    expect(corrected.status).toBe(200);
    // Closed without an outcome: accepted, then marked complete by Cerberus (an integration-only
    // action; officers must record an outcome instead), set here as that action leaves it.
    await action('t8', 'accept');
    const t8 = await apiCall(app, 'GET', `/api/cases/${t.t8!.businessKey}`, officer);
    const byOfficer = await apiCall(app, 'POST', `/api/cases/${t.t8!.caseId}/actions/complete`, officer, {
      version: t8.body.version,
    });
    expect(byOfficer.status).toBe(403);
    await app.sql(`UPDATE core.case SET state = 'complete', version = version + 1 WHERE id = $1`, [t.t8!.caseId]);
    await synced('target-information', t.t8!.caseId);

    // Wait until Cerberus took every outcome it accepts, refused t4's and failed t5's and t2's correction's first try.
    const settled = async () =>
      (
        await app.sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM core.outbox WHERE topic = 'cerberus.outcome'
              AND (status IN ('delivered', 'dead') OR (status = 'pending' AND attempts > 0))`,
        )
      )[0]!.n;
    for (let i = 0; i < 200 && (await settled()) < 8; i++) await sleep(50);
    expect(
      await app.sql(
        `SELECT o.payload->>'targetId' AS "targetId", (o.payload->>'revision')::int AS revision, o.status
           FROM core.outbox o WHERE o.topic = 'cerberus.outcome' AND o.status <> 'delivered' ORDER BY o.id`,
      ),
    ).toEqual([
      { targetId: t.t4!.targetId, revision: 1, status: 'dead' },
      { targetId: t.t5!.targetId, revision: 1, status: 'pending' },
      { targetId: t.t2!.targetId, revision: 2, status: 'pending' },
    ]);

    // Into October 2026 (UK time: BST until 01:00 UTC on 25 October, then GMT), with hours to outcome.
    await dateTarget('t1', '2026-10-01T00:30:00+01:00', 2); // 30 Sep 23:30 UTC: October in the UK
    await dateTarget('t2', '2026-10-05T10:00:00+01:00', 4);
    await dateTarget('t3', '2026-10-12T08:00:00+01:00', 10);
    await dateTarget('t4', '2026-10-20T14:00:00+01:00', 30);
    await dateTarget('t5', '2026-10-25T09:00:00Z', 6);
    await dateTarget('t6', '2026-10-28T12:00:00Z');
    await dateTarget('t7', '2026-10-31T23:30:00Z');
    await dateTarget('t8', '2026-10-15T09:00:00+01:00');
    // Outside the month either side, and another command inside it.
    await dateTarget('september', '2026-09-30T23:30:00+01:00', 1);
    await dateTarget('november', '2026-11-01T00:15:00Z');
    await dateTarget('felixstowe', '2026-10-15T11:00:00+01:00', 3);
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => cerberus?.close(resolve));
  });

  it('is listed for managers with a month and a team, and checks its parameters', async () => {
    await expectMonthReportParameters(app, {
      reportKey: REPORT,
      title: TITLE,
      manager,
      officer,
      month: '2026-10',
      otherCommandTeam: 'felixstowe-freight-team-a',
    });
  });

  it("October 2026: key figures, by port, outcome results and targets awaiting, only the manager's command", async () => {
    const before = Date.now();
    const { file, text } = await runReport({ month: '2026-10' }, 'monthly-targets');
    const after = Date.now();
    expectMonthReportHeading(text, { title: TITLE, month: 'October 2026', period: '01 Oct 2026 to 31 Oct 2026' });

    // t1–t8: five with an outcome, t6 and t7 awaiting, t8 marked complete without one.
    expect(text).toMatch(/Targets received\s+8\n/);
    expect(text).toMatch(/With an outcome recorded\s+5 \(62\.5%\)/);
    expect(text).toMatch(/Still awaiting an outcome\s+2 \(25\.0%\)/);
    expect(text).toMatch(/Closed without an outcome\s+1 \(12\.5%\)/);
    // Hours to outcome 2, 4, 10, 30, 6: median 6; 90% within 30 (the value at or above 90% of them).
    expect(text).toMatch(/Hours to outcome: median\s+6\.0\n/);
    expect(text).toMatch(/Hours to outcome: 90th percentile\s+30\.0\n/);
    // By each outcome's latest revision: t1, t3 delivered; t2's correction and t5 retrying (t2's
    // first revision was delivered); t4 refused (a dead letter).
    expect(text).toMatch(/Outcomes sent to Cerberus\s+2 of 5\n/);
    expect(text).toMatch(/Outcomes waiting to be sent\s+2\n/);
    expect(text).toMatch(/Outcomes that failed to send\s+1\n/);

    // By port: Targets, Outcomes recorded, Awaiting, Closed, Median hours; most targets first.
    const byPort = rows(section(text, 'By port', 'Outcome results'));
    expect(byPort).toEqual([
      'Port of Dover 5 3 1 1 4.0', // t1, t2, t3 (2, 4, 10 hours), t6, t8
      expect.stringMatching(/^Eurotunnel Le Shuttle terminal, .*3 2 1 0 18\.0$/), // t4, t5 (30, 6 hours), t7
      'All ports 8 5 2 1',
    ]);

    expect(rows(section(text, 'Outcome results', 'The outcome as it stands now'))).toEqual([
      'Negative 2 40.0%', // t2 as corrected, t4
      'Missed 1 20.0%',
      'No show 1 20.0%',
      'Positive 1 20.0%',
      'All outcomes 5',
    ]);

    // Oldest first: t6 (28 Oct 12:00), t7 (31 Oct 23:30), with whole hours waiting to the run.
    const awaiting = section(text, 'Targets awaiting an outcome', 'Handling:');
    expect(awaiting).toContain('Every target still awaiting an outcome, oldest first.');
    const waited = (receivedAt: string) => {
      const lo = Math.floor((before - Date.parse(receivedAt)) / HOUR);
      const hi = Math.floor((after - Date.parse(receivedAt)) / HOUR);
      return lo === hi
        ? `${lo.toLocaleString('en-GB')}`
        : `(${lo.toLocaleString('en-GB')}|${hi.toLocaleString('en-GB')})`;
    };
    const listed = rows(awaiting);
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatch(
      new RegExp(
        `^${t.t6!.targetId} 28 Oct 2026, 12:00 Port of Dover Dover Freight Team A ${waited('2026-10-28T12:00:00Z')}$`,
      ),
    );
    expect(listed[1]).toMatch(
      new RegExp(
        `^${t.t7!.targetId} 31 Oct 2026, 23:30 Eurotunnel Le Shuttle Dover Freight Team B ${waited('2026-10-31T23:30:00Z')}$`,
      ),
    );
    expect(awaiting).toMatch(/^\s+terminal, Folkestone\n\s+\(Cheriton\)\n/m); // the port's name wraps in its column

    // Nothing from September, November or the other command.
    expect(text).not.toContain('Felixstowe');
    for (const other of ['september', 'november', 'felixstowe']) expect(text).not.toContain(t[other]!.targetId);
    const pages = (await pdfInfo(file)).Pages;
    expect(text).toContain(`Page 1 of ${pages}`);
    await pdfToPng(file, join(OUT, 'monthly-targets'), { first: 1, last: 1, dpi: 60 });
  });

  it("one team of the command: only that team's targets", async () => {
    const { text } = await runReport({ month: '2026-10', team: 'dover-freight-team-b' }, 'team-b');
    expect(text).toMatch(/Team\s+Dover Freight Team B/);
    expect(text).toMatch(/Targets received\s+1\n/);
    expect(text).toMatch(/With an outcome recorded\s+0 \(0\.0%\)/);
    expect(text).toMatch(/Still awaiting an outcome\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Closed without an outcome\s+0 \(0\.0%\)/);
    expect(text).not.toMatch(/Hours to outcome: median|Outcomes sent to Cerberus|Outcome results/);
    expect(text).toContain('No outcomes have been recorded yet for the targets received in this month.');
    expect(rows(section(text, 'By port', 'Targets awaiting an outcome'))).toEqual([
      expect.stringMatching(/^Eurotunnel Le Shuttle terminal, .*1 0 1 0 –$/),
      'All ports 1 0 1 0',
    ]);
    expect(text).toContain(t.t7!.targetId);
    expect(text).not.toContain('Port of Dover');
  });

  it('September 2026: the target received at 23:30 on the 30th (UK time), with its outcome, and none awaiting', async () => {
    const { text } = await runReport({ month: '2026-09' }, 'september');
    expect(text).toMatch(/Targets received\s+1\n/);
    expect(text).toMatch(/With an outcome recorded\s+1 \(100\.0%\)/);
    expect(text).toMatch(/Still awaiting an outcome\s+0 \(0\.0%\)/);
    expect(text).toMatch(/Hours to outcome: median\s+1\.0\n/);
    expect(text).toMatch(/Hours to outcome: 90th percentile\s+1\.0\n/);
    expect(text).toMatch(/Outcomes sent to Cerberus\s+1 of 1\n/);
    expect(rows(section(text, 'By port', 'Outcome results'))).toEqual([
      'Port of Dover 1 1 0 0 1.0',
      'All ports 1 1 0 0',
    ]);
    expect(rows(section(text, 'Outcome results', 'The outcome as it stands now'))).toEqual([
      'Negative 1 100.0%',
      'All outcomes 1',
    ]);
    expect(text).toContain('None: every target received in this month has an outcome recorded or was closed.');
  });

  it('lists at most 20 targets awaiting an outcome, those waiting longest, and says how many more there are', async () => {
    const names = Array.from({ length: 22 }, (_, i) => `august-${i}`);
    for (const name of names) await receive(name, 'dover', 'dover-freight-team-a');
    // 1 August 2026 from 08:00 UK time (BST), an hour apart, received in reverse order of posting.
    for (const [i, name] of names.entries())
      await dateTarget(name, new Date(Date.parse('2026-08-01T08:00:00+01:00') + (21 - i) * HOUR).toISOString());
    const { text } = await runReport({ month: '2026-08' }, 'august');
    expect(text).toMatch(/Targets received\s+22\n/);
    expect(text).toMatch(/Still awaiting an outcome\s+22 \(100\.0%\)/);
    const awaiting = section(text, 'Targets awaiting an outcome', 'Handling:');
    expect(awaiting.replace(/\s+/g, ' ')).toContain(
      'The 20 targets waiting longest, oldest first; 2 more are not listed. Hours waiting are to when this report was generated.',
    );
    const listed = rows(awaiting).map((row) => row.split(' ')[0]);
    // Oldest first: the last posted was received first; the two received last are not listed.
    expect(listed).toEqual(
      names
        .slice(2)
        .reverse()
        .map((name) => t[name]!.targetId),
    );
    expect(rows(awaiting)[0]).toMatch(/ 01 Aug 2026, 08:00 Port of Dover Dover Freight Team A \d[\d,]*$/);
  });

  it("the dashboard's hours to outcome is the report's median, for the month, last month and last year", async () => {
    const response = await apiCall(app, 'GET', '/api/dashboard?month=2026-10', manager);
    expect(response.status).toBe(200);
    const tiles = response.body.tiles as { id: string; figures: unknown[]; links: { cases: string } }[];
    const hours = tiles.find((tile) => tile.id === 'cerberus-loop.hours')!;
    // 2, 4, 10, 30 and 6 hours in October (the PDF's "median 6.0"); September's one; none a year before.
    expect(hours.figures).toEqual([
      {
        label: 'Median hours from target to outcome',
        value: 6,
        previous: expect.any(Number),
        lastYear: null,
        unit: 'hours',
      },
    ]);
    const behind = await apiCall(app, 'GET', '/api/dashboard/cases?tile=cerberus-loop.hours&month=2026-10', manager);
    expect(behind.body.cases).toHaveLength(5);
  });

  it('a month with nothing recorded says so instead of printing empty tables', async () => {
    const { file, text } = await runReport({ month: '2026-06' }, 'empty-month');
    expect(text).toMatch(/Month\s+June 2026/);
    expect(text).toMatch(/Targets received\s+0\n/);
    expect(text).toContain('Nothing recorded: no targets from Cerberus were received in this month.');
    expect(text).not.toMatch(/With an outcome recorded|By port|Outcome results|Targets awaiting an outcome/);
    expect((await pdfInfo(file)).Pages).toBe('1');
  });
});
