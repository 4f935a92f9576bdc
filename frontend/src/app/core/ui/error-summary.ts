import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterRenderEffect,
  input,
  output,
  viewChild,
} from '@angular/core';

/** One problem to list in the error summary, linked to the field it is about. */
export interface FieldProblem {
  /** Id of the input to focus; empty for problems not tied to a field (a server refusal). */
  fieldId: string;
  message: string;
  /** Where the field is when it is not on this page (a form's other page); the page handles it through `elsewhere`. */
  pageId?: string;
}

/**
 * The GOV.UK error summary. It takes focus whenever a new list of problems arrives, so
 * screen reader users hear it and keyboard users start from it.
 */
@Component({
  selector: 'cop-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problems().length) {
      <div class="govuk-error-summary" tabindex="-1" #box>
        <div role="alert">
          <h2 class="govuk-error-summary__title">There is a problem</h2>
          <div class="govuk-error-summary__body">
            <ul class="govuk-list govuk-error-summary__list">
              @for (problem of problems(); track $index) {
                <li>
                  @if (problem.fieldId) {
                    <a [href]="'#' + problem.fieldId" (click)="focusField($event, problem)">{{ problem.message }}</a>
                  } @else {
                    {{ problem.message }}
                  }
                </li>
              }
            </ul>
          </div>
        </div>
      </div>
    }
  `,
})
export class ErrorSummary {
  /** The problems to show; an empty list hides the summary. Pass a new array to move focus again. */
  readonly problems = input.required<readonly FieldProblem[]>();

  /** Emitted when a linked field is not on this page, so the page can take the officer to it. */
  readonly elsewhere = output<FieldProblem>();

  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  constructor() {
    afterRenderEffect(() => {
      if (this.problems().length) this.box()?.nativeElement.focus();
    });
  }

  /** Moves focus to the field itself; a plain fragment link would resolve against the base href. */
  focusField(event: Event, problem: FieldProblem): void {
    const field = document.getElementById(problem.fieldId);
    event.preventDefault();
    if (!field) {
      this.elsewhere.emit(problem);
      return;
    }
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  }
}
