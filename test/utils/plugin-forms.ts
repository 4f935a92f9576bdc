import { readFileSync } from 'node:fs';
import {
  createReferenceLookup,
  validateSubmission,
  withFormDefaults,
  type FormDefinition,
  type ReferenceLookup,
} from '../../core/src/forms/engine/index.js';
import { DEMO_USERS } from '../../core/src/identity/demo-users.js';
import type { PluginManifest } from '../../core/src/sdk/index.js';
import { referenceSets } from '../../core/src/terms/reference-data/index.js';
import { referenceSeed } from '../../core/src/terms/plugin-reference.js';
import { preparePlugins } from '../../core/src/plugins/plugin-host.js';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';

/**
 * The reference data as the core seeds it with the bundled plugins (their own sets, and the rows
 * of per-workflow sets each claims), for validating plugin forms in specs exactly as the core does.
 */
export const seededReference: ReferenceLookup = createReferenceLookup(
  Object.fromEntries(
    referenceSeed(
      referenceSets,
      await preparePlugins([fileURLToPath(new URL('../../plugins', import.meta.url))], pino({ level: 'silent' })),
    ).map((set) => [set.id, set.rows]),
  ),
);

/** Reads `forms/<file>` of the plugin whose spec is at `specUrl` (pass `import.meta.url`). */
export function loadPluginForm(specUrl: string, file: string): FormDefinition {
  return withFormDefaults(JSON.parse(readFileSync(new URL(`./forms/${file}`, specUrl), 'utf8'))) as FormDefinition;
}

/** One demo sample as the seeder submits it: by whom, which of theirs, and its answers. */
export interface DemoSample {
  username: string;
  index: number;
  answers: Record<string, unknown>;
}

/** A plugin's demo samples as the seeder makes them at `now`, in manifest order. */
export function demoSamples(plugin: PluginManifest, now: Date): DemoSample[] {
  return (plugin.demo ?? []).flatMap((d) =>
    Array.from({ length: d.count }, (_, index) => ({ username: d.username, index, answers: d.answers(index, now) })),
  );
}

/**
 * The checks every plugin's demo samples must pass before the seeder submits them: each is
 * submitted by a demo user whose role may start the case, and passes the start form a minute
 * after it was made.
 */
export function describeDemoSamples(
  plugin: PluginManifest,
  form: FormDefinition,
  options: Omit<Parameters<typeof validateSubmission>[2], 'now'>,
): void {
  describe(`${plugin.id} demo samples`, () => {
    const now = new Date();
    const samples = demoSamples(plugin, now);

    it('are submitted by demo users who may start the case', () => {
      expect(samples.length).toBeGreaterThan(0);
      for (const { username } of samples) {
        const user = DEMO_USERS.find((u) => u.username === username);
        expect({ username, mayStart: user?.roles.some((r) => (plugin.startRoles ?? ['officer']).includes(r)) }).toEqual(
          {
            username,
            mayStart: true,
          },
        );
      }
    });

    it.each(samples)('sample $index by $username passes the start form a minute later', ({ answers }) => {
      const submittedAt = new Date(now.getTime() + 60_000);
      expect(validateSubmission(form, answers, { ...options, now: submittedAt }).errors).toEqual([]);
    });
  });
}
