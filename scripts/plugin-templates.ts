/** The files of a new plugin, keyed by path inside plugins/<id>/. */
export function pluginTemplates(id: string, timestamp: number): Record<string, string> {
  const pascal = id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const schema = `plugin_${id.replace(/-/g, '_')}`;
  const entity = `${pascal}Record`;
  return {
    'plugin.ts': `import { definePlugin } from '../../core/src/sdk/index.js';
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
  reports: [{ id: '${id}-summary', title: '${title} summary', description: 'Records in a period.', roles: ['manager'] }],
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
import type { PluginMigration } from '../../../core/src/sdk/index.js';

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
    [`reports/${id}-summary.report.hbs`]: `<h1>{{meta.title}}</h1>
<p>Records submitted between {{parameters.from}} and {{parameters.to}}.</p>
<kv>
  <item label="Total records">{{data.total}}</item>
</kv>
`,
    [`${id}.spec.ts`]: `import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';

describe('${id} plugin', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

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
});
`,
  };
}
