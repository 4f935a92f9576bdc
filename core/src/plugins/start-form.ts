/** What picking a plugin's start form needs of it (a discovered plugin, usable or not). */
interface WithForms {
  id: string;
  manifest?: { startForm?: string };
  forms: { definition: unknown }[];
}

const idOf = (definition: unknown): string | undefined => {
  const id = (definition as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
};

/**
 * The id of the form that starts a plugin's cases: the manifest's `startForm` when it names one,
 * else the form with the plugin's own id (what `npm run plugin:new` writes), else the plugin's only
 * form. Undefined when none of these applies (a plugin with no forms, or several and none named
 * like it: the manifest check asks for `startForm` then).
 */
export function startFormId(plugin: WithForms): string | undefined {
  if (plugin.manifest?.startForm !== undefined) return plugin.manifest.startForm;
  const ids = plugin.forms.map((f) => idOf(f.definition));
  if (ids.includes(plugin.id)) return plugin.id;
  return ids.length === 1 ? ids[0] : undefined;
}
