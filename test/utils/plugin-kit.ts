import { randomUUID } from 'node:crypto';
import { startFormId } from '../../core/src/plugins/start-form.js';
import { pluginSchema } from '../../core/src/sdk/index.js';
import { signIn, startTestApp, type TestApp, type TestAppOptions } from './app.js';
import { apiCall, runReportPdf, type ApiResponse, type Auth, type ReportPdf } from './reports.js';

/** A demo user's name (`officer`, `manager`, `admin`, …) or headers `signIn` returned. */
export type As = string | Auth;

/** A field-level error as the API reports it. */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * The calls a plugin's spec makes, bound to one running app and one plugin, so the spec states
 * what the workflow does rather than how to reach it. Each call checks the status it expects and
 * throws with the response body otherwise, so a failing step names itself.
 *
 * ```ts
 * const kit = pluginKit('hot-debrief');
 * beforeAll(() => kit.start());
 * afterAll(() => kit.stop());
 * it('…', async () => {
 *   const created = await kit.submit({ category: 'safety', … });
 *   expect(await kit.refused({})).toContainEqual({ path: 'category', message: 'Select …' });
 * });
 * ```
 */
export interface PluginKit {
  readonly pluginId: string;
  /** The running app (for `app.sql`, `app.url`); set by `start`. */
  readonly app: TestApp;
  start(options?: TestAppOptions): Promise<TestApp>;
  stop(): Promise<void>;
  /** Headers for a demo user, signed in once per kit. */
  auth(as: As): Promise<Auth>;
  /** GET/POST/PATCH… as a user, without checking the status. */
  call(method: string, path: string, as: As, body?: unknown): Promise<ApiResponse>;
  /** The plugin's state in the admin's status list and whether `as` is offered it. */
  loaded(as?: As): Promise<{ state: string; canStart: boolean; reason?: string }>;
  /** Starts a case (expects 201) and returns it. */
  submit(answers: Record<string, unknown>, as?: As): Promise<any>;
  /** Submits answers that must be refused (expects 400) and returns the field errors. */
  refused(answers: Record<string, unknown>, as?: As): Promise<FieldError[]>;
  /** The case as `as` sees it (expects 200). */
  case(caseId: string, as?: As): Promise<any>;
  /** Takes a workflow action on the case's current version (expects 200) and returns the case. */
  act(caseId: string, action: string, as?: As, answers?: Record<string, unknown>): Promise<any>;
  /** Runs one of the plugin's reports to a PDF as `as` (default manager) and returns its text. */
  report(reportId: string, parameters: Record<string, string>, as?: As): Promise<string>;
  /** Like `report`, with the PDF's file (for its page count or a picture of it) beside its text. */
  reportPdf(reportId: string, parameters: Record<string, string>, as?: As): Promise<ReportPdf>;
  /**
   * The case's row in the plugin's read model (docs/plugins.md, "Marking fields for reporting"):
   * `state`, `owner_team`, `at` and a column per marked field, as PostgreSQL returns them (a
   * `numeric` as a string, a date-time as a Date), and under each repeating group's snake_case
   * name the rows of its items. The core's bookkeeping (ids, reference, who submitted and when)
   * is left out, so `toEqual` states exactly what the plugin keeps for reports.
   */
  readCase(caseId: string): Promise<Record<string, unknown>>;
  /**
   * Submits the plugin's demo samples (the manifest's `demo`) as the seeder does, each as its
   * demo user, and returns the cases; a refused sample throws with the field errors.
   */
  demo(): Promise<any[]>;
  /** Takes an action whose answers must be refused (expects 400) and returns the field errors. */
  actRefused(caseId: string, action: string, answers: Record<string, unknown>, as?: As): Promise<FieldError[]>;
  /** Saves the answers as a new draft of the start form (expects 200) and returns it, calculations done. */
  draft(answers: Record<string, unknown>, as?: As): Promise<any>;
  /** Starts `as`'s shift (team and port; it stays started), then returns what the start form is pre-filled with. */
  prefill(as: As, shift: { teamId: string; location: string }): Promise<Record<string, unknown>>;
  /** The tables in the plugin's schema its own migrations made (not the core's read model or migration log). */
  ownTables(): Promise<string[]>;
}

