import { build } from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { formCases } from '../forms/cases/index.js';
import { describeBrowser, launchBrowser, newPage } from './browser.js';

const ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), 'form-cases.entry.ts');

interface Replayed {
  name: string;
  errors: unknown[];
  expected: unknown[];
  answers: Record<string, unknown>;
  expectedAnswers: Record<string, unknown> | null;
  /** Where a pressed button went (the shell's navigation), and where the table says it goes. */
  to: string | null;
  expectedTo: string | null;
  /** Task states the shell shows, and the table's. */
  tasks: Record<string, string> | null;
  expectedTasks: Record<string, string> | null;
}

// The shared form-case table (test/forms/cases), replayed in Chromium through the shell's own
// validation module, bundled with esbuild (the bundler @angular/build itself uses). Every case
// must give exactly the errors the server-side table expects, and each pressed button (page
// actions, task lists, hub and spoke) must go where it does on the server, with the same task states.
describeBrowser('shared form cases in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('gives the same errors as the server for every case', async () => {
    const bundle = await build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2022',
      platform: 'browser',
      logLevel: 'silent',
    });
    const page = await newPage(browser);
    await page.setContent('<!doctype html><html lang="en"><title>Form cases</title><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const replayed = (await page.evaluate('replayFormCases()')) as Replayed[];
    expect(replayed).toHaveLength(formCases.length);
    expect(replayed.length).toBeGreaterThanOrEqual(120);
    for (const r of replayed) {
      expect({ name: r.name, errors: r.errors }).toEqual({ name: r.name, errors: r.expected });
      expect({ name: r.name, to: r.to }).toEqual({ name: r.name, to: r.expectedTo });
      expect({ name: r.name, tasks: r.tasks }).toEqual({ name: r.name, tasks: r.expectedTasks });
      if (r.expectedAnswers)
        expect({ name: r.name, answers: r.answers }).toEqual({
          name: r.name,
          answers: expect.objectContaining(r.expectedAnswers),
        });
    }
    await page.context().close();
  });
});
