import { randomUUID } from 'node:crypto';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { RequestMethod, type Type } from '@nestjs/common';
import fc from 'fast-check';
import { AppModule } from '../../core/src/app.module.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { demoSamples } from '../utils/plugin-forms.js';

/**
 * Property-based fuzzing of every route that takes a body (issue 20, "Done when"): each
 * plugin's start form and drafts, sign-in, shift, comments, actions, reports, schedules,
 * covers, reference rows and Cerberus targets get payloads fast-check makes from valid bodies
 * (fields dropped, replaced, added; hostile keys and text) and hostile raw bodies (deep
 * nesting, invalid UTF-8, UTF-16, `__proto__`, wrong content types). For all of them: no
 * answer is a 5xx, every 400 names its fields by path, and what was stored matches what was
 * accepted (row counts move only by the requests answered 2xx).
 *
 * FUZZ_SEED repeats a run (the seed is printed when it fails); FUZZ_SCALE multiplies the
 * number of payloads (1 = a little over 10,000).
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const CONCURRENCY = 8;

/** Routes with a body the fuzz does not send JSON to, and why. */
const NOT_JSON = new Set([
  'POST /api/plugins/:pluginId/drafts/:draftId/attachments', // multipart file upload (attachments.spec.ts)
  'POST /api/cases/:id/actions/:actionId/attachments', // multipart file upload
]);

interface Payload {
  route: string;
  method: string;
  path: string;
  auth: Record<string, string>;
  /** JSON value, or raw bytes / text with their content type. */
  body: unknown;
  raw?: { bytes: Uint8Array; contentType?: string };
  headers?: Record<string, string>;
}

interface Outcome {
  payload: Payload;
  status: number;
  answer: unknown;
  ms: number;
}

// ---- hostile values -------------------------------------------------------------------------

const PROTO_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'prototype', 'hasOwnProperty', 'then'];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      '   ',
      '\t\n',
      'x\u0000y',
      '\u0000',
      'x\ud800',
      '\udfff',
      '\ud83d\ude00',
      ...PROTO_KEYS,
      '9999-12',
      '0000-01',
      '2026-13-45',
      '2026-02-30',
      '2026-11-20T25:61',
      '1e309',
      '-1',
      'NaN',
      "'; DROP TABLE core.case; --",
      '<script>alert(1)</script>',
      '{{constructor}}',
      '../../etc/passwd',
      'BF-20261124-1',
      'dover',
      'dover-tourist-controls-team-1',
      'officer',
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 4_000, max: 12_000 }).map((n) => 'x'.repeat(n)) },
);

const hostileKey = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    fc.integer(),
    fc.constantFrom(0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** A valid body with fields dropped, replaced or added, also one level down. */
function mutated(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey;
  const change = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key, value: hostileValue }),
    fc.record({ kind: fc.constant('drop' as const), key }),
    fc.record({ kind: fc.constant('deep' as const), key, inner: hostileKey, value: hostileValue }),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => apply(base, changes)) },
    { weight: 1, arbitrary: hostileValue },
  );
}

type Change =
  | { kind: 'set'; key: string; value: unknown }
  | { kind: 'drop'; key: string }
  | { kind: 'deep'; key: string; inner: string; value: unknown };

