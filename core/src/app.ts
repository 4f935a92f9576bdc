import 'reflect-metadata';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { AppModule, type BootContext } from './app.module.js';
import { AuditKeys } from './audit/audit-keys.js';
import type { DataSource } from 'typeorm';
import { ErrorFilter } from './common/error.filter.js';
import { createValidationPipe } from './common/validation.pipe.js';
import { DEVELOPMENT_CERBERUS_SECRET, type EnvConfig } from './config/env.config.js';
import { ConfigError } from './config/load-config.js';
import { createDataSource, embeddedSecret, keepConnectionErrorsHandled, openDatabase } from './database/database.js';
import { runMigrations } from './database/migration-runner.js';
import { coreMigrations } from './database/migrations/index.js';
import { PgEvents } from './database/pg-events.js';
import { seedDemoCases } from './demo/demo-cases.js';
import { ensureSystemUsers, seedDemoUsers } from './identity/demo-users.js';
import { RefreshTokenEntity } from './identity/refresh-token.entity.js';
import { TeamCoverEntity } from './identity/team-cover.entity.js';
import { ReadModelEntity } from './read-model/read-model.entity.js';
import { SessionRevocationEntity } from './identity/session-revocation.entity.js';
import { UserEntity } from './identity/user.entity.js';
import { PinoNestLogger, createRootLogger } from './logging/logger.js';
import { installPlugins, preparePlugins } from './plugins/plugin-host.js';
import { ReportCatalogue } from './reports/report-catalogue.js';
import { PluginStateEntity } from './plugins/plugin-state.entity.js';
import { PluginStateRepository } from './plugins/plugin-state.repository.js';
import { installHttpExtras } from './http-setup.js';
import { FormCatalogue } from './forms/form-catalogue.js';
import { ReferenceCatalogue } from './terms/reference-catalogue.js';
import { referenceSets } from './terms/reference-data/index.js';
import { referenceSeed } from './terms/plugin-reference.js';
import { ReferenceDataRepository } from './terms/reference-data.repository.js';

/** Folder holding `plugins/`: the repository root from source, `dist/` when built. */
export const APP_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const CORE_ENTITIES = [
  PluginStateEntity,
  UserEntity,
  RefreshTokenEntity,
  SessionRevocationEntity,
  TeamCoverEntity,
  ReadModelEntity,
];

/** A started core. */
export interface RunningApp {
  app: NestFastifyApplication;
  url: string;
  boot: BootContext;
  /** Resolves with the number of demo cases submitted on this start (0 when none were due). */
  demoCases: Promise<number>;
  close(): Promise<void>;
}

/** What the boot has made ready before Nest starts: the database migrated, plugins installed. */
interface Prepared {
  database: Awaited<ReturnType<typeof openDatabase>>;
  tokenSecrets: string[];
  auditKeys: AuditKeys;
  registry: Awaited<ReturnType<typeof preparePlugins>>;
  dataSource: DataSource;
  reference: ReferenceCatalogue;
  reports: ReportCatalogue;
  forms: FormCatalogue;
}

/**
 * Boot, up to serving: the database (embedded unless DATABASE_URL), core migrations, reference
 * data, plugin discovery, checks, migrations and installation. `cleanup` gets the steps that
 * undo it, in the order to run them.
 */
async function prepare(config: EnvConfig, logger: Logger, cleanup: (() => Promise<void>)[]): Promise<Prepared> {
  const database = await openDatabase(config, logger);
  if (database.embedded) cleanup.push(() => database.embedded!.stop());
  if (database.embedded && config.CERBERUS_SECRETS.length === 0) {
    // The development platform talks to `npm run cerberus:sim` out of the box.
    config.CERBERUS_SECRETS = [DEVELOPMENT_CERBERUS_SECRET];
    config.CERBERUS_OUTCOME_URL ??= 'http://127.0.0.1:4100/outcomes';
  }
  const tokenSecrets =
    config.AUTH_TOKEN_SECRET.length > 0
      ? config.AUTH_TOKEN_SECRET
      : database.embedded
        ? [(await embeddedSecret(config))!]
        : [];
  const sealKeys =
    config.AUDIT_SEAL_KEYS.length > 0
      ? config.AUDIT_SEAL_KEYS
      : database.embedded
        ? [(await embeddedSecret(config, 'audit-seal-key'))!]
        : [];
  const missing = [
    ...(tokenSecrets.length > 0 ? [] : ['AUTH_TOKEN_SECRET is required when DATABASE_URL is set']),
    ...(sealKeys.length > 0 ? [] : ['AUDIT_SEAL_KEYS is required when DATABASE_URL is set']),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
  const auditKeys = new AuditKeys(sealKeys);

  const roots = [...(config.PLUGINS_BUNDLED ? [join(APP_ROOT, 'plugins')] : []), ...config.PLUGIN_DIRS];
  const registry = await preparePlugins(roots, logger);
  const pluginEntities = registry.usable().flatMap((p) => p.manifest.entities ?? []);
  const dataSource = createDataSource(database.url, [...CORE_ENTITIES, ...pluginEntities], config.DATABASE_POOL_SIZE);
  await dataSource.initialize();
  keepConnectionErrorsHandled(dataSource, logger.child({ context: 'database' }));
  cleanup.unshift(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
  });
  await runMigrations(dataSource, 'core', coreMigrations, logger.child({ context: 'migrations' }));
  const referenceRepository = new ReferenceDataRepository(dataSource);
  const seeded = await referenceRepository.applySeed(referenceSeed(referenceSets, registry));
  if (seeded.changed.length > 0) logger.info({ sets: seeded.changed }, 'reference data updated');
  if (seeded.kept.length > 0)
    logger.warn({ rows: seeded.kept }, 'reference rows an admin added keep their place over rows the seed now brings');
  const reference = new ReferenceCatalogue();
  await reference.load(referenceRepository);
  await ensureSystemUsers(dataSource);
  if (config.DEMO_DATA ?? Boolean(database.embedded)) {
    const created = await seedDemoUsers(dataSource);
    if (created > 0) logger.info({ created }, 'demo users seeded');
  }
  await installPlugins(registry, dataSource, new PluginStateRepository(dataSource), new Set(reference.setIds()));
  const reports = await ReportCatalogue.load(registry, logger);

  const forms = new FormCatalogue(dataSource);
  await forms.load(registry);
  return { database, tokenSecrets, auditKeys, registry, dataSource, reference, reports, forms };
}

