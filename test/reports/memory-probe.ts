/**
 * Renders the Command brief with an N-row event log and prints pages, time and memory.
 * Not a spec (RSS is too noisy for CI); run by hand to check memory stays flat:
 *   node --import @swc-node/register/esm-register test/reports/memory-probe.ts 100000
 * The PDF goes to test-output/ (git-ignored).
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { compileReportTemplate, renderReportPdf } from '../../core/src/reports/pipeline/index.js';
import { borderEventRows, commandBriefData, commandBriefFields, sampleMeta } from './command-brief.sample.js';

const rows = Number(process.argv[2] ?? 10_000);
const source = readFileSync('reports/command-brief.report.hbs', 'utf8');
const compiled = compileReportTemplate(source, { name: 'command-brief', knownFields: commandBriefFields });
mkdirSync('test-output', { recursive: true });
const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = Date.now();
const result = await renderReportPdf(
  compiled,
  { data: commandBriefData({ includeEventLog: true }), rows: borderEventRows(rows), meta: sampleMeta() },
  createWriteStream(`test-output/memory-probe-${rows}.pdf`),
);
clearInterval(sampler);
process.stdout.write(
  `${JSON.stringify(result)} in ${Date.now() - started} ms; RSS before ${mib(before)}, peak ${mib(peak)}, ` +
    `process maxRSS ${mib(process.resourceUsage().maxRSS * 1024)}\n`,
);
