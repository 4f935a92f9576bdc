import pg from 'pg';
import { FIXTURE_PLUGINS, signIn, startTestApp, type TestApp } from '../utils/app.js';

/**
 * A lost database connection is not a server bug (issue 20, items 2 and 14): the request is
 * answered 503 with Retry-After, whichever layer met it (a core repository, a plugin hook inside
 * the transaction), never a 500 nor a 422 carrying PostgreSQL's message, and nothing is stored.
 * The connections are ended from PostgreSQL itself with pg_terminate_backend, as an
 * administrator's shutdown or a crash ends them.
 */
describe('database connections lost during requests', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let manager: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURE_PLUGINS] });
    [officer, manager] = await Promise.all([signIn(app, 'officer'), signIn(app, 'manager')]);
  });
  afterAll(async () => app?.close());

  const post = async (path: string, auth: Record<string, string>, body: unknown) => {
    const response = await fetch(`${app.url}${path}`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  /**
   * Holds an ACCESS EXCLUSIVE lock on `table` from a connection of the test's own while
   * `request` runs, terminates the app's backend once it waits on that lock, and answers what
   * the request got.
   */
  async function terminatedWhileWaiting<T>(table: string, request: () => Promise<T>): Promise<T> {
    const holder = new pg.Client({ connectionString: app.databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
      const answer = request();
      let terminated = 0;
      for (let i = 0; i < 200 && terminated === 0; i++) {
        await new Promise((r) => setTimeout(r, 25));
        const rows = await holder.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        for (const { pid } of rows.rows) {
          await holder.query('SELECT pg_terminate_backend($1)', [pid]);
          terminated++;
        }
      }
      expect(terminated).toBeGreaterThan(0);
      await holder.query('ROLLBACK');
      return await answer;
    } finally {
      await holder.end();
    }
  }

  const notes = async () =>
    (
      await app.sql<{ cases: number; notes: number }>(
        `SELECT (SELECT count(*)::int FROM core.case WHERE plugin_id = 'throwing-submit') AS cases,
                (SELECT count(*)::int FROM plugin_throwing_submit.note) AS notes`,
      )
    )[0]!;

  it('answers 503 with Retry-After when the connection is lost inside a plugin hook, storing nothing', async () => {
    const before = await notes();
    const answer = await terminatedWhileWaiting('plugin_throwing_submit.note', () =>
      post('/api/plugins/throwing-submit/cases', officer, { answers: { note: 'lorry at lane 4' } }),
    );
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(answer.body)).not.toMatch(/terminat|administrator|SQL|plugin_throwing_submit/i);
    expect(await notes()).toEqual(before);
    // The same request a moment later goes through; the plugin's own refusal is still its 422.
    expect((await post('/api/plugins/throwing-submit/cases', officer, { answers: { note: 'lorry' } })).status).toBe(
      201,
    );
    expect((await post('/api/plugins/throwing-submit/cases', officer, { answers: { note: 'refuse it' } })).status).toBe(
      422,
    );
  });

  it('answers 503 when the connection is lost in the core', async () => {
    const created = await post('/api/plugins/hot-debrief/cases', officer, {
      answers: {
        category: 'safety',
        occurredAt: '2026-11-20T14:30',
        port: 'dover',
        team: 'dover-tourist-controls-team-1',
        description: 'Lane 3 barrier failed to lower.',
        actionNeeded: false,
      },
    });
    expect(created.status).toBe(201);
    const comments = async () => (await app.sql('SELECT id FROM core.case_comment')).length;
    const before = await comments();
    const answer = await terminatedWhileWaiting('core.case_comment', () =>
      post(`/api/cases/${created.body.id}/comments`, manager, { body: 'Checked with the engineers.' }),
    );
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await comments()).toBe(before);
  });

  it('answers no 500 while every connection of the app is terminated again and again under load', async () => {
    const killer = new pg.Client({ connectionString: app.databaseUrl });
    await killer.connect();
    let stop = false;
    let kills = 0;
    const killing = (async () => {
      while (!stop) {
        const result = await killer.query(
          `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        kills += (result.rows[0] as { n: number }).n;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();
    const statuses = new Map<number, number>();
    const odd: string[] = [];
    try {
      const work = Array.from({ length: 8 }, async (_, worker) => {
        for (let i = 0; i < 25; i++) {
          const response =
            i % 2 === 0
              ? await fetch(`${app.url}/api/cases?limit=5`, { headers: officer })
              : await fetch(`${app.url}/api/plugins/throwing-submit/cases`, {
                  method: 'POST',
                  headers: { ...officer, 'content-type': 'application/json' },
                  body: JSON.stringify({ answers: { note: `note ${worker}-${i}` } }),
                });
          const text = await response.text();
          if (![200, 201, 503].includes(response.status)) odd.push(`${response.status} ${text}`);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      });
      await Promise.all(work);
    } finally {
      stop = true;
      await killing;
      await killer.end();
    }
    const seen = Object.fromEntries(statuses);
    expect(kills).toBeGreaterThan(0);
    expect({ odd, seen: Object.keys(seen).filter((s) => !['200', '201', '503'].includes(s)) }).toEqual({
      odd: [],
      seen: [],
    });
    // Whatever was answered 201 was stored, and nothing else.
    expect((await notes()).cases).toBe((await notes()).notes);
  });
});
