import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { validateSubmission, type FormDefinition } from '../../core/src/forms/engine/index.js';
import type { PluginManifest, SubmitContext } from '../../core/src/sdk/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { SAMPLE_ANSWERS } from './sample-answers.js';
import { seededReference } from '../../test/utils/plugin-forms.js';

/** Each plugin written for the Border Force workflows, with the tables its migrations create. */
const PLUGINS: Record<string, string[]> = {
  'target-information': ['target_person', 'target_sheet'],
  'target-outcome': ['target_outcome'],
  'intelligence-referral': ['referral'],
  'intelligence-case': ['intelligence_case'],
  'use-of-force': ['use_of_force'],
  'mandatory-declaration': ['declaration'],
  'detection-inventory': ['equipment_line', 'inventory'],
  'refusal-of-entry': ['examination'],
  'safeguarding-referral': ['companion', 'referral'],
  'cash-seizure': ['seizure', 'seizure_amount'],
  'staff-profile': ['delegate', 'profile'],
  'interpreter-request': ['interpreter_request'],
};

/**
 * Plugins whose data is all their answers (plugin contract 2): no tables or submit hook of their
 * own, the core keeps their read model (its tables here, by the start form's marked groups).
 */
const READ_MODELS: Record<string, string[]> = {
  'event-at-border': ['read_case', 'read_case_items'],
  'operational-activity': ['read_case', 'read_case_activities', 'read_case_staff_by_grade'],
};

/** Tables only written by later actions (onTransition), so not checked after submit. */
const ACTION_TABLES: Record<string, string[]> = {
  'intelligence-case': ['intelligence_product'],
};

/** Plugins whose sample answers are checked against their start form (as stored, calculations included). */
const VALIDATED_SAMPLES = [
  'detection-inventory',
  'refusal-of-entry',
  'safeguarding-referral',
  'cash-seizure',
  'staff-profile',
  'interpreter-request',
];

const schemaOf = (id: string) => `plugin_${id.replace(/-/g, '_')}`;

