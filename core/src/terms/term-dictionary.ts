import type { InputType, TermDefinition, TermDictionary } from '../forms/engine/index.js';
import { typesForTerm } from '../forms/engine/term-binding.js';
import { standardTerms } from './standard-terms.js';

/**
 * The term dictionary forms are compiled against: the standard terms, then the terms plugins
 * declare in their manifests (`terms: [...]`). It is one object, extended in place as plugins
 * are prepared (before any form is compiled), so the engine, the term index, search and the
 * OpenAPI document all read the same definitions; the shell gets plugins' terms with
 * `GET /api/plugins` and registers them in its copy the same way.
 */
const live: Record<string, TermDefinition> = { ...standardTerms };
const owners = new Map<string, string>();

export const termDictionary: TermDictionary = live;

const TERM_ID = /^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;
const NORMALISE = new Set(['registration', 'name', 'date', 'date-time', 'code', 'trim', 'number']);
const TYPES = new Set(['string', 'number', 'date', 'date-time', 'time']);
const KEYS = new Set([
  'id',
  'label',
  'type',
  'component',
  'hint',
  'errorName',
  'reference',
  'pattern',
  'canonical',
  'format',
  'minLength',
  'maxLength',
  'min',
  'max',
  'integer',
  'past',
  'notFuture',
  'normalise',
  'messages',
]);

/** The plugin that declared a term, or `core` for a standard one; undefined if unknown. */
export function termOwner(id: string): string | undefined {
  if (Object.hasOwn(standardTerms, id)) return 'core';
  return owners.get(id);
}

/** Whether any plugin has registered a term (none: no form can bind another plugin's). */
export function anyPluginTerms(): boolean {
  return owners.size > 0;
}

/** The terms a plugin declared and registered, in declaration order. */
export function pluginTerms(pluginId: string): TermDefinition[] {
  return [...owners].filter(([, owner]) => owner === pluginId).map(([id]) => live[id]!);
}

/** Problems with one declared term, named by its position in `terms`. */
function termProblems(raw: unknown, at: string): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [`${at} must be an object`];
  const t = raw as Record<string, unknown>;
  const problems = Object.keys(t)
    .filter((k) => !KEYS.has(k))
    .map((k) => `${at}.${k} is not a term property`);
  if (typeof t.id !== 'string' || !TERM_ID.test(t.id))
    problems.push(`${at}.id must be dotted camelCase such as "seal.number" (got ${JSON.stringify(t.id)})`);
  if (typeof t.label !== 'string' || t.label.trim() === '') problems.push(`${at}.label is required`);
  if (typeof t.type !== 'string' || !TYPES.has(t.type))
    problems.push(`${at}.type must be one of ${[...TYPES].join(', ')}`);
  else {
    // The components a field bound to it may use (the engine's own pairing; choices need a reference set).
    const components = typesForTerm({ type: t.type, reference: t.reference } as TermDefinition);
    if (!components.includes(t.component as InputType))
      problems.push(`${at}.component must be one of ${components.join(', ')} for this term`);
  }
  if (typeof t.normalise !== 'string' || !NORMALISE.has(t.normalise))
    problems.push(`${at}.normalise must be one of ${[...NORMALISE].join(', ')}`);
  if (t.canonical !== undefined && t.canonical !== 'uk-postcode') problems.push(`${at}.canonical must be uk-postcode`);
  if (t.pattern !== undefined) {
    try {
      new RegExp(String(t.pattern), 'u');
    } catch {
      problems.push(`${at}.pattern is not a regular expression`);
    }
  }
  for (const key of ['minLength', 'maxLength', 'min', 'max'] as const)
    if (t[key] !== undefined && (typeof t[key] !== 'number' || !Number.isFinite(t[key])))
      problems.push(`${at}.${key} must be a number`);
  for (const key of ['hint', 'errorName', 'reference', 'format'] as const)
    if (t[key] !== undefined && typeof t[key] !== 'string') problems.push(`${at}.${key} must be text`);
  if (t.messages !== undefined && (typeof t.messages !== 'object' || t.messages === null))
    problems.push(`${at}.messages must be an object`);
  return problems;
}

/**
 * Registers a plugin's declared terms, all or none: a malformed declaration, a standard term's
 * id or one another plugin declared is a problem, and then nothing of the plugin is registered.
 * Registering the same plugin again replaces its terms.
 */
export function registerPluginTerms(pluginId: string, terms: unknown): string[] {
  if (terms === undefined) return [];
  if (!Array.isArray(terms)) return ['terms must be a list of term definitions'];
  const problems = terms.flatMap((t, i) => termProblems(t, `terms[${i}]`));
  const seen = new Set<string>();
  terms.forEach((t: { id?: unknown }, i) => {
    if (typeof t?.id !== 'string') return;
    const owner = termOwner(t.id);
    if (owner === 'core') problems.push(`terms[${i}] "${t.id}" is a standard term: bind it in the form instead`);
    else if (owner !== undefined && owner !== pluginId)
      problems.push(`terms[${i}] "${t.id}" is already declared by plugin ${owner}`);
    if (seen.has(t.id)) problems.push(`terms[${i}] "${t.id}" is declared twice`);
    seen.add(t.id);
  });
  if (problems.length > 0) return problems;
  unregisterPluginTerms(pluginId);
  for (const t of terms as TermDefinition[]) {
    live[t.id] = Object.freeze({ ...t });
    owners.set(t.id, pluginId);
  }
  return [];
}

/** Takes a plugin's terms out of the dictionary (a quarantined plugin contributes none). */
export function unregisterPluginTerms(pluginId: string): void {
  for (const [id, owner] of [...owners]) {
    if (owner !== pluginId) continue;
    owners.delete(id);
    delete live[id];
  }
}
