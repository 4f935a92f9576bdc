import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCoreDocument } from '../../scripts/api-types/document.js';
import { renderApiFiles, sortKeys } from '../../scripts/api-types/render.js';

const root = join(import.meta.dirname, '..', '..');
const paths = {
  root,
  document: join(root, 'docs', 'openapi.json'),
  types: join(root, 'frontend', 'src', 'app', 'core', 'api', 'api-types.ts'),
};

describe('npm run api:types', () => {
  it('produces the checked-in document and shell types, the same on every run', async () => {
    const [first, second] = [
      await renderApiFiles(await buildCoreDocument(), paths),
      await renderApiFiles(await buildCoreDocument(), paths),
    ];
    expect(second).toEqual(first);
    for (const file of first)
      expect({ file: file.path, same: readFileSync(file.path, 'utf8') === file.content }).toEqual({
        file: file.path,
        same: true,
      });
  });

  it('writes nothing machine-specific: no absolute paths, ports or times', () => {
    const text = readFileSync(paths.document, 'utf8') + readFileSync(paths.types, 'utf8');
    expect(text).not.toContain(root);
    expect(text).not.toMatch(/127\.0\.0\.1|localhost|\d{4}-\d\d-\d\dT\d\d:\d\d/);
  });

  it('sorts keys at every depth and keeps array order', () => {
    expect(JSON.stringify(sortKeys({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }))).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});