function apply(base: Record<string, unknown>, changes: Change[]): Record<string, unknown> {
  const out: Record<string, unknown> = JSON.parse(JSON.stringify(base));
  for (const c of changes) {
    if (c.kind === 'drop') delete out[c.key];
    else if (c.kind === 'set')
      Object.defineProperty(out, c.key, { value: c.value, enumerable: true, writable: true, configurable: true });
    else {
      // Own properties only: `out.__proto__` is Object.prototype, which must not be written to.
      const current = Object.hasOwn(out, c.key) ? out[c.key] : undefined;
      const inner =
        Array.isArray(current) && current.length > 0 && typeof current[0] === 'object' && current[0] !== null
          ? (current[0] as Record<string, unknown>)
          : typeof current === 'object' && current !== null && !Array.isArray(current)
            ? (current as Record<string, unknown>)
            : undefined;
      if (inner)
        Object.defineProperty(inner, c.inner, { value: c.value, enumerable: true, writable: true, configurable: true });
      else
        Object.defineProperty(out, c.key, {
          value: { [c.inner]: c.value },
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
  }
  return out;
}

/** Raw bodies that are not the JSON a route expects at all. */
const hostileRaw: fc.Arbitrary<{ bytes: Uint8Array; contentType?: string }> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 65, max: 20_000 }), fc.constantFrom('[', '{"a":'))
    .map(([depth, open]) => json(`${open.repeat(depth)}1`)),
  fc.constantFrom(
    json(''),
    json('   '),
    json('{"username":'),
    json('{"__proto__":{"admin":true}}'),
    json('{"answers":{"__proto__":{"x":1}}}'),
    json('null'),
    json('[]'),
    json('"text"'),
    json('{"a":"\\u0000"}'),
    json('{"a":"\\ud800"}'),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({
    bytes: Buffer.concat([Buffer.from('{"a":"'), b, Buffer.from('"}')]),
    contentType: 'application/json',
  })),
  fc.constant({
    bytes: Buffer.from('\ufeff{"username":"x","password":"y"}', 'utf16le'),
    contentType: 'application/json',
  }),
  fc.constantFrom(
    { bytes: Buffer.from('{"username":"x","password":"y"}'), contentType: 'text/plain' },
    { bytes: Buffer.from('username=x&password=y'), contentType: 'application/x-www-form-urlencoded' },
    { bytes: Buffer.from('{"username":"x"}'), contentType: undefined },
    { bytes: Buffer.from('{"username":"x"}'), contentType: 'application/json; charset=latin1' },
    { bytes: Buffer.from('<x/>'), contentType: 'application/xml' },
  ),
);

function json(text: string): { bytes: Uint8Array; contentType: string } {
  return { bytes: Buffer.from(text), contentType: 'application/json' };
}

// ---- the spec -------------------------------------------------------------------------------

