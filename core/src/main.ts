import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createRootLogger } from './logging/logger.js';

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 15_000;

/** Process entry point: validated config, then the core; a bad setting stops the boot naming it. */
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
