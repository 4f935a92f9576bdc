import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** Where the shared report assets live: `reports/` at the project root (or in dist/ when built). */
export function reportsRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'reports');
}

/** The two embedded font faces every report uses. */
export interface ReportFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
}

let fontCache: { dir: string; fonts: ReportFonts } | undefined;

/** Loads (once) Liberation Sans regular and bold from `reports/fonts`. */
export function loadReportFonts(dir = join(reportsRoot(), 'fonts')): ReportFonts {
  if (fontCache?.dir !== dir) {
    fontCache = {
      dir,
      fonts: {
        regular: readFileSync(join(dir, 'LiberationSans-Regular.ttf')),
        bold: readFileSync(join(dir, 'LiberationSans-Bold.ttf')),
      },
    };
  }
  return fontCache.fonts;
}

/** Reads every `*.hbs` in a folder as `{ name → source }`; a missing folder gives none. */
export function readTemplateFolder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const file of readdirSync(dir).sort()) {
    if (extname(file) === '.hbs') out.set(basename(file, '.hbs'), readFileSync(join(dir, file), 'utf8'));
  }
  return out;
}

/** Shared partials (`reports/partials/*.hbs`), by file name without extension. */
export function loadSharedPartials(dir = join(reportsRoot(), 'partials')): Map<string, string> {
  return readTemplateFolder(dir);
}

/** The report frame layout by name (`reports/layouts/<name>.hbs`). */
export function loadLayout(name: string, dir = join(reportsRoot(), 'layouts')): string {
  const file = join(dir, `${name}.hbs`);
  if (!existsSync(file)) throw new Error(`report layout "${name}" not found in ${dir}`);
  return readFileSync(file, 'utf8');
}
