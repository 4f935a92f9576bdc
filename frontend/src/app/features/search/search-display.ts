import { canonicalTermValue, standardTerms } from '../../core/forms/engine';
import { PluginSummary } from '../../core/plugins/plugin.model';

/** A current GB registration (two letters, age identifier, three letters): `AB12CDE`. */
const CURRENT_GB_REGISTRATION = /^([A-Z]{2}[0-9]{2})([A-Z]{3})$/;

/**
 * The searched value as the officer would write it, from the core's normalised form: `ab12cde`
 * reads "AB12 CDE", `ct161ja` "CT16 1JA", `DOVER` stays "DOVER". Names and dates keep the
 * officer's own words (their normalised forms are lower case or ISO).
 */
export function searchedValue(termId: string, value: string, normalised: string): string {
  const term = standardTerms[termId];
  if (term?.canonical) return canonicalTermValue(term, normalised);
  if (termId === 'vehicle.registration' || termId === 'trailer.registration') {
    const m = CURRENT_GB_REGISTRATION.exec(normalised);
    return m ? `${m[1]} ${m[2]}` : normalised;
  }
  if (term?.normalise === 'registration' || term?.normalise === 'code') return normalised;
  return value.trim();
}

/** Each workflow's state labels, by plugin id and state id, from the plugin list. */
export function stateLabels(plugins: readonly PluginSummary[]): Map<string, Map<string, string>> {
  return new Map(plugins.map((p) => [p.id, new Map((p.workflow?.states ?? []).map((s) => [s.id, s.label]))]));
}
