import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { MigrationFailedError, runMigrations } from '../database/migration-runner.js';
import { pluginSchema } from '../sdk/schema.js';
import { checkPluginReports } from '../reports/report-templates.js';
import { readModelFor } from '../read-model/read-model-for.js';
import { formsChangedWithoutNewVersion } from '../forms/form-catalogue.js';
import { ReadModelError } from '../read-model/read-model.definition.js';
import { installReadModel } from '../read-model/read-model.repository.js';
import { registerPluginTerms, unregisterPluginTerms } from '../terms/term-dictionary.js';
import { checkManifest, foreignTermProblems } from './manifest-check.js';
import { quarantineUnmetDependencies } from './dependency-check.js';
import { discoverPlugins } from './plugin-discovery.js';
import { PluginRegistry, type PluginRecord, type UsablePlugin } from './plugin-registry.js';
import type { PluginStateRepository } from './plugin-state.repository.js';

/**
 * Boot, part one (no database yet): find every plugin, check its manifest, and quarantine
 * the ones that fail. A broken plugin never stops the others or the core.
 */
export async function preparePlugins(roots: string[], logger: Logger): Promise<PluginRegistry> {
  const registry = new PluginRegistry();
  const owners = new Map<string, string>();
  const discovered = await discoverPlugins(roots);
  // Terms first: a form may bind a term another plugin declares.
  const termProblems = new Map<(typeof discovered)[number], string[]>();
  const termOwners = new Set<string>();
  for (const d of discovered) {
    const m = d.manifest as { id?: unknown; terms?: unknown } | undefined;
    if (d.loadError || typeof m?.id !== 'string' || termOwners.has(m.id)) continue;
    termOwners.add(m.id);
    termProblems.set(d, registerPluginTerms(m.id, m.terms));
  }
  for (const plugin of discovered) {
    const check = checkManifest(plugin);
    const id = check.ok ? check.manifest.id : (check.id ?? `(unnamed plugin in ${plugin.dir})`);
    const record: PluginRecord = {
      id,
      dir: plugin.dir,
      status: 'enabled',
      manifest: check.ok ? check.manifest : undefined,
      migrations: check.ok ? check.migrations : [],
      forms: plugin.forms,
      templates: plugin.templates,
      logger: logger.child({ plugin: id }),
    };
    const owner = owners.get(id);
    if (owner !== undefined) {
      registry.add(record);
      registry.quarantine(record, `duplicate id "${id}": already provided by ${owner}`);
      continue;
    }
    owners.set(id, plugin.dir);
    registry.add(record);
    const problems = [
      ...(termProblems.get(plugin) ?? []),
      ...(check.ok ? foreignTermProblems(check.manifest, plugin.forms) : check.problems),
    ];
    if (problems.length > 0) registry.quarantine(record, problems.join('; '));
    else {
      await checkEntityMetadata(registry, record as UsablePlugin);
      await checkPluginReports(registry, record);
    }
  }
  // Officers' profiles come from one workflow only: a second that declares them is refused.
  const profiles = registry.usable().filter((p) => p.manifest.officerProfile !== undefined);
  for (const extra of profiles.slice(1))
    registry.quarantine(extra, `officerProfile: officers' profiles are already recorded by ${profiles[0]!.id}`);
  // A plugin that failed its checks brings no terms (one binding them is quarantined as its dependant).
  const usable = new Set(registry.usable().map((p) => p.id));
  for (const id of termOwners) if (!usable.has(id)) unregisterPluginTerms(id);
  return registry;
}

async function checkEntityMetadata(registry: PluginRegistry, plugin: UsablePlugin): Promise<void> {
  const entities = plugin.manifest.entities ?? [];
  if (entities.length === 0) return;
  const probe = new DataSource({ type: 'postgres', entities });
  try {
    await (probe as unknown as { buildMetadatas(): Promise<void> }).buildMetadatas();
  } catch (error: unknown) {
    registry.quarantine(
      plugin,
      `entity metadata is invalid: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * Boot, part two: for every usable plugin, apply its migrations in its own schema (install or
 * upgrade) unless an admin disabled it, then run its onLoad hook. Failures quarantine the plugin.
 */
export async function installPlugins(
  registry: PluginRegistry,
  dataSource: DataSource,
  states: PluginStateRepository,
  referenceSets: ReadonlySet<string>,
): Promise<void> {
  const stored = new Map((await states.all()).map((s) => [s.pluginId, s]));
  const wanted = (p: PluginRecord) => p.status !== 'quarantined' && stored.get(p.id)?.enabled !== false;
  quarantineUnmetDependencies(registry, referenceSets, wanted);
  for (const plugin of registry.usable()) {
    const state = stored.get(plugin.id);
    if (state && !state.enabled) {
      plugin.status = 'disabled';
      continue;
    }
    await activatePlugin(registry, plugin, dataSource, states);
  }
  // A plugin that failed to activate takes the plugins that need it down with it.
  quarantineUnmetDependencies(registry, referenceSets, (p) => p.status === 'enabled');
}

/**
 * Checks, migrates and loads one plugin; returns false (and quarantines it) when that fails.
 * The reason names the step that failed: a changed form without a new version, a migration, the
 * migration runner itself (schema, lock, migrations table), recording the install, or onLoad.
 */
export async function activatePlugin(
  registry: PluginRegistry,
  plugin: UsablePlugin,
  dataSource: DataSource,
  states: PluginStateRepository,
): Promise<boolean> {
  let step: Step = 'forms';
  try {
    const changed = await formsChangedWithoutNewVersion(dataSource, plugin.id, plugin.forms);
    if (changed.length > 0) {
      registry.quarantine(plugin, changed.join('; '));
      return false;
    }
    step = 'migrations';
    await runMigrations(dataSource, pluginSchema(plugin.id), plugin.migrations, plugin.logger);
    step = 'readModel';
    plugin.readModel = readModelFor(plugin);
    if (plugin.readModel) await installReadModel(dataSource, plugin.readModel, plugin.logger);
    step = 'install';
    await states.recordInstalled(plugin.id, plugin.manifest.version);
    step = 'onLoad';
    await plugin.manifest.hooks?.onLoad?.({ pluginId: plugin.id, logger: plugin.logger });
    plugin.status = 'enabled';
    return true;
  } catch (error: unknown) {
    registry.quarantine(plugin, failureReason(step, error));
    return false;
  }
}

type Step = 'forms' | 'migrations' | 'readModel' | 'install' | 'onLoad';

/** The plugin's read model, derived from the fields its start form marks for reporting. */
function failureReason(step: Step, error: unknown): string {
  if (error instanceof MigrationFailedError) return `migration ${error.migrationName} failed: ${error.reason}`;
  if (error instanceof ReadModelError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  switch (step) {
    case 'forms':
      return `stored form versions could not be checked: ${message}`;
    case 'migrations':
      return `migrations could not run: ${message}`;
    case 'readModel':
      return `the read model could not be built: ${message}`;
    case 'install':
      return `the install could not be recorded: ${message}`;
    case 'onLoad':
      return `onLoad hook failed: ${message}`;
  }
}
