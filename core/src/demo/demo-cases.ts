import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from '../identity/demo-users.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';

/**
 * Fills an empty demo database with the sample cases plugins ship (`demo` in the manifest), so
 * the embedded platform opens with queues, search results and reports to look at. Each sample
 * goes through the public API as its demo user (sign-in, validation, business key, term index,
 * tasks, audit, the plugin's own hook), exactly like an officer's submission. Runs only when the
 * database holds no case at all; returns how many cases it made.
 */
export async function seedDemoCases(
  url: string,
  registry: PluginRegistry,
  dataSource: DataSource,
  logger: Logger,
  now = new Date(),
): Promise<number> {
  const existing = (await dataSource.query('SELECT EXISTS (SELECT 1 FROM core.case) AS "any"')) as { any: boolean }[];
  if (existing[0]?.any) return 0;
  const tokens = new Map<string, string>();
  const tokenFor = async (username: string): Promise<string> => {
    const known = tokens.get(username);
    if (known) return known;
    const response = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`demo user "${username}" could not sign in (${response.status})`);
    const token = ((await response.json()) as { accessToken: string }).accessToken;
    tokens.set(username, token);
    return token;
  };
  let created = 0;
  for (const plugin of registry.enabled()) {
    for (const demo of plugin.manifest.demo ?? []) {
      for (let i = 0; i < demo.count; i++) {
        try {
          const response = await fetch(`${url}/api/plugins/${plugin.id}/cases`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(demo.username)}` },
            body: JSON.stringify({ answers: demo.answers(i, now) }),
          });
          if (response.status === 201) created++;
          else
            logger.warn(
              { plugin: plugin.id, sample: i, status: response.status, body: await response.text() },
              'demo case refused',
            );
        } catch (error: unknown) {
          logger.warn({ err: error, plugin: plugin.id, sample: i }, 'demo case failed');
        }
      }
    }
  }
  return created;
}
