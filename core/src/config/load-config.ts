import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { EnvConfig } from './env.config.js';
import { refusedFetchPort } from './fetch-ports.js';

/** A setting failed validation; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Every environment variable the core reads (the names in EnvConfig, optional ones included). */
export function knownSettings(): Set<string> {
  const known = new Set(Object.keys(new EnvConfig()));
  known
    .add('DATABASE_URL')
    .add('AUDIT_CHECKPOINT_FILE')
    .add('DEMO_DATA')
    .add('DEMO_CASES')
    .add('CERBERUS_OUTCOME_URL')
    .add('OIDC_ISSUER')
    .add('OIDC_AUDIENCE')
    .add('CLAMD_SOCKET')
    .add('CLAMD_HOST')
    .add('METRICS_TOKEN')
    .add('METRICS_PORT')
    .add('DATABASE_REPLICA_URL');
  return known;
}

/**
 * Turns the environment into a validated EnvConfig. Unknown variables are ignored
 * (the environment holds far more than ours); known ones must be valid.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): EnvConfig {
  const known = knownSettings();
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (known.has(key) && value !== undefined && value !== '') input[key] = value;
  }
  const config = plainToInstance(EnvConfig, input, { exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  const problems = errors.flatMap(describe);
  if (config.OIDC_ISSUER && !config.OIDC_AUDIENCE) problems.push('OIDC_AUDIENCE is required when OIDC_ISSUER is set');
  if (config.CLAMD_SOCKET && config.CLAMD_HOST) problems.push('set CLAMD_SOCKET or CLAMD_HOST, not both');
  const badPort = config.CERBERUS_OUTCOME_URL ? refusedFetchPort(config.CERBERUS_OUTCOME_URL) : undefined;
  if (badPort !== undefined)
    problems.push(
      `CERBERUS_OUTCOME_URL uses port ${badPort}, which Node's fetch refuses to connect to (a "bad port" of the Fetch standard); serve Cerberus on another port (got ${JSON.stringify(config.CERBERUS_OUTCOME_URL)})`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function describe(error: ValidationError): string[] {
  const value = error.value === undefined ? '(unset)' : JSON.stringify(error.value);
  return Object.values(error.constraints ?? {}).map((message) =>
    message.startsWith(error.property) ? `${message} (got ${value})` : `${error.property}: ${message} (got ${value})`,
  );
}
