import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../utils/app.js';
import { EICAR, startClamd, type TestClamd } from '../utils/clamd.js';
import { pdf, png } from '../utils/files.js';
import { checkPage, describeBrowser, launchBrowser, newPage, signInAndStartShift } from './browser.js';

const PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'attachment-plugins');

// The GOV.UK file upload pattern in the form renderer, on the evidence-log fixture plugin
// (test/fixtures/attachment-plugins): photos (JPG or PNG, 1 MB, up to 3), a witness statement
// (PDF) and documents in a repeating group; a real clamd with a test signature database.
// The officer uploads two photos (progress, then "Virus checked"), meets a file too big, one of
// the wrong type and an EICAR document, each named in its own error, removes a photo, submits,
// and the case page lists the files and downloads one. Axe at 1280px and 375px.
// Needs `npm run build:shell` first.
describeBrowser('file questions: uploads, scan states and the case files', () => {
  let app: TestApp;
  let clamd: TestClamd;
  let browser: Browser;

  beforeAll(async () => {
    clamd = await startClamd();
    app = await startTestApp({ pluginDirs: [PLUGINS], env: { ...clamd.env, ATTACHMENT_SCAN_RETRY_MS: '500' } });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await clamd?.dispose();
  });

  const files = (page: Page, question: string) =>
    page.locator('.govuk-form-group', { has: page.locator(`#${question}`) }).locator('[data-testid="uploaded-files"]');
  const errorsOf = async (page: Page, question: string) =>
    (
      await page
        .locator('.govuk-form-group', { has: page.locator(`#${question}`) })
        .locator('[data-testid="upload-error"]')
        .allTextContents()
    ).map((t) => t.replace(/\s+/g, ' ').trim());

  it('uploads, refuses bad files by name, removes one, submits, and lists the files on the case', async () => {
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');
    await page.goto(`${app.url}/forms/evidence-log`);
    await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await page.locator('#f-summary').fill('Cigarettes in the spare wheel');
    await checkPage(page, '120-file-upload-empty');

    // Two photos at once: each listed with its size and its scan state.
    await page.locator('#f-photos').setInputFiles([
      { name: 'wheel.png', mimeType: 'image/png', buffer: png(40, 30) },
      { name: 'boot.png', mimeType: 'image/png', buffer: png(30, 40) },
    ]);
    const photos = files(page, 'f-photos');
    await photos.locator('.govuk-summary-list__row', { hasText: 'boot.png' }).waitFor();
    await photos.locator('.govuk-tag', { hasText: 'Virus checked' }).nth(1).waitFor();
    // Both are sent at once, so they are listed in the order they finished.
    expect((await photos.locator('.govuk-summary-list__key').allTextContents()).sort()).toEqual([
      'boot.png',
      'wheel.png',
    ]);

    // Too big (refused before sending), not a picture (refused by the core from its bytes).
    await page
      .locator('#f-photos')
      .setInputFiles([{ name: 'huge.png', mimeType: 'image/png', buffer: png(4, 4, 1024 * 1024 + 10) }]);
    await page
      .locator('#f-photos')
      .setInputFiles([{ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just text') }]);
    await page.locator('[data-testid="upload-error"]', { hasText: 'notes.png' }).waitFor();
    expect(await errorsOf(page, 'f-photos')).toEqual([
      'Error: huge.png must be smaller than 1 MB Dismiss the error for huge.png',
      'Error: notes.png must be a JPG or PNG Dismiss the error for notes.png',
    ]);

    // A document with a virus in it: refused, named.
    await page.getByRole('button', { name: 'Add a document' }).click();
    await page
      .locator('#f-documents-0-file')
      .setInputFiles([
        { name: 'manifest.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([pdf(), Buffer.from(EICAR)]) },
      ]);
    await page.locator('[data-testid="upload-error"]', { hasText: 'manifest.pdf' }).waitFor();
    expect(await errorsOf(page, 'f-documents-0-file')).toEqual([
      'Error: manifest.pdf contains a virus and was not uploaded – upload a different file Dismiss the error for manifest.pdf',
    ]);
    await checkPage(page, '121-file-upload-errors');

    // A clean document instead, a statement, and one photo removed.
    await page
      .locator('#f-documents-0-file')
      .setInputFiles([{ name: 'cmr note.pdf', mimeType: 'application/pdf', buffer: pdf('Consignment note') }]);
    await files(page, 'f-documents-0-file').locator('.govuk-tag', { hasText: 'Virus checked' }).waitFor();
    await page
      .locator('#f-statement')
      .setInputFiles([{ name: 'statement.pdf', mimeType: 'application/pdf', buffer: pdf('I saw the driver') }]);
    await files(page, 'f-statement').locator('.govuk-tag', { hasText: 'Virus checked' }).waitFor();
    await page.getByRole('button', { name: 'Remove boot.png' }).click();
    await photos.locator('.govuk-summary-list__row', { hasText: 'boot.png' }).waitFor({ state: 'detached' });
    await checkPage(page, '122-file-upload-done');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/cases\/BF-/);
    const caseFiles = page.locator('[data-testid="case-files"]');
    await caseFiles.waitFor();
    expect(await caseFiles.locator('.govuk-summary-list__key').allTextContents()).toEqual([
      'wheel.png (download)',
      'cmr note.pdf (download)',
      'statement.pdf (download)',
    ]);
    expect(await caseFiles.locator('.govuk-tag').allTextContents()).toEqual([
      'Virus checked',
      'Virus checked',
      'Virus checked',
    ]);
    // The photo has a thumbnail (upright, no metadata), named for screen readers.
    const thumb = caseFiles.locator('[data-testid="case-thumbnail"]');
    await thumb.waitFor();
    expect(await thumb.getAttribute('alt')).toBe('Photo: wheel.png');
    expect(await thumb.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(40);
    await checkPage(page, '123-case-files');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      caseFiles.getByRole('link', { name: 'statement.pdf (download)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('statement.pdf');
    const saved = await readFile((await download.path())!);
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-');
    // The removed photo and the refused files were never the case's.
    const names = await app.sql<{ name: string }>('SELECT name FROM core.attachment ORDER BY name');
    expect(names.map((n) => n.name)).toEqual(['cmr note.pdf', 'statement.pdf', 'wheel.png']);
  });

  it('shows a file waiting for the scanner as quarantined, then checked once clamd is back', async () => {
    const page = await newPage(browser);
    await signInAndStartShift(page, app.url, 'officer');
    await page.goto(`${app.url}/forms/evidence-log`);
    await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await clamd.stop();
    try {
      await page.locator('#f-photos').setInputFiles([{ name: 'dusk.png', mimeType: 'image/png', buffer: png(12, 12) }]);
      await files(page, 'f-photos').locator('.govuk-tag', { hasText: 'Being checked for viruses' }).waitFor();
      await checkPage(page, '124-file-upload-waiting');
    } finally {
      await clamd.start();
    }
    // The renderer asks again while a file waits; the core's retry scans it.
    await files(page, 'f-photos').locator('.govuk-tag', { hasText: 'Virus checked' }).waitFor({ timeout: 30_000 });
  });
});
