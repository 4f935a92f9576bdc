import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import pg from 'pg';
import { knownSettings, loadConfig } from '../../core/src/config/load-config.js';
import { HealthController } from '../../core/src/health/health.controller.js';
import { createTestDatabase, dropTestDatabase } from '../utils/app.js';

const ROOT = process.cwd();
const DEPLOY = join(ROOT, '.ci', 'deploy');

const manifests: any[] = readdirSync(join(DEPLOY, 'kubernetes'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => load(readFileSync(join(DEPLOY, 'kubernetes', f), 'utf8')));
const byKind = (kind: string): any => {
  const found = manifests.filter((m) => m.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
};
const dockerfile = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');

/** Settings the README's configuration table documents (`| \`A\` / \`B\` | …`). */
function readmeSettings(): string[] {
  return readFileSync(join(ROOT, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| `[A-Z][A-Z0-9_]+`/.test(line))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!));
}

/** The paths the core's health controller serves, from its Nest metadata. */
function healthPaths(): string[] {
  const base = Reflect.getMetadata('path', HealthController) as string;
  return Object.getOwnPropertyNames(HealthController.prototype)
    .filter((name) => name !== 'constructor')
    .map((name) => Reflect.getMetadata('path', (HealthController.prototype as any)[name]) as string | undefined)
    .filter((p): p is string => typeof p === 'string')
    .map((p) => `/${base}/${p}`);
}

/**
 * The Dockerfile and Kubernetes manifests (.ci/deploy) cannot be built or applied here, so they
 * are checked against what they deploy: the core's configuration schema, its health routes, the
 * Node version CI runs, and its migration mode, which runs for real.
 */
describe('deployable manifests', () => {
  const configMap = byKind('ConfigMap');
  const secret = byKind('Secret');
  const deployment = byKind('Deployment');
  const container = deployment.spec.template.spec.containers[0];
  const settings = { ...configMap.data, ...secret.stringData } as Record<string, string>;

  it('sets only settings the core knows, every one the README documents, and they pass its validation', () => {
    const known = knownSettings();
    expect(Object.keys(settings).filter((k) => !known.has(k))).toEqual([]);
    expect(readmeSettings().filter((k) => !(k in settings))).toEqual([]);
    // The secrets the core requires with DATABASE_URL are in the Secret, not the ConfigMap.
    for (const name of ['DATABASE_URL', 'AUTH_TOKEN_SECRET', 'AUDIT_SEAL_KEYS', 'CERBERUS_SECRETS', 'METRICS_TOKEN'])
      expect(Object.keys(secret.stringData)).toContain(name);
    expect(
      Object.keys(configMap.data).filter((k) => /SECRET|TOKEN$|KEYS|_URL$/.test(k) && k !== 'CERBERUS_OUTCOME_URL'),
    ).toEqual([]);
    const config = loadConfig(settings);
    expect(config).toMatchObject({ PORT: 3000, HOST: '0.0.0.0', METRICS_PORT: 9464, DEMO_DATA: false });
    expect(container.envFrom).toEqual([
      { configMapRef: { name: configMap.metadata.name } },
      { secretRef: { name: secret.metadata.name } },
    ]);
  });

  it('probes the core’s real health routes on the port it listens on, with a grace period past its shutdown deadline', () => {
    const paths = healthPaths();
    expect(paths.sort()).toEqual(['/health/live', '/health/ready']);
    const http = container.ports.find((p: any) => p.name === 'http');
    expect(http.containerPort).toBe(Number(configMap.data.PORT));
    expect(container.ports.find((p: any) => p.name === 'metrics').containerPort).toBe(
      Number(configMap.data.METRICS_PORT),
    );
    expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    const main = readFileSync(join(ROOT, 'core/src/main.ts'), 'utf8');
    const deadline = Number(/SHUTDOWN_DEADLINE_MS = ([\d_]+)/.exec(main)![1]!.replace(/_/g, '')) / 1000;
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(deadline + 5);
    expect(byKind('Service').spec.ports[0].targetPort).toBe('http');
  });

  it('runs as a non-root user on a read-only root filesystem, in the image and in every pod', () => {
    expect(dockerfile).toMatch(/^USER 1000:1000$/m);
    for (const workload of [deployment, byKind('Job')]) {
      const pod = workload.spec.template.spec;
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(pod.containers[0].securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
      });
      // The one writable place: /tmp.
      expect(pod.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    }
  });

  it('builds with the Node version CI runs, exposes the same port, and checks the same health route', () => {
    const version = /^ARG NODE_VERSION=(\d+\.\d+)\.\d+$/m.exec(dockerfile)?.[1];
    expect(version).toBe(process.versions.node.split('.').slice(0, 2).join('.'));
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2); // build, then a runtime without dev dependencies
    expect(dockerfile).toMatch(/npm prune --omit=dev/);
    expect(dockerfile).toMatch(new RegExp(`^EXPOSE ${configMap.data.PORT}$`, 'm'));
    expect(dockerfile).toMatch(/ENV[\s\S]*HOST=0\.0\.0\.0[\s\S]*PORT=3000/);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*\/health\/ready/);
    expect(dockerfile).toMatch(/^CMD \["node", "--enable-source-maps", "dist\/core\/src\/main\.js"\]$/m);
  });

  it('keeps two instances through a disruption and scales from three, on the Deployment', () => {
    const pdb = byKind('PodDisruptionBudget');
    const hpa = byKind('HorizontalPodAutoscaler');
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata.name,
    });
    expect(hpa.spec.minReplicas).toBeGreaterThan(pdb.spec.minAvailable);
    expect(deployment.spec.replicas).toBe(hpa.spec.minReplicas);
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });

  it('migrates with a Job that runs the core’s --migrate, which migrates a database and exits without serving', async () => {
    const job = byKind('Job');
    expect(job.spec.template.spec.containers[0].command).toEqual([
      'node',
      '--enable-source-maps',
      'dist/core/src/main.js',
      '--migrate',
    ]);
    const databaseUrl = await createTestDatabase();
    try {
      const run = spawnSync(
        process.execPath,
        ['--import', '@swc-node/register/esm-register', 'core/src/main.ts', '--migrate'],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 120_000,
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl,
            AUTH_TOKEN_SECRET: randomBytes(32).toString('hex'),
            AUDIT_SEAL_KEYS: randomBytes(32).toString('hex'),
            PORT: '1', // would fail to listen: --migrate must not try
            LOG_LEVEL: 'info',
          },
        },
      );
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('"msg":"migrations done"');
      expect(run.stdout).not.toContain('core ready');
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM core.migrations');
        expect(rows[0]!.n).toBeGreaterThan(10);
        const plugins = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'plugin_hot_debrief' AND table_name = 'read_case'",
        );
        expect(plugins.rows[0]!.n).toBe(1);
      } finally {
        await client.end();
      }
    } finally {
      await dropTestDatabase(databaseUrl);
    }
  }, 150_000);
});
