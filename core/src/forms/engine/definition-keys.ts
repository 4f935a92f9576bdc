import { DEFAULT_MESSAGES } from './messages.js';
import type { ProblemSink } from './references.js';

/**
 * The keys each part of a form declaration may have. A key the engine does not know is a
 * problem naming it, so a misspelt or unsupported property (`readOnly`, `displayMenu`) stops
 * the plugin at start-up instead of being ignored. Add a key here when the engine learns it.
 */
export const DEFINITION_KEYS = {
  form: [
    'id',
    'version',
    'title',
    'type',
    'description',
    'sections',
    'pages',
    'rules',
    'checkAnswers',
    'caseReference',
  ],
  section: ['id', 'title', 'hint', 'requires', 'tasks'],
  task: ['id', 'title', 'hint', 'requires'],
  page: ['id', 'title', 'section', 'task', 'show_when', 'components', 'actions'],
  action: ['type', 'label', 'page'],
  checkAnswers: ['hidePageTitles', 'hideChangeLinks', 'submitLabel'],
  caseReference: ['label'],
  input: [
    'type',
    'name',
    'term',
    'label',
    'hint',
    'errorName',
    'required',
    'show_when',
    'options',
    'reference',
    'pattern',
    'minLength',
    'maxLength',
    'min',
    'max',
    'integer',
    'past',
    'notFuture',
    'future',
    'before',
    'after',
    'suffix',
    'prefill',
    'readonly',
    'format',
    'filterBy',
    'displayMenu',
    'messages',
    'accept',
    'maxSizeMb',
    'maxFiles',
    'keepMetadata',
    'report',
  ],
  group: [
    'type',
    'name',
    'label',
    'hint',
    'show_when',
    'itemName',
    'itemsName',
    'minItems',
    'maxItems',
    'components',
    'rules',
    'messages',
    'prefill',
  ],
  calculated: ['type', 'name', 'label', 'hint', 'show_when', 'calculation', 'suffix', 'report'],
  heading: ['type', 'text', 'size', 'show_when'],
  paragraph: ['type', 'text', 'show_when'],
  inset: ['type', 'text', 'show_when'],
  warning: ['type', 'text', 'show_when'],
  details: ['type', 'summary', 'text', 'show_when'],
  option: ['value', 'label', 'hint'],
  prefill: ['from'],
  filterBy: ['field', 'match'],
  rule: ['id', 'when', 'check', 'path', 'message'],
  calculation: ['op', 'args', 'round'],
  messages: Object.keys(DEFAULT_MESSAGES).filter((k) => k !== 'unknown'),
} as const satisfies Record<string, readonly string[]>;

/** A part of a declaration whose keys are checked. */
export type DefinitionPart = keyof typeof DEFINITION_KEYS;

const KNOWN = new Map<DefinitionPart, ReadonlySet<string>>(
  Object.entries(DEFINITION_KEYS).map(([part, keys]) => [part as DefinitionPart, new Set<string>(keys)]),
);

/** Reports each key of `value` that a `part` may not have, at `where.<key>`. */
export function unknownKeys(value: unknown, part: DefinitionPart, where: string, sink: ProblemSink): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const known = KNOWN.get(part)!;
  for (const key of Object.keys(value)) {
    if (known.has(key)) continue;
    sink.problems.push({
      path: where ? `${where}.${key}` : key,
      message: `Unknown property "${key}" on ${describe(part)}, which may have: ${[...known].join(', ')}`,
    });
  }
}

function describe(part: DefinitionPart): string {
  switch (part) {
    case 'input':
      return 'a question';
    case 'group':
      return 'a repeating group';
    case 'calculated':
      return 'a calculated value';
    case 'messages':
      return 'messages (the message keys)';
    case 'option':
      return 'an option';
    case 'action':
      return 'a page action';
    case 'checkAnswers':
      return 'checkAnswers (the check-your-answers options)';
    case 'caseReference':
      return 'caseReference';
    default:
      return `a ${part}`;
  }
}
