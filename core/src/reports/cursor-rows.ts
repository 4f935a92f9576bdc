import type { EntityManager } from 'typeorm';

const BATCH = 1000;
let cursors = 0;

/**
 * Reads a query through a server-side cursor in the caller's transaction, a batch at a time, so
 * a report's long table never sits in memory whole. Re-iterable: each iteration opens its own cursor.
 */
export async function* cursorRows(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): AsyncGenerator<Record<string, unknown>> {
  const name = `report_rows_${++cursors}`;
  await manager.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const batch = (await manager.query(`FETCH ${BATCH} FROM ${name}`)) as Record<string, unknown>[];
      yield* batch;
      if (batch.length < BATCH) return;
    }
  } finally {
    await manager.query(`CLOSE ${name}`);
  }
}
