import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case's integration events (a Cerberus outcome and its revisions), by case. The case page's
 * delivery panel and the Cerberus loop report read them by `case_id`; without an index each read
 * scanned the whole outbox, which grows by one `case.submitted` event per submission (0.5–0.8 s
 * at 5 million events). The index leaves out the `case.*` events, so a submission, which writes
 * only `case.submitted`, does not maintain it. Readers say `topic NOT LIKE 'case.%'` for the
 * planner to use it.
 */
export class OutboxCaseEvents1764130075000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX outbox_case_events_idx ON core.outbox (case_id, id) WHERE topic NOT LIKE 'case.%'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.outbox_case_events_idx');
  }
}
