import { NgComponentOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { CaseView } from '../../core/cases/cases.model';
import { CasesService } from '../../core/cases/cases.service';
import { PluginSummary } from '../../core/plugins/plugin.model';
import { PluginsService } from '../../core/plugins/plugins.service';
import { PageTitle } from '../../core/ui/page-title';
import { ActionTarget, FormRenderer } from '../forms/renderer/form-renderer';
import { caseErrorMessage } from './case.messages';

/** A workflow action with a form: the plugin's form rendered, posted to the case's action. */
@Component({
  selector: 'cop-case-action-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, NgComponentOutlet],
  template: `
    @if (error(); as message) {
      <a class="govuk-back-link" [routerLink]="['/cases', id()]">Back to the case</a>
      <h1 class="govuk-heading-l">Sorry, there is a problem</h1>
      <p class="govuk-body">{{ message }}</p>
    } @else if (inputs(); as i) {
      <ng-container *ngComponentOutlet="renderer; inputs: i" />
    } @else {
      <p class="govuk-body" role="status">Loading…</p>
    }
  `,
})
export class CaseActionPage {
  private readonly cases = inject(CasesService);
  private readonly plugins = inject(PluginsService);
  private readonly pageTitle = inject(PageTitle);
  readonly renderer = FormRenderer;

  /** Route parameters. */
  readonly id = input.required<string>();
  readonly actionId = input.required<string>();

  readonly view = signal<CaseView | null>(null);
  readonly plugin = signal<PluginSummary | null>(null);
  readonly error = signal<string | null>(null);

  readonly inputs = computed(() => {
    const view = this.view();
    const plugin = this.plugin();
    if (!view || !plugin) return null;
    const action = view.actions.find((a) => a.id === this.actionId());
    const form = action?.form ? plugin.forms.find((f) => f.id === action.form) : undefined;
    if (!action || !form) return null;
    const target: ActionTarget = {
      caseId: view.id,
      businessKey: view.businessKey,
      actionId: action.id,
      label: action.label,
      version: view.version,
    };
    return { plugin, form, action: target };
  });

  constructor() {
    effect(() => void this.load(this.id(), this.actionId()));
  }

  private async load(id: string, actionId: string): Promise<void> {
    try {
      const [view, plugins] = await Promise.all([
        firstValueFrom(this.cases.case(id)),
        firstValueFrom(this.plugins.list()),
      ]);
      const plugin = plugins.find((p) => p.id === view.pluginId) ?? null;
      const action = view.actions.find((a) => a.id === actionId);
      if (!plugin || !action?.form) {
        this.error.set('You cannot take that action on this case now.');
        this.pageTitle.setPage('Sorry, there is a problem');
        return;
      }
      this.view.set(view);
      this.plugin.set(plugin);
    } catch (error: unknown) {
      this.error.set(caseErrorMessage(toApiError(error)));
      this.pageTitle.setPage('Sorry, there is a problem');
    }
  }
}
