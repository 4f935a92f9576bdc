import type { MessageKey, MessageOverrides } from './form-types.js';

/**
 * Default error messages, following the GOV.UK Design System error message patterns.
 * Placeholders: {name} (the field's noun phrase, "the date of birth"), {Name} (the phrase
 * without a leading the/a/an/your, capitalised: "Date of birth"), {min}, {max},
 * {date}, {other}, {itemName}, {itemsName}, {file} (a file's name).
 */
export const DEFAULT_MESSAGES: Readonly<Record<MessageKey, string>> = {
  required: 'Enter {name}',
  type: '{Name} must be text',
  pattern: 'Enter {name} in the correct format',
  minLength: '{Name} must be {min} characters or more',
  maxLength: '{Name} must be {max} characters or less',
  min: '{Name} must be {min} or more',
  max: '{Name} must be {max} or less',
  between: '{Name} must be between {min} and {max}',
  integer: '{Name} must be a whole number',
  number: '{Name} must be a number',
  email: 'Enter an email address in the correct format, like name@example.com',
  phone: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
  date: '{Name} must be a real date',
  time: '{Name} must be a real time, like 14:30',
  dateTime: '{Name} must be a real date and time',
  past: '{Name} must be in the past',
  notFuture: '{Name} must be today or in the past',
  future: '{Name} must be in the future',
  before: '{Name} must be before {date}',
  after: '{Name} must be after {date}',
  option: 'Select {name} from the list',
  reference: 'Select {name} from the list',
  retired: '{Name} is no longer in use – select another option',
  minItems: 'Add at least {min} {itemsName}',
  maxItems: 'You can only add up to {max} {itemsName}',
  file: '{Name} must be an uploaded file',
  maxFiles: 'You can only upload up to {max} files for {name}',
  fileScanning: '{file} is still being checked for viruses – try again in a few minutes',
  fileInfected: '{file} contains a virus – remove it and upload a different file',
  hidden: '{Name} must not be answered because the question is not shown',
  readonly: 'You cannot change {name}',
  filtered: 'Select {name} from the list for {other}',
  unknown: '{name} is not a question in this form',
};

/** Required messages for components where the officer chooses rather than types. */
export const SELECT_REQUIRED = 'Select {name}';
/**
 * Required message for a yes/no question with no noun phrase of its own: its label is a question
 * ("Was the person injured?"), which reads badly after "Select".
 */
export const YES_NO_REQUIRED = 'Select yes or no';
/** Required message for a file. */
export const FILE_REQUIRED = 'Upload {name}';

/** Values substituted into a message template. */
export interface MessageParams {
  name: string;
  min?: number | string;
  max?: number | string;
  date?: string;
  other?: string;
  itemName?: string;
  itemsName?: string;
  file?: string;
}

const LEADING_ARTICLE = /^(the|a|an|your) /i;
const PLACEHOLDER = /\{(name|Name|min|max|date|other|itemName|itemsName|file)\}/g;

/** Fills a template's placeholders. */
export function formatMessage(template: string, params: MessageParams): string {
  return template.replace(PLACEHOLDER, (_whole, key: string) => {
    if (key === 'Name') return capitalise(params.name.replace(LEADING_ARTICLE, ''));
    const value = params[key as keyof MessageParams];
    return value === undefined ? '' : String(value);
  });
}

/** Picks the template for a key: the field's own, then the term's, then the default. */
export function pickTemplate(key: MessageKey, own: MessageOverrides | undefined, fallback?: string): string {
  return own?.[key] ?? fallback ?? DEFAULT_MESSAGES[key];
}

/** First letter upper-case. */
export function capitalise(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** The noun phrase of a label: first letter lower-case unless the first word is an acronym. */
export function nounPhrase(label: string): string {
  const firstWord = label.split(' ', 1)[0] ?? '';
  if (firstWord.length > 1 && firstWord === firstWord.toUpperCase()) return label;
  return label.length === 0 ? label : label[0]!.toLowerCase() + label.slice(1);
}
