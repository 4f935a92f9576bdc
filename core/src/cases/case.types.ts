/** A case as stored. */
export interface CaseRecord {
  id: string;
  businessKey: string;
  pluginId: string;
  formId: string;
  formVersion: number;
  answers: Record<string, unknown>;
  state: string;
  teamId: string | null;
  assigneeId: string | null;
  createdBy: string;
  createdByName: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TermRow {
  term: string;
  path: string;
  value: string;
  normalised: string;
}

export interface CaseListFilter {
  pluginId?: string;
  state?: string;
  businessKey?: string;
  limit: number;
  /** Keyset cursor: the last row of the previous page. */
  after?: { createdAt: string; id: string };
}

export const CASE_COLUMNS = `c.id, c.business_key AS "businessKey", c.plugin_id AS "pluginId", c.form_id AS "formId",
  c.form_version AS "formVersion", c.answers, c.state, c.team_id AS "teamId", c.assignee_id AS "assigneeId",
  c.created_by AS "createdBy", u.display_name AS "createdByName", c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
