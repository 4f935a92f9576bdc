import { createHash, randomUUID } from 'node:crypto';
import { dirname, resolve } from 'node:path';
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
});
