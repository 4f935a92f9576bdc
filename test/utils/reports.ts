import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pdfText } from '../reports/poppler.js';

/** Request headers of a signed-in user, as `signIn` returns them. */
export type Auth = Record<string, string>;

/** A running app as the helpers need it: where it listens. */
export interface AppUrl {
  url: string;
}

/** An API response: its status and its JSON body (null when the body is not JSON). */
export interface ApiResponse {
  status: number;
  body: any;
}

/** A report PDF written to disk and the text `pdftotext -layout` extracts from it. */
export interface ReportPdf {
  file: string;
  text: string;
}

/** Calls the app's API as `auth`, sending `body` (if any) as JSON. */
export async function apiCall(
  app: AppUrl,
  method: string,
  path: string,
  auth: Auth,
  body?: unknown,
): Promise<ApiResponse> {
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/**
 * Starts a case of `pluginId` as `auth` with the start form's `answers` and returns the created
 * case; throws (naming the case `name`) unless it is created (201).
 */
export async function submitCase(
  app: AppUrl,
  auth: Auth,
  pluginId: string,
  answers: Record<string, unknown>,
  name: string,
): Promise<any> {
  const created = await apiCall(app, 'POST', `/api/plugins/${pluginId}/cases`, auth, { answers });
  if (created.status !== 201) throw new Error(`${name}: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body;
}

/**
 * Downloads the PDF at `path` as `auth`, expecting 200 and application/pdf, writes it to `file`
 * (creating its folder) and returns it with its text.
 */
export async function downloadReportPdf(app: AppUrl, auth: Auth, path: string, file: string): Promise<ReportPdf> {
  const response = await fetch(`${app.url}${path}`, { headers: auth });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return { file, text: await pdfText(file) };
}

/**
 * Runs the report `reportKey` as a job as `auth` (expecting 202), polls the run every 100 ms
 * (for up to 30 s) until it is done or failed, expects it done at 100%, then downloads its PDF
 * to `file` as `downloadReportPdf` does.
 */
export async function runReportPdf(
  app: AppUrl,
  auth: Auth,
  reportKey: string,
  parameters: Record<string, string>,
  file: string,
): Promise<ReportPdf> {
  const created = await apiCall(app, 'POST', `/api/reports/${reportKey}/runs`, auth, { parameters });
  expect(created.status).toBe(202);
  let run: any;
  for (let i = 0; i < 300 && !['done', 'failed'].includes(run?.status); i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    run = (await apiCall(app, 'GET', `/api/reports/runs/${created.body.id}`, auth)).body;
  }
  if (run?.status !== 'done') throw new Error(JSON.stringify(run));
  expect(run).toMatchObject({ status: 'done', progress: { percent: 100 } });
  return downloadReportPdf(app, auth, run.pdf, file);
}

/** What `expectMonthReportParameters` checks a month report against. */
export interface MonthReportParameterChecks {
  reportKey: string;
  /** The report's title in the manager's list. */
  title: string;
  manager: Auth;
  /** A user without access to the report: running it is refused (403). */
  officer: Auth;
  /** A real month (`YYYY-MM`) for the runs that should fail only for other reasons. */
  month: string;
  /** A team of another command than the manager's: not theirs to report on. */
  otherCommandTeam: string;
  /** Parameters after month and team, as `[name, type, required]`. */
  extraParameters?: [string, string, boolean][];
  /** The error when the month is missing (the parameter is labelled "Month" unless told). */
  missingMonthMessage?: string;
  /** The error for another command's team (the parameter is labelled "Team" unless told). */
  otherCommandTeamMessage?: string;
}

/**
 * The checks every month report shares: listed for the manager under its title with a required
 * month and an optional team (then any extra parameters); refused to the officer (403); and
 * 400s naming the parameter and its message for month '2026-13' ("Enter a real month"), a
 * missing month, and a team of another command.
 */
export async function expectMonthReportParameters(app: AppUrl, checks: MonthReportParameterChecks): Promise<void> {
  const { reportKey, manager, month } = checks;
  const listed = (await apiCall(app, 'GET', '/api/reports', manager)).body.reports as {
    id: string;
    title: string;
    parameters: { name: string; type: string; required?: boolean }[];
  }[];
  const report = listed.find((r) => r.id === reportKey);
  expect(report?.title).toBe(checks.title);
  expect(report?.parameters.map((p) => [p.name, p.type, p.required ?? false])).toEqual([
    ['month', 'month', true],
    ['team', 'team', false],
    ...(checks.extraParameters ?? []),
  ]);

  const run = (auth: Auth, parameters: Record<string, string>) =>
    apiCall(app, 'POST', `/api/reports/${reportKey}/runs`, auth, { parameters });
  expect((await run(checks.officer, { month })).status).toBe(403);
  const failures = [
    [{ month: '2026-13' }, 'parameters.month', 'Enter a real month'],
    [{}, 'parameters.month', checks.missingMonthMessage ?? 'Enter month'],
    [
      { month, team: checks.otherCommandTeam },
      'parameters.team',
      checks.otherCommandTeamMessage ?? 'Select a team in your command',
    ],
  ] as const;
  for (const [parameters, path, message] of failures) {
    const refused = await run(manager, parameters);
    expect([parameters, refused.status, refused.body?.errors]).toEqual([parameters, 400, [{ path, message }]]);
  }
}

/** What a month report prints at its top. */
export interface MonthReportHeading {
  title: string;
  /** The month as printed, such as "June 2026". */
  month: string;
  /** Its first to last day as printed, such as "01 Jun 2026 to 30 Jun 2026". */
  period: string;
  /** The SECURITY_MARKING the app was started with; OFFICIAL-SENSITIVE unless told. */
  marking?: string;
}

/** Expects a month report's text to print its title, the security marking, its month and its period. */
export function expectMonthReportHeading(text: string, heading: MonthReportHeading): void {
  expect(text).toContain(heading.title);
  expect(text).toContain(heading.marking ?? 'OFFICIAL-SENSITIVE');
  expect(text).toMatch(new RegExp(`Month\\s+${escapeRegExp(heading.month)}`));
  expect(text).toMatch(new RegExp(`Period\\s+${escapeRegExp(heading.period)}`));
}

/** The text between two headings (both must be there, in that order). */
export function section(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return text.slice(start + from.length, end);
}

/**
 * The lines of `text` matching `row` and not `except`, trimmed with their spaces collapsed: a
 * table's rows, for a pattern that only its rows match.
 */
export function tableRows(text: string, row: RegExp, except?: RegExp): string[] {
  return text
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => row.test(line) && !except?.test(line));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
