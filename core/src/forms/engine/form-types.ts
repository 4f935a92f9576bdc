/**
 * The form declaration format. A form is plain JSON: the server validator, the shell
 * renderer, the OpenAPI answer schema, check-your-answers pages and case PDFs all read it.
 * See docs/forms.md for the reference a plugin developer writes against.
 */

/** A JSON scalar that conditions compare answers with. */
export type Scalar = string | number | boolean | null;

/** A reference to another field's answer, resolved in the current scope then outwards. */
export interface FieldRef {
  field: string;
}

/** A comparison on one field; every operator given must hold. */
export interface FieldCondition {
  field: string;
  eq?: Scalar;
  ne?: Scalar;
  in?: Scalar[];
  nin?: Scalar[];
  /** Whether the answer (a list, or text) contains this value. */
  contains?: Scalar;
  /** Whether the field has an answer (true) or has none (false). */
  exists?: boolean;
  gt?: number | string | FieldRef;
  gte?: number | string | FieldRef;
  lt?: number | string | FieldRef;
  lte?: number | string | FieldRef;
}

/** A condition: one comparison, or all/any/not of nested conditions. */
export type Condition = FieldCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

/** An input to a calculation: a number, a field name, a group column (`items[].quantity`) or a nested calculation. */
export type Operand = number | string | Calculation;

/** A calculated value, computed by the engine and never taken from the client. */
export interface Calculation {
  op: 'sum' | 'difference' | 'product' | 'minutes-between';
  args: Operand[];
  /** Decimal places to round the result to (half away from zero). */
  round?: number;
}

/** Custom error messages; placeholders: {name} {Name} {min} {max} {date} {other} {itemName} {itemsName} {file}. */
export type MessageOverrides = Partial<Record<MessageKey, string>>;

/** Every kind of error the engine reports. */
export type MessageKey =
  | 'required'
  | 'type'
  | 'pattern'
  | 'minLength'
  | 'maxLength'
  | 'min'
  | 'max'
  | 'between'
  | 'integer'
  | 'number'
  | 'email'
  | 'phone'
  | 'date'
  | 'time'
  | 'dateTime'
  | 'past'
  | 'notFuture'
  | 'future'
  | 'before'
  | 'after'
  | 'option'
  | 'reference'
  | 'retired'
  | 'minItems'
  | 'maxItems'
  | 'file'
  | 'maxFiles'
  | 'fileScanning'
  | 'fileInfected'
  | 'hidden'
  | 'readonly'
  | 'filtered'
  | 'unknown';

/** Component types that collect an answer. */
export type InputType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'email'
  | 'phone'
  | 'date'
  | 'time'
  | 'date-time'
  | 'radios'
  | 'checkboxes'
  | 'select'
  | 'autocomplete'
  | 'yes-no'
  | 'file';

/** Component types that only display content. */
export type ContentType = 'heading' | 'paragraph' | 'inset' | 'warning' | 'details';

/** An option of a radios, checkboxes or select component. */
export interface Option {
  value: string;
  label: string;
  hint?: string;
}

/** Where a pre-filled answer comes from. */
export interface Prefill {
  from: string;
}

/**
 * Narrows a reference question's rows to those that belong to another answer (the terminals of
 * the chosen port): `match` is `parent` (the row's parent) or `attributes.<name>` (one of its
 * attributes), compared with the answer to `field`, an earlier single-choice question.
 */
export interface FilterBy {
  field: string;
  match: string;
}

/** How an autocomplete offers its matches: `inline`, a combobox whose menu opens under it, in the page. */
export type DisplayMenu = 'inline';

/**
 * How a text answer is rewritten before it is checked and kept: `trim`, `collapse-spaces`,
 * `lowercase`, `uppercase`, `postcode` (`CT16 1JA`) or `registration` (`AB12CDE`).
 */
export type FormatRule = 'trim' | 'collapse-spaces' | 'lowercase' | 'uppercase' | 'postcode' | 'registration';

/** Sizes of a heading (GOV.UK `govuk-heading-s` … `govuk-heading-xl`). */
export type HeadingSize = 's' | 'm' | 'l' | 'xl';

/** Properties shared by every component. */
interface ComponentBase {
  show_when?: Condition;
}

/** A component that collects one answer. */
export interface InputComponent extends ComponentBase {
  /** May be omitted when `term` is given: the term's usual component is used. */
  type?: InputType;
  name: string;
  term?: string;
  label?: string;
  hint?: string;
  /** The noun phrase used inside messages ("the date of birth"); defaults to the label. */
  errorName?: string;
  required?: boolean;
  options?: Option[];
  reference?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  integer?: boolean;
  /** Dates: strictly before today; date-times: not after now. */
  past?: boolean;
  /** Dates: today or earlier. */
  notFuture?: boolean;
  future?: boolean;
  /** An ISO date/date-time, or another field whose answer this one must come before. */
  before?: string | FieldRef;
  after?: string | FieldRef;
  /** Unit shown after numbers ("minutes"). */
  suffix?: string;
  prefill?: Prefill;
  /**
   * Whether the answer is shown but not editable: it is the pre-filled one (`prefill` from
   * `user.…` or `shift.…`), and the server refuses a different one.
   */
  readonly?: boolean;
  /** Text answers: how the answer is rewritten before it is checked and kept (one rule or several, in order). */
  format?: FormatRule | FormatRule[];
  /** Reference questions: offer and accept only the rows that belong to another answer. */
  filterBy?: FilterBy;
  /** Autocompletes: show a combobox with its menu inline instead of a search box over a list of radios. */
  displayMenu?: DisplayMenu;
  messages?: MessageOverrides;
  /** Files: the media types accepted, recognised from the file's bytes (default JPG, PNG and PDF). */
  accept?: string[];
  /** Files: the largest file, in MB (default 10, at most 100). */
  maxSizeMb?: number;
  /** Files: how many files the question takes (default 1; more than 1 makes the answer a list). */
  maxFiles?: number;
  /** Files: serve photos with their metadata as taken (location, camera); by default it is left out. */
  keepMetadata?: boolean;
  /**
   * Keep this answer in the plugin's read model for reports: `true`, or `"time"` for the one
   * date or date-time that dates the case in monthly reports (docs/plugins.md).
   */
  report?: boolean | 'time';
}

