import type { FormDefinition } from '../forms/engine/index.js';
import { compileForm, type CompiledField } from '../forms/engine/index.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { termDictionary } from '../terms/term-dictionary.js';
import type { PluginRecord, PluginRegistry, UsablePlugin } from './plugin-registry.js';

/** Workflows a plugin cannot work without: the ones it declares in `dependsOn.workflows`. */
export function requiredWorkflows(manifest: PluginManifest): string[] {
  return [...new Set(manifest.dependsOn?.workflows ?? [])];
}

/** Workflows the plugin's actions start a case of (`startsCase`): they must exist, but may be switched off. */
export function startedWorkflows(manifest: PluginManifest): string[] {
  return [
    ...new Set((manifest.workflow?.actions ?? []).map((a) => a.startsCase).filter((id): id is string => Boolean(id))),
  ];
}

/**
 * Quarantines every plugin whose dependencies are not met, to a fixed point (a plugin left
 * without a dependency may be another's dependency): a required workflow missing, quarantined
 * or switched off; a workflow its actions start that is missing or quarantined; a reference
 * set that does not exist. `enabledNow` says whether a usable plugin is to be enabled.
 */
export function quarantineUnmetDependencies(
  registry: PluginRegistry,
  referenceSets: ReadonlySet<string>,
  enabledNow: (plugin: PluginRecord) => boolean,
): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const plugin of registry.usable()) {
      if (!enabledNow(plugin)) continue;
      const problems = unmet(registry, plugin, referenceSets, enabledNow);
      if (problems.length > 0) {
        registry.quarantine(plugin, problems.join('; '));
        changed = true;
      }
    }
  }
}

function unmet(
  registry: PluginRegistry,
  plugin: UsablePlugin,
  referenceSets: ReadonlySet<string>,
  enabledNow: (plugin: PluginRecord) => boolean,
): string[] {
  const problems: string[] = [];
  const describe = (id: string): string | undefined => {
    const other = registry.get(id);
    if (!other) return 'is not installed';
    if (other.status === 'quarantined') return `is quarantined (${other.reason ?? 'no reason'})`;
    return undefined;
  };
  for (const id of requiredWorkflows(plugin.manifest)) {
    const why = describe(id) ?? (enabledNow(registry.get(id)!) ? undefined : 'is disabled');
    if (why) problems.push(`depends on workflow "${id}", which ${why}`);
  }
  for (const id of startedWorkflows(plugin.manifest)) {
    const why = describe(id);
    if (why) problems.push(`its workflow starts a case of "${id}", which ${why}`);
  }
  problems.push(...missingReferenceSets(plugin, referenceSets));
  return problems;
}

/**
 * Reference sets the plugin uses that do not exist: each form field naming one (its form file
 * and declaration path, so the developer finds it), and each set `dependsOn.reference` lists.
 */
export function missingReferenceSets(plugin: UsablePlugin, referenceSets: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const set of plugin.manifest.dependsOn?.reference ?? [])
    if (!referenceSets.has(set)) problems.push(`dependsOn.reference names set "${set}", which does not exist`);
  for (const { file, definition } of plugin.forms) {
    const walk = (fields: CompiledField[]) => {
      for (const f of fields) {
        if (f.reference && !referenceSets.has(f.reference)) {
          const own = (f.source as { reference?: string }).reference !== undefined;
          problems.push(
            own
              ? `forms/${file}: ${f.declPath}.reference: field "${f.name}" uses reference set "${f.reference}", which does not exist`
              : `forms/${file}: ${f.declPath}.term: field "${f.name}" binds term ${f.term?.id ?? ''}, whose reference set "${f.reference}" does not exist`,
          );
        }
        if (f.children) walk(f.children.fields);
      }
    };
    walk(compileForm(definition as FormDefinition, termDictionary).root.fields);
  }
  return problems;
}

/** Enabled plugins that declare they need `pluginId`. */
export function dependentsOf(registry: PluginRegistry, pluginId: string): string[] {
  return registry
    .enabled()
    .filter((p) => p.id !== pluginId && requiredWorkflows(p.manifest).includes(pluginId))
    .map((p) => p.id)
    .sort();
}
