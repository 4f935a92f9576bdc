import { PluginSummary } from '../../core/plugins/plugin.model';

/** Forms of one category, in title order. */
export interface FormGroup {
  category: string;
  plugins: PluginSummary[];
}

/**
 * The workflows the user may start whose title contains the search text (case-insensitive),
 * grouped by category; categories and titles sorted alphabetically.
 */
export function startableForms(plugins: readonly PluginSummary[], search: string): FormGroup[] {
  const needle = search.trim().toLocaleLowerCase('en-GB');
  const groups = new Map<string, PluginSummary[]>();
  for (const plugin of plugins) {
    if (!plugin.canStart) continue;
    if (needle && !plugin.title.toLocaleLowerCase('en-GB').includes(needle)) continue;
    const category = plugin.category?.trim() || 'Other';
    groups.set(category, [...(groups.get(category) ?? []), plugin]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en-GB'))
    .map(([category, list]) => ({ category, plugins: list.sort((a, b) => a.title.localeCompare(b.title, 'en-GB')) }));
}
