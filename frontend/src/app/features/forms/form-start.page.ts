import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, Type, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../core/api/api-error';
import { PluginSummary } from '../../core/plugins/plugin.model';
import { PluginsService } from '../../core/plugins/plugins.service';
import { PageTitle } from '../../core/ui/page-title';
import { FORM_RENDERER, FormRendererInputs } from './form-renderer';
import { FORMS_MESSAGES, formsErrorMessage } from './forms.messages';

/** The start page of a workflow: its title, description and start form (rendered when a renderer is provided). */
@Component({
  selector: 'cop-form-start-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgComponentOutlet],
  templateUrl: './form-start.page.html',
})
export class FormStartPage {
  private readonly pageTitle = inject(PageTitle);
  /** The renderer loader, if one is provided. */
  readonly loadRenderer = inject(FORM_RENDERER);

  /** Route parameter: the plugin id. */
  readonly pluginId = input.required<string>();

  /** Messages for the template. */
  readonly messages = FORMS_MESSAGES;
  /** All plugins visible to the user; null while loading. */
  readonly plugins = signal<PluginSummary[] | null>(null);
  /** Message when loading failed. */
  readonly loadError = signal<string | null>(null);
  /** The renderer component, once loaded. */
  readonly renderer = signal<Type<unknown> | null>(null);

  /** The plugin this page is for, or null when there is no such plugin. */
  readonly plugin = computed(() => this.plugins()?.find((plugin) => plugin.id === this.pluginId()) ?? null);
  /** The plugin's start form, if it declares it. */
  readonly startForm = computed(() => {
    const plugin = this.plugin();
    return plugin?.forms.find((form) => form.id === plugin.startForm) ?? null;
  });
  /** Inputs for the renderer, when there is a form to render. */
  readonly rendererInputs = computed<FormRendererInputs | null>(() => {
    const plugin = this.plugin();
    const form = this.startForm();
    return plugin && form && plugin.canStart ? { plugin, form } : null;
  });

  constructor() {
    inject(PluginsService)
      .list()
      .subscribe({
        next: (plugins) => this.plugins.set(plugins),
        error: (error: unknown) => this.loadError.set(formsErrorMessage(toApiError(error))),
      });
    effect(() => {
      const plugins = this.plugins();
      if (!plugins) return;
      const plugin = this.plugin();
      this.pageTitle.setPage(plugin ? plugin.title : FORMS_MESSAGES.notFound);
    });
    if (this.loadRenderer) {
      this.loadRenderer().then(
        (component) => this.renderer.set(component),
        () => this.loadError.set(FORMS_MESSAGES.loadFailed),
      );
    }
  }
}
