import { compileAnswerCondition, type FormDefinition } from '../forms/engine/index.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { termDictionary } from '../terms/term-dictionary.js';
import type { Role } from '../sdk/roles.js';
import type { WorkflowAction, WorkflowDefinition, WorkflowRoute, WorkflowState } from '../sdk/workflow.js';
import { durationMs } from './duration.js';
import { mayTakeAction } from './role-rules.js';
import type { NewTask } from './task.types.js';

/** Plugins without a workflow get this one: submitted, then closed by a manager. */
export const DEFAULT_WORKFLOW: WorkflowDefinition = {
  initial: 'submitted',
  states: [
    { id: 'submitted', label: 'Submitted' },
    { id: 'closed', label: 'Closed', terminal: true },
  ],
  actions: [{ id: 'close', label: 'Close', from: ['submitted'], to: 'closed', roles: ['manager', 'admin'] }],
};

export function workflowOf(manifest: PluginManifest): WorkflowDefinition {
  return manifest.workflow ?? DEFAULT_WORKFLOW;
}

export function stateOf(workflow: WorkflowDefinition, id: string): WorkflowState | undefined {
  return workflow.states.find((s) => s.id === id);
}

/** Compiled route conditions, per route and form (manifests and forms live as long as the process). */
const compiledRoutes = new WeakMap<
  WorkflowRoute,
  { form: FormDefinition; test: (answers: Record<string, unknown>) => boolean }
>();

function routeTest(route: WorkflowRoute, form: FormDefinition): (answers: Record<string, unknown>) => boolean {
  let compiled = compiledRoutes.get(route);
  if (compiled?.form !== form) {
    compiled = { form, test: compileAnswerCondition(form, route.when, termDictionary).test };
    compiledRoutes.set(route, compiled);
  }
  return compiled.test;
}

/** The first state of a new case: the first route whose condition the answers meet, else `initial`. */
export function firstState(
  workflow: WorkflowDefinition,
  form: FormDefinition,
  answers: Record<string, unknown>,
): string {
  return workflow.routes?.find((route) => routeTest(route, form)(answers))?.to ?? workflow.initial;
}

/** Actions the roles may take from the state. */
export function availableActions(
  workflow: WorkflowDefinition,
  state: string,
  roles: readonly Role[],
): WorkflowAction[] {
  return workflow.actions.filter((a) => a.from.includes(state) && mayTakeAction(a, roles));
}

/** The tasks a case gets on entering a state. */
export function tasksOnEntering(
  workflow: WorkflowDefinition,
  stateId: string,
  c: { id: string; pluginId: string; teamId: string | null },
  now: Date,
): NewTask[] {
  return (stateOf(workflow, stateId)?.tasks ?? []).map((t) => {
    const due = t.due ? durationMs(t.due) : undefined;
    return {
      caseId: c.id,
      pluginId: c.pluginId,
      stateId,
      title: t.title,
      teamId: t.team === undefined || t.team === 'case.team' ? c.teamId : t.team,
      candidateRole: t.role ?? null,
      exceptRoles: t.exceptRoles ?? [],
      assigneeId: null,
      priority: t.priority ?? 'medium',
      dueAt: due === undefined ? null : new Date(now.getTime() + due),
      escalation: t.escalation ? { ...t.escalation } : null,
    };
  });
}
