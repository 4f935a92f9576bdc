import semver from 'semver';
import { getMetadataArgsStorage, type MigrationInterface } from 'typeorm';
import { OFFICER_PROFILE_FIELDS, SDK_VERSION, type PluginManifest } from '../sdk/manifest.js';
import { isRole } from '../sdk/roles.js';
import { pluginSchema } from '../sdk/schema.js';
import type { NamedMigration } from '../database/migration-runner.js';
import {
  checkFormDefinition,
  compileAnswerCondition,
  compileForm,
  type CompiledField,
  type FormDefinition,
} from '../forms/engine/index.js';
import { anyPluginTerms, termDictionary, termOwner } from '../terms/term-dictionary.js';
import type { DiscoveredPlugin } from './plugin-discovery.js';
import { checkWorkflow } from './workflow-check.js';
import { startFormId } from './start-form.js';

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const ID_LIKE = /^[a-z0-9][a-z0-9-]*$/;
/** Ids that would collide with the core's own routes under /api/plugins/. */
const RESERVED_IDS = new Set(['status', 'core', 'admin', 'api']);

/** The outcome of checking one discovered plugin. */
export type ManifestCheck =
  { ok: true; manifest: PluginManifest; migrations: NamedMigration[] } | { ok: false; id?: string; problems: string[] };

/**
 * Checks a discovered plugin's manifest and migrations before anything of it runs.
 * Every problem is listed, so a developer fixes them in one go.
 */
export function checkManifest(plugin: DiscoveredPlugin): ManifestCheck {
  const raw = plugin.manifest;
  if (plugin.loadError) return { ok: false, id: idOf(raw), problems: [plugin.loadError] };
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, problems: ['plugin.ts must export a manifest object'] };
  const m = raw as Partial<PluginManifest>;
  const problems: string[] = [];

  if (typeof m.id !== 'string' || !ID.test(m.id) || m.id.length > 40) {
    problems.push(`id must be kebab-case letters and digits, at most 40 characters (got ${JSON.stringify(m.id)})`);
  } else if (RESERVED_IDS.has(m.id)) {
    problems.push(`id "${m.id}" is reserved`);
  }
  for (const key of ['title', 'description'] as const) {
    if (typeof m[key] !== 'string' || m[key].trim() === '') problems.push(`${key} is required`);
  }
  if (typeof m.version !== 'string' || !semver.valid(m.version)) {
    problems.push(`version must be a semantic version such as 1.0.0 (got ${JSON.stringify(m.version)})`);
  }
  if (typeof m.sdk !== 'string' || !semver.validRange(m.sdk)) {
    problems.push(`sdk must be a semver range such as ^1.0.0 (got ${JSON.stringify(m.sdk)})`);
  } else if (!semver.satisfies(SDK_VERSION, m.sdk)) {
    problems.push(`sdk range ${m.sdk} does not include this core's SDK ${SDK_VERSION}`);
  }
  problems.push(...dependsOnProblems(m));
  if (m.startRoles !== undefined && (!Array.isArray(m.startRoles) || !m.startRoles.every(isRole))) {
    problems.push(`startRoles has an unknown role (got ${JSON.stringify(m.startRoles)})`);
  }
  if (m.module !== undefined && typeof m.module !== 'function') problems.push('module must be a NestJS module class');
  if (m.hooks !== undefined && (typeof m.hooks !== 'object' || m.hooks === null))
    problems.push('hooks must be an object');
  if (m.demo !== undefined) {
    const ok =
      Array.isArray(m.demo) &&
      m.demo.every(
        (d) =>
          typeof d === 'object' &&
          d !== null &&
          typeof d.username === 'string' &&
          Number.isInteger(d.count) &&
          d.count >= 0 &&
          typeof d.answers === 'function',
      );
    if (!ok) problems.push('demo must be a list of { username, count, answers(index, now) }');
  }
  if (typeof m.id === 'string') problems.push(...checkEntities(m.id, m.entities));
  problems.push(...checkForms(plugin.forms));
  if (m.startForm !== undefined && !plugin.forms.some((f) => formId(f.definition) === m.startForm)) {
    problems.push(`startForm "${m.startForm}" is not in forms/`);
  } else if (
    plugin.forms.length > 1 &&
    typeof m.id === 'string' &&
    !startFormId({ id: m.id, manifest: m, forms: plugin.forms })
  ) {
    problems.push(
      `it has ${plugin.forms.length} forms and none has the id "${m.id}": name the one that starts a case with startForm`,
    );
  }
  if (m.workflow !== undefined)
    problems.push(
      ...checkWorkflow(
        m.workflow,
        plugin.forms.map((f) => formId(f.definition)),
      ),
    );
  problems.push(...checkStartFormReferences(m, plugin.forms));

  const migrations: NamedMigration[] = [];
  for (const { name, module } of plugin.migrations) {
    const migration = instantiateMigration(module);
    if (migration) migrations.push({ name, migration });
    else problems.push(`migrations/${name} must export a class with up() and down()`);
  }
  if (problems.length > 0) return { ok: false, id: idOf(raw), problems };
  return { ok: true, manifest: m as PluginManifest, migrations };
}

/**
 * A form field bound to another plugin's term needs that plugin listed in `dependsOn.workflows`,
 * so switching it off or losing it quarantines this one with the reason.
 */
