import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';
import { EICAR, EICAR_SIGNATURE, startClamd, type TestClamd } from '../utils/clamd.js';
import { pdf, png } from '../utils/files.js';

const PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'attachment-plugins');
const PLUGIN = 'evidence-log';

/** Waits until `check` holds, polling, or fails after `ms`. */
async function eventually<T>(check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

function harness(getApp: () => TestApp) {
  const upload = async (
    auth: Record<string, string>,
    path: string,
    field: string,
    file: { bytes: Buffer | string; name: string; type?: string },
  ) => {
    const form = new FormData();
    form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
    const response = await fetch(`${getApp().url}${path}?field=${encodeURIComponent(field)}`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  const call = async (method: string, path: string, auth: Record<string, string>, body?: unknown) => {
    const response = await fetch(`${getApp().url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: (type.includes('json') ? await response.json() : Buffer.from(await response.arrayBuffer())) as any,
    };
  };
  const rows = async () =>
    Number((await getApp().sql<{ n: string }>('SELECT count(*) AS n FROM core.attachment'))[0]!.n);
  const chunks = async () =>
    Number((await getApp().sql<{ n: string }>('SELECT count(*) AS n FROM core.attachment_chunk'))[0]!.n);
  return { upload, call, rows, chunks };
}

describe('attachments with a virus scanner', () => {
  let app: TestApp;
  let clamd: TestClamd;
  let officer: Record<string, string>;
  let freight: Record<string, string>;
  const { upload, call, rows, chunks } = harness(() => app);
  const draftPath = (draft: string) => `/api/plugins/${PLUGIN}/drafts/${draft}/attachments`;

  beforeAll(async () => {
    clamd = await startClamd();
    app = await startTestApp({
      pluginDirs: [PLUGINS],
      env: { ...clamd.env, ATTACHMENT_SCAN_RETRY_MS: '200', CLAMD_TIMEOUT_MS: '2000' },
    });
    [officer, freight] = await Promise.all([signIn(app, 'officer'), signIn(app, 'freight')]);
  });
  afterAll(async () => {
    await app?.close();
    await clamd?.dispose();
  });

  it('stores a photo for a draft, scanned clean, under a cleaned name with its true extension', async () => {
    const draft = randomUUID();
    const bytes = png(8, 8);
    const created = await upload(officer, draftPath(draft), 'photos', {
      bytes,
      name: ' lane\u00073  photo.jpeg ',
      type: 'image/jpeg',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'lane3 photo.png',
      contentType: 'image/png',
      size: bytes.length,
      field: 'photos',
      formId: PLUGIN,
      status: 'clean',
      downloadable: true,
    });
    const listed = await call('GET', draftPath(draft), officer);
    expect(listed.body).toMatchObject({ scanning: true, attachments: [{ id: created.body.id, status: 'clean' }] });
    const mine = await call('GET', `/api/attachments/${created.body.id}`, officer);
    expect(mine.status).toBe(200);
    // A photo is served re-encoded without its metadata (attachment-images.spec.ts): the same picture.
    const served = await sharp(mine.body as Buffer)
      .raw()
      .toBuffer({ resolveWithObject: true });
    const sent = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    expect([served.info.width, served.info.height]).toEqual([8, 8]);
    expect(Buffer.compare(served.data, sent.data)).toBe(0);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('content-disposition')).toContain('attachment; filename="lane3 photo.png"');
    expect(mine.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await call('GET', `/api/attachments/${created.body.id}`, freight)).status).toBe(404);
    expect((await call('GET', draftPath(draft), freight)).body.attachments).toEqual([]);
  });

  it('refuses bad files with a field-level 400 and stores nothing', async () => {
    const draft = randomUUID();
    const before = [await rows(), await chunks()];
    const cases: [string, { bytes: Buffer | string; name: string }, string][] = [
      ['photos', { bytes: png(4, 4, 1024 * 1024 + 1), name: 'big.png' }, 'big.png must be smaller than 1 MB'],
      ['photos', { bytes: 'not a picture at all', name: 'notes.jpg' }, 'notes.jpg must be a JPG or PNG'],
      ['photos', { bytes: pdf(), name: 'statement.pdf' }, 'statement.pdf must be a JPG or PNG'],
      ['photos', { bytes: Buffer.alloc(0), name: 'empty.png' }, 'empty.png is empty'],
      [
        'photos',
        { bytes: png(), name: '../../etc/passwd.png' },
        '../../etc/passwd.png must be a file name without a folder',
      ],
      [
        'photos',
        { bytes: png(), name: 'C:\\Users\\me\\photo.png' },
        'C:\\Users\\me\\photo.png must be a file name without a folder',
      ],
      ['statement', { bytes: png(), name: 'photo.png' }, 'photo.png must be a PDF'],
      ['documents[0].file', { bytes: Buffer.from('GIF89a......'), name: 'a.gif' }, 'a.gif must be a JPG, PNG or PDF'],
    ];
    for (const [field, file, message] of cases) {
      const refused = await upload(officer, draftPath(draft), field, file);
      expect({ name: file.name, status: refused.status, errors: refused.body.errors }).toEqual({
        name: file.name,
        status: 400,
        errors: [{ path: field, message }],
      });
    }
    for (const field of ['summary', 'nothing', 'documents.file', 'documents[x].file', 'photos[0]']) {
      const refused = await upload(officer, draftPath(draft), field, { bytes: png(), name: 'a.png' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].path).toBe('field');
    }
    const noFile = await fetch(`${app.url}${draftPath(draft)}?field=photos`, {
      method: 'POST',
      headers: officer,
      body: new FormData(),
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as any).errors).toEqual([{ path: 'photos', message: 'Select a photo of the goods' }]);
    const json = await call('POST', `${draftPath(draft)}?field=photos`, officer, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.errors).toEqual([{ path: 'photos', message: 'Send the file as multipart/form-data' }]);
    expect([await rows(), await chunks()]).toEqual(before);
  });

  it('stores nothing of an upload cut off half way', async () => {
    const draft = randomUUID();
    const before = await rows();
    const url = new URL(app.url);
    const boundary = 'cop-boundary-123';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.png"\r\nContent-Type: image/png\r\n\r\n`;
    await new Promise<void>((done, fail) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(
          `POST ${draftPath(draft)}?field=photos HTTP/1.1\r\nHost: ${url.host}\r\n${officer.authorization ? `Authorization: ${officer.authorization}\r\n` : ''}` +
            `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 900000\r\n\r\n${head}`,
        );
        socket.write(png(4, 4, 200_000));
        setTimeout(() => socket.destroy(), 300);
      });
      socket.on('close', () => done());
      socket.on('error', fail);
    });
    await eventually(async () => ((await rows()) === before ? true : undefined), 5000);
    expect(await rows()).toBe(before);
  });

  it('takes at most the files a question holds', async () => {
    const draft = randomUUID();
    for (let i = 0; i < 3; i++)
      expect(
        (await upload(officer, draftPath(draft), 'photos', { bytes: png(2 + i, 2), name: `p${i}.png` })).status,
      ).toBe(201);
    const fourth = await upload(officer, draftPath(draft), 'photos', { bytes: png(), name: 'p4.png' });
    expect(fourth.status).toBe(400);
    expect(fourth.body.errors).toEqual([
      { path: 'photos', message: 'You can only upload up to 3 files for a photo of the goods' },
    ]);
    const listed = await call('GET', draftPath(draft), officer);
    const removed = await call('DELETE', `${draftPath(draft)}/${listed.body.attachments[0].id}`, officer);
    expect(removed.status).toBe(204);
    expect((await upload(officer, draftPath(draft), 'photos', { bytes: png(), name: 'p5.png' })).status).toBe(201);
  });

  it('refuses EICAR naming the file, keeps none of it, and audits the refusal', async () => {
    const draft = randomUUID();
    const before = [await rows(), await chunks()];
    const refused = await upload(officer, draftPath(draft), 'documents[0].file', {
      bytes: Buffer.concat([pdf().subarray(0, 200), Buffer.from(`\n${EICAR}\n`), pdf().subarray(200)]),
      name: 'manifest.pdf',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        path: 'documents[0].file',
        message: 'manifest.pdf contains a virus and was not uploaded – upload a different file',
      },
    ]);
    expect([await rows(), await chunks()]).toEqual(before);
    const audit = await app.sql<{ detail: { name: string; signature: string } }>(
      `SELECT detail FROM core.audit WHERE action = 'attachment.refused'`,
    );
    expect(audit.map((a) => a.detail)).toEqual([
      expect.objectContaining({ name: 'manifest.pdf', signature: EICAR_SIGNATURE }),
    ]);
  });

  it("submits a case with its draft's files: attached, in the case's reach only, every download audited", async () => {
    const draft = randomUUID();
    const photo = await upload(officer, draftPath(draft), 'photos', { bytes: png(6, 6), name: 'goods.png' });
    const doc = await upload(officer, draftPath(draft), 'documents[0].file', { bytes: pdf(), name: 'cmr.pdf' });
    const unused = await upload(officer, draftPath(draft), 'photos', { bytes: png(3, 3), name: 'blurred.png' });
    const other = await upload(officer, draftPath(randomUUID()), 'photos', { bytes: png(5, 5), name: 'other.png' });
    const answers = {
      summary: 'Cigarettes in the spare wheel',
      photos: [{ id: photo.body.id, name: 'renamed-by-the-client.png' }],
      documents: [{ file: { id: doc.body.id, name: 'cmr.pdf' }, description: 'The consignment note' }],
    };
    // Files of another draft, or of another question, are not the answers' to use.
    const wrongDraft = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
      answers: { ...answers, photos: [{ id: other.body.id, name: 'other.png' }] },
      draftId: draft,
    });
    expect(wrongDraft.status).toBe(400);
    expect(wrongDraft.body.errors).toEqual([
      { path: 'photos', message: 'Photo of the goods must be an uploaded file' },
    ]);
    const wrongField = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
      answers: { ...answers, photos: [{ id: doc.body.id, name: 'cmr.pdf' }], documents: [] },
      draftId: draft,
    });
    expect(wrongField.body.errors).toEqual([
      { path: 'photos', message: 'Photo of the goods must be an uploaded file' },
    ]);
    const noDraft = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, { answers });
    expect(noDraft.status).toBe(400);

    const created = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, { answers, draftId: draft });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const [stored] = await app.sql<{ answers: any }>('SELECT answers FROM core.case WHERE id = $1', [caseId]);
    expect(stored!.answers.photos).toEqual([{ id: photo.body.id, name: 'goods.png' }]);
    const files = await call('GET', `/api/cases/${caseId}/attachments`, officer);
    expect(files.body.attachments.map((a: any) => [a.name, a.field, a.status])).toEqual([
      ['goods.png', 'photos', 'clean'],
      ['cmr.pdf', 'documents.file', 'clean'],
    ]);
    // The draft's unused upload went with the submission.
    expect(await app.sql('SELECT id FROM core.attachment WHERE id = $1', [unused.body.id])).toEqual([]);
    const download = await call('GET', `/api/attachments/${doc.body.id}`, officer);
    expect(download.status).toBe(200);
    expect(download.body.subarray(0, 5).toString()).toBe('%PDF-');
    // Another team's officer: the case and its files are out of reach.
    expect((await call('GET', `/api/attachments/${doc.body.id}`, freight)).status).toBe(404);
    expect((await call('GET', `/api/cases/${caseId}/attachments`, freight)).status).toBe(404);
    const audit = await app.sql<{ actor: string; case_id: string; entity_id: string }>(
      `SELECT actor, case_id, entity_id FROM core.audit WHERE action = 'attachment.downloaded' AND entity_id = $1`,
      [doc.body.id],
    );
    expect(audit).toEqual([{ actor: 'officer', case_id: caseId, entity_id: doc.body.id }]);
    // The draft is gone; its files now belong to the case and cannot be removed as a draft's.
    expect((await call('DELETE', `${draftPath(draft)}/${photo.body.id}`, officer)).status).toBe(404);
  });

  it('attaches an action form file to the case when the action is taken', async () => {
    const draft = randomUUID();
    const photo = await upload(officer, draftPath(draft), 'photos', { bytes: png(7, 7), name: 'one.png' });
    const created = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
      answers: { summary: 'Tobacco', photos: [{ id: photo.body.id, name: 'one.png' }] },
      draftId: draft,
    });
    const caseId = created.body.id as string;
    const actionPath = `/api/cases/${caseId}/actions/add-evidence/attachments`;
    const evidence = await upload(officer, actionPath, 'evidence', {
      bytes: pdf('Seizure notice'),
      name: 'notice.pdf',
    });
    expect(evidence.status).toBe(201);
    expect((await call('GET', `/api/cases/${caseId}/attachments`, officer)).body.attachments).toHaveLength(1);
    expect((await upload(freight, actionPath, 'evidence', { bytes: pdf(), name: 'x.pdf' })).status).toBe(404);
    const acted = await call('POST', `/api/cases/${caseId}/actions/add-evidence`, officer, {
      version: created.body.version,
      answers: { evidence: { id: evidence.body.id, name: 'notice.pdf' } },
    });
    expect(acted.status).toBe(200);
    const files = await call('GET', `/api/cases/${caseId}/attachments`, officer);
    expect(files.body.attachments.map((a: any) => a.name)).toEqual(['one.png', 'notice.pdf']);
    // The action again, with another file: the first one used no longer counts against the question.
    const second = await upload(officer, actionPath, 'evidence', { bytes: pdf('Receipt'), name: 'receipt.pdf' });
    expect(second.status).toBe(201);
    expect((await upload(officer, actionPath, 'evidence', { bytes: pdf(), name: 'third.pdf' })).status).toBe(400);
    const again = await call('POST', `/api/cases/${caseId}/actions/add-evidence`, officer, {
      version: acted.body.version,
      answers: { evidence: { id: second.body.id, name: 'receipt.pdf' } },
    });
    expect(again.status).toBe(200);
    const all = await call('GET', `/api/cases/${caseId}/attachments`, officer);
    expect(all.body.attachments.map((a: any) => a.name)).toEqual(['one.png', 'notice.pdf', 'receipt.pdf']);
  });

  it('keeps an upload quarantined while clamd is down and scans it once clamd is back', async () => {
    const draft = randomUUID();
    await clamd.stop();
    let waiting: any;
    let infected: any;
    try {
      waiting = await upload(officer, draftPath(draft), 'photos', { bytes: png(9, 9), name: 'waiting.png' });
      expect(waiting.status).toBe(201);
      expect(waiting.body).toMatchObject({ status: 'pending', downloadable: false });
      infected = await upload(officer, draftPath(draft), 'documents[0].file', {
        bytes: Buffer.concat([pdf(), Buffer.from(EICAR)]),
        name: 'later.pdf',
      });
      expect(infected.body.status).toBe('pending');
      const quarantined = await call('GET', `/api/attachments/${waiting.body.id}`, officer);
      expect(quarantined.status).toBe(409);
      expect(quarantined.body.message).toBe(
        'waiting.png is still being checked for viruses – try again in a few minutes',
      );
      const early = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
        answers: { summary: 'Waiting', photos: [{ id: waiting.body.id, name: 'waiting.png' }] },
        draftId: draft,
      });
      expect(early.status).toBe(400);
      expect(early.body.errors).toEqual([
        { path: 'photos', message: 'waiting.png is still being checked for viruses – try again in a few minutes' },
      ]);
      // A draft may be saved meanwhile.
      const saved = await call('PUT', `/api/plugins/${PLUGIN}/drafts/${draft}`, officer, {
        answers: { summary: 'Waiting', photos: [{ id: waiting.body.id, name: 'waiting.png' }] },
      });
      expect(saved.status).toBe(200);
      // Retries while clamd is down leave it pending.
      await new Promise((r) => setTimeout(r, 700));
      const [still] = await app.sql<{ status: string; scan_attempts: number }>(
        'SELECT status, scan_attempts FROM core.attachment WHERE id = $1',
        [waiting.body.id],
      );
      expect(still!.status).toBe('pending');
      expect(still!.scan_attempts).toBeGreaterThanOrEqual(1);
    } finally {
      await clamd.start();
    }
    const list = async () => (await call('GET', draftPath(draft), officer)).body.attachments as any[];
    const after = await eventually(async () => {
      const all = await list();
      return all.every((a) => a.status !== 'pending') ? all : undefined;
    }, 30_000);
    expect(after.map((a) => [a.name, a.status, a.signature])).toEqual([
      ['waiting.png', 'clean', null],
      ['later.pdf', 'infected', EICAR_SIGNATURE],
    ]);
    expect((await call('GET', `/api/attachments/${waiting.body.id}`, officer)).status).toBe(200);
    expect((await call('GET', `/api/attachments/${infected.body.id}`, officer)).status).toBe(409);
    expect(await app.sql('SELECT seq FROM core.attachment_chunk WHERE attachment_id = $1', [infected.body.id])).toEqual(
      [],
    );
    const inbox = await call('GET', '/api/notifications', officer);
    expect(inbox.body.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'attachment.infected', title: 'later.pdf contains a virus' }),
      ]),
    );
    const late = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
      answers: {
        summary: 'Scanned',
        photos: [{ id: waiting.body.id, name: 'waiting.png' }],
        documents: [{ file: { id: infected.body.id, name: 'later.pdf' } }],
      },
      draftId: draft,
    });
    expect(late.body.errors).toEqual([
      { path: 'documents[0].file', message: 'later.pdf contains a virus – remove it and upload a different file' },
    ]);
    const ok = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
      answers: { summary: 'Scanned', photos: [{ id: waiting.body.id, name: 'waiting.png' }] },
      draftId: draft,
    });
    expect(ok.status).toBe(201);
  });

  it('answers 404 for a draft id that is someone else’s', async () => {
    const draft = randomUUID();
    const saved = await call('PUT', `/api/plugins/${PLUGIN}/drafts/${draft}`, officer, {
      answers: { summary: 'Mine' },
    });
    expect(saved.status).toBe(200);
    expect((await upload(freight, draftPath(draft), 'photos', { bytes: png(), name: 'a.png' })).status).toBe(404);
    expect((await call('DELETE', `/api/plugins/${PLUGIN}/drafts/${draft}`, officer)).status).toBe(204);
  });
});

