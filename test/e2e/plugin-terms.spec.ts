import { fileURLToPath } from 'node:url';
import { pluginKit } from '../utils/plugin-kit.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/plugin-terms', import.meta.url));

/**
 * A plugin brings its own data terms: declared once in its manifest, bound by its forms and by
 * other plugins' forms (which then depend on it), kept, validated and searched like the core's.
 */
describe('terms a plugin declares', () => {
  const log = pluginKit('seal-log', { pluginDirs: [FIXTURES] });
  beforeAll(() => log.start());
  afterAll(() => log.stop());

  const status = async () => {
    const body = (await log.call('GET', '/api/plugins/status', 'admin')).body as {
      plugins: { id: string; state: string; reason?: string }[];
    };
    return Object.fromEntries(
      body.plugins.filter((p) => p.id.includes('seal') || p.id === 'bad-terms').map((p) => [p.id, p]),
    );
  };

  it('loads the declaring plugin and one that depends on it; refuses the others, naming why', async () => {
    const plugins = await status();
    expect(plugins['seal-log']!.state).toBe('enabled');
    expect(plugins['seal-check']!.state).toBe('enabled');
    expect(plugins['seal-orphan']).toMatchObject({ state: 'quarantined' });
    expect(plugins['seal-orphan']!.reason).toContain(
      'forms bind term seal.number of plugin seal-log: add "seal-log" to dependsOn.workflows',
    );
    expect(plugins['seal-twin']!.reason).toContain('"seal.number" is already declared by plugin seal-log');
    const bad = plugins['bad-terms']!.reason!;
    expect(bad).toContain('terms[0] "vehicle.registration" is a standard term');
    expect(bad).toContain('terms[1].id must be dotted camelCase');
    expect(bad).toContain('terms[1].label is required');
    expect(bad).toContain('terms[1].type must be one of');
    expect(bad).toContain('terms[1].normalise must be one of');
  });

  it('serves the term with its plugin, for the shell to compile forms that bind it', async () => {
    const listed = (await log.call('GET', '/api/plugins', 'officer')).body.plugins as {
      id: string;
      terms: unknown[];
    }[];
    expect(listed.find((p) => p.id === 'seal-log')!.terms).toEqual([
      expect.objectContaining({ id: 'seal.number', label: 'Seal number', pattern: '[A-Za-z]{2}[0-9]{6}' }),
    ]);
    expect(listed.find((p) => p.id === 'seal-check')!.terms).toEqual([]);
  });

  it('validates answers with the term in both workflows, and one search finds both cases', async () => {
    expect(await log.refused({ container: 'MSKU1234565', seal: 'x1' })).toEqual([
      { path: 'seal', message: 'Enter a seal number like AB123456' },
    ]);
    expect(await log.refused({ container: 'MSKU1234565', seal: 'AB1234567' })).toEqual([
      { path: 'seal', message: expect.stringMatching(/^Seal number must be 8 characters or (less|fewer)$/) },
    ]);
    const logged = await log.submit({ container: 'MSKU1234565', seal: 'ab123456' });
    const response = await log.call('POST', '/api/plugins/seal-check/cases', 'officer', {
      answers: { sealFound: 'AB123456', intact: true },
    });
    expect(response.status).toBe(201);
    expect(response.body.summary).toEqual(
      expect.arrayContaining([expect.objectContaining({ label: 'Seal number found', displayValue: 'AB123456' })]),
    );
    const found = await log.call('GET', '/api/search?term=seal.number&value=Ab123456', 'officer');
    expect(found.status).toBe(200);
    const keys = (found.body.groups as { cases: { businessKey: string }[] }[]).flatMap((g) =>
      g.cases.map((c) => c.businessKey),
    );
    expect(keys.sort()).toEqual([logged.businessKey, response.body.businessKey].sort());
  });

  it('keeps the declaring plugin on while a plugin binding its term is enabled (409 naming it)', async () => {
    const refused = await log.call('POST', '/api/plugins/seal-log/disable', 'admin');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('"seal-check"');
  });
});
