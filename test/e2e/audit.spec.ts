import { spawnSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../core/src/database/database.js';
import { runMigrations } from '../../core/src/database/migration-runner.js';
import { coreMigrations } from '../../core/src/database/migrations/index.js';
import { createRootLogger } from '../../core/src/logging/logger.js';
import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';

const answers = {
  category: 'equipment',
  occurredAt: '2026-11-20T09:15',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  description: 'Ion scanner gave repeated false alarms.',
  actionNeeded: false,
};

describe('audit trail', () => {
  let app: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await signIn(app, 'admin');
    const officer = await signIn(app, 'officer');
    const manager = await signIn(app, 'manager');
    for (let i = 0; i < 3; i++) {
      const created = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
      const { id } = (await created.json()) as { id: string };
      await fetch(`${app.url}/api/cases/${id}`, { headers: manager });
      await fetch(`${app.url}/api/cases/${id}/actions/review`, {
        method: 'POST',
        headers: { ...manager, 'content-type': 'application/json' },
        body: JSON.stringify({ version: 1 }),
      });
    }
  });
  afterAll(async () => app?.close());

  const verify = async () =>
    (await (await fetch(`${app.url}/api/audit/verify`, { headers: admin })).json()) as Record<string, any>;
  const cli = () =>
    spawnSync('node', ['--import', '@swc-node/register/esm-register', 'scripts/audit-verify.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: app.databaseUrl,
        AUDIT_SEAL_KEYS: app.boot.config.AUDIT_SEAL_KEYS.join(','),
      },
      encoding: 'utf8',
    });

  it('records every write and every view, with who and what changed', async () => {
    const rows = await app.sql<{ action: string; actor: string }>('SELECT action, actor FROM core.audit ORDER BY id');
    expect(rows.filter((r) => r.action === 'case.created')).toHaveLength(3);
    expect(rows.filter((r) => r.action === 'case.viewed' && r.actor === 'manager')).toHaveLength(3);
    const moved = await app.sql<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM core.audit WHERE action = 'case.transitioned' LIMIT 1",
    );
    expect(moved[0]!.detail).toMatchObject({ before: { state: 'submitted' }, after: { state: 'reviewed' } });
  });

  it("shows a case's audit trail to managers only: who, when, from where, before and after, officers named", async () => {
    const officer = await signIn(app, 'officer');
    const manager = await signIn(app, 'manager');
    const created = await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });
    const view = (await created.json()) as { id: string; tasks: { id: string }[] };
    const claimed = await fetch(`${app.url}/api/tasks/${view.tasks[0]!.id}/claim`, {
      method: 'POST',
      headers: manager,
    });
    expect(claimed.status).toBe(200);
    expect((await fetch(`${app.url}/api/cases/${view.id}/audit`, { headers: officer })).status).toBe(403);
    const response = await fetch(`${app.url}/api/cases/${view.id}/audit`, { headers: manager });
    expect(response.status).toBe(200);
    const { entries: trail } = (await response.json()) as {
      entries: { action: string; actor: string; ip: string | null; before: any; after: any }[];
    };
    expect(trail.map((e) => [e.action, e.actor])).toEqual([
      ['case.created', 'officer'],
      ['task.claimed', 'manager'],
    ]);
    expect(trail[0]!.after).toMatchObject({ category: 'equipment', port: 'dover' });
    expect(trail[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(trail[1]).toMatchObject({ before: { assignee: null }, after: { assignee: 'Morgan Manager (manager)' } });
    // Reading the trail is recorded too.
    const read = await app.sql<{ actor: string }>(
      "SELECT actor FROM core.audit WHERE action = 'case.audit-viewed' AND case_id = $1",
      [view.id],
    );
    expect(read).toEqual([{ actor: 'manager' }]);
  });

  it('is intact when nobody tampered, through the API and `npm run audit:verify`', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, unsealed: 0 });
    expect(report.checked).toBeGreaterThanOrEqual(9);
    const run = cli();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/audit chain intact: \d+ sealed entries checked/);
  });

  it('refuses updates and deletes through SQL', async () => {
    await expect(
      app.sql("UPDATE core.audit SET actor = 'someone-else' WHERE id = (SELECT min(id) FROM core.audit)"),
    ).rejects.toThrow('the audit log is append-only');
    await expect(app.sql('DELETE FROM core.audit WHERE id = (SELECT min(id) FROM core.audit)')).rejects.toThrow(
      'the audit log is append-only',
    );
  });

  it('refuses changes to the seals too', async () => {
    await expect(app.sql('DELETE FROM core.audit_seal WHERE chain_seq = 1')).rejects.toThrow(
      'the audit log is append-only',
    );
  });

  it('finds a deleted entry, then an edited one, when the triggers are bypassed', async () => {
    const [victim] = await app.sql<{ id: string; chain_seq: string }>(
      'SELECT audit_id AS id, chain_seq FROM core.audit_seal ORDER BY chain_seq OFFSET 4 LIMIT 1',
    );
    await app.sql(
      `SET session_replication_role = replica; DELETE FROM core.audit WHERE id = ${Number(victim!.id)}; SET session_replication_role = origin;`,
    );
    let report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({
      chainSeq: Number(victim!.chain_seq),
      reason: 'this entry was removed',
    });

    const [edited] = await app.sql<{ id: string }>(
      'SELECT audit_id AS id FROM core.audit_seal ORDER BY chain_seq LIMIT 1 OFFSET 1',
    );
    await app.sql(
      `SET session_replication_role = replica; UPDATE core.audit SET actor = 'mallory' WHERE id = ${Number(edited!.id)}; SET session_replication_role = origin;`,
    );
    report = await verify();
    expect(report.firstBroken).toEqual({
      chainSeq: 2,
      id: Number(edited!.id),
      check: 'seal',
      reason: 'this entry was changed after it was written',
    });
    const run = cli();
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('audit chain BROKEN at chain position 2');
  });
});

