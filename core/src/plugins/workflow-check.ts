import { isRole } from '../sdk/roles.js';
import type { WorkflowDefinition } from '../sdk/workflow.js';

const PRIORITIES = new Set(['low', 'medium', 'high', 'urgent']);

/**
 * Finds what makes a workflow unusable: unknown states, unknown roles, missing forms,
 * states no path reaches, non-terminal states with no way out.
 */
export function checkWorkflow(workflow: unknown, formIds: (string | undefined)[]): string[] {
  if (typeof workflow !== 'object' || workflow === null) return ['workflow must be an object'];
  const w = workflow as Partial<WorkflowDefinition>;
  if (!Array.isArray(w.states) || w.states.length === 0) return ['workflow.states must list at least one state'];
  if (!Array.isArray(w.actions)) return ['workflow.actions must be an array'];
  const problems: string[] = [];
  const states = new Set<string>();
  for (const state of w.states) {
    if (typeof state?.id !== 'string' || typeof state.label !== 'string') {
      problems.push('every workflow state needs an id and a label');
      continue;
    }
    if (states.has(state.id)) problems.push(`workflow state "${state.id}" is declared twice`);
    states.add(state.id);
    for (const task of state.tasks ?? []) {
      const label = `task "${task.title}" in state "${state.id}"`;
      if (task.priority !== undefined && !PRIORITIES.has(task.priority))
        problems.push(`${label} has unknown priority "${task.priority}"`);
      if (task.role !== undefined && !isRole(task.role)) problems.push(`${label} names unknown role "${task.role}"`);
      problems.push(...exceptProblems(label, task.exceptRoles, task.role === undefined ? [] : [task.role], 'claim'));
    }
  }
  if (typeof w.initial !== 'string' || !states.has(w.initial))
    problems.push(`workflow.initial "${String(w.initial)}" is not a declared state`);
  const forms = new Set(formIds.filter((f): f is string => typeof f === 'string'));
  const actionIds = new Set<string>();
  for (const action of w.actions) {
    const label = `workflow action "${String(action?.id)}"`;
    if (typeof action?.id !== 'string' || typeof action.label !== 'string') {
      problems.push('every workflow action needs an id and a label');
      continue;
    }
    if (actionIds.has(action.id)) problems.push(`${label} is declared twice`);
    actionIds.add(action.id);
    if (!states.has(action.to)) problems.push(`${label} goes to unknown state "${action.to}"`);
    for (const from of action.from ?? [])
      if (!states.has(from)) problems.push(`${label} starts from unknown state "${from}"`);
    if (!Array.isArray(action.from) || action.from.length === 0)
      problems.push(`${label} must list the states it starts from`);
    if (!Array.isArray(action.roles) || action.roles.length === 0)
      problems.push(`${label} must list the roles allowed`);
    for (const role of action.roles ?? []) if (!isRole(role)) problems.push(`${label} names unknown role "${role}"`);
    if (Array.isArray(action.roles) && action.roles.length > 0)
      problems.push(...exceptProblems(label, action.exceptRoles, action.roles, 'take'));
    if (action.form !== undefined && !forms.has(action.form))
      problems.push(`${label} uses form "${action.form}", which is not in forms/`);
    if (action.startsCase !== undefined && (typeof action.startsCase !== 'string' || action.form !== undefined))
      problems.push(`${label}: startsCase must be a plugin id, and such an action has no form of its own`);
  }
  for (const [i, route] of (w.routes ?? []).entries()) {
    if (!states.has(route?.to)) problems.push(`workflow.routes[${i}] goes to unknown state "${String(route?.to)}"`);
  }
  if (problems.length > 0 || typeof w.initial !== 'string') return problems;
  const routed = (w.routes ?? []).map((r) => ({ from: [w.initial!], to: r.to }));
  const reached = reachable(w.initial, [...w.actions, ...routed]);
  for (const state of w.states) {
    if (!reached.has(state.id)) problems.push(`workflow state "${state.id}" cannot be reached from "${w.initial}"`);
    const leaves = w.actions.some((a) => a.from.includes(state.id));
    if (!state.terminal && !leaves)
      problems.push(`workflow state "${state.id}" has no actions and is not marked terminal`);
    if (state.terminal && leaves) problems.push(`workflow state "${state.id}" is terminal but has actions leading out`);
  }
  return problems;
}

/** `exceptRoles` lists known roles and leaves someone who may `verb` the task or action. */
function exceptProblems(label: string, except: unknown, roles: readonly string[], verb: string): string[] {
  if (except === undefined) return [];
  if (!Array.isArray(except)) return [`${label}: exceptRoles must be a list of roles`];
  const problems = except.filter((r) => !isRole(r)).map((r) => `${label} names unknown role "${String(r)}"`);
  const left = roles.filter((r) => !except.includes(r));
  if (roles.length > 0 && left.length === 0)
    problems.push(`${label}: exceptRoles leaves nobody who may ${verb} it (${roles.join(', ')} all excepted)`);
  return problems;
}

function reachable(initial: string, actions: { from: string[]; to: string }[]): Set<string> {
  const seen = new Set([initial]);
  const queue = [initial];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const action of actions) {
      if (action.from.includes(current) && !seen.has(action.to)) {
        seen.add(action.to);
        queue.push(action.to);
      }
    }
  }
  return seen;
}
