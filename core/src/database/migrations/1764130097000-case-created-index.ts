import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases by the month they were started, for the dashboard's "Cases started" tile: the existing
 * indexes lead with the plugin or the team, so counting a month of every workflow in a manager's
 * teams read the whole table. With the team and workflow included the count is an index-only scan
 * of the month.
 */
export class CaseCreatedIndex1764130097000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX case_created_idx ON core.case (created_at) INCLUDE (team_id, plugin_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX core.case_created_idx');
  }
}
