import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Text of a PDF as `pdftotext -layout` extracts it; pages are separated by form feeds. */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** Text of each page, in order. */
export async function pdfPages(file: string): Promise<string[]> {
  const pages = (await pdfText(file)).split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/** `pdfinfo` fields as a map (Title, Author, Subject, Creator, Pages, …). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', [file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** One row of `pdffonts`: name, type and whether it is embedded. */
export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
}

/** Fonts used in a PDF, as `pdffonts` lists them. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  const { stdout } = await run('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.trim().split(/\s+/);
      // name type [subtype words…] encoding emb sub uni object ID
      const emb = cells[cells.length - 5];
      return { name: cells[0]!, type: cells.slice(1, cells.length - 6).join(' '), embedded: emb === 'yes' };
    });
}

/** Renders pages to PNG files `<prefix>-<n>.png` at the given resolution. */
export async function pdfToPng(
  file: string,
  prefix: string,
  options: { first: number; last: number; dpi: number },
): Promise<void> {
  await run('pdftoppm', [
    '-png',
    '-r',
    String(options.dpi),
    '-f',
    String(options.first),
    '-l',
    String(options.last),
    file,
    prefix,
  ]);
}
