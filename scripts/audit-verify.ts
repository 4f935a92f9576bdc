// `npm run audit:verify`: walks the audit hash chain and reports the first broken link.
// Uses DATABASE_URL, else the embedded server (connecting to it if the core is running,
// starting it for the check otherwise). Exit code 0 = intact, 1 = broken, 2 = could not check.
import { DataSource } from 'typeorm';
import { verifyAuditChain } from '../core/src/audit/audit-chain.js';
import { loadConfig } from '../core/src/config/load-config.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../core/src/database/embedded-postgres.js';

async function main(): Promise<number> {
  const config = loadConfig();
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
    const report = await verifyAuditChain(dataSource);
    if (report.ok) {
      process.stdout.write(
        `audit chain intact: ${report.checked} sealed entries checked, ${report.unsealed} awaiting sealing\n`,
      );
      return 0;
    }
    const b = report.firstBroken!;
    process.stdout.write(`audit chain BROKEN at chain position ${b.chainSeq} (audit id ${b.id}): ${b.reason}\n`);
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
