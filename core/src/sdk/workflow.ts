import type { Condition } from '../forms/engine/form-types.js';
import type { Role } from './roles.js';

export type TaskPriority = 'low' | 'medium' | 'high' | 'urgent';

/** A task created when a case enters a state. */
export interface TaskTemplate {
  /** Short title shown in task lists, e.g. "Triage referral". */
  title: string;
  /** Team that may claim the task: a team id, or `case.team` for the case's own team. */
  team?: string;
  /**
   * Role whose holders in the team may claim the task; managers may claim any task in their
   * queues too (unless `exceptRoles` names them). Without a role, any member of the team may.
   */
  role?: Role;
  /**
   * Roles whose holders may not claim the task, whatever else they hold: `['manager']` keeps an
   * officer's task from managers, who are officers too. Nobody may be given such a task either.
   */
  exceptRoles?: Role[];
  /** Default `medium`. */
  priority?: TaskPriority;
  /** ISO 8601 duration after creation when the task falls due, e.g. `PT4H`, `P2D`. */
  due?: string;
  /** What happens when the task is overdue. */
  escalation?: { raisePriorityTo?: TaskPriority; notifyManagers?: boolean; reassignTo?: string };
}

/** One state of a workflow. */
export interface WorkflowState {
  id: string;
  label: string;
  /** Whether the case is finished in this state (no actions lead out). */
  terminal?: boolean;
  tasks?: TaskTemplate[];
}

/** A transition, named as the action an officer takes ("Assign to intelligence"). */
export interface WorkflowAction {
  id: string;
  label: string;
  from: string[];
  to: string;
  /** Roles whose holders may take the action (any one of them is enough). */
  roles: Role[];
  /** Roles whose holders may not take it, whatever else they hold (`['manager']`: officers only). */
  exceptRoles?: Role[];
  /** Id of a form (in the plugin's forms/) to fill in when taking the action. */
  form?: string;
  /**
   * Id of another plugin whose case records this action, e.g. a target's outcome: the shell links
   * to that plugin's start form pre-filled from this case (`?linked=<business key>`), and the
   * action is taken, in the same transaction, when that case is submitted linked to this one.
   * It cannot be taken on its own; from any other state such a submission is refused (409).
   */
  startsCase?: string;
}

/** Sends a new case straight to a state when its answers match, e.g. any "yes" → review. */
export interface WorkflowRoute {
  /** A condition over the start form's answers (docs/forms.md, Conditions). */
  when: Condition;
  to: string;
}

/** The state machine a plugin's cases move through. */
export interface WorkflowDefinition {
  initial: string;
  /** Checked in order on submission; the first match is the case's first state instead of `initial`. */
  routes?: WorkflowRoute[];
  states: WorkflowState[];
  actions: WorkflowAction[];
}
