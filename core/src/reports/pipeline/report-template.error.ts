/** The structured form of a template problem, safe to store and show to a plugin developer. */
export interface ReportTemplateProblem {
  /** Name of the template (or partial) that holds the problem. */
  readonly template: string;
  /** 1-based line in that template, or 0 when no line can be named. */
  readonly line: number;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/**
 * Raised when a report template does not compile, references a field that is not
 * known, or produces markup the document model cannot accept. The plugin host
 * quarantines a plugin whose template raises this at load time.
 */
export class ReportTemplateError extends Error implements ReportTemplateProblem {
  /** Name of the template (or partial) that holds the problem. */
  readonly template: string;
  /** 1-based line in that template, or 0 when no line can be named. */
  readonly line: number;
  /** What is wrong, without the template and line prefix. */
  readonly detail: string;

  constructor(problem: ReportTemplateProblem) {
    super(`${problem.template}:${problem.line}: ${problem.message}`);
    this.name = 'ReportTemplateError';
    this.template = problem.template;
    this.line = problem.line;
    this.detail = problem.message;
  }

  /** The structured problem `{ template, line, message }`. */
  toProblem(): ReportTemplateProblem {
    return { template: this.template, line: this.line, message: this.detail };
  }

  toJSON(): ReportTemplateProblem {
    return this.toProblem();
  }
}
