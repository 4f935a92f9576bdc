import type { ReportBlock } from './document.model.js';

/** One parameter the report was run with, shown on the first page. */
export interface ReportParameter {
  readonly label: string;
  readonly value: string;
}

/** Who, when and what: shown on the first page, on every page frame and in the PDF metadata. */
export interface ReportMeta {
  readonly title: string;
  readonly subject?: string;
  readonly author: string;
  readonly generatedBy: string;
  readonly generatedAt: Date;
  readonly parameters: readonly ReportParameter[];
  /** Government security marking printed at the top and bottom of every page; default OFFICIAL-SENSITIVE. */
  readonly marking?: string;
}

/** A row of a streamed table: a plain object read by the columns' `field` paths. */
export type ReportRow = Record<string, unknown>;

/** What a render needs besides the template. */
export interface ReportInput {
  /** The data the template reads (key figures, chart points, small tables). */
  readonly data: Record<string, unknown>;
  /**
   * Opens the row source read by `<table source="rows">`. It is called once per pass
   * (twice per render) and each call must yield the same rows in the same order,
   * e.g. from one REPEATABLE READ snapshot.
   */
  readonly rows?: () => AsyncIterable<ReportRow>;
  /** Pictures `<image ref="…">` draws, by ref: JPEG or PNG bytes and their size in pixels. */
  readonly images?: ReadonlyMap<string, ReportImage>;
  readonly meta: ReportMeta;
}

/** A picture for a report: JPEG or PNG bytes, with its width and height in pixels. */
export interface ReportImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Which pass of the two-pass render is reporting progress. */
export type RenderPhase = 'layout' | 'render';

/** Progress callback: rows pulled from the row source so far in this pass. */
export type ReportProgress = (rowsDone: number, phase: RenderPhase) => void;

/** What a finished render reports. */
export interface RenderResult {
  /** Pages in the PDF. */
  readonly pages: number;
  /** Table body rows written (streamed and inline, not header or total rows). */
  readonly rows: number;
}

/** A checked, compiled report template, ready to render many times. */
export interface CompiledReport {
  /** The template name given at compile time. */
  readonly name: string;
  /** Field paths the template reads, as `a.b` (`list.field` inside `{{#each list}}`, `rows.field` for streamed columns). */
  readonly fields: readonly string[];
  /** Row sources its tables read (only `rows` today). */
  readonly sources: readonly string[];
  /** Runs the template and its layout and parses the markup into document blocks. */
  buildDocument(data: Record<string, unknown>, meta: ReportMeta): ReportBlock[];
}
