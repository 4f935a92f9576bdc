import type { CompiledField } from './compiled-types.js';
import type { ProblemSink } from './references.js';

/** What a pre-fill source gives: one answer, or a list of items (a repeating group's answer). */
export type PrefillShape = 'value' | 'list';

/**
 * Every pre-fill source the platform knows, and what it gives. `user.…` is the signed-in officer
 * (their account, their OIDC token's claims and their latest staff profile: docs/forms.md
 * "Pre-fill"), `shift.…` their current shift. `linked.<path>` (a linked case's answer) takes any path.
 */
export const PREFILL_SOURCES: Readonly<Record<string, PrefillShape>> = {
  'user.givenName': 'value',
  'user.familyName': 'value',
  'user.displayName': 'value',
  'user.username': 'value',
  'user.email': 'value',
  'user.grade': 'value',
  'user.teamId': 'value',
  'user.location': 'value',
  'user.lineManagerName': 'value',
  'user.lineManagerEmail': 'value',
  'user.delegates': 'list',
  'shift.teamId': 'value',
  'shift.location': 'value',
  today: 'value',
  now: 'value',
};

const LINKED = 'linked.';

/** The shape a source gives, or undefined when the platform has no such source. */
export function prefillShape(from: string): PrefillShape | undefined {
  if (Object.hasOwn(PREFILL_SOURCES, from)) return PREFILL_SOURCES[from];
  // A linked case's answer may be one value or a group's items: the path decides, not a list.
  return from.startsWith(LINKED) && from.length > LINKED.length ? 'value' : undefined;
}

/**
 * Checks a field's `prefill`: a source the platform has, on a top-level field, giving the shape
 * the field takes (a list for a repeating group, one value for a question). An unknown source is
 * a problem, not an answer that is silently always empty.
 */
export function checkPrefill(field: CompiledField, topLevel: boolean, where: string, sink: ProblemSink): void {
  const prefill = (field.source as { prefill?: unknown }).prefill;
  if (prefill === undefined) return;
  const at = `${where}.prefill`;
  const from = (prefill as { from?: unknown } | null)?.from;
  if (typeof prefill !== 'object' || prefill === null || typeof from !== 'string') {
    sink.problems.push({ path: at, message: `Field "${field.name}" has "prefill" without a "from" source` });
    return;
  }
  if (!topLevel) {
    if (field.readonly) return; // already refused as read-only in a group
    sink.problems.push({
      path: at,
      message: `Field "${field.name}" is in a repeating group; only top-level questions and groups are pre-filled`,
    });
    return;
  }
  const shape = prefillShape(from);
  if (!shape) {
    sink.problems.push({
      path: `${at}.from`,
      message: `Field "${field.name}" is pre-filled from unknown source "${from}", which is not one of: ${Object.keys(PREFILL_SOURCES).join(', ')} or linked.<path>`,
    });
    return;
  }
  const group = field.kind === 'group';
  if (shape === 'list' && !group && !from.startsWith(LINKED))
    sink.problems.push({
      path: `${at}.from`,
      message: `Field "${field.name}" is pre-filled from "${from}", a list, so it must be a repeating group`,
    });
  if (shape === 'value' && group && !from.startsWith(LINKED))
    sink.problems.push({
      path: `${at}.from`,
      message: `Group "${field.name}" is pre-filled from "${from}", one answer, not a list of ${field.itemsName ?? 'items'}`,
    });
}
