import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import sharp from 'sharp';
import { AttachmentStoreService } from '../../core/src/attachments/attachment-store.service.js';
import { S3AttachmentStore } from '../../core/src/attachments/s3-attachment-store.js';
import { ConfigError } from '../../core/src/config/load-config.js';
import { createTestDatabase, dropTestDatabase, signIn, startTestApp, type TestApp } from '../utils/app.js';
import { pdf } from '../utils/files.js';
import { startS3, type TestS3 } from '../utils/s3.js';

const PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'attachment-plugins');
const PLUGIN = 'evidence-log';
const PREFIX = 'cop/attachments/';

/** A logger whose lines the spec can read. */
function capturedLogger(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines: () => lines };
}

/**
 * The core with ATTACHMENT_STORE=s3 on a real S3-compatible server (s3rver, started here): files
 * go to the bucket, not to core.attachment_chunk, and come back for downloads, thumbnails (kept in
 * PostgreSQL) and the case PDF. No clamd here: files are "not scanned".
 */
describe('attachments in an S3 bucket', () => {
  let s3: TestS3;
  let app: TestApp;
  let bucket: S3AttachmentStore;
  let officer: Record<string, string>;
  let freight: Record<string, string>;
  const log = capturedLogger();

  beforeAll(async () => {
    s3 = await startS3();
    bucket = new S3AttachmentStore(s3.settings(PREFIX));
    app = await startTestApp({ pluginDirs: [PLUGINS], env: s3.env(PREFIX), logger: log.logger });
    [officer, freight] = await Promise.all([signIn(app, 'officer'), signIn(app, 'freight')]);
  });
  afterAll(async () => {
    await app?.close();
    bucket?.destroy();
    await s3?.dispose();
  });

  const upload = async (draft: string, field: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(
      `${app.url}/api/plugins/${PLUGIN}/drafts/${draft}/attachments?field=${encodeURIComponent(field)}`,
      { method: 'POST', headers: officer, body: form },
    );
    return { status: response.status, body: (await response.json()) as { id: string; name: string; status: string } };
  };
  const get = async (path: string, auth: Record<string, string>) => {
    const response = await fetch(`${app.url}${path}`, { headers: auth });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
  const chunkRows = async () =>
    (await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM core.attachment_chunk'))[0]!.n;

  it('says at boot which store holds the files', () => {
    const line = log.lines().find((l) => l.msg === 'attachment store: s3');
    expect(line?.store).toBe(`s3: bucket "${s3.bucket}" at ${s3.endpoint}, prefix "${PREFIX}"`);
  });

  it('keeps an upload in the bucket, not in PostgreSQL, serves it back, and puts its photo in the case PDF', async () => {
    const draft = randomUUID();
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#a52' } })
      .jpeg()
      .toBuffer();
    // A 3 MB statement: several parts, sent through the API as one multipart upload.
    const statement = Buffer.concat([pdf('Statement of the driver'), randomBytes(3_000_000)]);
    const sentPhoto = await upload(draft, 'photos', photo, 'door-panel.jpg');
    const sentStatement = await upload(draft, 'statement', statement, 'statement.pdf');
    expect([sentPhoto.status, sentPhoto.body.status, sentStatement.status, sentStatement.body.status]).toEqual([
      201,
      'not-scanned',
      201,
      'not-scanned',
    ]);

    // The bytes live in the bucket (1 MiB objects under the prefix), none in core.attachment_chunk.
    expect(await chunkRows()).toBe(0);
    const parts = await bucket.keys(sentStatement.body.id);
    expect(parts).toEqual([0, 1, 2].map((n) => `${PREFIX}${sentStatement.body.id}/00000${n}`));
    expect(await bucket.keys(sentPhoto.body.id)).toEqual([`${PREFIX}${sentPhoto.body.id}/000000`]);
    const [row] = await app.sql<{ size: number; sha256: string }>(
      'SELECT size::int AS size, sha256 FROM core.attachment WHERE id = $1',
      [sentStatement.body.id],
    );
    expect(row).toEqual({ size: statement.length, sha256: createHash('sha256').update(statement).digest('hex') });

    // Downloaded byte for byte, by those in reach only.
    const download = await get(`/api/attachments/${sentStatement.body.id}`, officer);
    expect({ status: download.status, same: Buffer.compare(download.body, statement) === 0 }).toEqual({
      status: 200,
      same: true,
    });
    expect((await get(`/api/attachments/${sentStatement.body.id}`, freight)).status).toBe(404);

    // The thumbnail is made from the bucket's bytes and kept in PostgreSQL.
    const thumb = await get(`/api/attachments/${sentPhoto.body.id}/thumbnail`, officer);
    expect(thumb.status).toBe(200);
    expect(
      await app.sql('SELECT 1 AS kept FROM core.attachment_thumbnail WHERE attachment_id = $1', [sentPhoto.body.id]),
    ).toEqual([{ kept: 1 }]);

    const created = await fetch(`${app.url}/api/plugins/${PLUGIN}/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        draftId: draft,
        answers: {
          summary: 'Cigarettes in the door panels',
          photos: [{ id: sentPhoto.body.id, name: sentPhoto.body.name }],
          statement: { id: sentStatement.body.id, name: sentStatement.body.name },
        },
      }),
    });
    const caseBody = (await created.json()) as { id: string };
    expect(created.status).toBe(201);
    const casePdf = await get(`/api/cases/${caseBody.id}/pdf`, officer);
    expect(casePdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'cop-s3-pdf-'));
    try {
      const file = join(dir, 'case.pdf');
      writeFileSync(file, casePdf.body);
      expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain(
        'Photos of the goods – door-panel.jpg – (not scanned for viruses)',
      );
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).map(Number));
      expect(images).toEqual([[900, 600]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await chunkRows()).toBe(0);
  });

  it('deletes a file’s objects from the bucket when its row goes, however it goes', async () => {
    const stores = app.app.get(AttachmentStoreService);
    const draft = randomUUID();
    const removed = await upload(draft, 'statement', pdf('Removed before submit'), 'removed.pdf');
    const cascaded = await upload(randomUUID(), 'statement', pdf('Its uploader goes'), 'cascaded.pdf');
    expect(await bucket.keys(removed.body.id)).toHaveLength(1);
    const gone = await fetch(`${app.url}/api/plugins/${PLUGIN}/drafts/${draft}/attachments/${removed.body.id}`, {
      method: 'DELETE',
      headers: officer,
    });
    expect(gone.status).toBe(204);
    // A row removed by SQL outside the service (as a case's or a user's deletion cascades) is queued too.
    await app.sql('DELETE FROM core.attachment WHERE id = $1', [cascaded.body.id]);
    expect(
      (await app.sql<{ id: string }>('SELECT attachment_id AS id FROM core.attachment_bytes_gone')).map((r) => r.id),
    ).toEqual(expect.arrayContaining([removed.body.id, cascaded.body.id]));
    expect(await stores.removeGone()).toBeGreaterThanOrEqual(2);
    expect([await bucket.keys(removed.body.id), await bucket.keys(cascaded.body.id)]).toEqual([[], []]);
    expect(await app.sql('SELECT 1 FROM core.attachment_bytes_gone')).toEqual([]);
  });

  it('will not start with a bucket that is not there, naming S3_BUCKET', async () => {
    const databaseUrl = await createTestDatabase();
    try {
      const started = startTestApp({
        pluginDirs: [PLUGINS],
        databaseUrl,
        env: { ...s3.env(PREFIX), S3_BUCKET: 'no-such-bucket' },
      });
      await expect(started).rejects.toBeInstanceOf(ConfigError);
      await expect(started).rejects.toThrow(/S3_BUCKET "no-such-bucket" does not exist at S3_ENDPOINT/);
    } finally {
      await dropTestDatabase(databaseUrl);
    }
  });
});