/**
 * What an attacker who can bypass the triggers (a database superuser) could do before the seals
 * were keyed and the chain anchored outside the table: remove the newest entries together
 * with their seals, or edit an entry and recompute the seals the old, unkeyed way. Both pass
 * a check of the table alone; both are found now.
 */
describe('audit chain: keyed seals and checkpoints outside the table', () => {
  let app: TestApp;
  let admin: Record<string, string>;
  let dir: string;
  let file: string;

  const asAttacker = (sql: string) =>
    app.sql(`SET session_replication_role = replica; ${sql}; SET session_replication_role = origin;`);
  const verify = async () =>
    (await (await fetch(`${app.url}/api/audit/verify`, { headers: admin })).json()) as Record<string, any>;
  const cli = (env: Record<string, string> = {}) =>
    spawnSync('node', ['--import', '@swc-node/register/esm-register', 'scripts/audit-verify.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: app.databaseUrl,
        AUDIT_SEAL_KEYS: app.boot.config.AUDIT_SEAL_KEYS.join(','),
        ...env,
      },
      encoding: 'utf8',
    });
  const seals = () =>
    app.sql<{ seq: string; id: string; prev: string | null; hash: string; keyId: string | null; text: string }>(
      `SELECT s.chain_seq AS seq, s.audit_id AS id, s.prev_hash AS prev, s.hash, s.key_id AS "keyId", core.audit_row_text(a) AS text
         FROM core.audit_seal s JOIN core.audit a ON a.id = s.audit_id ORDER BY s.chain_seq`,
    );
  /** Waits until the checkpoint file notes the head of the chain (checkpoints are made every second here). */
  const anchored = async (): Promise<number> => {
    const [{ head }] = (await app.sql<{ head: string }>('SELECT max(chain_seq) AS head FROM core.audit_seal')) as [
      { head: string },
    ];
    const deadline = Date.now() + 10_000;
    for (;;) {
      const lines = (await readFile(file, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);
      const newest = lines.length > 0 ? (JSON.parse(lines.at(-1)!) as { chainSeq: number }) : undefined;
      if (newest?.chainSeq === Number(head)) return Number(head);
      if (Date.now() > deadline) throw new Error(`no checkpoint of chain position ${head} in ${file}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  /** Recomputes seals from chain position `from` on, as the old sealer did: SHA-256, no key. */
  const recomputeUnkeyed = async (from: number, keyId: 'keep' | 'drop') => {
    const rows = await seals();
    let previous = rows[from - 2]?.hash ?? null;
    const updates = rows.slice(from - 1).map((row) => {
      const hash = createHash('sha256')
        .update(`${previous ?? ''}|${row.seq}|${row.text}`)
        .digest('hex');
      const sql = `UPDATE core.audit_seal SET prev_hash = ${previous === null ? 'NULL' : `'${previous}'`}, hash = '${hash}'${keyId === 'drop' ? ', key_id = NULL' : ''} WHERE chain_seq = ${Number(row.seq)}`;
      previous = hash;
      return sql;
    });
    await asAttacker(updates.join('; '));
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cop-audit-'));
    file = join(dir, 'audit-checkpoints.jsonl');
    app = await startTestApp({ env: { AUDIT_CHECKPOINT_FILE: file, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1' } });
    admin = await signIn(app, 'admin');
    const officer = await signIn(app, 'officer');
    for (let i = 0; i < 3; i++) {
      await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
    }
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('seals with a key the database does not hold, and notes the head in the checkpoint file', async () => {
    expect(await verify()).toMatchObject({ ok: true, legacy: 0, checkpoints: { source: file } });
    const head = await anchored();
    expect(head).toBeGreaterThanOrEqual(3);
    const rows = await seals();
    const keyIds = new Set(rows.map((r) => r.keyId));
    expect(keyIds.size).toBe(1);
    expect([...keyIds][0]).toMatch(/^[0-9a-f]{16}$/);
    // Each seal is an HMAC with the configured key; the plain SHA-256 the database could compute is not it.
    const key = app.boot.config.AUDIT_SEAL_KEYS[0]!;
    const input = (r: (typeof rows)[number]) => `${r.prev ?? ''}|${r.seq}|${r.text}`;
    expect(rows.map((r) => createHmac('sha256', key).update(input(r)).digest('hex'))).toEqual(rows.map((r) => r.hash));
    expect(rows.filter((r) => createHash('sha256').update(input(r)).digest('hex') === r.hash)).toEqual([]);
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual({
      chainSeq: head,
      hash: rows.at(-1)!.hash,
      count: rows.length,
      at: expect.any(String),
      keyId: rows[0]!.keyId,
      hmac: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('finds an edited entry whose seals were recomputed the old, unkeyed way, whatever key they claim', async () => {
    await anchored();
    const original = await seals();
    const victim = original[2]!;
    const [{ actor }] = (await app.sql<{ actor: string }>('SELECT actor FROM core.audit WHERE id = $1', [
      victim.id,
    ])) as [{ actor: string }];
    await asAttacker(`UPDATE core.audit SET actor = 'mallory' WHERE id = ${Number(victim.id)}`);
    await recomputeUnkeyed(3, 'keep');
    expect((await verify()).firstBroken).toEqual({
      chainSeq: 3,
      id: Number(victim.id),
      check: 'seal',
      reason: 'this entry was changed after it was written',
    });

    await recomputeUnkeyed(3, 'drop');
    expect((await verify()).firstBroken).toMatchObject({
      chainSeq: 3,
      check: 'seal',
      reason: expect.stringContaining('has no key but follows keyed seals'),
    });

    // The whole chain recomputed unkeyed, as if it predated the keys: the checkpoint does not
    // match, and without checkpoints no keyed seal anchors it.
    await recomputeUnkeyed(1, 'drop');
    const rewritten = await verify();
    expect(rewritten.firstBroken).toMatchObject({
      check: 'checkpoint',
      reason: expect.stringMatching(/^rewritten: the seal at chain position \d+ is not the one the checkpoint/),
    });
    const run = cli({ AUDIT_CHECKPOINT_FILE: '' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('seal mismatch: every seal is unkeyed');

    // Put everything back: the chain verifies again (the core wrote no checkpoint of the forgery).
    const restore = original.map(
      (r) =>
        `UPDATE core.audit_seal SET prev_hash = ${r.prev === null ? 'NULL' : `'${r.prev}'`}, hash = '${r.hash}', key_id = '${r.keyId}' WHERE chain_seq = ${Number(r.seq)}`,
    );
    await asAttacker(
      [`UPDATE core.audit SET actor = '${actor}' WHERE id = ${Number(victim.id)}`, ...restore].join('; '),
    );
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('refuses a checkpoint that was edited or forged', async () => {
    await anchored();
    const lines = (await readFile(file, 'utf8')).trim().split('\n');
    const forged = { ...(JSON.parse(lines.at(-1)!) as Record<string, unknown>), chainSeq: 1_000 };
    const copy = join(dir, 'forged.jsonl');
    await writeFile(copy, [...lines, JSON.stringify(forged), '{"cut short'].join('\n'));
    const run = cli({ AUDIT_CHECKPOINT_FILE: copy });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`checkpoint on line ${lines.length + 1} of ${copy} does not verify`);
  });

  it('finds the newest entries removed together with their seals, from the checkpoint outside the table', async () => {
    const head = await anchored();
    expect(await verify()).toMatchObject({ ok: true });
    await asAttacker(
      `DELETE FROM core.audit WHERE id IN (SELECT audit_id FROM core.audit_seal WHERE chain_seq > ${head - 2});
       DELETE FROM core.audit_seal WHERE chain_seq > ${head - 2}`,
    );
    expect((await verify()).firstBroken).toEqual({
      chainSeq: head,
      id: null,
      check: 'checkpoint',
      reason: expect.stringMatching(
        new RegExp(`^truncated: checkpoint at chain position ${head} \\(.+\\) but the table ends at ${head - 2}$`),
      ),
    });
    const run = cli({ AUDIT_CHECKPOINT_FILE: file });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `audit chain BROKEN at chain position ${head}: checkpoint mismatch: truncated: checkpoint at chain position ${head}`,
    );
    expect(run.stdout).toContain(`but the table ends at ${head - 2}`);

    // New entries sealed after the cut fill the positions again, with other seals: still found.
    const officer = await signIn(app, 'officer');
    for (let i = 0; i < 3; i++) {
      await fetch(`${app.url}/api/plugins/hot-debrief/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });
    }
    expect((await verify()).firstBroken).toMatchObject({
      check: 'checkpoint',
      reason: expect.stringMatching(/^rewritten: /),
    });
  });
});

