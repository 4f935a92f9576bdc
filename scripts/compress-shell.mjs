// Writes .br and .gz beside the built shell's text files, so the core serves them compressed
// (@fastify/static preCompressed) without compressing on every request, then checks the
// initial transfer budget. test/browser/bundle-size.browser.spec.ts imports the same
// definition (BUDGET_BYTES, initialFiles, initialTransfer), so the build and the test agree.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The budget: at most 250 KB (250 × 1024 bytes) crosses the wire before the first page renders. */
export const BUDGET_BYTES = 250 * 1024;

const TEXT = /\.(js|css|html|json|svg|txt|map)$/;

/** Files index.html loads up front: scripts, module preloads and stylesheets (same-origin paths). */
export function initialFiles(indexHtml) {
  const urls = new Set();
  for (const match of indexHtml.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"[^>]*>/g))
    urls.add(match[1]);
  return [...urls].filter((url) => !/^[a-z]+:/i.test(url)).map((url) => url.replace(/^\//, ''));
}

/**
 * The initial transfer as the core sends it: index.html and its initial files, from the .gz and
 * .br files written beside them. Either encoding must stay within BUDGET_BYTES.
 */
export function initialTransfer(root) {
  const files = ['index.html', ...initialFiles(readFileSync(join(root, 'index.html'), 'utf8'))];
  const size = (ext) => files.reduce((sum, file) => sum + statSync(join(root, `${file}.${ext}`)).size, 0);
  return { files, gzip: size('gz'), brotli: size('br') };
}

/** Writes `<file>.br` and `<file>.gz` beside every text file under root; returns how many. */
export function compressAll(root) {
  let files = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (TEXT.test(name)) {
        const data = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        files++;
      }
    }
  };
  walk(root);
  return files;
}

/**
 * Writes shell-files.json: every script and stylesheet of the build, which the service worker
 * (frontend/src/sw.js) keeps at install so any page of the shell opens offline.
 */
export function writeShellFiles(root) {
  const files = readdirSync(root).filter((name) => /\.(js|css)$/.test(name) && name !== 'sw.js');
  writeFileSync(join(root, 'shell-files.json'), JSON.stringify(files.map((name) => `/${name}`)));
  return files.length;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = 'dist/shell/browser';
  if (!existsSync(join(root, 'index.html'))) {
    process.stderr.write(`${root}/index.html missing: run ng build first\n`);
    process.exit(1);
  }
  writeShellFiles(root);
  const files = compressAll(root);
  const { gzip, brotli } = initialTransfer(root);
  const kb = (n) => (n / 1024).toFixed(1);
  process.stdout.write(
    `compressed ${files} shell files (.br, .gz); initial transfer ${kb(gzip)} KB gzip, ${kb(brotli)} KB brotli (budget ${BUDGET_BYTES / 1024} KB)\n`,
  );
  if (Math.max(gzip, brotli) > BUDGET_BYTES) {
    process.stderr.write(
      `The shell's initial transfer is ${kb(Math.max(gzip, brotli))} KB, over the ${BUDGET_BYTES / 1024} KB budget\n`,
    );
    process.exit(1);
  }
}
