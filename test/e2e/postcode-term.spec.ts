import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const TERM_PLUGINS = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'term-plugins');

describe('a postcode answer is kept and found in one spelling', () => {
  let app: TestApp;
  let officer: Record<string, string>;

  beforeAll(async () => {
    app = await startTestApp({ pluginDirs: [TERM_PLUGINS] });
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => app?.close());

  const submit = async (postcode: string) => {
    const response = await fetch(`${app.url}/api/plugins/consignee-address/cases`, {
      method: 'POST',
      headers: { ...officer, 'content-type': 'application/json' },
      body: JSON.stringify({ answers: { town: 'Dover', postcode } }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  const search = async (value: string) => {
    const response = await fetch(`${app.url}/api/search?term=address.postcode&value=${encodeURIComponent(value)}`, {
      headers: officer,
    });
    return (await response.json()) as {
      total: number;
      groups: { cases: { businessKey: string; matchedValue: string }[] }[];
    };
  };

  it('stores ct16 1ja as CT16 1JA, indexes it, and finds it by ct161ja', async () => {
    const created = await submit('ct16 1ja');
    expect(created.status).toBe(201);
    expect(created.body.answers.postcode).toBe('CT16 1JA');
    expect(created.body.summary).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Postcode', displayValue: 'CT16 1JA' })]),
    );
    const id = created.body.id as string;
    expect(await app.sql(`SELECT answers->>'postcode' AS postcode FROM core.case WHERE id = $1`, [id])).toEqual([
      { postcode: 'CT16 1JA' },
    ]);
    expect(
      await app.sql(`SELECT value, normalised FROM core.case_term WHERE case_id = $1 AND term = 'address.postcode'`, [
        id,
      ]),
    ).toEqual([{ value: 'CT16 1JA', normalised: 'CT161JA' }]);
    for (const query of ['ct161ja', 'CT16 1JA', ' ct16  1JA ']) {
      const found = await search(query);
      expect(found.total).toBe(1);
      expect(found.groups[0]!.cases[0]).toMatchObject({
        businessKey: created.body.businessKey,
        matchedValue: 'CT16 1JA',
      });
    }
  });

  it('refuses a postcode that is not a UK one with a field-level 400, storing nothing', async () => {
    const before = await app.sql<{ n: number }>('SELECT count(*)::int AS n FROM core.case');
    const refused = await submit('CT16 1CA');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ path: 'postcode', message: 'Enter a real UK postcode, like CT16 1JA' }]);
    expect(await app.sql('SELECT count(*)::int AS n FROM core.case')).toEqual(before);
  });

  it('keeps BFPO numbers and GIR 0AA in their one spelling too', async () => {
    expect((await submit('bfpo801')).body.answers.postcode).toBe('BFPO 801');
    expect((await submit('gir0aa')).body.answers.postcode).toBe('GIR 0AA');
  });
});
