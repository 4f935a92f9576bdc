import {
  compileForm,
  createReferenceLookup,
  standardTerms,
  type FormDefinition,
  type ReferenceRow,
} from '../forms/engine';
// The renderer's own cleaning (dates joined, hidden and invalid answers left out), so a draft
// sent later from this device is exactly what "Save as draft" would have sent. Loaded lazily
// by DraftSync, only when a draft changed after it was saved offline: the engine stays out of
// the initial bundle.
import { referenceSets, validateForShell, type DatePartsMap } from '../../features/forms/renderer/form-logic';
import type { LocalDraft } from './draft-store';

/**
 * The answers "Save as draft" would send for the draft's latest answers: cleaned in draft mode
 * with the form's reference data (fetched through `rows`), calculated answers left out.
 */
export async function draftAnswersToSend(
  draft: LocalDraft,
  declaration: unknown,
  rows: (set: string) => Promise<unknown[]>,
): Promise<Record<string, unknown>> {
  const form = declaration as FormDefinition;
  const names = referenceSets(form, standardTerms);
  const fetched = await Promise.all(names.map((set) => rows(set)));
  const lookup = createReferenceLookup(Object.fromEntries(names.map((set, i) => [set, fetched[i] as ReferenceRow[]])));
  const cleaned = validateForShell(form, draft.answers, (draft.dateParts ?? {}) as DatePartsMap, {
    terms: standardTerms,
    reference: lookup,
    now: new Date(),
    workflow: draft.pluginId,
    mode: 'draft',
  }).answers;
  for (const f of compileForm(form, standardTerms).root.fields) if (f.kind === 'calculated') delete cleaned[f.name];
  return cleaned;
}