export function pluginKit(pluginId: string, defaults: TestAppOptions = {}): PluginKit {
  let app: TestApp | undefined;
  const signedIn = new Map<string, Promise<Auth>>();
  const running = (): TestApp => {
    if (!app) throw new Error(`pluginKit('${pluginId}'): call start() first (in beforeAll)`);
    return app;
  };
  const auth = (as: As): Promise<Auth> => {
    if (typeof as !== 'string') return Promise.resolve(as);
    if (!signedIn.has(as)) signedIn.set(as, signIn(running(), as));
    return signedIn.get(as)!;
  };
  const call = async (method: string, path: string, as: As, body?: unknown) =>
    apiCall(running(), method, path, await auth(as), body);
  const expectStatus = (response: ApiResponse, status: number, what: string): ApiResponse => {
    if (response.status !== status)
      throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  };
  const kase = async (caseId: string, as: As = 'officer') =>
    expectStatus(await call('GET', `/api/cases/${caseId}`, as), 200, `case ${caseId}`).body;
  const submit = async (answers: Record<string, unknown>, as: As = 'officer') => {
    const response = await call('POST', `/api/plugins/${pluginId}/cases`, as, { answers });
    return expectStatus(response, 201, `submit ${pluginId}`).body;
  };
  const reportPdf = async (reportId: string, parameters: Record<string, string>, as: As = 'manager') => {
    const file = `test-output/${pluginId}/${reportId}-${Object.values(parameters).join('_') || 'all'}.pdf`;
    return runReportPdf(running(), await auth(as), `${pluginId}.${reportId}`, parameters, file);
  };

  return {
    pluginId,
    get app() {
      return running();
    },
    async start(options = {}) {
      app = await startTestApp({ ...defaults, ...options });
      return app;
    },
    async stop() {
      await app?.close();
      app = undefined;
      signedIn.clear();
    },
    auth,
    call,
    async loaded(as: As = 'officer') {
      const status = await call('GET', '/api/plugins/status', 'admin');
      const entry = status.body?.plugins?.find((p: { id: string }) => p.id === pluginId);
      if (!entry) throw new Error(`${pluginId} is not in /api/plugins/status`);
      const listed = await call('GET', '/api/plugins', as);
      const offered = listed.body?.plugins?.find((p: { id: string }) => p.id === pluginId);
      return {
        state: entry.state,
        canStart: offered?.canStart === true,
        ...(entry.reason ? { reason: entry.reason } : {}),
      };
    },
    submit,
    async refused(answers, as = 'officer') {
      const response = await call('POST', `/api/plugins/${pluginId}/cases`, as, { answers });
      return expectStatus(response, 400, `submit ${pluginId} (expected refused)`).body.errors as FieldError[];
    },
    case: kase,
    async act(caseId, action, as = 'manager', answers) {
      const { version } = await kase(caseId, as);
      const body = { version, ...(answers ? { answers } : {}) };
      const response = await call('POST', `/api/cases/${caseId}/actions/${action}`, as, body);
      return expectStatus(response, 200, `action ${action} on ${caseId}`).body;
    },
    async report(reportId, parameters, as = 'manager') {
      return (await reportPdf(reportId, parameters, as)).text;
    },
    reportPdf,
    async readCase(caseId) {
      const schema = pluginSchema(pluginId);
      const [row] = await running().sql(`SELECT * FROM "${schema}".read_case WHERE case_id = $1`, [caseId]);
      if (!row) throw new Error(`case ${caseId} is not in ${schema}.read_case`);
      const { case_id: _id, reference: _ref, submitted_by: _by, submitted_at: _at, updated_at: _up, ...kept } = row;
      const groups = await running().sql<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name LIKE 'read\\_case\\_%' ORDER BY 1",
        [schema],
      );
      for (const { table_name: table } of groups) {
        const items = await running().sql(`SELECT * FROM "${schema}"."${table}" WHERE case_id = $1 ORDER BY line`, [
          caseId,
        ]);
        kept[table.slice('read_case_'.length)] = items.map(({ case_id: _c, line: _l, ...item }) => item);
      }
      return kept;
    },
    async demo() {
      const manifest = running().boot.registry.get(pluginId)?.manifest;
      if (!manifest) throw new Error(`${pluginId} is not a plugin this app loaded`);
      const now = new Date();
      const cases = [];
      for (const { username, count, answers } of manifest.demo ?? [])
        for (let i = 0; i < count; i++) cases.push(await submit(answers(i, now), username));
      return cases;
    },
    async actRefused(caseId, action, answers, as = 'manager') {
      const { version } = await kase(caseId, as);
      const response = await call('POST', `/api/cases/${caseId}/actions/${action}`, as, { version, answers });
      return expectStatus(response, 400, `action ${action} on ${caseId} (expected refused)`).body
        .errors as FieldError[];
    },
    async draft(answers, as = 'officer') {
      const response = await call('PUT', `/api/plugins/${pluginId}/drafts/${randomUUID()}`, as, { answers });
      return expectStatus(response, 200, `draft of ${pluginId}`).body;
    },
    async prefill(as, shift) {
      expectStatus(await call('POST', '/api/shift', as, shift), 200, 'start shift');
      const plugin = running().boot.registry.get(pluginId);
      const startForm = plugin ? startFormId(plugin) : undefined;
      if (!startForm) throw new Error(`${pluginId} has no start form in this app`);
      const response = await call('GET', `/api/plugins/${pluginId}/forms/${startForm}/prefill`, as);
      return expectStatus(response, 200, `prefill of ${pluginId}`).body.answers;
    },
    async ownTables() {
      const tables = await running().sql<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations' AND table_name NOT LIKE 'read\\_case%' ORDER BY 1",
        [pluginSchema(pluginId)],
      );
      return tables.map((t) => t.table_name);
    },
  };
}

/**
 * `pluginKit` started before the describe block's tests and stopped after them: call it inside
 * `describe(...)`.
 */
export function usePluginKit(pluginId: string, options: TestAppOptions = {}): PluginKit {
  const kit = pluginKit(pluginId, options);
  beforeAll(() => kit.start());
  afterAll(() => kit.stop());
  return kit;
}