/**
 * `node dist/core/src/main.js --migrate`: runs the core's and every plugin's migrations (one
 * instance at a time, under their advisory locks) and installs the plugins, then exits without
 * serving: the migration Job a deployment runs before its instances roll.
 */
export async function migrate(config: EnvConfig, logger: Logger = createRootLogger(config.LOG_LEVEL)): Promise<void> {
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const { registry } = await prepare(config, logger, cleanup);
    logger.info({ plugins: registry.all().map((p) => `${p.id}:${p.status}`) }, 'migrations done');
  } finally {
    for (const step of cleanup)
      await step().catch((error: unknown) => logger.warn({ err: error }, 'shutdown step failed'));
  }
}

/**
 * Starts the core: database (embedded unless DATABASE_URL), core migrations, plugin discovery,
 * checks and installation, then Nest on Fastify listening on HOST:PORT.
 */
export async function createApp(
  config: EnvConfig,
  logger: Logger = createRootLogger(config.LOG_LEVEL),
): Promise<RunningApp> {
  const started = Date.now();
  const cleanup: (() => Promise<void>)[] = [];
  try {
    const { database, tokenSecrets, auditKeys, registry, dataSource, reference, reports, forms } = await prepare(
      config,
      logger,
      cleanup,
    );

    const events = new PgEvents(database.url, dataSource, logger.child({ context: 'pg-events' }));
    await events.start();
    cleanup.unshift(() => events.close());

    const boot: BootContext = {
      config,
      logger,
      dataSource,
      registry,
      events,
      tokenSecrets,
      auditKeys,
      reference,
      forms,
      reports,
    };
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(boot),
      // Bodies are parsed by core/src/common/json-body.ts (limit, depth, UTF-8, raw bytes kept), not by Nest.
      new FastifyAdapter({ bodyLimit: config.BODY_LIMIT_BYTES, trustProxy: true }),
      { logger: new PinoNestLogger(logger.child({ context: 'nest' })), abortOnError: false, bodyParser: false },
    );
    app.useGlobalPipes(createValidationPipe());
    // A global filter registered here (not as APP_FILTER) also covers errors Fastify raises before routing.
    app.useGlobalFilters(new ErrorFilter(logger.child({ context: 'http' }), config.BODY_LIMIT_BYTES));
    await installHttpExtras(app, boot);
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const url = `http://${config.HOST}:${port}`;
    const summary = registry.all().map((p) => `${p.id}:${p.status}`);
    logger.info({ url, plugins: summary, bootMs: Date.now() - started }, 'core ready');
    // Sample cases on a new demo database, through the API that is now serving.
    const demoCases =
      (config.DEMO_CASES ?? Boolean(database.embedded))
        ? seedDemoCases(url, registry, dataSource, logger).then(
            (created) => {
              if (created > 0) logger.info({ created }, 'demo cases submitted');
              return created;
            },
            (error: unknown) => {
              logger.warn({ err: error }, 'demo cases could not be submitted');
              return 0;
            },
          )
        : Promise.resolve(0);
    return {
      app,
      url,
      boot,
      demoCases,
      close: async () => {
        await demoCases;
        await events.close();
        await app.close();
        for (const step of cleanup)
          await step().catch((error: unknown) => logger.warn({ err: error }, 'shutdown step failed'));
      },
    };
  } catch (error) {
    for (const step of cleanup) await step().catch(() => undefined);
    throw error;
  }
}
