import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : value === true || value === 'true' || value === '1'
      ? true
      : value === 'false' || value === '0'
        ? false
        : value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

/**
 * The shared secret the embedded (development) platform and `npm run cerberus:sim` use when
 * CERBERUS_SECRETS is not set. Never used with DATABASE_URL.
 */
export const DEVELOPMENT_CERBERUS_SECRET = 'development-only-cerberus-secret-0123456789';

/**
 * The environment, as one validated object. Every setting the core reads is declared here,
 * with its default; `loadConfig` rejects a bad value with a message naming the variable.
 */
export class EnvConfig {
  /** HTTP port; 0 picks a free one (tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '127.0.0.1';

  /** PostgreSQL connection string; when absent an embedded server is started under EMBEDDED_PG_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection string' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_PG_DIR = './data/postgres';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * A PostgreSQL streaming replica that report queries (PDFs, CSV/XLSX, the dashboard) read, so
   * managers' reports never load the primary. Checked every REPLICA_CHECK_SECONDS; while it is
   * unreachable, not a standby, or behind by more than REPLICA_MAX_LAG_SECONDS, reports read the
   * primary (logged once per change).
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_REPLICA_URL must be a postgres:// connection string' })
  DATABASE_REPLICA_URL?: string;

  @Transform(toInt)
  @IsInt({ message: 'REPLICA_MAX_LAG_SECONDS must be a whole number of seconds' })
  @Min(0)
  @Max(86400)
  REPLICA_MAX_LAG_SECONDS = 30;

  @Transform(toInt)
  @IsInt({ message: 'REPLICA_CHECK_SECONDS must be a whole number of seconds' })
  @Min(0)
  @Max(3600)
  REPLICA_CHECK_SECONDS = 5;

  /** Whether the plugins shipped in ./plugins are loaded (false only for benchmarks and tests). */
  @Transform(toBool)
  @IsBoolean({ message: 'PLUGINS_BUNDLED must be true or false' })
  PLUGINS_BUNDLED = true;

  /** Extra folders, comma-separated, searched for plugins besides ./plugins. */
  @Transform(toList)
  @IsString({ each: true })
  PLUGIN_DIRS: string[] = [];

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /**
   * Secrets for access tokens (HS256), comma-separated, each at least 32 characters: the first
   * signs, any of them verifies, so a new secret can be put first while tokens signed with the
   * old one still work until they expire. Required with DATABASE_URL; generated per data folder otherwise.
   */
  @Transform(toList)
  @IsString({ each: true })
  @MinLength(32, {
    each: true,
    message: 'AUTH_TOKEN_SECRET must be at least 32 characters (each, when comma-separated)',
  })
  AUTH_TOKEN_SECRET: string[] = [];

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  AUTH_ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(300)
  @Max(2592000)
  AUTH_REFRESH_TOKEN_TTL_SECONDS = 43200;

