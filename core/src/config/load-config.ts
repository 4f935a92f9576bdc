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
    .add('DATABASE_REPLICA_URL')
    .add('S3_ENDPOINT')
    .add('S3_REGION')
    .add('S3_BUCKET')
    .add('S3_PREFIX')
    .add('S3_ACCESS_KEY_ID')
    .add('S3_SECRET_ACCESS_KEY');
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
  problems.push(...attachmentStoreProblems(config, Object.keys(input)));
  const badPort = config.CERBERUS_OUTCOME_URL ? refusedFetchPort(config.CERBERUS_OUTCOME_URL) : undefined;
  if (badPort !== undefined)
    problems.push(
      `CERBERUS_OUTCOME_URL uses port ${badPort}, which Node's fetch refuses to connect to (a "bad port" of the Fetch standard); serve Cerberus on another port (got ${JSON.stringify(config.CERBERUS_OUTCOME_URL)})`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The S3 settings that go together, and none of them without the S3 store (a silent PostgreSQL store instead). */
function attachmentStoreProblems(config: EnvConfig, given: string[]): string[] {
  const problems: string[] = [];
  if (config.ATTACHMENT_STORE === 's3') {
    for (const name of ['S3_BUCKET', 'S3_REGION'] as const)
      if (!config[name]) problems.push(`${name} is required when ATTACHMENT_STORE is s3`);
    if (Boolean(config.S3_ACCESS_KEY_ID) !== Boolean(config.S3_SECRET_ACCESS_KEY))
      problems.push(
        'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default credentials (e.g. an IAM role)',
      );
  } else if (config.ATTACHMENT_STORE === 'postgres') {
    const s3 = given.filter((name) => name.startsWith('S3_'));
    if (s3.length > 0)
      problems.push(
        `${s3.join(', ')} ${s3.length === 1 ? 'is' : 'are'} set but ATTACHMENT_STORE is ${config.ATTACHMENT_STORE}: set ATTACHMENT_STORE=s3 to keep files in S3, or unset the S3_ settings`,
      );
  }
  return problems;
}

function describe(error: ValidationError): string[] {
  const value = error.value === undefined ? '(unset)' : JSON.stringify(error.value);
  return Object.values(error.constraints ?? {}).map((message) =>
    message.startsWith(error.property) ? `${message} (got ${value})` : `${error.property}: ${message} (got ${value})`,
  );
}
