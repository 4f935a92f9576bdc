import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import { queryPrepared, type PreparedStatement } from '../database/prepared.js';
import type { ReadModelDefinition } from './read-model.definition.js';
import { backfillSql, createSql, LATEST_SURFACE_VIEW, surfaceSql, syncSql } from './read-model.sql.js';

/** The statements of one plugin's read model, generated once. */
interface Statements {
  sync: PreparedStatement;
}

const statements = new WeakMap<ReadModelDefinition, Statements>();

function statementsOf(def: ReadModelDefinition): Statements {
  let found = statements.get(def);
  if (!found) {
    found = { sync: { name: `cop_rm_${def.schema}_${def.shapeHash}`, text: syncSql(def) } };
    statements.set(def, found);
  }
  return found;
}

/**
 * Builds the read model when its shape is new or changed (tables, indexes, views, then every
 * case of the plugin), under a lock so that one instance of several does it. Returns the number
 * of cases copied, or undefined when the built shape was already current.
 */
export async function installReadModel(
  dataSource: DataSource,
  def: ReadModelDefinition,
  logger: Logger,
): Promise<number | undefined> {
  const current = async (m: EntityManager) =>
    (
      (await m.query('SELECT shape_hash FROM core.read_model WHERE plugin_id = $1', [def.pluginId])) as {
        shape_hash: string;
      }[]
    )[0]?.shape_hash === def.shapeHash;
  if (await current(dataSource.manager)) {
    await addSurfaceViews(dataSource, def);
    return undefined;
  }
  return dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cop:read-model:${def.pluginId}`]);
    if (await current(m)) return undefined;
    const started = Date.now();
    for (const statement of createSql(def)) await m.query(statement);
    const [{ cases }] = (await m.query(backfillSql(def), [def.pluginId])) as [{ cases: number }];
    await m.query(
      `INSERT INTO core.read_model (plugin_id, shape_hash, built_at, cases) VALUES ($1, $2, now(), $3)
       ON CONFLICT (plugin_id) DO UPDATE SET shape_hash = EXCLUDED.shape_hash, built_at = now(), cases = EXCLUDED.cases`,
      [def.pluginId, def.shapeHash, cases],
    );
    logger.info({ cases, ms: Date.now() - started }, 'read model built');
    return cases;
  });
}

/** Creates surface views added since the read model was built (a view added in a release), under the same lock. */
async function addSurfaceViews(dataSource: DataSource, def: ReadModelDefinition): Promise<void> {
  const missing = async (m: EntityManager) =>
    (
      (await m.query('SELECT to_regclass($1) IS NULL AS missing', [`"${def.schema}".${LATEST_SURFACE_VIEW}`])) as {
        missing: boolean;
      }[]
    )[0]!.missing;
  if (!(await missing(dataSource.manager))) return;
  await dataSource.transaction(async (m) => {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`cop:read-model:${def.pluginId}`]);
    if (await missing(m)) for (const statement of surfaceSql(def)) await m.query(statement);
  });
}

/** Copies one case's current state, team and reported answers into its plugin's read model. */
export async function syncReadModel(manager: EntityManager, def: ReadModelDefinition, caseId: string): Promise<void> {
  await queryPrepared(manager, statementsOf(def).sync, [caseId]);
}