describe('fuzzing every route that takes a body', () => {
  let app: TestApp;
  const users: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_MAX_FAILED_SIGN_INS: '100' } });
    for (const name of ['officer', 'manager', 'admin', 'intel', 'freight', 'pluginadmin'])
      users[name] = await signIn(app, name);
  }, 120_000);
  afterAll(async () => app?.close(), 120_000);

  /** `POST /api/cases/:id/comments`, … for every controller method with a @Body() parameter. */
  function bodyRoutes(): string[] {
    const controllers = (AppModule.forRoot(app.boot).controllers ?? []) as Type<unknown>[];
    return controllers.flatMap((controller) => {
      const base = String(Reflect.getMetadata('path', controller) ?? '');
      const proto = controller.prototype as Record<string, object>;
      return Object.getOwnPropertyNames(proto)
        .filter((name) => name !== 'constructor')
        .filter((name) => {
          const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, unknown>;
          return Object.keys(args).some((k) => k.startsWith(`${RouteParamtypes.BODY}:`));
        })
        .map((name) => {
          const method = RequestMethod[Reflect.getMetadata('method', proto[name]!) as number]!;
          const path = `/${[base, String(Reflect.getMetadata('path', proto[name]!))].filter((p) => p && p !== '/').join('/')}`;
          return `${method} ${path.replace(/\/+/g, '/')}`;
        });
    });
  }

  it(
    'answers no 5xx, names every 400 by path and stores nothing it refused',
    async () => {
      const officer = users.officer!;
      const manager = users.manager!;
      const admin = users.admin!;
      const post = async (path: string, auth: Record<string, string>, body: unknown) => {
        const response = await fetch(`${app.url}${path}`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        return { status: response.status, body: (await response.json()) as any };
      };

      // Cases to comment on and act on, and a task to assign.
      const debrief = {
        category: 'safety',
        occurredAt: '2026-11-20T14:30',
        port: 'dover',
        team: 'dover-tourist-controls-team-1',
        description: 'Lane 3 barrier failed to lower while a car was being searched.',
        actionNeeded: false,
      };
      const created = await Promise.all(
        [1, 2, 3].map(() => post('/api/plugins/hot-debrief/cases', officer, { answers: debrief })),
      );
      const caseIds = created.map((c) => c.body.id as string);
      expect(created.map((c) => c.status)).toEqual([201, 201, 201]);
      const tasks = (await (await fetch(`${app.url}/api/tasks?scope=team`, { headers: manager })).json()) as {
        tasks: { id: string }[];
      };
      const taskIds = tasks.tasks.map((t) => t.id).slice(0, 3);
      const reports = (
        (await (await fetch(`${app.url}/api/reports`, { headers: manager })).json()) as { reports: { id: string }[] }
      ).reports.map((r) => r.id);

      const now = new Date();
      const plugins = app.boot.registry.enabled();
      const starts = plugins.map((plugin) => {
        const sample = demoSamples(plugin.manifest, now)[0];
        return {
          id: plugin.id,
          user:
            users[sample?.username ?? ''] ??
            (plugin.manifest.startRoles?.includes('officer') === false ? admin : officer),
          answers: sample?.answers ?? {},
          formId: plugin.manifest.startForm ?? plugin.id,
        };
      });

      const n = (count: number) => Math.max(1, Math.round(count * SCALE));
      const samples: Payload[] = [];
      const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, seedOffset: number) =>
        fc.sample(arbitrary, { numRuns: n(count), seed: SEED + seedOffset });
      let offset = 0;
      const add = (
        route: string,
        count: number,
        make: (body: unknown, i: number) => Omit<Payload, 'route' | 'body'>,
        base: Record<string, unknown>,
      ) => {
        sample(mutated(base), count, ++offset).forEach((body, i) => samples.push({ route, body, ...make(body, i) }));
        sample(hostileRaw, Math.ceil(count / 10), ++offset).forEach((raw, i) =>
          samples.push({ route, body: undefined, raw, ...make(undefined, i) }),
        );
      };

      // Every plugin's start form: answers mutated from its own demo sample (or none), and the envelope.
      for (const start of starts) {
        const route = 'POST /api/plugins/:pluginId/cases';
        const make = () => ({ method: 'POST', path: `/api/plugins/${start.id}/cases`, auth: start.user });
        sample(mutated(start.answers), 432, ++offset).forEach((answers) =>
          samples.push({ route, body: { answers }, ...make() }),
        );
        sample(
          mutated({ answers: start.answers, linkedTo: ['BF-20261124-1'], draftId: randomUUID() }),
          40,
          ++offset,
        ).forEach((body) => samples.push({ route, body, ...make() }));
        sample(hostileRaw, 20, ++offset).forEach((raw) => samples.push({ route, body: undefined, raw, ...make() }));
        add(
          'PUT /api/plugins/:pluginId/drafts/:draftId',
          40,
          () => ({ method: 'PUT', path: `/api/plugins/${start.id}/drafts/${randomUUID()}`, auth: start.user }),
          { answers: start.answers, formId: start.formId },
        );
      }
      add('POST /api/auth/login', 150, () => ({ method: 'POST', path: '/api/auth/login', auth: {} }), {
        username: 'nobody-here',
        password: 'demo-password',
      });
      add('POST /api/auth/refresh', 150, () => ({ method: 'POST', path: '/api/auth/refresh', auth: {} }), {
        refreshToken: 'x'.repeat(40),
      });
      add('POST /api/shift', 200, () => ({ method: 'POST', path: '/api/shift', auth: officer }), {
        teamId: 'dover-tourist-controls-team-1',
        location: 'dover',
      });
      add(
        'POST /api/cases/:id/comments',
        250,
        (_, i) => ({ method: 'POST', path: `/api/cases/${caseIds[i % caseIds.length]}/comments`, auth: manager }),
        { body: 'Checked with the engineers.' },
      );
      add(
        'POST /api/cases/:id/actions/:actionId',
        250,
        (_, i) => ({
          method: 'POST',
          path: `/api/cases/${caseIds[i % caseIds.length]}/actions/${['review', 'close', 'constructor'][i % 3]}`,
          auth: manager,
        }),
        { version: 1, answers: {} },
      );
      add(
        'POST /api/tasks/:id/assign',
        150,
        (_, i) => ({ method: 'POST', path: `/api/tasks/${taskIds[i % taskIds.length]}/assign`, auth: manager }),
        { username: 'officer2' },
      );
      add(
        'POST /api/reports/:reportId/runs',
        250,
        (_, i) => ({ method: 'POST', path: `/api/reports/${reports[i % reports.length]}/runs`, auth: manager }),
        { parameters: { month: '2026-10', from: '2026-10-01', to: '2026-10-31' } },
      );
      add(
        'PUT /api/reports/:reportId/schedule',
        // Fewer: a valid cron is checked by computing its next 48 firings, ~0.4 s of CPU a request.
        40,
        (_, i) => ({ method: 'PUT', path: `/api/reports/${reports[i % reports.length]}/schedule`, auth: admin }),
        { cron: '0 6 1 * *', enabled: false, parameters: {} },
      );
      add('POST /api/team-covers', 200, () => ({ method: 'POST', path: '/api/team-covers', auth: manager }), {
        username: 'freight',
        teamId: 'dover-tourist-controls-team-1',
        validFrom: '2026-11-20T08:00:00Z',
        validTo: '2026-11-21T08:00:00Z',
        reason: 'Covering a shift',
        kind: 'cover',
      });
      add(
        'POST /api/reference/:set/rows',
        200,
        (_, i) => ({
          method: 'POST',
          path: `/api/reference/${['ports', 'items', 'constructor'][i % 3]}/rows`,
          auth: admin,
        }),
        { id: 'fuzz-row', label: 'Fuzz row', validFrom: '2026-11-20', attributes: { unlocode: 'GBFUZ' } },
      );
      add(
        'PATCH /api/reference/:set/rows/:rowId',
        150,
        (_, i) => ({
          method: 'PATCH',
          path: `/api/reference/ports/rows/${['dover', 'no-such-row'][i % 2]}`,
          auth: admin,
        }),
        { label: 'Port of Dover', validTo: null },
      );
      add(
        'POST /api/integrations/outbox/redrive',
        150,
        () => ({ method: 'POST', path: '/api/integrations/outbox/redrive', auth: admin }),
        { topic: 'no.such.topic', createdFrom: '2026-11-01T00:00:00Z', errorContains: 'refused', limit: 10 },
      );
      add(
        'POST /api/integrations/cerberus/targets',
        150,
        () => ({
          method: 'POST',
          path: '/api/integrations/cerberus/targets',
          auth: {},
          headers: { 'x-cerberus-timestamp': String(Math.floor(Date.now() / 1000)), 'x-cerberus-signature': 'v1=00' },
        }),
        { targetReference: 'CERB-1', version: 1 },
      );

      // Every route that takes a body is fuzzed (a new one must be added here).
      const covered = new Set(samples.map((s) => s.route));
      expect(bodyRoutes().filter((r) => !covered.has(r) && !NOT_JSON.has(r))).toEqual([]);
      expect(samples.length).toBeGreaterThanOrEqual(n(10_000));

      const counted = {
        case: 'POST /api/plugins/:pluginId/cases',
        draft: 'PUT /api/plugins/:pluginId/drafts/:draftId',
        case_comment: 'POST /api/cases/:id/comments',
        report_run: 'POST /api/reports/:reportId/runs',
        team_cover: 'POST /api/team-covers',
        reference_row: 'POST /api/reference/:set/rows',
        cerberus_target: 'POST /api/integrations/cerberus/targets',
      };
      const counts = async () =>
        Object.fromEntries(
          await Promise.all(
            Object.keys(counted).map(async (table) => [
              table,
              Number((await app.sql<{ n: string }>(`SELECT count(*) AS n FROM core.${table}`))[0]!.n),
            ]),
          ),
        ) as Record<keyof typeof counted, number>;
      const before = await counts();

      const outcomes: Outcome[] = [];
      let next = 0;
      const started = Date.now();
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < samples.length) {
            const payload = samples[next++]!;
            outcomes.push(await send(payload));
          }
        }),
      );
      const seconds = (Date.now() - started) / 1000;

      const byStatus = new Map<number, number>();
      for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
      const serverErrors = outcomes.filter((o) => o.status >= 500);
      const pathless = outcomes.filter((o) => o.status === 400 && !hasFieldPaths(o.answer));
      const report = `seed ${SEED}: ${outcomes.length} payloads in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries(byStatus))}`;
      if (process.env.FUZZ_TIMING) {
        const time = new Map<string, number>();
        for (const o of outcomes) time.set(o.payload.route, (time.get(o.payload.route) ?? 0) + o.ms);
        process.stdout.write(
          `${report}\n${[...time].map(([r, ms]) => `${r}: ${(ms / 1000).toFixed(1)} s`).join('\n')}\n`,
        );
      }
      // Shown with the first few offenders, to be repeated with FUZZ_SEED.
      expect({ report, serverErrors: serverErrors.slice(0, 5).map(explain) }).toEqual({ report, serverErrors: [] });
      expect({ report, pathless: pathless.slice(0, 5).map(explain) }).toEqual({ report, pathless: [] });

      const after = await counts();
      const accepted = (route: string) =>
        outcomes.filter((o) => o.payload.route === route && o.status >= 200 && o.status < 300).length;
      const stored = Object.fromEntries(
        Object.keys(counted).map((t) => [t, after[t as keyof typeof counted] - before[t as keyof typeof counted]]),
      );
      const expected = Object.fromEntries(Object.entries(counted).map(([t, route]) => [t, accepted(route)]));
      // Cerberus targets: unsigned, so none is accepted; drafts: one row per accepted save (fresh ids).
      expect({ report, stored }).toEqual({ report, stored: expected });
    },
    240_000 * Math.max(1, SCALE),
  );

  async function send(payload: Payload): Promise<Outcome> {
    const headers: Record<string, string> = { ...payload.auth, ...payload.headers };
    let body: Uint8Array | string;
    if (payload.raw) {
      body = payload.raw.bytes;
      if (payload.raw.contentType) headers['content-type'] = payload.raw.contentType;
    } else {
      body = JSON.stringify(payload.body) ?? 'null';
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    const response = await fetch(`${app.url}${payload.path}`, { method: payload.method, headers, body });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {
      // kept as text
    }
    return { payload, status: response.status, answer, ms: performance.now() - started };
  }
});

function hasFieldPaths(answer: unknown): boolean {
  const errors = (answer as { errors?: unknown } | null)?.errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every(
      (e: { path?: unknown; message?: unknown }) =>
        typeof e.path === 'string' && e.path.length > 0 && typeof e.message === 'string',
    )
  );
}

function explain(o: Outcome): string {
  const sent = o.payload.raw
    ? `${o.payload.raw.contentType ?? '(no content type)'} ${Buffer.from(o.payload.raw.bytes).toString('utf8').slice(0, 200)}`
    : JSON.stringify(o.payload.body)?.slice(0, 300);
  return `${o.payload.method} ${o.payload.path} ${sent} -> ${o.status} ${JSON.stringify(o.answer).slice(0, 300)}`;
}
