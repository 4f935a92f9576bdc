import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';
import type { FormDefinition } from './engine/index.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/**
 * Every form of every usable plugin, current and past versions. Current versions come from
 * the plugins' folders; they are recorded in core.form_definition at boot so a case made
 * against version 1 still renders after version 2 ships. A recorded version is never
 * overwritten: a form changed without a new version quarantines its plugin
 * (`formsChangedWithoutNewVersion`, checked when the plugin is activated).
 */
export class FormCatalogue {
  private readonly current = new Map<string, FormDefinition>();
  private readonly past = new Map<string, FormDefinition>();

  constructor(private readonly dataSource: DataSource) {}

  /** Records the current forms and loads the past ones. */
  async load(registry: PluginRegistry): Promise<void> {
    for (const plugin of registry.usable()) {
      for (const { definition } of plugin.forms) {
        const form = definition as FormDefinition;
        this.current.set(key(plugin.id, form.id), form);
        await this.dataSource.query(
          `INSERT INTO core.form_definition (plugin_id, form_id, version, definition) VALUES ($1, $2, $3, $4)
           ON CONFLICT (plugin_id, form_id, version) DO NOTHING`,
          [plugin.id, form.id, form.version, JSON.stringify(form)],
        );
      }
    }
    const rows = (await this.dataSource.query(
      'SELECT plugin_id, form_id, version, definition FROM core.form_definition',
    )) as {
      plugin_id: string;
      form_id: string;
      version: number;
      definition: FormDefinition;
    }[];
    for (const row of rows) this.past.set(key(row.plugin_id, row.form_id, row.version), row.definition);
  }

  /** The form's current version. */
  currentForm(pluginId: string, formId: string): FormDefinition | undefined {
    return this.current.get(key(pluginId, formId));
  }

  /** A specific version, for rendering an old case. */
  version(pluginId: string, formId: string, version: number): FormDefinition | undefined {
    const current = this.currentForm(pluginId, formId);
    return current?.version === version ? current : this.past.get(key(pluginId, formId, version));
  }
}

/**
 * The plugin's forms whose version is already recorded with another definition, as quarantine
 * reasons. Cases made against that version render with the recorded definition, so replacing
 * it would silently change how they read: the developer must bump the form's version instead.
 * A definition equal as JSON (key order and formatting aside) is the same version.
 */
export async function formsChangedWithoutNewVersion(
  dataSource: DataSource,
  pluginId: string,
  forms: readonly { file: string; definition: unknown }[],
): Promise<string[]> {
  if (forms.length === 0) return [];
  const rows = (await dataSource.query(
    'SELECT form_id, version, definition FROM core.form_definition WHERE plugin_id = $1',
    [pluginId],
  )) as { form_id: string; version: number; definition: unknown }[];
  const stored = new Map(rows.map((r) => [`${r.form_id}@${r.version}`, r]));
  const problems: string[] = [];
  for (const { file, definition } of forms) {
    const form = definition as FormDefinition;
    const recorded = stored.get(`${form.id}@${form.version}`);
    if (!recorded || isDeepStrictEqual(withoutReportMarks(recorded.definition), withoutReportMarks(form))) continue;
    const next = Math.max(...rows.filter((r) => r.form_id === form.id).map((r) => r.version)) + 1;
    problems.push(
      `forms/${file}: form "${form.id}" changed but still says version ${form.version}, which is already recorded ` +
        `with a different definition; set "version": ${next} so cases made against version ${form.version} keep rendering as they were`,
    );
  }
  return problems;
}

function key(pluginId: string, formId: string, version?: number): string {
  return version === undefined ? `${pluginId}/${formId}` : `${pluginId}/${formId}@${version}`;
}

/**
 * A form's definition without its `report` marks: marking a field for reporting changes what the
 * read model keeps, not how a case renders, so it needs no new form version.
 */
function withoutReportMarks(definition: unknown): unknown {
  return JSON.parse(JSON.stringify(definition), (key, value: unknown) => (key === 'report' ? undefined : value));
}
