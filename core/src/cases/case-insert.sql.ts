import type { PreparedStatement } from '../database/prepared.js';

/**
 * A new case with its term index rows, first tasks, audit entry and case event, in ONE
 * statement (one round trip instead of five). The submit benchmark's baselines run this same
 * statement, prepared as the core prepares it, so they measure exactly the SQL the core runs.
 *
 * Parameters: $1 key prefix, $2 plugin, $3 form, $4 form version, $5 answers, $6 state,
 * $7 team, $8 created by, $9 idempotency key, $10 day's key base, $11–$14 term rows
 * (term, path, value, normalised), $15 tasks (jsonb array), $16 actor, $17 ip, $18 audit detail,
 * $19 idempotency fingerprint, $20 a business key reserved for the case's draft (null: a new one; COALESCE
 * then takes the sequence's next value, and only then).
 */
export const INSERT_CASE_SQL = `
WITH c AS (
  INSERT INTO core.case (business_key, plugin_id, form_id, form_version, answers, state, team_id, created_by, idempotency_key, idempotency_fingerprint)
  VALUES (coalesce($20::text, $1 || (nextval('core.case_key_seq') - $10::bigint)), $2, $3, $4, $5, $6, $7, $8, $9, $19)
  RETURNING id, business_key, created_at, updated_at
), terms AS (
  INSERT INTO core.case_term (case_id, term, path, value, normalised)
  SELECT c.id, t.term, t.path, t.value, t.normalised
    FROM c, unnest($11::text[], $12::text[], $13::text[], $14::text[]) AS t(term, path, value, normalised)
), task_rows AS (
  SELECT e.n, e.v FROM jsonb_array_elements($15::jsonb) WITH ORDINALITY AS e(v, n)
), tasks AS (
  INSERT INTO core.task (case_id, plugin_id, state_id, title, team_id, candidate_role, except_roles, priority, priority_rank, due_at, escalation)
  SELECT c.id, $2, $6, r.v->>'title', r.v->>'teamId', r.v->>'role',
         ARRAY(SELECT jsonb_array_elements_text(r.v->'exceptRoles')), r.v->>'priority', (r.v->>'rank')::smallint,
         (r.v->>'dueAt')::timestamptz, r.v->'escalation'
    FROM c, task_rows r ORDER BY r.n
  RETURNING id, created_at, title, team_id, candidate_role, except_roles, priority, due_at
), audit AS (
  INSERT INTO core.audit (actor_id, actor, action, entity_type, entity_id, case_id, ip, detail)
  SELECT $8, $16, 'case.created', 'case', c.id::text, c.id, $17, $18::jsonb || jsonb_build_object('businessKey', c.business_key) FROM c
), event AS (
  INSERT INTO core.outbox (topic, key, payload, case_id, status, delivered_at)
  SELECT 'case.submitted', 'case.submitted:' || c.id, jsonb_build_object('caseId', c.id, 'businessKey', c.business_key, 'pluginId', $2::text, 'teamId', $7::text),
         c.id, 'delivered', now() FROM c
)
SELECT c.id, c.business_key AS "businessKey", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
       coalesce((SELECT json_agg(json_build_object('id', t.id, 'createdAt', t.created_at, 'title', t.title, 'teamId', t.team_id,
         'candidateRole', t.candidate_role, 'exceptRoles', t.except_roles, 'priority', t.priority, 'dueAt', t.due_at)) FROM tasks t), '[]') AS tasks
  FROM c`;

/** The case insert as a prepared statement (parsed and planned once per pooled connection). */
export const INSERT_CASE: PreparedStatement = { name: 'cop_insert_case', text: INSERT_CASE_SQL };