describe('audit chain sealed before the keys (an upgraded database)', () => {
  let databaseUrl: string;
  let app: TestApp | undefined;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    // The database as it was: core migrations before keyed seals, entries sealed the old way.
    const old = createDataSource(databaseUrl, [], 2);
    await old.initialize();
    try {
      const before = coreMigrations.filter((m) => m.name < '1764130085000');
      await runMigrations(old, 'core', before, createRootLogger('silent'));
      for (const action of ['case.created', 'case.viewed', 'case.transitioned'])
        await old.query(
          `INSERT INTO core.audit (actor, action, entity_type, entity_id) VALUES ('officer', $1, 'case', 'c-1')`,
          [action],
        );
      await old.query('SELECT core.seal_audit(100, 0)');
    } finally {
      await old.destroy();
    }
  });
  afterAll(async () => {
    await app?.close();
    await dropTestDatabase(databaseUrl);
  });

  it('keeps the unkeyed seals at the start of the chain, anchored by the keyed seal of the upgrade entry', async () => {
    app = await startTestApp({ databaseUrl });
    const admin = await signIn(app, 'admin');
    const report = (await (await fetch(`${app.url}/api/audit/verify`, { headers: admin })).json()) as Record<
      string,
      unknown
    >;
    expect(report).toMatchObject({ ok: true, legacy: 3 });
    const upgrade = await app.sql<{ seq: string; keyId: string | null; detail: unknown }>(
      `SELECT s.chain_seq AS seq, s.key_id AS "keyId", a.detail FROM core.audit a JOIN core.audit_seal s ON s.audit_id = a.id
        WHERE a.action = 'audit.keyed-sealing-started'`,
    );
    expect(upgrade).toEqual([
      { seq: '4', keyId: expect.stringMatching(/^[0-9a-f]{16}$/), detail: { unkeyedSeals: 3, lastUnkeyedPosition: 3 } },
    ]);
  });
});
