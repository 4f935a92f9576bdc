import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { eventValue } from '../../core/ui/event-value';
import { DATE_PARTS, DatePart, DateParts, RowProblem } from './reference-admin-form';

const LABELS: Record<DatePart, string> = { day: 'Day', month: 'Month', year: 'Year' };

/**
 * A GOV.UK date input (day, month, year) in one fieldset; each box's id is `<fieldId>-day` …
 * `<fieldId>-year`. The boxes at fault are marked when there is a problem.
 */
@Component({
  selector: 'cop-date-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="govuk-form-group" [class.govuk-form-group--error]="problem()">
      <fieldset class="govuk-fieldset" role="group" [attr.aria-describedby]="describedBy()">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{ legend() }}</legend>
        <div class="govuk-hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
        @if (problem(); as problem) {
          <p class="govuk-error-message" [id]="fieldId() + '-error'">
            <span class="govuk-visually-hidden">Error:</span> {{ problem.message }}
          </p>
        }
        <div class="govuk-date-input">
          @for (part of parts; track part) {
            <div class="govuk-date-input__item">
              <div class="govuk-form-group">
                <label class="govuk-label govuk-date-input__label" [for]="fieldId() + '-' + part">{{
                  labels[part]
                }}</label>
                <input
                  class="govuk-input govuk-date-input__input"
                  [class.govuk-input--width-4]="part === 'year'"
                  [class.govuk-input--width-2]="part !== 'year'"
                  [class.govuk-input--error]="isBad(part)"
                  [id]="fieldId() + '-' + part"
                  [name]="fieldId() + '-' + part"
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  [value]="value()[part]"
                  (input)="set(part, $event)"
                />
              </div>
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class DateInput {
  /** Id prefix of the boxes, and of the hint and error. */
  readonly fieldId = input.required<string>();
  /** The question, as the fieldset's legend. */
  readonly legend = input.required<string>();
  /** The hint under the legend. */
  readonly hint = input.required<string>();
  /** The boxes' contents, two-way. */
  readonly value = model.required<DateParts>();
  /** The problem with this date, if any. */
  readonly problem = input<RowProblem | null>(null);

  /** The boxes, in order. */
  readonly parts = DATE_PARTS;
  /** Each box's label. */
  readonly labels = LABELS;

  /** The hint and, while there is one, the error. */
  readonly describedBy = computed(() =>
    [`${this.fieldId()}-hint`, this.problem() ? `${this.fieldId()}-error` : ''].filter(Boolean).join(' '),
  );

  /** Whether a box is at fault. */
  isBad(part: DatePart): boolean {
    const problem = this.problem();
    return !!problem && (problem.parts ?? DATE_PARTS).includes(part);
  }

  /** Copies a box's contents into the value. */
  set(part: DatePart, event: Event): void {
    const text = eventValue(event);
    this.value.update((value) => ({ ...value, [part]: text }));
  }
}
