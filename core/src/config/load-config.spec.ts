import { FETCH_BAD_PORTS } from './fetch-ports.js';
import { ConfigError, loadConfig } from './load-config.js';

const S3 = { ATTACHMENT_STORE: 's3', S3_BUCKET: 'cop-files', S3_REGION: 'eu-west-2' };

describe('loadConfig', () => {
  it('applies defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PLUGIN_DIRS).toEqual([]);
    expect(config.SECURITY_MARKING).toBe('OFFICIAL-SENSITIVE');
    expect(config.API_DOCS_PUBLIC).toBe(false);
  });

  it('reads and converts values', () => {
    const config = loadConfig({
      PORT: '8080',
      PLUGIN_DIRS: 'a, b',
      DEMO_DATA: 'false',
      DATABASE_URL: 'postgres://x@h/db',
    });
    expect(config.PORT).toBe(8080);
    expect(config.PLUGIN_DIRS).toEqual(['a', 'b']);
    expect(config.DEMO_DATA).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// connection string'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ AUTH_TOKEN_SECRET: 'short' }, 'AUTH_TOKEN_SECRET must be at least 32 characters'],
    [{ DEMO_DATA: 'perhaps' }, 'DEMO_DATA must be true or false'],
    [{ CASE_KEY_PREFIX: 'bf' }, 'CASE_KEY_PREFIX must be 1 to 6 capital letters'],
    [{ API_DOCS_PUBLIC: 'yes please' }, 'API_DOCS_PUBLIC must be true or false'],
    [{ AUDIT_SEAL_KEYS: `${'k'.repeat(40)},short` }, 'each AUDIT_SEAL_KEYS entry must be at least 32 characters'],
    [{ AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0' }, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS'],
    [{ CERBERUS_OUTCOME_URL: 'http://cerberus.internal:4190/outcomes' }, 'CERBERUS_OUTCOME_URL uses port 4190'],
    [{ CERBERUS_OUTCOME_URL: 'http://10.0.0.5:6667/outcomes' }, 'CERBERUS_OUTCOME_URL uses port 6667'],
    [{ ATTACHMENT_STORE: 'disk' }, 'ATTACHMENT_STORE must be postgres or s3'],
    [{ ATTACHMENT_STORE: 's3', S3_REGION: 'eu-west-2' }, 'S3_BUCKET is required when ATTACHMENT_STORE is s3'],
    [{ ATTACHMENT_STORE: 's3', S3_BUCKET: 'cop-files' }, 'S3_REGION is required when ATTACHMENT_STORE is s3'],
    [{ ...S3, S3_BUCKET: 'Cop_Files' }, 'S3_BUCKET must be a bucket name'],
    [{ ...S3, S3_REGION: 'London' }, 'S3_REGION must be a region name'],
    [{ ...S3, S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT must be an http(s) URL without a path'],
    [{ ...S3, S3_ENDPOINT: 'https://s3.example/bucket' }, 'S3_ENDPOINT must be an http(s) URL without a path'],
    [{ ...S3, S3_PREFIX: 'attachments' }, 'S3_PREFIX must end with "/"'],
    [{ ...S3, S3_PREFIX: '/attachments/' }, 'S3_PREFIX must end with "/", not start with one'],
    [{ ...S3, S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE must be true or false'],
    [{ ...S3, S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together'],
    [{ S3_BUCKET: 'cop-files' }, 'S3_BUCKET is set but ATTACHMENT_STORE is postgres'],
  ])('rejects %j naming the setting', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('keeps files in PostgreSQL unless told, and takes a complete S3 store', () => {
    expect(loadConfig({}).ATTACHMENT_STORE).toBe('postgres');
    expect(
      loadConfig({
        ...S3,
        S3_ENDPOINT: 'http://minio:9000',
        S3_PREFIX: 'cop/attachments/',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
        S3_SECRET_ACCESS_KEY: 'secret',
      }),
    ).toMatchObject({ ATTACHMENT_STORE: 's3', S3_PREFIX: 'cop/attachments/', S3_FORCE_PATH_STYLE: true });
    // Neither key: the SDK's default credentials (an IAM role); empty settings are unset.
    expect(loadConfig({ ...S3, S3_ENDPOINT: '', S3_PREFIX: '' }).S3_ACCESS_KEY_ID).toBeUndefined();
  });

  it('takes a Cerberus address on a port fetch connects to', () => {
    expect(loadConfig({ CERBERUS_OUTCOME_URL: 'http://127.0.0.1:4100/outcomes' }).CERBERUS_OUTCOME_URL).toBe(
      'http://127.0.0.1:4100/outcomes',
    );
    expect(
      loadConfig({ CERBERUS_OUTCOME_URL: 'https://cerberus.example/outcomes' }).CERBERUS_OUTCOME_URL,
    ).toBeDefined();
  });

  it("refuses exactly the ports Node's own fetch refuses", async () => {
    const refused = async (port: number) => {
      try {
        await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(500) });
        return false;
      } catch (error) {
        return /bad port/.test(String((error as { cause?: { message?: string } }).cause?.message));
      }
    };
    for (const port of FETCH_BAD_PORTS) expect([port, await refused(port)]).toEqual([port, true]);
    for (const port of [80, 443, 3000, 4100, 8080, 4191]) expect([port, await refused(port)]).toEqual([port, false]);
  });
});