  /** Failed sign-ins in a row that lock an account; the sign-in delays come first (docs/operations.md). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  AUTH_MAX_FAILED_SIGN_INS = 20;

  /** Sign-in attempts one username can have in a row before each next one waits (1 s, 2 s, 4 s, …). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  AUTH_SIGN_IN_FREE_ATTEMPTS = 3;

  /** The longest wait between two sign-in attempts for one username. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  AUTH_SIGN_IN_MAX_DELAY_SECONDS = 60;

  /** Sign-in attempts one client address may make in a minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  AUTH_SIGN_INS_PER_IP_PER_MINUTE = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  AUTH_LOCKOUT_MINUTES = 15;

  /**
   * OpenID Connect issuer (e.g. a Keycloak realm, `https://sso.example/realms/border-force`).
   * When set, bearer tokens from this issuer are accepted besides the core's own.
   */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'OIDC_ISSUER must be an http(s) URL' })
  OIDC_ISSUER?: string;

  /** The client id tokens must be issued for (`aud` or `azp`). Required with OIDC_ISSUER. */
  @IsOptional()
  @IsString()
  OIDC_AUDIENCE?: string;

  /** Dotted path of the roles claim (Keycloak: realm_access.roles). */
  @IsString()
  OIDC_ROLES_CLAIM = 'realm_access.roles';

  /** Claim holding the officer's team id. */
  @IsString()
  OIDC_TEAM_CLAIM = 'team';

  /** Clock difference tolerated on the `exp`, `nbf` and `iat` of the issuer's tokens. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600)
  OIDC_CLOCK_SKEW_SECONDS = 60;

  /** Longest wait for the issuer's discovery document or keys. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  OIDC_FETCH_TIMEOUT_MS = 5_000;

  /**
   * The issuer's keys are kept this long, then fetched again (a key the issuer withdrew stops
   * working within this time); a token naming an unknown key fetches them sooner.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  OIDC_JWKS_MAX_AGE_SECONDS = 600;

  /** Least time between two fetches of the keys for tokens naming a key the issuer does not publish. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3_600)
  OIDC_JWKS_COOLDOWN_SECONDS = 30;

  /**
   * Whether the API description (`/api/docs`, `/api/docs-json`) is served to anyone. Off by
   * default: it lists every workflow and form, so it needs a signed-in bearer token.
   */
  @Transform(toBool)
  @IsBoolean({ message: 'API_DOCS_PUBLIC must be true or false' })
  API_DOCS_PUBLIC = false;

  /**
   * Bearer token for Prometheus' scrape of `/metrics` on the API port. Without it (and without
   * METRICS_PORT) the metrics are not served at all.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * A separate port serving only `/metrics`, without a token, on METRICS_HOST: for a scraper on
   * a private network. 0 picks a free one (tests).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'METRICS_PORT must be a port number' })
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsString()
  METRICS_HOST = '127.0.0.1';

  /** Whether demo users are seeded (defaults to true on the embedded database). */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: boolean;

  /**
   * Whether the sample cases plugins ship (`demo` in the manifest) are submitted on the first
   * start with an empty database (defaults to true on the embedded database).
   */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO_CASES must be true or false' })
  DEMO_CASES?: boolean;

  /** Largest accepted request body, in bytes. */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @IsString()
  @Matches(/^[A-Z]{1,6}$/, { message: 'CASE_KEY_PREFIX must be 1 to 6 capital letters' })
  CASE_KEY_PREFIX = 'BF';

  /** How often overdue tasks are checked for SLA escalation, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  ESCALATION_INTERVAL_MS = 30_000;

  /**
   * Bytes a live-notification connection may hold unsent (its client not reading) before it is
   * closed, so a slow client cannot grow the server's memory without bound.
   */
  @Transform(toInt)
  @IsInt()
  @Min(16_384)
  @Max(1_073_741_824)
  SSE_MAX_BUFFERED_BYTES = 1_048_576;

  /**
   * Shared secrets for Cerberus request signing, comma-separated: the first signs outgoing
   * outcomes; any of them verifies incoming targets (two during a rotation). Unset: Cerberus off.
   */
  @Transform(toList)
  @IsString({ each: true })
  @MinLength(32, { each: true, message: 'each CERBERUS_SECRETS entry must be at least 32 characters' })
  CERBERUS_SECRETS: string[] = [];

  /** How old a signed request may be, in seconds, before it is refused as a possible replay. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600)
  CERBERUS_REPLAY_WINDOW_SECONDS = 300;

  /** Where outcomes are posted; unset: outcomes wait in the outbox. */
  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'CERBERUS_OUTCOME_URL must be an http(s) URL' })
  CERBERUS_OUTCOME_URL?: string;

  /**
   * Delivery attempts before an outcome is dead-lettered for an admin to redrive; 0 (the
   * default): no limit, CERBERUS_RETRY_HORIZON_SECONDS decides.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100000)
  CERBERUS_MAX_ATTEMPTS = 0;

  /** How long an outcome Cerberus has not taken is retried (from when it was recorded or last redriven) before it is dead-lettered. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30 * 86400)
  CERBERUS_RETRY_HORIZON_SECONDS = 86400;

  /** Failed deliveries in a row (timeouts, connection errors, 5xx) that open the circuit to Cerberus. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CERBERUS_CIRCUIT_FAILURES = 5;

  /** While the circuit is open, how often one waiting outcome is sent to see whether Cerberus answers again. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600000)
  CERBERUS_PROBE_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  CERBERUS_TIMEOUT_MS = 5000;

  /** First retry delay; doubles each attempt (with jitter) up to OUTBOX_MAX_BACKOFF_MS. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(600000)
  OUTBOX_BASE_BACKOFF_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3600000)
  OUTBOX_MAX_BACKOFF_MS = 300000;

  /** How long a claimed delivery stays hidden from other instances (a crashed instance's work is retried after it). */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(3600000)
  OUTBOX_LEASE_MS = 60000;

  /** How often the outbox is polled when no wake-up arrives. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_MS = 1000;

  /**
   * Keys that seal the audit chain (HMAC-SHA-256), comma-separated, each at least 32 characters:
   * the first seals new entries and signs checkpoints, any of them verifies (two or more during
   * a rotation). Never stored in the database. Required with DATABASE_URL; generated per data
   * folder otherwise.
   */
  @Transform(toList)
  @IsString({ each: true })
  @MinLength(32, { each: true, message: 'each AUDIT_SEAL_KEYS entry must be at least 32 characters' })
  AUDIT_SEAL_KEYS: string[] = [];

  /**
   * Append-only JSON-lines file that signed checkpoints of the audit chain's head are appended
   * to, besides the log stream; `audit:verify` compares them with the table. Put it where the
   * database's users cannot write (another host, a write-once volume). Unset: log stream only.
   */
  @IsOptional()
  @IsString()
  AUDIT_CHECKPOINT_FILE?: string;

  /** How often the audit chain's head is checkpointed (when it has moved), in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  AUDIT_CHECKPOINT_INTERVAL_SECONDS = 60;

  /**
   * clamd's unix socket (Debian: /run/clamav/clamd.ctl). Uploaded files are scanned there before
   * anyone may download them. Unset (and no CLAMD_HOST): files are kept marked "not scanned".
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  CLAMD_SOCKET?: string;

  /** clamd's TCP address instead of a socket (with CLAMD_PORT). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  CLAMD_HOST?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  CLAMD_PORT = 3310;

  /** How long one scan may take before clamd counts as down and the file waits for a retry. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  CLAMD_TIMEOUT_MS = 30000;

  /** How often files that could not be scanned (clamd down) are tried again, in milliseconds. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3600000)
  ATTACHMENT_SCAN_RETRY_MS = 30000;

  /**
   * Where uploaded files' bytes are kept: `postgres` (core.attachment_chunk, the default: nothing
   * else to run) or `s3`, an S3-compatible bucket (S3_BUCKET, S3_REGION, …). Rows, scan state and
   * photo thumbnails stay in PostgreSQL either way (docs/operations.md, "Attachments").
   */
  @IsIn(['postgres', 's3'], { message: 'ATTACHMENT_STORE must be postgres or s3' })
  ATTACHMENT_STORE: 'postgres' | 's3' = 'postgres';

  /** The S3-compatible service's address (MinIO, Ceph, …); unset: AWS S3 for S3_REGION. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/?#\s]+\/?$/, {
    message: 'S3_ENDPOINT must be an http(s) URL without a path (e.g. https://s3.eu-west-2.amazonaws.com)',
  })
  S3_ENDPOINT?: string;

  /** The bucket's region (e.g. eu-west-2; most S3-compatible servers take us-east-1). Required with s3. */
  @IsOptional()
  @Matches(/^[a-z]{2}(-[a-z0-9]+)+$/, { message: 'S3_REGION must be a region name such as eu-west-2' })
  S3_REGION?: string;

  /** The bucket that holds the files. Required with s3; the core never creates it. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
    message: 'S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens',
  })
  S3_BUCKET?: string;

  /** A folder in the bucket for the files (`<S3_PREFIX><attachment id>/…`), e.g. `cop/attachments/`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9!_.*'()-][A-Za-z0-9!_.*'()/-]*\/$/, {
    message: 'S3_PREFIX must end with "/", not start with one, and use letters, digits and !_.*\'()- only',
  })
  S3_PREFIX?: string;

  /** Access key for the bucket, with S3_SECRET_ACCESS_KEY; neither: the SDK's default credentials (a pod's IAM role). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  S3_SECRET_ACCESS_KEY?: string;

  /** Whether buckets are addressed as `<endpoint>/<bucket>` rather than `<bucket>.<endpoint>` (MinIO and most S3-compatible servers). */
  @Transform(toBool)
  @IsBoolean({ message: 'S3_FORCE_PATH_STYLE must be true or false' })
  S3_FORCE_PATH_STYLE = false;

  @IsString()
  SECURITY_MARKING = 'OFFICIAL-SENSITIVE';

  /** Folder holding the built shell; the core serves it on `/` when it exists. */
  @IsString()
  SHELL_DIR = './dist/shell/browser';
}