function submitContext(
  app: TestApp,
  id: string,
  manifest: PluginManifest,
  caseId: string,
  manager: SubmitContext['manager'],
): SubmitContext {
  return {
    pluginId: id,
    logger: app.boot.logger.child({ plugin: id }),
    manager,
    emit: async (event) => {
      await manager.query('INSERT INTO core.outbox (topic, key, payload, case_id) VALUES ($1, $2, $3, $4)', [
        event.topic,
        event.key,
        JSON.stringify(event.payload),
        caseId,
      ]);
    },
    // The target an outcome names, as if the platform had received it (the e2e tests use real ones).
    linked: [],
    received: async (_message, id) => ({
      id: randomUUID(),
      businessKey: 'BF-20260412-16',
      pluginId: 'target-information',
      state: 'issued',
      teamId: null,
      answers: { targetId: id },
    }),
    link: async () => undefined,
    case: {
      id: caseId,
      businessKey: 'BF-20260412-17',
      version: 1,
      pluginId: id,
      formId: manifest.startForm ?? id,
      formVersion: 1,
      state: manifest.workflow?.initial ?? 'submitted',
      teamId: null,
      createdBy: 'officer',
      createdAt: new Date(),
      answers: SAMPLE_ANSWERS[id]!,
    },
  };
}

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

  it.each([...Object.keys(PLUGINS), ...Object.keys(READ_MODELS)])('%s is enabled', (id) => {
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
      await onSubmit!(submitContext(app, id, manifest!, caseId, manager));
    });
    for (const table of PLUGINS[id]!) {
      const rows = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schemaOf(id)}.${table} WHERE case_id = $1`,
        [caseId],
      );
      expect({ table, written: rows[0]!.n > 0 }).toEqual({ table, written: true });
    }
  });

  it.each(Object.entries(READ_MODELS))('%s keeps its answers in the core read model only', async (id, tables) => {
    expect(app.boot.registry.get(id)?.manifest?.hooks?.onSubmit).toBeUndefined();
    const rows = await app.sql<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name",
      [schemaOf(id)],
    );
    expect(rows.map((r) => r.table_name)).toEqual(tables);
    const res = await fetch(`${app.url}/api/plugins/${id}/cases`, {
      method: 'POST',
      headers: { ...(await signIn(app, 'officer')), 'content-type': 'application/json' },
      body: JSON.stringify({ answers: SAMPLE_ANSWERS[id] }),
    });
    const created = (await res.json()) as { id: string; errors?: unknown };
    expect(created.errors).toBeUndefined();
    for (const table of tables) {
      const [row] = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schemaOf(id)}.${table} WHERE case_id = $1`,
        [created.id],
      );
      expect({ table, written: row!.n > 0 }).toEqual({ table, written: true });
    }
  });

  it.each(VALIDATED_SAMPLES)('%s sample answers are a valid submission of its start form', (id) => {
    const manifest = app.boot.registry.get(id)?.manifest;
    const formId = manifest?.startForm ?? id;
    const form = JSON.parse(
      readFileSync(new URL(`../${id}/forms/${formId}.form.json`, import.meta.url), 'utf8'),
    ) as FormDefinition;
    const reference = seededReference;
    const result = validateSubmission(form, SAMPLE_ANSWERS[id]!, {
      terms: standardTerms,
      reference,
      now: new Date('2026-04-12T12:00:00Z'),
      workflow: id,
    });
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual(SAMPLE_ANSWERS[id]);
  });

  it.each(VALIDATED_SAMPLES)('%s writes nothing when the submission rolls back', async (id) => {
    const manifest = app.boot.registry.get(id)!.manifest!;
    const caseId = randomUUID();
    const rollback = new Error('submission rolled back');
    await expect(
      app.boot.dataSource.transaction(async (manager) => {
        await manifest.hooks!.onSubmit!(submitContext(app, id, manifest, caseId, manager));
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    for (const table of PLUGINS[id]!) {
      const rows = await app.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${schemaOf(id)}.${table} WHERE case_id = $1`,
        [caseId],
      );
      expect({ table, n: rows[0]!.n }).toEqual({ table, n: 0 });
    }
  });

  /** A date-time an hour from now, as the API accepts it (UTC with Z). */
  const inAnHour = () => `${new Date(Date.now() + 3_600_000).toISOString().slice(0, 19)}Z`;

  it.each([
    [
      'cash-seizure',
      'with-cash-team',
      () => SAMPLE_ANSWERS['cash-seizure']!,
      { teamId: 'cash-team-south-east', priority: 'urgent' },
    ],
    [
      'cash-seizure',
      'awaiting-review',
      () => ({
        ...SAMPLE_ANSWERS['cash-seizure']!,
        amounts: [{ currency: 'cash-sterling', amount: 800, sterlingValue: 800 }],
        totalSterling: undefined,
        detentionDecision: 'returned',
        sealedBagNumbers: undefined,
        noticeServed: undefined,
        returnReason: 'Below the seizure threshold.',
      }),
      { teamId: 'stansted-arrivals-team-1', priority: 'low' },
    ],
    [
      'interpreter-request',
      'awaiting-urgent-booking',
      () => ({ ...SAMPLE_ANSWERS['interpreter-request']!, neededAt: inAnHour() }),
      { teamId: 'dover-tourist-controls-team-2', priority: 'urgent' },
    ],
    [
      'safeguarding-referral',
      'child-safeguarding',
      () => ({
        ...SAMPLE_ANSWERS['safeguarding-referral']!,
        personAge: 'child',
        actionsTaken: ['safe-place', 'childrens-services'],
        localAuthority: 'Kent County Council',
      }),
      { teamId: 'dover-tourist-controls-team-1', priority: 'urgent' },
    ],
    [
      'detection-inventory',
      'faults-to-repair',
      () => SAMPLE_ANSWERS['detection-inventory']!,
      { teamId: 'dover-freight-team-a', priority: 'high' },
    ],
    [
      'refusal-of-entry',
      'awaiting-authorisation',
      () => SAMPLE_ANSWERS['refusal-of-entry']!,
      { teamId: 'heathrow-t5-arrivals-red-team', priority: 'urgent' },
    ],
    [
      'staff-profile',
      'awaiting-confirmation',
      () => ({
        ...SAMPLE_ANSWERS['staff-profile']!,
        delegates: [{ name: 'Tom Walker', email: 'tom.walker@example.gov.uk' }],
      }),
      { teamId: 'felixstowe-freight-team-a', priority: 'low' },
    ],
  ] as const)('%s routes a new case submitted through the API to %s', async (id, state, answers, task) => {
    const officer = await signIn(app, 'officer');
    const res = await fetch(`${app.url}/api/plugins/${id}/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ answers: answers() }),
    });
    const body = (await res.json()) as {
      id: string;
      state: string;
      tasks: { teamId: string | null; priority: string }[];
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(res.status).toBe(201);
    expect(body.state).toBe(state);
    expect(body.tasks.map((t) => ({ teamId: t.teamId, priority: t.priority }))).toEqual([task]);
  });
});
