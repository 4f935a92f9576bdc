import { randomUUID } from 'node:crypto';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import type { SubmitContext } from '../../core/src/sdk/index.js';
import { SAMPLE_ANSWERS } from './sample-answers.js';

/** Each plugin written for the Border Force workflows, with the tables its migrations create. */
const PLUGINS: Record<string, string[]> = {
  'event-at-border': ['event', 'event_item'],
  'operational-activity': ['activity_minutes', 'activity_report', 'detections_by_category', 'staff_by_grade'],
  'target-information': ['target_person', 'target_sheet'],
  'target-outcome': ['target_outcome'],
  'intelligence-referral': ['referral'],
  'intelligence-case': ['intelligence_case'],
  'use-of-force': ['use_of_force'],
  'mandatory-declaration': ['declaration'],
};

/** Tables only written by later actions (onTransition), so not checked after submit. */
const ACTION_TABLES: Record<string, string[]> = {
  'intelligence-case': ['intelligence_product'],
};

const schemaOf = (id: string) => `plugin_${id.replace(/-/g, '_')}`;

describe('Border Force workflow plugins load in the real core', () => {
  let app: TestApp;
  let plugins: { id: string; state: string; reason?: string }[];

  beforeAll(async () => {
    app = await startTestApp();
    const response = await fetch(`${app.url}/api/plugins/status`, { headers: await signIn(app, 'admin') });
    expect(response.status).toBe(200);
    plugins = ((await response.json()) as { plugins: typeof plugins }).plugins;
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it.each(Object.keys(PLUGINS))('%s is enabled', (id) => {
    const status = plugins.find((p) => p.id === id);
    expect({ id, state: status?.state, reason: status?.reason }).toEqual({ id, state: 'enabled', reason: undefined });
  });

  it.each(Object.entries(PLUGINS))('%s has its tables', async (id, tables) => {
    const rows = await app.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name <> 'migrations' ORDER BY table_name",
      [schemaOf(id)],
    );
    expect(rows.map((r) => r.table_name)).toEqual([...tables, ...(ACTION_TABLES[id] ?? [])].sort());
  });

  it.each(Object.keys(PLUGINS))('%s writes its typed records on submit', async (id) => {
    const manifest = app.boot.registry.get(id)?.manifest;
    const onSubmit = manifest?.hooks?.onSubmit;
    expect(onSubmit).toBeDefined();
    const caseId = randomUUID();
    const answers = SAMPLE_ANSWERS[id];
    expect(answers).toBeDefined();
    await app.boot.dataSource.transaction(async (manager) => {
      const ctx: SubmitContext = {
        pluginId: id,
        logger: app.boot.logger.child({ plugin: id }),
        manager,
        case: {
          id: caseId,
          businessKey: 'BF-20260412-17',
          pluginId: id,
          formId: manifest!.startForm ?? id,
          formVersion: 1,
          state: manifest!.workflow?.initial ?? 'submitted',
          teamId: null,
          createdBy: 'officer',
          createdAt: new Date(),
          answers: answers!,
        },
      };
      await onSubmit!(ctx);
    });
    for (const table of PLUGINS[id]!) {
      const rows = await app.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${schemaOf(id)}.${table} WHERE case_id = $1`, [caseId]);
      expect({ table, written: rows[0]!.n > 0 }).toEqual({ table, written: true });
    }
  });
});
