import { createWriteStream, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pdfInfo, pdfPages } from '../../../../test/reports/poppler.js';
import type { ReportRow } from './report.types.js';
import { renderReportPdf } from './render-report-pdf.js';
import { compileReportTemplate } from './template.compiler.js';

const TEMPLATE = `<h2>Movements</h2>
<table source="rows" total-label="Total">
  <col label="Reference" field="ref"/>
  <col label="Port" field="port"/>
  <col label="Passengers" field="passengers" format="integer" total="sum"/>
</table>`;

const meta = {
  title: 'Movements log',
  author: 'Border Force',
  generatedBy: 'Test',
  generatedAt: new Date(Date.UTC(2025, 0, 1)),
  parameters: [{ label: 'Rows', value: '10,000' }],
};

const ROWS = 10_000;

describe('renderReportPdf: streaming a 10,000-row table', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'cop-report-stream-'))));
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('pulls rows from an async generator per pass, writes as it goes and gets the page count right', async () => {
    const compiled = compileReportTemplate(TEMPLATE, {
      name: 'movements',
      knownFields: ['rows.ref', 'rows.port', 'rows.passengers'],
    });
    const file = join(dir, 'movements.pdf');
    const fileOut = createWriteStream(file);
    let bytesOut = 0;
    let bytesWhenHalfway = -1;
    let opened = 0;
    let yielded = 0;
    const out = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytesOut += chunk.length;
        fileOut.write(chunk);
        done(); // accept at once: bytesOut then shows when pdfkit let each page go
      },
      final(done) {
        fileOut.end(done);
      },
    });
    async function* rows(): AsyncGenerator<ReportRow> {
      opened++;
      for (let i = 1; i <= ROWS; i++) {
        yielded++;
        if (opened === 2 && i === ROWS / 2) bytesWhenHalfway = bytesOut;
        yield { ref: `MV-${String(i).padStart(6, '0')}`, port: i % 2 ? 'Dover' : 'Holyhead', passengers: i % 7 };
      }
    }
    const progress: Array<[number, string]> = [];

    const result = await renderReportPdf(compiled, { data: {}, rows, meta }, out, (done, phase) =>
      progress.push([done, phase]),
    );

    expect(opened).toBe(2); // one counting pass, one writing pass
    expect(yielded).toBe(2 * ROWS);
    expect(result.rows).toBe(ROWS);
    // Streaming: half the rows in, a good part of the PDF has already left (pages are not held back).
    expect(bytesWhenHalfway).toBeGreaterThan(statSync(file).size / 4);
    expect(progress.filter(([, phase]) => phase === 'render').map(([n]) => n)).toEqual([
      ...Array.from({ length: ROWS / 500 }, (_, i) => (i + 1) * 500),
      ROWS,
    ]);

    const pages = await pdfPages(file);
    expect(Number((await pdfInfo(file))['Pages'])).toBe(result.pages);
    expect(pages).toHaveLength(result.pages);
    // The page count follows from the layout: rows per full page, seen on page 2.
    const perPage = (pages[1]!.match(/MV-\d{6}/g) ?? []).length;
    const onFirst = (pages[0]!.match(/MV-\d{6}/g) ?? []).length;
    expect(perPage).toBeGreaterThan(30);
    expect(result.pages).toBe(1 + Math.ceil((ROWS - onFirst) / perPage));
    expect(pages[pages.length - 1]).toMatch(new RegExp(`Page ${result.pages} of ${result.pages}`));
    expect(pages.join('\n').match(/MV-\d{6}/g)).toHaveLength(ROWS);
    for (const page of pages) expect(page).toMatch(/Reference\s+Port\s+Passengers/);
    const expectedTotal = Array.from({ length: ROWS }, (_, i) => (i + 1) % 7).reduce((a, b) => a + b, 0);
    expect(pages[pages.length - 1]).toMatch(new RegExp(`Total\\s+${expectedTotal.toLocaleString('en-GB')}`));
  });
});
