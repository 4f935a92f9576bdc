import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeBrowser } from './browser.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BROWSER_DIR = resolve(ROOT, 'dist', 'shell', 'browser');

/** The build's own budget definition (scripts/compress-shell.mjs), so the build and this test agree. */
interface BudgetModule {
  BUDGET_BYTES: number;
  initialTransfer(root: string): { files: string[]; gzip: number; brotli: number };
}
// A path held in a variable: plain JavaScript, loaded by Node as it is (no types to check).
const BUDGET_SCRIPT = resolve(ROOT, 'scripts', 'compress-shell.mjs');

describeBrowser('shell initial transfer', () => {
  it('stays within 250 KB compressed, gzip and brotli, as the core serves it', async () => {
    if (!existsSync(resolve(BROWSER_DIR, 'index.html.gz')))
      throw new Error('dist/shell/browser/index.html.gz missing: run `npm run build:shell` first');
    const { BUDGET_BYTES, initialTransfer } = (await import(BUDGET_SCRIPT)) as BudgetModule;
    expect(BUDGET_BYTES).toBe(250 * 1024);
    const transfer = initialTransfer(BROWSER_DIR);
    expect(transfer.files.some((file) => file.endsWith('.js'))).toBe(true);
    expect(transfer.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(transfer.brotli).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
