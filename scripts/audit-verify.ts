// `npm run audit:verify [-- --checkpoints <file>]`: walks the audit hash chain, recomputing
// every seal with AUDIT_SEAL_KEYS, compares it with the checkpoints kept outside the database
// (AUDIT_CHECKPOINT_FILE, or a file given with --checkpoints: the checkpoint file itself or saved
// log lines), and reports the first broken link and which check found it.
// Uses DATABASE_URL, else the embedded server (connecting to it if the core is running,
// starting it for the check otherwise). Exit code 0 = intact, 1 = broken, 2 = could not check.
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { CHECK_LABELS, verifyAuditChain } from '../core/src/audit/audit-chain.js';
import { readCheckpointFile } from '../core/src/audit/audit-checkpoints.js';
import { AuditKeys } from '../core/src/audit/audit-keys.js';
import { loadConfig } from '../core/src/config/load-config.js';
import { embeddedSecret } from '../core/src/database/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../core/src/database/embedded-postgres.js';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { checkpoints: { type: 'string' } } });
  const config = loadConfig();
  const secrets =
    config.AUDIT_SEAL_KEYS.length > 0
      ? config.AUDIT_SEAL_KEYS
      : config.DATABASE_URL
        ? []
        : [await embeddedSecret(config, 'audit-seal-key', { create: false })].filter((s): s is string => Boolean(s));
  if (secrets.length === 0) throw new Error('set AUDIT_SEAL_KEYS (the keys the core seals the audit chain with)');
  const keys = new AuditKeys(secrets);
  const checkpointFile = values.checkpoints ?? config.AUDIT_CHECKPOINT_FILE;
  const checkpoints = checkpointFile ? await readCheckpointFile(checkpointFile) : null;

  let embedded: EmbeddedServer | undefined;
  let url = config.DATABASE_URL ?? `postgres://cop:cop-embedded@127.0.0.1:${config.EMBEDDED_PG_PORT}/cop`;
  let dataSource = new DataSource({ type: 'postgres', url });
  try {
    await dataSource.initialize();
  } catch (error: unknown) {
    if (config.DATABASE_URL) throw error;
    embedded = await startEmbeddedPostgres({
      dataDir: config.EMBEDDED_PG_DIR,
      port: config.EMBEDDED_PG_PORT,
      persistent: true,
    });
    url = embedded.url;
    dataSource = new DataSource({ type: 'postgres', url });
    await dataSource.initialize();
  }
  try {
    const report = await verifyAuditChain(dataSource, keys, checkpoints);
    const { source, read, newest } = report.checkpoints;
    if (report.ok) {
      const anchored =
        source === null
          ? 'no checkpoint file given, so removal of the newest entries cannot be detected'
          : read === 0
            ? `no checkpoints in ${source} yet`
            : `${read} checkpoints from ${source} agree (newest at chain position ${newest!.chainSeq}, ${newest!.at})`;
      process.stdout.write(
        `audit chain intact: ${report.checked} sealed entries checked, ${report.unsealed} awaiting sealing; ${anchored}\n`,
      );
      return 0;
    }
    const b = report.firstBroken!;
    const entry = b.id === null ? '' : ` (audit id ${b.id})`;
    process.stdout.write(
      `audit chain BROKEN at chain position ${b.chainSeq}${entry}: ${CHECK_LABELS[b.check]}: ${b.reason}\n`,
    );
    return 1;
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
