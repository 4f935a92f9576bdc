import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { pdf } from '../utils/files.js';

const PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'attachment-plugins');
const PLUGIN = 'evidence-log';

/** A 1200 × 800 JPEG photo taken "in Dover", with the camera's EXIF: GPS position, make, and orientation 6 (turn 90°). */
async function photoWithLocation(): Promise<Buffer> {
  return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#4a7' } })
    .withMetadata({ orientation: 6 })
    .jpeg()
    .withExifMerge({
      IFD0: { Make: 'Border Force camera', Model: 'BF-1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 7/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '1/1 18/1 5000/100',
      },
    })
    .toBuffer();
}

describe('photos: thumbnails and metadata', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  let freight: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [PLUGINS] });
    [officer, freight] = await Promise.all([signIn(app, 'officer'), signIn(app, 'freight')]);
  });
  afterAll(async () => app?.close());

  const upload = async (draft: string, field: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(
      `${app.url}/api/plugins/${PLUGIN}/drafts/${draft}/attachments?field=${encodeURIComponent(field)}`,
      { method: 'POST', headers: officer, body: form },
    );
    return (await response.json()) as { id: string; name: string };
  };
  const get = async (path: string, auth: Record<string, string>) => {
    const response = await fetch(`${app.url}${path}`, { headers: auth });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  it('serves a photo without its location or camera details, upright, and keeps the original as uploaded', async () => {
    const original = await photoWithLocation();
    const exif = (await sharp(original).metadata()).exif!;
    expect(exif.includes(Buffer.from('Border Force camera'))).toBe(true);
    // The GPS IFD pointer (tag 0x8825), in either byte order: the photo says where it was taken.
    expect(exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]))).toBe(true);
    expect((await sharp(original).metadata()).orientation).toBe(6);
    const draft = randomUUID();
    const photo = await upload(draft, 'photos', original, 'dover.jpg');
    const served = await get(`/api/attachments/${photo.id}`, officer);
    expect(served.status).toBe(200);
    expect(served.type).toBe('image/jpeg');
    const meta = await sharp(served.body).metadata();
    expect(meta.exif).toBeUndefined();
    expect(served.body.includes(Buffer.from('Border Force camera'))).toBe(false);
    expect([meta.width, meta.height]).toEqual([800, 1200]); // turned by its orientation
    const [stored] = await app.sql<{ sha256: string; size: number }>(
      'SELECT sha256, size FROM core.attachment WHERE id = $1',
      [photo.id],
    );
    expect(stored!.sha256).toBe(createHash('sha256').update(original).digest('hex'));
  });

  it('makes small upright thumbnails of photos, in reach only, and none of documents', async () => {
    const draft = randomUUID();
    const photo = await upload(draft, 'photos', await photoWithLocation(), 'dover.jpg');
    const document = await upload(draft, 'statement', pdf(), 'statement.pdf');
    const thumb = await get(`/api/attachments/${photo.id}/thumbnail`, officer);
    expect(thumb.status).toBe(200);
    expect(thumb.type).toBe('image/jpeg');
    const meta = await sharp(thumb.body).metadata();
    expect([meta.width, meta.height]).toEqual([213, 320]);
    expect(meta.exif).toBeUndefined();
    expect(thumb.body.length).toBeLessThan(20_000);
    expect((await get(`/api/attachments/${document.id}/thumbnail`, officer)).status).toBe(404);
    expect((await get(`/api/attachments/${photo.id}/thumbnail`, freight)).status).toBe(404);
    const audit = await app.sql<{ action: string }>('SELECT action FROM core.audit WHERE entity_id = $1 ORDER BY id', [
      photo.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(['attachment.uploaded', 'attachment.viewed']);
  });

  it('makes a photo’s thumbnail once and keeps it with the photo', async () => {
    const draft = randomUUID();
    const photo = await upload(draft, 'photos', await photoWithLocation(), 'kept.jpg');
    const first = await get(`/api/attachments/${photo.id}/thumbnail`, officer);
    expect(first.status).toBe(200);
    const [kept] = await app.sql<{ image: Buffer }>(
      'SELECT image FROM core.attachment_thumbnail WHERE attachment_id = $1',
      [photo.id],
    );
    expect(Buffer.compare(kept!.image, first.body)).toBe(0);
    // With the photo's bytes gone, the kept thumbnail is what is served: nothing is decoded again.
    await app.sql('DELETE FROM core.attachment_chunk WHERE attachment_id = $1', [photo.id]);
    const again = await get(`/api/attachments/${photo.id}/thumbnail`, officer);
    expect({ status: again.status, same: Buffer.compare(again.body, first.body) === 0 }).toEqual({
      status: 200,
      same: true,
    });
    // Each view is still audited, and the thumbnail goes with its photo.
    const views = await app.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM core.audit WHERE entity_id = $1 AND action = 'attachment.viewed'",
      [photo.id],
    );
    expect(views).toEqual([{ n: 2 }]);
    const removed = await fetch(`${app.url}/api/plugins/${PLUGIN}/drafts/${draft}/attachments/${photo.id}`, {
      method: 'DELETE',
      headers: officer,
    });
    expect(removed.status).toBe(204);
    expect(await app.sql('SELECT 1 FROM core.attachment_thumbnail WHERE attachment_id = $1', [photo.id])).toEqual([]);
  });

  it('serves a photo as taken, location included, when its question keeps metadata', async () => {
    const original = await photoWithLocation();
    const scene = await upload(randomUUID(), 'scene', original, 'scene.jpg');
    const served = await get(`/api/attachments/${scene.id}`, officer);
    expect(served.status).toBe(200);
    expect(Buffer.compare(served.body, original)).toBe(0);
    // Its thumbnail still carries none.
    expect(
      (await sharp((await get(`/api/attachments/${scene.id}/thumbnail`, officer)).body).metadata()).exif,
    ).toBeUndefined();
  });

  it('embeds the case’s photos in its PDF, upright, without their location, captioned with their question and name', async () => {
    const draft = randomUUID();
    const dover = await upload(draft, 'photos', await photoWithLocation(), 'dover.jpg');
    const plan = await upload(
      draft,
      'photos',
      await sharp({ create: { width: 400, height: 300, channels: 3, background: '#246' } })
        .png()
        .toBuffer(),
      'plan.png',
    );
    const statement = await upload(draft, 'statement', pdf(), 'statement.pdf');
    const ref = (file: { id: string; name: string }) => ({ id: file.id, name: file.name });
    const created = await fetch(`${app.url}/api/plugins/${PLUGIN}/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({
        draftId: draft,
        answers: {
          summary: 'Cigarettes in the door panels',
          photos: [ref(dover), ref(plan)],
          statement: ref(statement),
        },
      }),
    });
    const body = (await created.json()) as { id: string };
    expect({ status: created.status, body: created.status === 201 ? {} : body }).toEqual({ status: 201, body: {} });
    const caseId = body.id;
    const response = await get(`/api/cases/${caseId}/pdf`, officer);
    expect(response.status).toBe(200);
    const dir = join('test-output', 'attachments', `case-${caseId}`); // kept to look at
    mkdirSync(dir, { recursive: true });
    try {
      const file = join(dir, 'case.pdf');
      writeFileSync(file, response.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/Photos\s/);
      // No scanner in this spec: shown, and said so.
      expect(text).toContain('Photos of the goods – dover.jpg – (not scanned for viruses)');
      expect(text).toContain('Photos of the goods – plan.png – (not scanned for viruses)');
      expect(text).not.toContain('statement.pdf –'); // a document is not a picture
      // Two pictures, each at its own size: the photo turned upright by its orientation.
      const listed = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/));
      expect(listed.map((cols) => [Number(cols[3]), Number(cols[4]), cols[8]])).toEqual([
        [800, 1200, 'jpeg'],
        [400, 300, 'image'],
      ]);
      execFileSync('pdfimages', ['-j', file, join(dir, 'img')]);
      const embedded = readFileSync(join(dir, 'img-000.jpg'));
      expect((await sharp(embedded).metadata()).exif).toBeUndefined();
      expect(response.body.includes(Buffer.from('Border Force camera'))).toBe(false);
    } finally {
      rmSync(join(dir, 'img-000.jpg'), { force: true });
    }
    const [audit] = await app.sql<{ detail: { photos: string[] } }>(
      "SELECT detail FROM core.audit WHERE action = 'case.pdf-downloaded' AND case_id = $1",
      [caseId],
    );
    expect(audit!.detail.photos.sort()).toEqual([dover.id, plan.id].sort());

    // A photo back in quarantine (waiting for a scan) or found infected is left out of the PDF.
    await app.sql("UPDATE core.attachment SET status = 'pending' WHERE id = $1", [plan.id]);
    const waiting = await get(`/api/cases/${caseId}/pdf`, officer);
    const file = join(dir, 'case-quarantined.pdf');
    writeFileSync(file, waiting.body);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Photos of the goods – dover.jpg');
    expect(text).not.toContain('Photos of the goods – plan.png');
    expect(
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean),
    ).toHaveLength(1);
    await app.sql("UPDATE core.attachment SET status = 'infected' WHERE id = $1", [dover.id]);
    const infected = await get(`/api/cases/${caseId}/pdf`, officer);
    writeFileSync(file, infected.body);
    expect(
      execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean),
    ).toEqual([]);
    expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).not.toMatch(
      /Photos of the goods – (dover\.jpg|plan\.png)/,
    );
  });
});
