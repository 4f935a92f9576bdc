/**
 * Attachment benchmark: a 20 MB file uploaded and downloaded through the API while the server's
 * resident memory is sampled (the bytes must stream: growth under 50 MB), then uploads per second
 * of 1 MiB files against a same-run baseline that writes the same bytes to PostgreSQL directly,
 * in the same 1 MiB chunks, over one connection. The core runs in its own process, from source,
 * without a virus scanner (scanning is clamd's time, not the core's).
 *
 * `npm run bench -- attachments` (DATABASE_URL, or an embedded server).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { freePort } from '../../core/src/database/embedded-postgres.js';
import { pdf } from '../utils/files.js';
import { benchDatabase, median, report } from './bench-utils.js';
import { startAndWait, stop } from './load.js';

const BIG_MB = 20;
const SMALL_BYTES = 1024 * 1024;
const SMALL_COUNT = 30;
const ROUNDS = 3;

function rssMb(pid: number): number {
  return (Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024) / 2 ** 20;
}

/** Runs `work` while sampling the server's RSS every 5 ms; returns seconds and growth over the start. */
async function sampled<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ value: T; seconds: number; growthMb: number }> {
  const start = rssMb(pid);
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 5);
  const began = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, rssMb(pid));
    return { value, seconds: (performance.now() - began) / 1000, growthMb: peak - start };
  } finally {
    clearInterval(timer);
  }
}

/** A PDF (so its type is recognised) padded with random bytes to `bytes`. */
function fileOf(bytes: number): Buffer {
  const head = pdf();
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length))]);
}

const db = await benchDatabase('attachments');
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const server = await startAndWait(
  'node',
  ['--import', '@swc-node/register/esm-register', 'core/src/main.ts'],
  {
    DATABASE_URL: db.databaseUrl,
    PORT: String(port),
    AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
    AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
    DEMO_DATA: 'true',
    DEMO_CASES: 'false',
    LOG_LEVEL: 'warn',
    PLUGIN_DIRS: 'test/fixtures/attachment-plugins',
  },
  `${url}/health/ready`,
  120_000,
);
const pool = new pg.Pool({ connectionString: db.databaseUrl, max: 1 });
pool.on('error', () => undefined);
try {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: 'demo-password' }),
  });
  const auth = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
  // Each upload goes to a draft of its own: the question takes one file per draft.
  const upload = async (bytes: Buffer, field = 'statement') => {
    const draft = randomUUID();
    const body = new FormData();
    body.append('file', new Blob([bytes]), 'bench.pdf');
    const response = await fetch(
      `${url}/api/plugins/evidence-log/drafts/${draft}/attachments?field=${encodeURIComponent(field)}`,
      { method: 'POST', headers: auth, body },
    );
    const answer = (await response.json()) as { id: string; size: number };
    if (response.status !== 201) throw new Error(`upload failed: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  const download = async (id: string) => {
    const response = await fetch(`${url}/api/attachments/${id}`, { headers: auth });
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) size += chunk.length;
    return size;
  };
  const pid = server.pid!;

  // Warm-up: JIT, the prepared paths, the pool.
  for (let i = 0; i < 3; i++) await download((await upload(fileOf(2 * SMALL_BYTES))).id);

  const big = fileOf(BIG_MB * 1024 * 1024);
  const bigRounds: {
    upload: { seconds: number; growthMb: number };
    download: { seconds: number; growthMb: number };
  }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const up = await sampled(pid, () => upload(big));
    const down = await sampled(pid, () => download(up.value.id));
    if (down.value !== big.length) throw new Error(`downloaded ${down.value} bytes of ${big.length}`);
    bigRounds.push({
      upload: { seconds: up.seconds, growthMb: up.growthMb },
      download: { seconds: down.seconds, growthMb: down.growthMb },
    });
    await pool.query('DELETE FROM core.attachment WHERE id = $1', [up.value.id]);
  }

  // Uploads per second of 1 MiB files, one after another, against writing the same bytes directly.
  const small = fileOf(SMALL_BYTES);
  const apiRates: number[] = [];
  const sqlRates: number[] = [];
  await pool.query('CREATE TEMP TABLE bench_chunk (id uuid, seq int, data bytea, PRIMARY KEY (id, seq))');
  for (let r = 0; r < ROUNDS; r++) {
    let began = performance.now();
    for (let i = 0; i < SMALL_COUNT; i++) await upload(small);
    apiRates.push(SMALL_COUNT / ((performance.now() - began) / 1000));
    await pool.query('DELETE FROM core.attachment WHERE size < 2000000');
    began = performance.now();
    for (let i = 0; i < SMALL_COUNT; i++)
      await pool.query('INSERT INTO bench_chunk (id, seq, data) VALUES ($1, 0, $2)', [randomUUID(), small]);
    sqlRates.push(SMALL_COUNT / ((performance.now() - began) / 1000));
    await pool.query('TRUNCATE bench_chunk');
  }
  const worstUp = Math.max(...bigRounds.map((b) => b.upload.growthMb));
  const worstDown = Math.max(...bigRounds.map((b) => b.download.growthMb));
  const api = median(apiRates);
  const sql = median(sqlRates);
  await report(
    'attachments',
    `attachments: ${BIG_MB} MB upload ${median(bigRounds.map((b) => b.upload.seconds)).toFixed(2)} s (server RSS growth ≤ ${worstUp.toFixed(1)} MB), ` +
      `download ${median(bigRounds.map((b) => b.download.seconds)).toFixed(2)} s (≤ ${worstDown.toFixed(1)} MB); ` +
      `${api.toFixed(1)} uploads/s of 1 MiB = ${(api / sql).toFixed(2)}x writing the same bytes to PostgreSQL directly (${sql.toFixed(1)}/s, same run)` +
      `${worstUp < 50 && worstDown < 50 ? '' : ' — OVER the 50 MB goal'}`,
    { bigMb: BIG_MB, rounds: bigRounds, smallBytes: SMALL_BYTES, count: SMALL_COUNT, apiRates, sqlRates },
  );
} finally {
  await pool.end();
  await stop(server);
  await db.close();
}
