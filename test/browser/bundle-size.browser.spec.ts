import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describeBrowser } from './browser.js';

const BROWSER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'shell', 'browser');

/** The budget is on what crosses the wire; angular.json can only budget raw bytes. */
const MAX_INITIAL_TRANSFER = 250 * 1000;

/** Files the browser fetches before the first page renders: scripts, module preloads, stylesheets. */
function initialFiles(indexHtml: string): string[] {
  const urls = new Set<string>();
  for (const match of indexHtml.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"[^>]*>/g)) {
    urls.add(match[1]!);
  }
  return [...urls].filter((url) => !/^[a-z]+:/i.test(url));
}

describeBrowser('shell initial transfer', () => {
  it('stays under 250 kB compressed (gzip, the weaker of gzip and brotli)', async () => {
    const indexPath = resolve(BROWSER_DIR, 'index.html');
    if (!existsSync(indexPath)) throw new Error('dist/shell/browser/index.html missing: run `npm run build:shell` first');
    const indexHtml = await readFile(indexPath);
    const files = initialFiles(indexHtml.toString('utf8'));
    expect(files.some((file) => file.endsWith('.js'))).toBe(true);
    let gzip = gzipSync(indexHtml).length;
    let brotli = brotliCompressSync(indexHtml).length;
    for (const file of files) {
      const body = await readFile(resolve(BROWSER_DIR, file.replace(/^\//, '')));
      gzip += gzipSync(body, { level: 9 }).length;
      brotli += brotliCompressSync(body).length;
    }
    expect(Math.max(gzip, brotli)).toBeLessThan(MAX_INITIAL_TRANSFER);
  });
});
