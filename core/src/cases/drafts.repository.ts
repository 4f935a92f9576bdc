import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface DraftRecord {
  id: string;
  pluginId: string;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  /** The page (or `check`, `tasks`) it was saved on; null when saved without one. */
  page: string | null;
  /** Task-list forms: the tasks the officer marked complete. */
  completedTasks: string[];
  /** The business key reserved for it (a form with `caseReference`), which its case takes; null until then. */
  businessKey: string | null;
  updatedAt: Date;
}

const COLUMNS = `id, plugin_id AS "pluginId", form_id AS "formId", form_version AS "formVersion", answers, page, completed_tasks AS "completedTasks", business_key AS "businessKey", updated_at AS "updatedAt"`;

/** Drafts: partially answered forms an officer returns to. Only their author sees them. */
@Injectable()
export class DraftsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Creates or replaces the draft; returns undefined if the id belongs to someone else. */
  async save(userId: string, draft: Omit<DraftRecord, 'updatedAt' | 'businessKey'>): Promise<DraftRecord | undefined> {
    const rows = (await this.dataSource.query(
      `INSERT INTO core.draft (id, user_id, plugin_id, form_id, form_version, answers, page, completed_tasks) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (id) DO UPDATE SET answers = EXCLUDED.answers, form_version = EXCLUDED.form_version, page = EXCLUDED.page,
         completed_tasks = EXCLUDED.completed_tasks, updated_at = now()
       WHERE core.draft.user_id = EXCLUDED.user_id AND core.draft.plugin_id = EXCLUDED.plugin_id
       RETURNING ${COLUMNS}`,
      [
        draft.id,
        userId,
        draft.pluginId,
        draft.formId,
        draft.formVersion,
        JSON.stringify(draft.answers),
        draft.page,
        draft.completedTasks,
      ],
    )) as DraftRecord[];
    return rows[0];
  }

  /**
   * Gives the draft a business key from the cases' own sequence (`keyPrefix` + next value −
   * the day's base), unless it has one: the key shown at the top of its task list, which the
   * case takes on submission. COALESCE takes a number only when the draft has none.
   */
  async reserveKey(
    userId: string,
    id: string,
    key: { keyPrefix: string; base: number },
  ): Promise<DraftRecord | undefined> {
    const rows = (await this.dataSource.query(
      `UPDATE core.draft SET business_key = coalesce(business_key, $3 || (nextval('core.case_key_seq') - $4::bigint))
        WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId, key.keyPrefix, key.base],
    )) as [DraftRecord[], number];
    return rows[0][0];
  }

  async find(userId: string, id: string): Promise<DraftRecord | undefined> {
    const rows = (await this.dataSource.query(`SELECT ${COLUMNS} FROM core.draft WHERE id = $1 AND user_id = $2`, [
      id,
      userId,
    ])) as DraftRecord[];
    return rows[0];
  }

  async list(userId: string): Promise<DraftRecord[]> {
    return (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM core.draft WHERE user_id = $1 ORDER BY updated_at DESC LIMIT 100`,
      [userId],
    )) as DraftRecord[];
  }

  async remove(manager: EntityManager | undefined, id: string, userId: string): Promise<boolean> {
    const rows = (await (manager ?? this.dataSource.manager).query(
      'DELETE FROM core.draft WHERE id = $1 AND user_id = $2 RETURNING id',
      [id, userId],
    )) as [unknown[], number];
    return rows[0].length > 0;
  }
}
