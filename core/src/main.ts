import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { createApp, migrate } from './app.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createRootLogger } from './logging/logger.js';

/**
 * Heap growth between full garbage collections. The core holds about 50 MB of live heap
 * (framework, plugins, metadata); marking it takes about 50 ms of both cores on a 2-core host,
 * which every request in flight waits through. Under steady load V8's default growth runs a
 * full collection every 3–6 s; growing the heap 4x between them makes them about ten times
 * rarer for about 150 MB more memory (measured by the submit benchmark: docs/operations.md).
 * `node --heap-growing-percent=N` on the command line takes precedence.
 */
const HEAP_GROWING_PERCENT = 300;
if (!process.execArgv.some((a) => /^--heap[-_]growing[-_]percent/.test(a)))
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 15_000;

/**
 * Process entry point: validated config, then the core; a bad setting stops the boot naming it.
 * With `--migrate` it runs the migrations and exits (docs/operations.md, "Deploying").
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createRootLogger(config.LOG_LEVEL);
  if (process.argv.includes('--migrate')) {
    // The migration Job: migrate, install the plugins, and exit without serving.
    try {
      await migrate(config, logger);
      process.exit(0);
    } catch (error: unknown) {
      if (error instanceof ConfigError) logger.fatal(error.message);
      else logger.fatal({ err: error }, 'migrations failed');
      process.exit(error instanceof ConfigError ? 78 : 1);
    }
  }
  try {
    const running = await createApp(config, logger);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        // A second Ctrl+C (or signal) means now.
        logger.warn({ signal }, 'stopping at once');
        process.exit(1);
      }
      stopping = true;
      logger.info({ signal }, 'shutting down');
      // Requests in flight finish and connections close; if something cannot (the database is
      // already gone, say), the process still ends rather than hanging on.
      const deadline = setTimeout(() => {
        logger.error({ seconds: SHUTDOWN_DEADLINE_MS / 1000 }, 'shutdown did not finish in time; exiting');
        process.exit(1);
      }, SHUTDOWN_DEADLINE_MS);
      deadline.unref();
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  } catch (error: unknown) {
    if (error instanceof ConfigError) {
      logger.fatal(error.message);
      process.exit(78);
    }
    logger.fatal({ err: error }, 'core failed to start');
    process.exit(1);
  }
}

void main();
