import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { pluginTemplates } from '../../scripts/plugin-templates.js';
import { pdfText } from '../reports/poppler.js';
import { signIn, startTestApp, type TestApp } from '../utils/app.js';

const run = promisify(execFile);
const PROJECT = process.cwd();
const ID = 'demo-thing';
const REPORT = `${ID}.${ID}-summary`;

/** Runs `npm run plugin:new -- <args>` the way npm does (same node flags), from the project root. */
async function scaffold(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', '@swc-node/register/esm-register', 'scripts/plugin-new.ts', ...args],
      { cwd: PROJECT, env: { ...process.env, INIT_CWD: PROJECT } },
    );
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('plugin scaffold (npm run plugin:new)', () => {
  /** A throwaway plugins folder inside the project (the plugin imports the core and typeorm from it). */
  let dir: string;
  let app: TestApp | undefined;

  beforeAll(async () => {
    await mkdir(join(PROJECT, 'test-output'), { recursive: true });
    dir = await mkdtemp(join(PROJECT, 'test-output', 'scaffold-'));
  });
  afterAll(async () => {
    await app?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a plugin into the folder given with --dir, and refuses bad ids and folders', async () => {
    const created = await scaffold(ID, '--dir', relative(PROJECT, dir));
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(`PLUGIN_DIRS=${relative(PROJECT, dir)}`);
    const manifest = await readFile(join(dir, ID, 'plugin.ts'), 'utf8');
    expect(manifest).toContain(`from '../../../core/src/sdk/index.js'`);

    expect((await scaffold(ID, '--dir', relative(PROJECT, dir))).stderr).toContain('already exists');
    expect((await scaffold('Not_Kebab', '--dir', dir)).code).toBe(2);
    expect((await scaffold('status', '--dir', dir)).stderr).toContain('reserved');
    const outside = await scaffold('elsewhere', '--dir', tmpdir());
    expect(outside).toMatchObject({ code: 2 });
    expect(outside.stderr).toContain('outside the project');
  });

  it('by default writes plugins/<id>/ files that import the SDK two folders up and need no extra folder', () => {
    const files = pluginTemplates('seized-vehicle-log', 1764130000000);
    expect(files['plugin.ts']).toContain(`from '../../core/src/sdk/index.js'`);
    // Contract 2: the core keeps the reported fields and lays out a summary report, so a new
    // plugin has no entity, migration, SQL, template or generated answers type.
    expect(Object.keys(files).sort()).toEqual([
      'forms/seized-vehicle-log.form.json',
      'plugin.ts',
      'seized-vehicle-log.spec.ts',
    ]);
    const code = Object.entries(files).filter(([path]) => !path.endsWith('.spec.ts'));
    expect(code.map(([, text]) => text).join('\n')).not.toMatch(/SELECT |\bcore\.[a-z]|as unknown as/);
    expect(files['seized-vehicle-log.spec.ts']).toContain(`from '../../test/utils/plugin-kit.js'`);
    expect(files['seized-vehicle-log.spec.ts']).toContain("usePluginKit('seized-vehicle-log')");
  });

  it('loads the new plugin enabled, listed for officers, with every manifest check passed', async () => {
    app = await startTestApp({ pluginDirs: [dir] });
    const status = await fetch(`${app.url}/api/plugins/status`, { headers: await signIn(app, 'admin') });
    const rows = ((await status.json()) as { plugins: { id: string; state: string; reason?: string }[] }).plugins;
    expect(rows.find((p) => p.id === ID)).toEqual(expect.objectContaining({ state: 'enabled' }));
    expect(rows.find((p) => p.id === ID)?.reason).toBeUndefined();

    const listed = await fetch(`${app.url}/api/plugins`, { headers: await signIn(app, 'officer') });
    const plugins = ((await listed.json()) as { plugins: Record<string, unknown>[] }).plugins;
    expect(plugins.find((p) => p.id === ID)).toMatchObject({
      id: ID,
      title: 'Demo thing',
      canStart: true,
      startForm: ID,
    });
  });

  it('accepts a valid submission (its reported fields kept in the read model) and rejects an invalid one with field messages', async () => {
    const officer = await signIn(app!, 'officer');
    const submit = (answers: unknown) =>
      fetch(`${app!.url}/api/plugins/${ID}/cases`, {
        method: 'POST',
        headers: { ...officer, 'content-type': 'application/json' },
        body: JSON.stringify({ answers }),
      });

    const ok = await submit({
      occurredAt: '2026-06-01T10:00',
      port: 'dover',
      summary: 'Examined a car in the red lane.',
    });
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as { id: string; state: string };
    expect(created.state).toBe('submitted');
    expect(
      await app!.sql('SELECT port, state FROM plugin_demo_thing.read_case WHERE case_id = $1', [created.id]),
    ).toEqual([{ port: 'dover', state: 'submitted' }]);

    const bad = await submit({ port: 'not-a-port', colour: 'red' });
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as { errors: { path: string; message: string }[] };
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'summary', message: 'Enter what happened' },
        expect.objectContaining({ path: 'port' }),
        expect.objectContaining({ path: 'colour' }),
      ]),
    );
    expect(await app!.sql('SELECT count(*)::int AS n FROM core.case WHERE plugin_id = $1', [ID])).toEqual([{ n: 1 }]);
  });

  it('runs its report to a PDF with the title, the period chosen and the count', async () => {
    const manager = await signIn(app!, 'manager');
    const catalogue = await fetch(`${app!.url}/api/reports`, { headers: manager });
    const reports = JSON.stringify(await catalogue.json());
    expect(reports).toContain(REPORT);

    const missing = await fetch(`${app!.url}/api/reports/${REPORT}/pdf`, { headers: manager });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { errors: unknown[] }).errors).toEqual([
      { path: 'parameters.from', message: 'Enter from' },
      { path: 'parameters.to', message: 'Enter to' },
    ]);

    const response = await fetch(`${app!.url}/api/reports/${REPORT}/pdf?from=2026-01-01&to=2099-12-31`, {
      headers: manager,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, 'report.pdf');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    const text = (await pdfText(file)).replace(/\s+/g, ' ');
    expect(text).toContain('Demo thing summary');
    expect(text).toContain('Period 01 Jan 2026 to 31 Dec 2099');
    expect(text).toMatch(/Records 1\b/);
    expect(text).toMatch(/Port of Dover 1\b/);
    expect(text).toMatch(/Submitted 1\b/);
  });

  it("passes the generated plugin's own spec when jest runs it", async () => {
    await app?.close();
    app = undefined;
    const spec = join(dir, ID, `${ID}.spec.ts`);
    const adminUrl = process.env.DATABASE_URL ?? process.env.COP_TEST_ADMIN_URL;
    const jest = await run(
      process.execPath,
      [
        '--experimental-vm-modules',
        resolve(PROJECT, 'node_modules/jest/bin/jest.js'),
        '--ci',
        '--testMatch',
        `<rootDir>/${relative(PROJECT, spec)}`,
      ],
      { cwd: PROJECT, env: { ...process.env, DATABASE_URL: adminUrl } },
    ).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`the generated spec failed:\n${error.stderr ?? ''}${error.stdout ?? ''}`);
    });
    expect(jest.stderr).toContain(`PASS ${relative(PROJECT, spec)}`);
    expect(jest.stderr).toMatch(/Tests:\s+4 passed, 4 total/);
  }, 180_000);
});
