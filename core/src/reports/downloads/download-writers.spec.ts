import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeXlsx } from './download-writers.js';
import type { DownloadTable } from './report-tables.js';

const meta = {
  title: 'Sample',
  author: 'Border Force',
  generatedBy: 'Jo',
  generatedAt: new Date('2026-11-03T14:05:00Z'),
  parameters: [],
};
const ROWS = 30_000;

/** A long streamed table, noting how many bytes `out` had taken when each row was read. */
function longTable(received: () => number, readAt: number[]): DownloadTable {
  return {
    title: 'Every event',
    columns: [
      { label: 'Reference', kind: 'text', decimals: 0 },
      { label: 'Description', kind: 'text', decimals: 0 },
      { label: 'Items', kind: 'number', decimals: 0 },
    ],
    rows: async function* () {
      for (let i = 0; i < ROWS; i++) {
        readAt.push(received());
        yield { cells: [`BF-${String(i).padStart(7, '0')}`, `Lane ${i % 17} barrier failed, car ${i * 7919}`, i % 9] };
      }
    },
  };
}

describe('the XLSX writer', () => {
  it('reads a row only once the rows before it have gone out, so a long table never piles up in memory', async () => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    // A fast client: the zip's deflate, not the client, is what holds the writer back.
    const out = new Writable({
      write: (chunk: Buffer, _e, done) => (chunks.push(chunk), (bytes += chunk.length), done()),
    });
    const readAt: number[] = [];
    const result = await writeXlsx({ meta, marking: 'OFFICIAL', tables: [longTable(() => bytes, readAt)] }, out);
    expect(result.rows).toBe(ROWS);
    // Without back-pressure the whole table is read before a tenth of the file has gone out;
    // with it, what has gone out when the last row is read is nearly all of it.
    expect(readAt.at(-1)! / bytes).toBeGreaterThan(0.8);
    const halfway = readAt[ROWS / 2]!;
    expect(halfway / bytes).toBeGreaterThan(0.3);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Every event')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('OFFICIAL');
    expect(sheet.getRow(3).values).toEqual([undefined, 'Reference', 'Description', 'Items']);
    expect(sheet.rowCount).toBe(ROWS + 3);
    expect(sheet.getRow(ROWS + 3).values).toEqual([
      undefined,
      `BF-${String(ROWS - 1).padStart(7, '0')}`,
      `Lane ${(ROWS - 1) % 17} barrier failed, car ${(ROWS - 1) * 7919}`,
      (ROWS - 1) % 9,
    ]);
  });

  it('stops reading rows when the client goes away', async () => {
    let taken = 0;
    const out = new Writable({
      highWaterMark: 1024,
      write: (_chunk: Buffer, _e, done) => {
        if (++taken === 3) setImmediate(() => out.destroy());
        done();
      },
    });
    const readAt: number[] = [];
    await expect(writeXlsx({ meta, marking: 'OFFICIAL', tables: [longTable(() => 0, readAt)] }, out)).rejects.toThrow();
    expect(readAt.length).toBeLessThan(ROWS);
  });
});
