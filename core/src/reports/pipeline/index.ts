/**
 * Report rendering pipeline: Handlebars template → report markup → document model
 * → pdfkit, streamed. See docs/reports.md for the template format.
 */
export { compileReportTemplate, type CompileReportOptions } from './template.compiler.js';
export { renderReportPdf, DEFAULT_MARKING } from './render-report-pdf.js';
export { ReportTemplateError, type ReportTemplateProblem } from './report-template.error.js';
export type {
  CompiledReport,
  RenderPhase,
  RenderResult,
  ReportInput,
  ReportMeta,
  ReportParameter,
  ReportProgress,
  ReportImage,
  ReportRow,
} from './report.types.js';
export type * from './document.model.js';
export { markupToBlocks, MARKUP_TAGS } from './markup-to-model.js';
export { reportHelpers } from './template.helpers.js';
