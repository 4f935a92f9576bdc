import type { QueryRunner } from 'typeorm';
import type { PluginMigration } from '../../../core/src/sdk/index.js';

/**
 * The monthly report reads one month of events in the manager's command. Joining each event to
 * `core.case` for its team made the query read every case of the command ever recorded (a hash
 * join over the team index), so it slowed down as data built up month after month. The event
 * row now carries the case's team (written by the plugin's onSubmit hook; an event's case keeps
 * the team it was recorded by; existing rows are filled from their cases here), and one index holds everything the month's figures need, so the
 * report is an index-only range scan over that month alone.
 */
export class EventMonthScope1764205000000 implements PluginMigration {
  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE plugin_event_at_border.event ADD COLUMN team_id text');
    await q.query(`
      UPDATE plugin_event_at_border.event e SET team_id = c.team_id FROM core.case c WHERE c.id = e.case_id`);
    await q.query(
      'CREATE INDEX "IDX_event_month" ON plugin_event_at_border.event (event_at) INCLUDE (team_id, port_id, outcome, case_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX plugin_event_at_border."IDX_event_month"');
    await q.query('ALTER TABLE plugin_event_at_border.event DROP COLUMN team_id');
  }
}
