/** Where the new plugin sits relative to the project. */
export interface PluginTemplateOptions {
  /**
   * Path from the plugin's own folder to the project root, with forward slashes. The plugin
   * imports the core SDK (and its spec the test helpers) through it. Default `../..`
   * (`plugins/<id>/`).
   */
  projectRoot?: string;
  /**
   * The plugin is written outside the bundled `plugins/` folder: its spec then tells the test
   * app to search the plugin's parent folder too (as PLUGIN_DIRS does for the running core).
   */
  outsideBundled?: boolean;
}

/**
 * The files of a new plugin in the shape of plugin contract 2 (docs/plugins.md): a manifest with
 * a two-state workflow and a summary report on the read model, one form whose
 * fields marked `"report"` the core keeps for reports, and a spec. No
 * entity, migration or SQL. It passes every manifest check and its own spec without edits.
 */
export function pluginTemplates(
  id: string,
  _timestamp: number,
  options: PluginTemplateOptions = {},
): Record<string, string> {
  const root = options.projectRoot ?? '../..';
  const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const schema = `plugin_${id.replace(/-/g, '_')}`;
  return {
    'plugin.ts': `import { definePlugin } from '${root}/core/src/sdk/index.js';

export default definePlugin({
  id: '${id}',
  title: '${title}',
  version: '0.1.0',
  description: 'Describe what officers record with ${title.toLowerCase()}.',
  sdk: '^1.0.0',
  category: 'Other',
  startRoles: ['officer'],
  workflow: {
    initial: 'submitted',
    states: [
      { id: 'submitted', label: 'Submitted', tasks: [{ title: 'Review ${title.toLowerCase()}', role: 'manager', due: 'P1D' }] },
      { id: 'closed', label: 'Closed', terminal: true },
    ],
    actions: [{ id: 'close', label: 'Close', from: ['submitted'], to: 'closed', roles: ['manager'] }],
  },
  reports: [
    {
      id: '${id}-summary',
      title: '${title} summary',
      description: 'Records in a period, by location and by state.',
      roles: ['manager'],
      // Adds the from/to dates and the team filter.
      period: 'dates',
      // Declared, not written: the core counts the fields the form marks "report" (always within
      // the manager's teams) and lays out the PDF. A query and a template can do more (docs/plugins.md).
      summary: {
        measures: { records: { label: 'Records', count: true } },
        by: { port: 'Location', state: 'State' },
        list: ['at', 'reference', 'port', 'state'],
      },
    },
  ],
});
`,
    [`forms/${id}.form.json`]: `${JSON.stringify(
      {
        id,
        version: 1,
        title,
        type: 'single',
        pages: [
          {
            id: 'details',
            title: 'Details',
            components: [
              {
                name: 'occurredAt',
                type: 'date-time',
                label: 'When did it happen?',
                required: true,
                notFuture: true,
                report: 'time',
                messages: { required: 'Enter when it happened' },
              },
              {
                name: 'port',
                term: 'location.port',
                label: 'Where are you?',
                required: true,
                report: true,
                prefill: { from: 'shift.location' },
              },
              {
                name: 'summary',
                type: 'textarea',
                label: 'What happened?',
                required: true,
                maxLength: 2000,
                messages: { required: 'Enter what happened' },
              },
            ],
          },
        ],
      },
      null,
      2,
    )}\n`,
    [`${id}.spec.ts`]: `${specImports(root, options.outsideBundled === true)}
describe('${id} plugin', () => {
  // Starts the platform with this plugin for these tests (test/utils/plugin-kit.ts: submit,
  // refused, act, report, …); kit.app.sql reads the database.
  const kit = usePluginKit('${id}'${options.outsideBundled ? ', { pluginDirs: [PLUGIN_DIR] }' : ''});
  const answers = { occurredAt: '2026-10-20T09:30', port: 'dover', summary: 'Checked the lane.' };

  it('loads, passes its checks and is offered to officers', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
  });

  it('accepts a valid submission; the core keeps its reported fields for reports', async () => {
    const created = await kit.submit(answers);
    expect(await kit.app.sql('SELECT port, state FROM ${schema}.read_case WHERE case_id = $1', [created.id])).toEqual([
      { port: 'dover', state: 'submitted' },
    ]);
  });

  it('rejects a submission without a summary, naming the field', async () => {
    expect(await kit.refused({ ...answers, summary: '' })).toEqual([{ path: 'summary', message: 'Enter what happened' }]);
  });

  it('reports the period’s records by location and state, and counts a closed one', async () => {
    await kit.act((await kit.submit(answers)).id, 'close');
    const text = await kit.report('${id}-summary', { from: '2026-10-01', to: '2026-10-31' });
    expect(text).toMatch(/Records\\s+2\\b/);
    expect(text).toMatch(/Port of Dover\\s+2\\b/);
    expect(text).toMatch(/Submitted\\s+1\\b/);
    expect(text).toMatch(/Closed\\s+1\\b/);
  });
});
`,
  };
}

function specImports(root: string, outsideBundled: boolean): string {
  const app = `import { usePluginKit } from '${root}/test/utils/plugin-kit.js';\n`;
  if (!outsideBundled) return app;
  return (
    `import { fileURLToPath } from 'node:url';\n${app}\n` +
    '// This plugin is not in plugins/: the test app searches its parent folder too (like PLUGIN_DIRS).\n' +
    "const PLUGIN_DIR = fileURLToPath(new URL('..', import.meta.url));\n"
  );
}
