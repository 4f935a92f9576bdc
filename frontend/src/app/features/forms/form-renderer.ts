import { InjectionToken, Type } from '@angular/core';
import { FormDefinition, PluginSummary } from '../../core/plugins/plugin.model';

/** Inputs the form page passes to whatever renders a form. */
export interface FormRendererInputs extends Record<string, unknown> {
  /** The workflow the form belongs to. */
  plugin: PluginSummary;
  /** The form to render (the plugin's start form). */
  form: FormDefinition;
}

/** Loads the component that renders a form; a loader keeps the renderer out of the initial bundle. */
export type FormRendererLoader = () => Promise<Type<unknown>>;

/**
 * Extension point for the form renderer (part 2, built on core/src/forms/engine). Provide
 * a loader here and the form page renders its component with FormRendererInputs; with
 * none, the page shows the form's title and a placeholder.
 */
export const FORM_RENDERER = new InjectionToken<FormRendererLoader | null>('FORM_RENDERER', {
  providedIn: 'root',
  factory: () => null,
});
