import 'reflect-metadata';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createRootLogger } from './logging/logger.js';

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
    const stop = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      running.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
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
