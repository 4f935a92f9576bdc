import Handlebars from 'handlebars';
import type { ReportBlock } from './document.model.js';
import { markupToBlocks } from './markup-to-model.js';
import { MarkupSyntaxError } from './markup.parser.js';
import { loadLayout, loadSharedPartials } from './report-assets.js';
import { ReportTemplateError } from './report-template.error.js';
import type { CompiledReport, ReportMeta } from './report.types.js';
import { checkTemplate, streamedColumnFields } from './template.checker.js';
import { builtInHelperNames, reportHelpers } from './template.helpers.js';

/** Options for {@link compileReportTemplate}. */
export interface CompileReportOptions {
  /** Template name used in every error (e.g. `plugins/oar/reports/weekly.report.hbs`). */
  readonly name: string;
  /**
   * Dotted field paths the data supplies (`period.from`, `byTeam.team` for items of the
   * `byTeam` list, `rows.port` for streamed row fields). When given, any other field
   * reference is an error. A path's ancestors (`period`, `byTeam`) are known implicitly.
   */
  readonly knownFields?: readonly string[];
  /** Extra partials (name → source) on top of the shared ones in `reports/partials`. */
  readonly partials?: Readonly<Record<string, string>>;
  /** Layout from `reports/layouts` that frames the body; default `standard`. */
  readonly layout?: string;
}

const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

/**
 * Parses, checks and compiles a report template. Throws {@link ReportTemplateError}
 * (`{ template, line, message }`) when the template does not parse, uses an unknown
 * helper, partial, markup tag or data variable, writes unescaped output, or reads a
 * field not in `knownFields`.
 */
export function compileReportTemplate(source: string, options: CompileReportOptions): CompiledReport {
  const env = Handlebars.create();
  env.registerHelper(reportHelpers as Record<string, Handlebars.HelperDelegate>);
  const partialSources = new Map([...loadSharedPartials(), ...Object.entries(options.partials ?? {})]);
  const partials = new Map<string, hbs.AST.Program>();
  for (const [name, partialSource] of partialSources) {
    partials.set(name, parseOrThrow(env, partialSource, name));
    env.registerPartial(name, partialSource);
  }

  const known = options.knownFields ? withAncestors(options.knownFields) : undefined;
  const helpers = new Set([...Object.keys(reportHelpers), ...builtInHelperNames]);
  const ast = parseOrThrow(env, source, options.name);
  const fields = checkTemplate(ast, { template: options.name, knownFields: known, helpers, partials });
  const streamed = streamedColumnFields(source);
  for (const column of streamed) {
    if (known && !known.has(column.path)) {
      throw new ReportTemplateError({
        template: options.name,
        line: column.line,
        message: `unknown field "${column.path}"`,
      });
    }
  }

  const layoutName = `layouts/${options.layout ?? 'standard'}`;
  const layoutSource = loadLayout(options.layout ?? 'standard');
  checkTemplate(parseOrThrow(env, layoutSource, layoutName), {
    template: layoutName,
    helpers,
    partials,
    allowUnescaped: true,
  });

  const compileOptions = {
    knownHelpers: Object.fromEntries([...helpers].map((h) => [h, true])),
    knownHelpersOnly: true,
  };
  const body = compileOrThrow(env, source, options.name, compileOptions);
  const layout = compileOrThrow(env, layoutSource, layoutName, compileOptions);
  const name = options.name;

  return {
    name,
    fields: [...new Set([...fields, ...streamed.map((c) => c.path)])].sort(),
    sources: [...new Set(streamed.map((c) => c.source))],
    buildDocument(data: Record<string, unknown>, meta: ReportMeta): ReportBlock[] {
      const metaView = { ...meta, marking: meta.marking ?? DEFAULT_MARKING };
      const markup = layout(data, { data: { meta: metaView, body: body(data, { data: { meta: metaView } }) } });
      try {
        return markupToBlocks(markup);
      } catch (error: unknown) {
        if (!(error instanceof MarkupSyntaxError)) throw error;
        throw new ReportTemplateError({
          template: name,
          line: 0,
          message: `${error.message} (line ${error.line} of the rendered markup)`,
        });
      }
    },
  };
}

/** `a.b.c` also makes `a` and `a.b` known: a template may iterate or test a parent. */
function withAncestors(fields: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const field of fields) {
    const parts = field.split('.');
    for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'));
  }
  return out;
}

function parseOrThrow(env: typeof Handlebars, source: string, template: string): hbs.AST.Program {
  try {
    return env.parse(source);
  } catch (error: unknown) {
    throw toTemplateError(error, template);
  }
}

function compileOrThrow(
  env: typeof Handlebars,
  source: string,
  template: string,
  options: CompileOptions,
): Handlebars.TemplateDelegate {
  try {
    const delegate = env.compile(source, options);
    delegate({}); // Handlebars compiles lazily; force it so errors surface here, not at render time
    return delegate;
  } catch (error: unknown) {
    throw toTemplateError(error, template);
  }
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;

/** Handlebars reports parse errors as "Parse error on line N:" and others with `lineNumber`. */
function toTemplateError(error: unknown, template: string): ReportTemplateError {
  if (error instanceof ReportTemplateError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const parse = /^Parse error on line (\d+):\n[\s\S]*?\n-*\^\n(.*)$/.exec(raw);
  const lineNumber = (error as { lineNumber?: unknown }).lineNumber;
  const line = parse ? Number(parse[1]) : typeof lineNumber === 'number' ? lineNumber : 0;
  const message = parse ? `syntax error: ${parse[2]}` : raw.replace(/ - \d+:\d+$/, '');
  return new ReportTemplateError({ template, line, message });
}
