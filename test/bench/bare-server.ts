// Baseline (b) for the submit benchmark: a bare Fastify + pg server that runs the same SQL
// transaction for the same request body, with no auth, validation or framework around it.
import Fastify from 'fastify';
import pg from 'pg';
import { runSubmissionSql } from './submit-sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) });
pool.on('error', () => undefined);
const userId = process.env.BENCH_USER_ID!;
const app = Fastify({ logger: false });
app.post('/submit', async (request, reply) => {
  const body = request.body as { answers?: unknown };
  if (typeof body?.answers !== 'object') return reply.status(400).send({ message: 'answers required' });
  const client = await pool.connect();
  try {
    await runSubmissionSql(client, userId);
  } finally {
    client.release();
  }
  return reply.status(201).send({ ok: true });
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
