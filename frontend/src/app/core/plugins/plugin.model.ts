import type { Schema } from '../api/schema';
import type { FormDefinition, TermDefinition } from '../forms/engine';

/** A form as the core serves it: the form engine's own declaration type, shared with the core. */
export type { FormDefinition };

/** A state of a plugin's workflow. */
export type WorkflowState = Schema<'WorkflowStateView'>;

/** A move between workflow states that users holding `roles` may take. */
export type WorkflowAction = Schema<'WorkflowActionView'>;

/**
 * A workflow as the core serves it in `GET /api/plugins`. The document leaves `forms` and `terms`
 * open (their shapes are the form engine's), so they are typed here with the engine's types.
 */
export type PluginSummary = Omit<Schema<'PluginView'>, 'forms' | 'terms'> & {
  forms: FormDefinition[];
  terms: TermDefinition[];
};

/** Lifecycle state of a plugin as the host sees it. */
export type PluginState = Schema<'PluginState'>;

/** A row of `GET /api/plugins/status`. */
export type PluginStatus = Schema<'PluginStatusView'>;
