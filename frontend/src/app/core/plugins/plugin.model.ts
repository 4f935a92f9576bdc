/**
 * A form as the core serves it. The shell only reads the parts it needs today; the
 * full shape belongs to the form engine (core/src/forms/engine) and the renderer.
 */
export interface FormDefinition {
  id: string;
  title: string;
  description?: string;
  [key: string]: unknown;
}

/** A state of a plugin's workflow. */
export interface WorkflowState {
  id: string;
  label: string;
  /** Whether a case in this state is finished. */
  terminal?: boolean;
}

/** A move between workflow states that users holding `roles` may take. */
export interface WorkflowAction {
  id: string;
  label: string;
  from: string[];
  to: string;
  roles: string[];
  form?: string;
}

/** A workflow as the core serves it in `GET /api/plugins`. */
export interface PluginSummary {
  id: string;
  title: string;
  description: string;
  version: string;
  category: string;
  /** Whether the signed-in user may start this workflow. */
  canStart: boolean;
  /** Id of the form that starts a case. */
  startForm: string;
  forms: FormDefinition[];
  workflow: { initial: string; states: WorkflowState[]; actions: WorkflowAction[] };
  reports: { id: string; title: string; description: string }[];
}

/** Lifecycle state of a plugin as the host sees it. */
export type PluginState = 'enabled' | 'disabled' | 'quarantined';

/** A row of `GET /api/plugins/status`. */
export interface PluginStatus {
  id: string;
  title: string;
  version: string;
  state: PluginState;
  source: string;
  /** Why the plugin was quarantined, when it was. */
  reason?: string;
}
