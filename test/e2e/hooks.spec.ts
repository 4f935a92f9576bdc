import { FIXTURE_PLUGINS, signIn, startTestApp, type TestApp } from '../utils/app.js';

describe('plugin hooks run inside the transaction', () => {
  let app: TestApp;
  let officer: Record<string, string>;
  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [FIXTURE_PLUGINS] });
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const submit = async (note: string) => {
    const response = await fetch(`${app.url}/api/plugins/throwing-submit/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { note } }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const counts = async () =>
    (
      await app.sql<{ cases: number; notes: number; audit: number; tasks: number }>(
        `SELECT (SELECT count(*)::int FROM core.case WHERE plugin_id = 'throwing-submit') AS cases,
                (SELECT count(*)::int FROM plugin_throwing_submit.note) AS notes,
                (SELECT count(*)::int FROM core.audit WHERE action = 'case.created') AS audit,
                (SELECT count(*)::int FROM core.task) AS tasks`,
      )
    )[0]!;

  it('commits the plugin record with the case', async () => {
    const ok = await submit('All quiet at the Eastern Docks');
    expect(ok.status).toBe(201);
    expect(await counts()).toMatchObject({ cases: 1, notes: 1, audit: 1 });
  });

  it('rolls everything back when the hook throws, and says why with 422', async () => {
    const before = await counts();
    const refused = await submit('We had to refuse entry');
    expect(refused).toEqual({
      status: 422,
      body: {
        statusCode: 422,
        message:
          'The throwing-submit plugin could not complete this (onSubmit): notes may not mention a refusal. Nothing was saved.',
      },
    });
    expect(await counts()).toEqual(before);
  });
});
