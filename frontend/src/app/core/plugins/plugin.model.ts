import type { Schema } from '../api/schema';
import type { FormDefinition } from '../forms/engine';

/** A form as the core serves it: the form engine's own declaration type, shared with the core. */
export type { FormDefinition };

/** A state of a plugin's workflow. */
export type WorkflowState = Schema<'WorkflowStateView'>;

/** A move between workflow states that users holding `roles` may take. */
export type WorkflowAction = Schema<'WorkflowActionView'>;

/**
 * A workflow as the core serves it in `GET /api/plugins`. The document leaves `forms` open (their
 * shape is the form engine's), so they are typed here with the engine's FormDefinition.
 */
export type PluginSummary = Omit<Schema<'PluginView'>, 'forms'> & { forms: FormDefinition[] };

/** Lifecycle state of a plugin as the host sees it. */
export type PluginState = Schema<'PluginState'>;

/** A row of `GET /api/plugins/status`. */
export type PluginStatus = Schema<'PluginStatusView'>;