describe('attachments without a virus scanner', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  const { upload, call } = harness(() => app);

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [PLUGINS], env: { ATTACHMENT_SCAN_RETRY_MS: '200' } });
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  it('keeps files marked "not scanned", downloadable, and says so in the list', async () => {
    const draft = randomUUID();
    const path = `/api/plugins/${PLUGIN}/drafts/${draft}/attachments`;
    const created = await upload(officer, path, 'photos', { bytes: png(), name: 'photo.png' });
    expect(created.body).toMatchObject({ status: 'not-scanned', downloadable: true });
    expect((await call('GET', path, officer)).body.scanning).toBe(false);
    expect((await call('GET', `/api/attachments/${created.body.id}`, officer)).status).toBe(200);
    const submitted = await call('POST', `/api/plugins/${PLUGIN}/cases`, officer, {
      answers: { summary: 'Unscanned', photos: [{ id: created.body.id, name: 'photo.png' }] },
      draftId: draft,
    });
    expect(submitted.status).toBe(201);
  });

  it('removes uploads of drafts never saved after 30 days, and keeps those of saved drafts', async () => {
    const [kept, lost] = [randomUUID(), randomUUID()];
    const path = (draft: string) => `/api/plugins/${PLUGIN}/drafts/${draft}/attachments`;
    const a = await upload(officer, path(kept), 'photos', { bytes: png(), name: 'kept.png' });
    const b = await upload(officer, path(lost), 'photos', { bytes: png(), name: 'lost.png' });
    expect(
      (await call('PUT', `/api/plugins/${PLUGIN}/drafts/${kept}`, officer, { answers: { summary: 'Kept' } })).status,
    ).toBe(200);
    await app.sql(`UPDATE core.attachment SET created_at = now() - interval '31 days' WHERE id = ANY($1::uuid[])`, [
      [a.body.id, b.body.id],
    ]);
    await eventually(async () =>
      (await app.sql('SELECT id FROM core.attachment WHERE id = $1', [b.body.id])).length === 0 ? true : undefined,
    );
    expect(await app.sql('SELECT name FROM core.attachment WHERE id = $1', [a.body.id])).toEqual([
      { name: 'kept.png' },
    ]);
  });
});
