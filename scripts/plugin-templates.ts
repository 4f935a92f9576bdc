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
 * The files of a new plugin, keyed by path inside its folder: a manifest, one entity written
 * by an onSubmit hook, one form, a two-state workflow, a report with from/to parameters, a
 * migration and a spec. It passes every manifest check and its own spec without edits.
 */
export function pluginTemplates(
  id: string,
  timestamp: number,
  options: PluginTemplateOptions = {},
): Record<string, string> {
  const root = options.projectRoot ?? '../..';
  const pascal = id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const schema = `plugin_${id.replace(/-/g, '_')}`;
  const entity = `${pascal}Record`;
  return {
    'plugin.ts': `import { definePlugin } from '${root}/core/src/sdk/index.js';
import { ${entity}Entity } from './entities/${id}-record.entity.js';

export default definePlugin({
  id: '${id}',
  title: '${title}',
  version: '0.1.0',
  description: 'Describe what officers record with ${title.toLowerCase()}.',
  sdk: '^1.0.0',
  category: 'Other',
  entities: [${entity}Entity],
  startForm: '${id}',
  startRoles: ['officer'],
  workflow: {
    initial: 'submitted',
    states: [
      { id: 'submitted', label: 'Submitted', tasks: [{ title: 'Review ${title.toLowerCase()}', team: 'case.team', role: 'manager', priority: 'medium', due: 'P1D' }] },
      { id: 'closed', label: 'Closed', terminal: true },
    ],
    actions: [{ id: 'close', label: 'Close', from: ['submitted'], to: 'closed', roles: ['manager'] }],
  },
  reports: [
    {
      id: '${id}-summary',
      title: '${title} summary',
      description: 'Records submitted in a period, by state.',
      roles: ['manager'],
      parameters: [
        { name: 'from', label: 'From', type: 'date', required: true },
        { name: 'to', label: 'To', type: 'date', required: true },
      ],
      // No query: the template gets this plugin's cases in the manager's teams, counted by state.
      fields: ['period.from', 'period.to', 'total', 'byState.state', 'byState.count'],
    },
  ],
  hooks: {
    // Runs in the submission's transaction: write the typed record beside the case.
    async onSubmit({ manager, case: c }) {
      const answers = c.answers as { summary: string };
      await manager.insert(${entity}Entity, { caseId: c.id, summary: answers.summary });
    },
  },
});
`,
    [`entities/${id}-record.entity.ts`]: `import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One submitted record, typed for reports and integrations. */
@Entity({ schema: '${schema}', name: 'record' })
export class ${entity}Entity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'case_id', type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'text' })
  summary!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
`,
    [`migrations/${timestamp}-create-record.ts`]: `import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../${root}/core/src/sdk/index.js';

export class CreateRecord${timestamp} implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query(\`
      CREATE TABLE ${schema}.record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid,
        summary text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ${schema}.record');
  }
}
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
                name: 'port',
                term: 'location.port',
                label: 'Where are you?',
                required: true,
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
    [`reports/${id}-summary.report.hbs`]: `{{!-- Records in a period by state. Data (no query): period.from, period.to, total, byState. --}}
<h2>Key figures</h2>
<kv>
  <item label="Period">{{formatDate period.from}} to {{formatDate period.to}}</item>
  <item label="Records">{{formatNumber total}}</item>
</kv>

<h2>By state</h2>
<table total-label="All states" empty="No records were submitted in this period.">
  <col label="State" width="3"/>
  <col label="Records" format="integer" width="1.2" total="sum"/>
  {{#each byState}}
  <row><cell>{{state}}</cell><cell>{{formatNumber count}}</cell></row>
  {{/each}}
</table>
`,
    [`${id}.spec.ts`]: `${specImports(root, options.outsideBundled === true)}
describe('${id} plugin', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(${options.outsideBundled ? '{ pluginDirs: [PLUGIN_DIR] }' : ''});
  });
  afterAll(async () => app?.close());

  const submit = async (answers: Record<string, unknown>) =>
    fetch(\`\${app.url}/api/plugins/${id}/cases\`, {
      method: 'POST',
      headers: { ...(await signIn(app, 'officer')), 'content-type': 'application/json' },
      body: JSON.stringify({ answers }),
    });

  it('loads, passes its checks and is offered to officers', async () => {
    const status = await fetch(\`\${app.url}/api/plugins/status\`, { headers: await signIn(app, 'admin') });
    const { plugins } = (await status.json()) as { plugins: { id: string; state: string; reason?: string }[] };
    expect(plugins.find((p) => p.id === '${id}')).toEqual(expect.objectContaining({ state: 'enabled' }));
    const listed = await fetch(\`\${app.url}/api/plugins\`, { headers: await signIn(app, 'officer') });
    const body = (await listed.json()) as { plugins: { id: string; canStart: boolean }[] };
    expect(body.plugins.find((p) => p.id === '${id}')?.canStart).toBe(true);
  });

  it('creates its table in its own schema', async () => {
    const rows = await app.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY 1",
    );
    expect(rows.map((r) => r.table_name)).toEqual(['migrations', 'record']);
  });

  it('accepts a valid submission and writes its record', async () => {
    const response = await submit({ port: 'dover', summary: 'Checked the lane.' });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    expect(await app.sql('SELECT summary FROM ${schema}.record WHERE case_id = $1', [id])).toEqual([
      { summary: 'Checked the lane.' },
    ]);
  });

  it('rejects a submission without a summary, naming the field', async () => {
    const response = await submit({ port: 'dover' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
      { path: 'summary', message: 'Enter what happened' },
    ]);
  });
});
`,
  };
}

function specImports(root: string, outsideBundled: boolean): string {
  const app = `import { signIn, startTestApp, type TestApp } from '${root}/test/utils/app.js';\n`;
  if (!outsideBundled) return app;
  return (
    `import { fileURLToPath } from 'node:url';\n${app}\n` +
    '// This plugin is not in plugins/: the test app searches its parent folder too (like PLUGIN_DIRS).\n' +
    "const PLUGIN_DIR = fileURLToPath(new URL('..', import.meta.url));\n"
  );
}