export function foreignTermProblems(m: PluginManifest, forms: DiscoveredPlugin['forms']): string[] {
  // Most installations bring no plugin terms: then there is nothing to find, and no form to compile again at boot.
  if (!anyPluginTerms()) return [];
  const listed = new Set(m.dependsOn?.workflows ?? []);
  const problems = new Set<string>();
  const walk = (fields: CompiledField[]) => {
    for (const f of fields) {
      const owner = f.term ? termOwner(f.term.id) : undefined;
      if (owner && owner !== 'core' && owner !== m.id && !listed.has(owner))
        problems.add(`forms bind term ${f.term!.id} of plugin ${owner}: add "${owner}" to dependsOn.workflows`);
      if (f.children) walk(f.children.fields);
    }
  };
  for (const { definition } of forms) walk(compileForm(definition as FormDefinition, termDictionary).root.fields);
  return [...problems];
}

/** Every form must pass the engine's definition checks against the standard data terms. */
function checkForms(forms: DiscoveredPlugin['forms']): string[] {
  const seen = new Set<string>();
  return forms.flatMap(({ file, definition }) => {
    const problems = checkFormDefinition(definition as FormDefinition, termDictionary).map(
      (p) => `forms/${file}: ${p.path ? `${p.path}: ` : ''}${p.message}`,
    );
    const id = formId(definition);
    if (id && seen.has(id)) problems.push(`forms/${file}: form id "${id}" is used by another form`);
    if (id) seen.add(id);
    return problems;
  });
}

/** Routes, `teamFrom` and `officerProfile` refer to the start form's fields: they must exist there. */
function checkStartFormReferences(m: Partial<PluginManifest>, forms: DiscoveredPlugin['forms']): string[] {
  const id = startFormId({ id: m.id ?? '', manifest: m, forms });
  const start = forms.find((f) => formId(f.definition) === id)?.definition as FormDefinition | undefined;
  if (!start) return [];
  const problems: string[] = [];
  for (const [i, route] of (m.workflow?.routes ?? []).entries()) {
    const compiled = compileAnswerCondition(start, route.when, termDictionary, `workflow.routes[${i}].when`);
    problems.push(...compiled.problems.map((p) => `${p.path}: ${p.message}`));
  }
  const fields = compileForm(start, termDictionary).root.byName;
  if (m.teamFrom !== undefined && !fields.has(m.teamFrom)) {
    problems.push(`teamFrom "${m.teamFrom}" is not a field of form "${start.id}"`);
  }
  if (m.officerProfile !== undefined) {
    if (typeof m.officerProfile !== 'object' || m.officerProfile === null) {
      problems.push('officerProfile must name start-form fields, e.g. { location: "location" }');
    } else {
      for (const [source, name] of Object.entries(m.officerProfile as Record<string, unknown>)) {
        const field = typeof name === 'string' ? fields.get(name) : undefined;
        if (!(OFFICER_PROFILE_FIELDS as readonly string[]).includes(source))
          problems.push(`officerProfile.${source} is not a profile field (${OFFICER_PROFILE_FIELDS.join(', ')})`);
        else if (!field)
          problems.push(`officerProfile.${source}: "${String(name)}" is not a field of form "${start.id}"`);
        else if ((source === 'delegates') !== (field.kind === 'group'))
          problems.push(
            `officerProfile.${source}: "${String(name)}" must be ${source === 'delegates' ? 'a repeating group' : 'a question, not a repeating group'}`,
          );
      }
    }
  }
  return problems;
}

function checkEntities(id: string, entities: unknown): string[] {
  if (entities === undefined) return [];
  if (!Array.isArray(entities)) return ['entities must be an array of entity classes'];
  const schema = pluginSchema(id);
  const tables = getMetadataArgsStorage().tables;
  return entities.flatMap((entity: unknown) => {
    const name = typeof entity === 'function' ? entity.name : String(entity);
    const table = tables.find((t) => t.target === entity);
    if (!table) return [`entity ${name} has no @Entity() decorator`];
    if (table.schema !== schema)
      return [`entity ${name} must be in schema "${schema}" (got ${JSON.stringify(table.schema)})`];
    return [];
  });
}

function instantiateMigration(module: Record<string, unknown>): MigrationInterface | undefined {
  for (const exported of Object.values(module)) {
    if (typeof exported !== 'function') continue;
    const candidate = new (exported as new () => Partial<MigrationInterface>)();
    if (typeof candidate.up === 'function' && typeof candidate.down === 'function')
      return candidate as MigrationInterface;
  }
  return undefined;
}

function formId(definition: unknown): string | undefined {
  return typeof definition === 'object' &&
    definition !== null &&
    typeof (definition as { id?: unknown }).id === 'string'
    ? (definition as { id: string }).id
    : undefined;
}

function idOf(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** `dependsOn` must list plugin ids and reference set ids, and not the plugin itself. */
function dependsOnProblems(m: Partial<PluginManifest>): string[] {
  if (m.dependsOn === undefined) return [];
  const d = m.dependsOn as Record<string, unknown>;
  if (typeof d !== 'object' || d === null) return ['dependsOn must be an object'];
  const problems: string[] = [];
  for (const key of Object.keys(d))
    if (key !== 'workflows' && key !== 'reference') problems.push(`dependsOn.${key} is not a kind of dependency`);
  for (const key of ['workflows', 'reference'] as const) {
    const list = d[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every((x) => typeof x === 'string' && ID_LIKE.test(x))))
      problems.push(`dependsOn.${key} must be a list of ids (got ${JSON.stringify(list)})`);
  }
  if (Array.isArray(d.workflows) && d.workflows.includes(m.id))
    problems.push('dependsOn.workflows names the plugin itself');
  return problems;
}
