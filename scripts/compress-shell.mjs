// Writes .br and .gz beside the built shell's text files, so the core serves them compressed
// (@fastify/static preCompressed) without compressing on every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = 'dist/shell/browser';
const TEXT = /\.(js|css|html|json|svg|txt|map)$/;
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

// The initial transfer budget (the 250 KB compressed): the files index.html loads up
// front, as a browser receives them with gzip. Angular's own budgets count raw bytes only.
const BUDGET = 250 * 1024;
const html = readFileSync(join(root, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const transfer = ['index.html', ...initial].reduce((sum, file) => sum + statSync(join(root, `${file}.gz`)).size, 0);
process.stdout.write(`compressed ${files} shell files (.br, .gz); initial transfer ${(transfer / 1024).toFixed(1)} KB gzip (budget 250 KB)\n`);
if (transfer > BUDGET) {
  process.stderr.write(`The shell's initial transfer is ${(transfer / 1024).toFixed(1)} KB, over the 250 KB budget\n`);
  process.exit(1);
}
