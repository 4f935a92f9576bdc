import type { Answers, FormProblem, TermDefinition } from './engine-types.js';
import type {
  CalculatedComponent,
  FormatRule,
  FormDefinition,
  GroupComponent,
  InputComponent,
  InputType,
  MessageOverrides,
  Page,
} from './form-types.js';

/** What kind of answer a field holds. */
export type FieldKind = InputType | 'group' | 'calculated';

/** Runtime state shared by one validation or evaluation. */
export interface RunContext {
  timeZone: string;
  /** Paths of answers that failed validation in this run. */
  errored: Set<string>;
}

/** The answers visible where a condition or calculation is evaluated: the current item, then outwards. */
export interface Env {
  values: Answers;
  /** Path prefix of `values` (`''` at the root, `items[2].` inside an item). */
  prefix: string;
  parent?: Env;
  run: RunContext;
}

/** A compiled condition. */
export type CompiledCondition = (env: Env) => boolean;

/** A compiled calculation operand: a number, a list of numbers (a group column) or nothing. */
export type CompiledOperand = (env: Env) => number | number[] | undefined;

/** A compiled cross-field rule. */
export interface CompiledRule {
  when?: CompiledCondition;
  check: CompiledCondition;
  /** Resolves the paths of the answers the rule reads, to skip it when one failed. */
  refs: (env: Env) => string[];
  path: string;
  message: string;
}

/** A date bound: a fixed day/instant, or another field's answer. */
export type Bound = { literal: string } | { ref: (env: Env) => unknown; label: string };

/** What a file field takes. */
export interface FileLimits {
  /** Accepted media types, recognised from the bytes. */
  accept: string[];
  maxBytes: number;
  maxFiles: number;
  /** Whether photos are served with their metadata (EXIF location, camera) as taken. */
  keepMetadata: boolean;
}

/** A field with its term merged in and its conditions compiled. */
export interface CompiledField {
  name: string;
  /** The declaration's key: names from the root joined with dots (`attachments.file`), no item indexes. */
  key: string;
  kind: FieldKind;
  /** Position in the form, for detecting references to later fields. */
  order: number;
  page: CompiledPage;
  label: string;
  hint?: string;
  /** The noun phrase used in messages. */
  errorName: string;
  required: boolean;
  term?: TermDefinition;
  source: InputComponent | GroupComponent | CalculatedComponent;
  /** Where the declaration sits, for problem reports. */
  declPath: string;
  condition?: CompiledCondition;
  options?: Map<string, string>;
  reference?: string;
  pattern?: RegExp;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  past?: boolean;
  notFuture?: boolean;
  future?: boolean;
  before?: Bound;
  after?: Bound;
  messages: MessageOverrides;
  children?: Scope;
  minItems?: number;
  maxItems?: number;
  itemName?: string;
  itemsName?: string;
  rules?: CompiledRule[];
  calc?: CompiledOperand;
  round?: number;
  /** File fields: what they take. */
  file?: FileLimits;
  /** Text fields: how the answer is rewritten before it is checked and kept. */
  format?: FormatRule[];
  /** Whether the answer is the pre-filled one and cannot be changed. */
  readonly?: boolean;
  /** Reference questions narrowed by another answer (`filterBy`). */
  filter?: CompiledFilter;
  /** Autocompletes: how the menu of matches is shown. */
  displayMenu?: 'inline';
}

/** A reference question's `filterBy`, compiled. */
export interface CompiledFilter {
  /** The other answer (undefined when unanswered, hidden or invalid). */
  value: (env: Env) => unknown;
  /** `parent` or `attributes.<name>`: what of a row is compared with it. */
  match: string;
  /** The other question's noun phrase, for messages. */
  label: string;
  /** The other question's field name. */
  field: string;
  /** The other answer's path (whose own error, when it has one, is reported instead). */
  path: (env: Env) => string;
}

/** The fields of the form root or of one repeating group's item. */
export interface Scope {
  fields: CompiledField[];
  byName: Map<string, CompiledField>;
  parent?: Scope;
  owner?: CompiledField;
}

/** A compiled page. */
export interface CompiledPage {
  id: string;
  index: number;
  source: Page;
  condition?: CompiledCondition;
  /** Top-level fields on this page. */
  fields: CompiledField[];
}

/** A form ready to validate, render or summarise. */
export interface CompiledForm {
  form: FormDefinition;
  pages: CompiledPage[];
  root: Scope;
  rules: CompiledRule[];
  problems: FormProblem[];
}
