import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { validateSubmission, type FormDefinition } from '../../core/src/forms/engine/index.js';
import type { PluginManifest, SubmitContext } from '../../core/src/sdk/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { SAMPLE_ANSWERS } from './sample-answers.js';
import { seededReference } from '../../test/utils/plugin-forms.js';

/**
 * Each plugin written for the Border Force workflows, with the tables its migrations create: none
 * for a plugin on contract 2 whose answers only the core's read model keeps (its `read_case`
 * tables are the core's, checked by test/e2e/read-model.spec.ts and the plugin's own spec).
 */
const PLUGINS: Record<string, string[]> = {
  'event-at-border': [],
  'operational-activity': [],
  'intelligence-referral': [],
  'intelligence-case': [],
  'target-information': [],
  'target-outcome': [],
  'use-of-force': [],
  'mandatory-declaration': [],
  'detection-inventory': [],
  'refusal-of-entry': [],
  'safeguarding-referral': [],
  'cash-seizure': [],
  'staff-profile': [],
  'interpreter-request': [],
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

/** Hooks that do real work (checks, links, outbound events); no plugin copies answers into tables of its own. */
const SUBMIT_HOOKS = ['target-outcome'];

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

  it.each(Object.keys(PLUGINS))('%s is enabled', (id) => {
    const status = plugins.find((p) => p.id === id);
    expect({ id, state: status?.state, reason: status?.reason }).toEqual({ id, state: 'enabled', reason: undefined });
  });

  const tablesOf = async (id: string) =>
    (
      await app.sql<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations' AND table_name NOT LIKE 'read\\_case%' ORDER BY table_name",
        [schemaOf(id)],
      )
    ).map((r) => r.table_name);

  it.each(Object.entries(PLUGINS))('%s has its tables', async (id, tables) => {
    expect(await tablesOf(id)).toEqual(tables);
    expect(app.boot.registry.get(id)?.readModel).toBeDefined();
  });

  it('no plugin copies answers on submit: only hooks doing real work remain', () => {
    const withHook = Object.keys(PLUGINS).filter((id) => app.boot.registry.get(id)?.manifest?.hooks?.onSubmit);
    expect(withHook).toEqual(SUBMIT_HOOKS);
  });

  it('target-outcome queues the outcome for Cerberus on submit', async () => {
    const id = 'target-outcome';
    const manifest = app.boot.registry.get(id)!.manifest!;
    const caseId = randomUUID();
    await app.boot.dataSource.transaction(async (manager) => {
      await manifest.hooks!.onSubmit!(submitContext(app, id, manifest, caseId, manager));
    });
    const queued = await app.sql<{ topic: string; key: string; payload: Record<string, unknown> }>(
      'SELECT topic, key, payload FROM core.outbox WHERE case_id = $1',
      [caseId],
    );
    expect(queued).toEqual([
      {
        topic: 'cerberus.outcome',
        key: 'outcome:BF-20260412-17:1',
        payload: {
          targetId: 'BF-20260412-17',
          outcome: 'positive',
          reason: null,
          notes: null,
          outcomeAt: '2026-04-12T18:10:00.000Z',
          linkedEventCase: 'BF-20260412-42',
          outcomeCase: 'BF-20260412-17',
          revision: 1,
          recordedBy: 'officer',
        },
      },
    ]);
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