/** A repeating group ("Add another item"); its answer is a list of objects. */
export interface GroupComponent extends ComponentBase {
  type: 'group';
  name: string;
  label: string;
  hint?: string;
  /** Singular and plural nouns for messages and buttons ("item", "items"). */
  itemName?: string;
  itemsName?: string;
  minItems?: number;
  maxItems?: number;
  components: Component[];
  rules?: Rule[];
  messages?: MessageOverrides;
  /** Items pre-filled from a list source (`user.delegates`) when the group has no answer yet. */
  prefill?: Prefill;
}

/** A read-only number computed from other answers. */
export interface CalculatedComponent extends ComponentBase {
  type: 'calculated';
  name: string;
  label: string;
  hint?: string;
  calculation: Calculation;
  suffix?: string;
  /** Keep this value in the plugin's read model for reports. */
  report?: boolean;
}

/** Heading, paragraph, inset text, warning text or details (summary + text). */
export interface ContentComponent extends ComponentBase {
  type: ContentType;
  text: string;
  /** The summary line of a details component. */
  summary?: string;
  /** Headings: the size (default `m`); an `xl` or `l` heading is still an h2 below the page's h1. */
  size?: HeadingSize;
}

/** Anything that can appear on a page. */
export type Component = InputComponent | GroupComponent | CalculatedComponent | ContentComponent;

/** A cross-field rule: when `check` does not hold an error `{ path, message }` is reported on submit. */
export interface Rule {
  id?: string;
  /** Only check when this holds. */
  when?: Condition;
  check: Condition;
  /** The field the error is reported against. */
  path: string;
  message: string;
}

/**
 * A button at the foot of a page. `continue` and `save-and-continue` check the page and go on to
 * the next page (of the task or spoke, then back to the task list or hub); `save-and-return`
 * keeps what is answered (checked as a draft is: no required answers) and returns to the task
 * list or hub; `navigate` checks the page and goes to the page named by `page`.
 */
export interface PageAction {
  type: 'continue' | 'save-and-continue' | 'save-and-return' | 'navigate';
  /** The button's text, instead of the default for its type. */
  label?: string;
  /** `navigate`: the id of the page it goes to. */
  page?: string;
}

/** One page (a wizard step, a page of a task or of a hub-and-spoke form's spoke). */
export interface Page {
  id: string;
  /**
   * The page heading. May be left out when the page's first component is a question: its label
   * is then the page heading (the GOV.UK pattern for a page with one question).
   */
  title?: string;
  /** Task-list forms with two levels and hub-and-spoke forms with sections: the section this page belongs to. */
  section?: string;
  /** Task-list forms with three levels: the task this page belongs to. */
  task?: string;
  show_when?: Condition;
  components: Component[];
  /** The page's buttons, in order (the first is the primary one); default one "Continue" (task lists: "Save and continue"). */
  actions?: PageAction[];
}

/**
 * A task of a three-level task list (section → task → pages), or (a two-level list) a section
 * itself. `requires` names tasks that must be completed first: until then it "Cannot start yet".
 */
export interface Task {
  id: string;
  title: string;
  hint?: string;
  requires?: string[];
}

/**
 * A section: of a task list (with `tasks` for three levels; without, the section is itself a
 * task), or a spoke of a hub-and-spoke form.
 */
export interface Section {
  id: string;
  title: string;
  hint?: string;
  /** Two-level task lists: sections that must be completed first. */
  requires?: string[];
  /** Three-level task lists: the section's tasks. */
  tasks?: Task[];
}

/** How the check-your-answers page (and a hub-and-spoke form's hub) shows the answers. */
export interface CheckAnswersOptions {
  /** Whether to leave out each page's heading: all the answers in one list, with a change link per row. */
  hidePageTitles?: boolean;
  /** Whether to leave out the change links (answers shown, not changed from here). */
  hideChangeLinks?: boolean;
  /** The submit button's text (default "Submit"). */
  submitLabel?: string;
}

/** Showing the business key at the top of a task list or hub ("Reference number BF-20260412-17"). */
export interface CaseReference {
  /** The label shown before the key. */
  label: string;
}

/** A form declaration. */
export interface FormDefinition {
  id: string;
  version: number;
  title: string;
  /**
   * single: one page; wizard: pages in order; task-list: tasks completed in any order, from a task
   * list; hub-and-spoke: a summary of every section (the hub), each changed through its pages and
   * back to the hub, submitted from the hub.
   */
  type: 'single' | 'wizard' | 'task-list' | 'hub-and-spoke';
  description?: string;
  sections?: Section[];
  pages: Page[];
  rules?: Rule[];
  checkAnswers?: CheckAnswersOptions;
  /** Task-list and hub-and-spoke forms: show the draft's (or case's) business key at the top. */
  caseReference?: CaseReference;
}
