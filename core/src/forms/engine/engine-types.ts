import type { InputType, MessageOverrides } from './form-types.js';

/** One problem with an answer: `path` is like `items[1].quantity` (zero-based), `message` is for the officer. */
export interface FormError {
  path: string;
  message: string;
}

/** One problem with a form declaration. */
export interface FormProblem {
  path: string;
  message: string;
}

/** How a term's values are normalised for cross-workflow search. */
export type NormaliseRule =
  | 'registration' // upper-case, spaces removed
  | 'name' // lower-case, trimmed, inner spaces collapsed
  | 'date' // ISO yyyy-mm-dd from any common input format
  | 'date-time' // ISO instant in UTC
  | 'code' // upper-case, trimmed
  | 'trim'
  | 'number';

/**
 * How a valid text answer of a term is rewritten before it is kept, so every workflow (and the
 * shell's check-your-answers page) has one spelling of it.
 */
export type CanonicalRule = 'uk-postcode'; // upper case, one space before the inward code: CT16 1JA

/** The value type of a term; decides which components may bind it. */
export type TermType = 'string' | 'number' | 'date' | 'date-time' | 'time';

/** A standard data term: one definition of a piece of data, shared by every workflow. */
export interface TermDefinition {
  id: string;
  label: string;
  type: TermType;
  /** The component a bound field uses when it names none. */
  component: InputType;
  hint?: string;
  errorName?: string;
  /** Reference data set the value must come from. */
  reference?: string;
  /** The format, checked on the canonical form when the term has a `canonical` rule. */
  pattern?: string;
  /** How a valid answer is kept (`uk-postcode`: `ct161ja` is kept as `CT16 1JA`). */
  canonical?: CanonicalRule;
  /** Human description of the format ("like AB12 CDE"), for docs and hints. */
  format?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  past?: boolean;
  notFuture?: boolean;
  normalise: NormaliseRule;
  messages?: MessageOverrides;
}

/** The term dictionary, keyed by term id. */
export type TermDictionary = Readonly<Record<string, TermDefinition>>;

/** Whether a reference-data id may be used. */
export type ReferenceStatus = 'valid' | 'retired' | 'unknown';

/**
 * Reference data as the engine sees it. The server backs it with its database cache,
 * the shell with lists it fetched; `createReferenceLookup` builds one from plain rows.
 */
export interface ReferenceLookup {
  status(set: string, id: string, opts: { workflow?: string; at: Date }): ReferenceStatus;
  label(set: string, id: string): string | undefined;
  /** What a `filterBy` compares for the row: its `parent` or one of its `attributes.<name>`, as text. */
  matchValue(set: string, id: string, match: string): string | undefined;
}

/** Where an uploaded file stands: scanned clean, waiting for the scanner, found infected, or no scanner configured. */
export type AttachmentState = 'clean' | 'pending' | 'infected' | 'not-scanned';

/**
 * The files the answers may refer to: the server's uploads to this draft or case by this caller.
 * `find` answers the upload with this id made for the field with this declaration key
 * (`attachments.file`), or undefined when there is none.
 */
export interface AttachmentLookup {
  find(id: string, fieldKey: string): { name: string; state: AttachmentState } | undefined;
}

/** Limits applied to every submission whatever the form says. */
export interface EngineLimits {
  /** Longest string accepted anywhere (default 10,000). */
  maxStringLength: number;
  /** Deepest nesting of objects and lists in the answers (default 6). */
  maxDepth: number;
  /** Most items in any repeating group without its own maxItems (default 200). */
  maxItems: number;
}

/** Options for validation. */
export interface ValidateOptions {
  /** 'submit' checks everything; 'draft' skips required, item minimums and cross-field rules. */
  mode: 'submit' | 'draft';
  terms: TermDictionary;
  reference: ReferenceLookup;
  /** The current time; dates "in the past" and reference validity are judged against it. */
  now: Date;
  /** IANA time zone for "today" and date-times without an offset (default Europe/London). */
  timeZone?: string;
  /** Workflow for per-workflow reference flags (default the form id). */
  workflow?: string;
  /** Whether retired reference rows are accepted (amending an existing case). */
  allowRetired?: boolean;
  /**
   * The uploaded files file answers may use. The server always gives one; without it (the shell
   * before it knows its uploads) a file answer is checked for its shape only.
   */
  attachments?: AttachmentLookup;
  /**
   * The pre-filled answers of the form's read-only questions, as `readonlyPrefill` gives them
   * for the caller now (the server always gives them). A read-only question then keeps this
   * answer: one left out is filled in, a different one is refused ("You cannot change …").
   * Without it a read-only answer is checked like any other.
   */
  prefilled?: Answers;
  limits?: Partial<EngineLimits>;
}

/** Answers keyed by field name; repeating groups hold lists of such objects. */
export type Answers = Record<string, unknown>;

/** The outcome of validation: `answers` are cleaned (hidden dropped, calculations computed). */
export interface ValidationResult {
  valid: boolean;
  errors: FormError[];
  answers: Answers;
}
