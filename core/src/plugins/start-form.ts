/**
 * The id of the form that starts a plugin's cases: the manifest's `startForm` if it names one,
 * else the form named like the plugin (`forms/<plugin id>.form.json`, as `plugin:new` writes it),
 * else the first form. Undefined for a plugin without forms.
 */
export function startFormId(
  manifest: { id?: unknown; startForm?: string },
  forms: readonly { definition: unknown }[],
): string | undefined {
  if (manifest.startForm !== undefined) return manifest.startForm;
  const ids = forms.map((f) => (f.definition as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string');
  return ids.find((id) => id === manifest.id) ?? ids[0];
}
