import { connect } from 'node:net';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

/**
 * What a hostile client sends (issue 20, items 1, 11, 12 and 13): every one of these answers a
 * 4xx in the one documented shape `{ statusCode, message, errors: [{ path, message }] }` with a
 * real path, never a 500, and nothing is stored.
 */

const debrief = (overrides: Record<string, unknown> = {}) => ({
  category: 'safety',
  occurredAt: '2026-11-20T14:30',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Lane 3 barrier failed to lower while a car was being searched.',
  actionNeeded: true,
  actionDetails: 'Engineers to check the barrier before the night shift.',
  ...overrides,
});

/** `{"a":[[[[ … ]]]]}` nested `depth` levels below `key`. */
const nested = (key: string, depth: number) => `{"${key}":${'['.repeat(depth)}${']'.repeat(depth)}}`;

interface Answer {
  status: number;
  body: any;
}

describe('hostile input', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let manager: Record<string, string>;
  let admin: Record<string, string>;
  let caseId: string;

  beforeAll(async () => {
    app = await startTestApp();
    [officer, manager, admin] = await Promise.all([
      signIn(app, 'officer'),
      signIn(app, 'manager'),
      signIn(app, 'admin'),
    ]);
    const created = await send('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief() });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });
  afterAll(async () => app?.close());

  async function send(
    method: string,
    path: string,
    auth: Record<string, string>,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const raw = body === undefined || typeof body === 'string' || body instanceof Uint8Array;
    const response = await fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: raw ? (body as string | Uint8Array | undefined) : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text so the assertion shows it
    }
    return { status: response.status, body: parsed };
  }

  /** The documented error shape with a real path on every error. */
  function expectFieldErrors(answer: Answer, status: number, paths?: (string | RegExp)[], message?: RegExp): void {
    expect({ status: answer.status, body: answer.body }).toMatchObject({ status, body: { statusCode: status } });
    expect(typeof answer.body.message).toBe('string');
    expect(Array.isArray(answer.body.errors)).toBe(true);
    expect(answer.body.errors.length).toBeGreaterThan(0);
    for (const error of answer.body.errors) {
      expect(typeof error.path).toBe('string');
      expect(error.path.length).toBeGreaterThan(0);
      expect(typeof error.message).toBe('string');
    }
    if (paths) {
      const got = answer.body.errors.map((e: { path: string }) => e.path);
      const missing = paths.filter((p) => !got.some((g: string) => (typeof p === 'string' ? g === p : p.test(g))));
      expect({ missing, errors: answer.body.errors }).toEqual({ missing: [], errors: answer.body.errors });
    }
    if (message) expect(answer.body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(message);
  }

  /** Sends a request with a `size`-byte JSON body over a plain socket and reads what comes back until the server closes. */
  async function rawExchange(
    path: string,
    auth: Record<string, string>,
    size: number,
  ): Promise<{ text: string; error?: string }> {
    const { port } = new URL(app.url);
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    return new Promise((resolve) => {
      let error: string | undefined;
      socket.on('data', (d: Buffer) => chunks.push(d));
      socket.on('error', (e: NodeJS.ErrnoException) => (error ??= e.code ?? e.message));
      socket.on('close', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        // A reset after the whole answer arrived is the server closing a connection it said it would close.
        resolve({ text, error: text.includes('"statusCode"') ? undefined : error });
      });
      socket.on('connect', () => {
        const head = [
          `POST ${path} HTTP/1.1`,
          `host: 127.0.0.1:${port}`,
          'content-type: application/json',
          `content-length: ${size}`,
          'connection: close',
          ...Object.entries(auth).map(([k, v]) => `${k}: ${v}`),
          '',
          '',
        ].join('\r\n');
        const prefix = '{"answers":{"description":"';
        const body = Buffer.alloc(size, 'x');
        body.write(prefix, 0);
        body.write('"}}', size - 3);
        socket.write(head);
        socket.end(body);
      });
    });
  }

  const caseCount = async () => Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM core.case'))[0]!.n);

  it('refuses nesting past the limit on every body route before anything walks it, sign-in and shift included', async () => {
    const before = await caseCount();
    const routes: [string, string, Record<string, string>, string][] = [
      ['POST', '/api/auth/login', {}, 'username'],
      ['POST', '/api/auth/refresh', {}, 'refreshToken'],
      ['POST', '/api/shift', officer, 'teamId'],
      ['POST', '/api/plugins/hot-debrief/cases', officer, 'answers'],
      ['PUT', '/api/plugins/hot-debrief/drafts/6f1f0c2e-8a7b-4c1d-9e2f-3a4b5c6d7e8f', officer, 'answers'],
      ['POST', `/api/cases/${caseId}/comments`, manager, 'body'],
      ['POST', `/api/cases/${caseId}/actions/review`, manager, 'answers'],
      ['POST', '/api/reports/command-brief/runs', manager, 'parameters'],
      ['POST', '/api/team-covers', manager, 'teamId'],
      ['POST', '/api/reference/ports/rows', admin, 'label'],
      ['POST', '/api/integrations/cerberus/targets', {}, 'target'],
    ];
    for (const depth of [65, 1_000, 10_000, 100_000]) {
      for (const [method, path, auth, key] of routes) {
        const answer = await send(method, path, auth, nested(key, depth));
        expectFieldErrors(answer, 400, ['body'], /nested more than 64 levels/);
      }
    }
    // An array at the top, and objects rather than arrays.
    expectFieldErrors(await send('POST', '/api/auth/login', {}, '['.repeat(20_000)), 400, ['body']);
    expectFieldErrors(
      await send(
        'POST',
        '/api/plugins/hot-debrief/cases',
        officer,
        `{"answers":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      ),
      400,
      ['body'],
    );
    // Brackets inside strings do not count.
    const inString = await send('POST', '/api/plugins/hot-debrief/cases', officer, {
      answers: debrief({ description: '['.repeat(5_000) }),
    });
    expectFieldErrors(inString, 400, ['description']);
    expect(await caseCount()).toBe(before);
  });

  it('answers NUL characters and lone surrogates in any text with a field-level 400', async () => {
    const before = await caseCount();
    for (const bad of ['x\u0000y', 'x\ud800', '\udc00x']) {
      expectFieldErrors(await send('POST', '/api/auth/login', {}, { username: bad, password: 'demo-password' }), 400, [
        'username',
      ]);
      expectFieldErrors(
        await send('POST', '/api/plugins/hot-debrief/cases', officer, { answers: debrief({ description: bad }) }),
        400,
        ['description'],
      );
      expectFieldErrors(await send('POST', `/api/cases/${caseId}/comments`, manager, { body: bad }), 400, ['body']);
      expectFieldErrors(
        await send('PUT', '/api/plugins/hot-debrief/drafts/6f1f0c2e-8a7b-4c1d-9e2f-3a4b5c6d7e8f', officer, {
          answers: { description: bad },
        }),
        400,
        ['description'],
      );
      // A key holding one is named by its parent.
      expectFieldErrors(
        await send('POST', '/api/plugins/hot-debrief/cases', officer, { answers: { ...debrief(), [bad]: 'x' } }),
        400,
        ['answers'],
      );
    }
    expectFieldErrors(
      await send('GET', `/api/search?term=vehicle.registration&value=${encodeURIComponent('AB\u000012')}`, officer),
      400,
      ['value'],
    );
    expect(await caseCount()).toBe(before);
  });

  it('refuses a malformed case cursor, a NUL case id and prototype names as search terms', async () => {
    for (const cursor of [
      'garbage',
      Buffer.from('["not a date","x"]').toString('base64url'),
      Buffer.from('["2026-11-20T10:00:00.000Z","not-a-uuid"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      expectFieldErrors(await send('GET', `/api/cases?cursor=${cursor}`, officer), 400, ['cursor']);
    }
    for (const path of ['/api/cases/%00', '/api/cases/%00/audit', '/api/cases/a%00b']) {
      const answer = await send('GET', path, manager);
      expect([400, 404]).toContain(answer.status);
    }
    for (const path of ['/api/cases/%00/comments', '/api/cases/%00/actions/review']) {
      const answer = await send('POST', path, manager, { body: 'x', version: 1 });
      expect([400, 404]).toContain(answer.status);
    }
    for (const name of ['constructor', 'toString', '__proto__']) {
      for (const [method, path, auth, body] of [
        ['POST', `/api/plugins/${name}/cases`, officer, { answers: {} }],
        ['GET', `/api/plugins/hot-debrief/forms/${name}/prefill`, officer, undefined],
        [
          'PUT',
          '/api/plugins/hot-debrief/drafts/6f1f0c2e-8a7b-4c1d-9e2f-3a4b5c6d7e8f',
          officer,
          { answers: {}, formId: name },
        ],
        ['POST', `/api/reports/${name}/runs`, manager, { parameters: {} }],
        ['GET', `/api/reports/${name}/schedule`, admin, undefined],
        ['POST', `/api/reference/${name}/rows`, admin, { id: 'x', label: 'X', validFrom: '2026-11-20' }],
        ['GET', `/api/reference/${name}`, officer, undefined],
        ['POST', `/api/cases/${caseId}/actions/${name}`, manager, { version: 1 }],
      ] as const) {
        const answer = await send(method, path, auth, body);
        expect({ path, status: answer.status }).toEqual({ path, status: expect.any(Number) });
        expect({ path, status: answer.status < 500 && answer.status >= 400 }).toEqual({ path, status: true });
      }
    }
    for (const term of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      expectFieldErrors(await send('GET', `/api/search?term=${term}&value=x`, officer), 400, ['term']);
    }
  });

  it('refuses an object where a number belongs without converting it (the fuzz found a 500)', async () => {
    for (const version of [{ toString: 1 }, { valueOf: 'x' }, [1], '1e999', 'abc']) {
      const answer = await send('POST', `/api/cases/${caseId}/actions/review`, manager, { version });
      expectFieldErrors(answer, 400, ['version']);
    }
    expectFieldErrors(await send('GET', '/api/cases?limit=abc', officer), 400, ['limit']);
    expectFieldErrors(await send('GET', '/api/plugins/hot-debrief/drafts/not-a-uuid', officer), 400, ['draftId']);
    // `null` for optional fields is no value, not a crash.
    const row = await send('POST', '/api/reference/ports/rows', admin, {
      id: 'nullish-row',
      label: 'Nullish row',
      validFrom: '2026-11-20',
      attributes: null,
      parent: null,
      workflows: null,
    });
    expect(row.status).toBeLessThan(500);
  });

  it('refuses prototype names as answer keys, also inside repeating items', async () => {
    const before = await caseCount();
    for (const key of ['toString', 'constructor', 'valueOf', 'prototype', 'hasOwnProperty']) {
      const answer = await send('POST', '/api/plugins/hot-debrief/cases', officer, {
        answers: { ...debrief(), [key]: 'x' },
      });
      expectFieldErrors(answer, 400, [key], new RegExp(`${key} is not a question in this form`));
      const draft = await send('PUT', '/api/plugins/hot-debrief/drafts/6f1f0c2e-8a7b-4c1d-9e2f-3a4b5c6d7e8f', officer, {
        answers: { [key]: 'x' },
      });
      expectFieldErrors(draft, 400, [key]);
    }
    const inItem = await send('POST', '/api/plugins/detection-inventory/cases', officer, {
      answers: { equipment: [{ toString: 'x', constructor: 'y' }] },
    });
    expectFieldErrors(inItem, 400, ['equipment[0].toString', 'equipment[0].constructor']);
    expect(await caseCount()).toBe(before);
  });

  it('refuses invalid UTF-8, UTF-16, a comment of only spaces and months out of range', async () => {
    const invalid = Buffer.concat([
      Buffer.from('{"username":"off'),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from('","password":"x"}'),
    ]);
    expectFieldErrors(await send('POST', '/api/auth/login', {}, new Uint8Array(invalid)), 400, ['body'], /UTF-8/);
    const utf16 = Buffer.from(`\ufeff${JSON.stringify({ username: 'officer', password: 'demo-password' })}`, 'utf16le');
    expectFieldErrors(await send('POST', '/api/auth/login', {}, new Uint8Array(utf16)), 400, ['body'], /UTF-8/);
    expectFieldErrors(await send('POST', `/api/cases/${caseId}/comments`, manager, { body: '   \t ' }), 400, ['body']);
    const reports = (await send('GET', '/api/reports', manager)).body.reports as {
      id: string;
      parameters: { name: string; type: string }[];
    }[];
    const monthly = reports.find((r) => r.parameters.some((p) => p.type === 'month'))!;
    expect(monthly).toBeDefined();
    const runsBefore = Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM core.report_run'))[0]!.n);
    for (const month of ['0000-01', '9999-12', '1899-12', '0001-01']) {
      expectFieldErrors(
        await send('POST', `/api/reports/${monthly.id}/runs`, manager, { parameters: { month } }),
        400,
        ['parameters.month'],
      );
    }
    expect(Number((await app.sql<{ n: string }>('SELECT count(*) AS n FROM core.report_run'))[0]!.n)).toBe(runsBefore);
  });

  it('answers every malformed body in the one error shape, naming a wrong content type', async () => {
    const login = '/api/auth/login';
    expectFieldErrors(await send('POST', login, {}, ''), 400, ['body'], /empty/);
    expectFieldErrors(await send('POST', login, {}, '{"username":'), 400, ['body'], /not valid JSON/);
    expectFieldErrors(
      await send('POST', login, {}, '{"username":"officer","password":"x","__proto__":{"admin":true}}'),
      400,
      [/__proto__/],
    );
    expectFieldErrors(
      await send('POST', '/api/plugins/hot-debrief/cases', officer, `{"answers":{"__proto__":{"x":1}}}`),
      400,
      ['__proto__'],
    );
    const asText = await send('POST', login, {}, JSON.stringify({ username: 'officer', password: 'demo-password' }), {
      'content-type': 'text/plain',
    });
    expectFieldErrors(asText, 415, ['content-type'], /application\/json/);
    const asForm = await send('POST', login, {}, 'username=officer&password=demo-password', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectFieldErrors(asForm, 415, ['content-type'], /application\/json/);
    // A body with no content type at all.
    const response = await fetch(`${app.url}${login}`, {
      method: 'POST',
      body: new Uint8Array(Buffer.from('{"username":"officer","password":"demo-password"}')),
    });
    expectFieldErrors({ status: response.status, body: await response.json() }, 415, ['content-type']);
  });

  it('answers a body over the limit after reading it, so the client sees the answer rather than a reset', async () => {
    for (const size of [3, 3, 3, 10, 10]) {
      const big = JSON.stringify({ answers: debrief({ description: 'x'.repeat(size * 1024 * 1024) }) });
      const answer = await send('POST', '/api/plugins/hot-debrief/cases', officer, big);
      expectFieldErrors(answer, 400, ['body'], /1 MB or smaller/);
    }
    // Chunked, with no declared length.
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    // Sent slowly, so the server has long decided before the client has finished sending.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((r) => setTimeout(r, 5));
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"answers":{"description":"'));
        if (sent++ < 48) controller.enqueue(chunk);
        else {
          controller.enqueue(new TextEncoder().encode('"}}'));
          controller.close();
        }
      },
    });
    const chunked = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expectFieldErrors({ status: chunked.status, body: await chunked.json() }, 400, ['body']);
    // Over a plain socket, all of a 10 MB body written at once: the answer arrives whole.
    for (let i = 0; i < 2; i++) {
      const raw = await rawExchange('/api/plugins/hot-debrief/cases', officer, 10 * 1024 * 1024);
      expect({ error: raw.error, head: raw.text.split('\r\n')[0] }).toEqual({
        error: undefined,
        head: 'HTTP/1.1 400 Bad Request',
      });
      expect(raw.text).toContain('"path":"body"');
    }
    // The server still answers.
    expect((await send('GET', '/api/cases', officer)).status).toBe(200);
  });
});
