import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { eventValue } from '../../core/ui/event-value';
import { CoverProblem, DateTimePart, DateTimeParts, PARTS } from './team-cover-form';

const LABELS: Record<DateTimePart, string> = {
  day: 'Day',
  month: 'Month',
  year: 'Year',
  hour: 'Hour',
  minute: 'Minute',
};

/**
 * A GOV.UK date input with hour and minute boxes beneath, in one fieldset; each box's id is
 * `<fieldId>-day` … `<fieldId>-minute`. The boxes at fault are marked when there is a problem.
 */
@Component({
  selector: 'cop-date-time-input',
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
        @for (row of rows; track $index) {
          <div [class]="$index > 0 ? 'govuk-date-input govuk-!-margin-top-3' : 'govuk-date-input'">
            @for (part of row; track part) {
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
        }
      </fieldset>
    </div>
  `,
})
export class DateTimeInput {
  /** Id prefix of the boxes, and of the hint and error. */
  readonly fieldId = input.required<string>();
  /** The question, as the fieldset's legend. */
  readonly legend = input.required<string>();
  /** The hint under the legend. */
  readonly hint = input.required<string>();
  /** The boxes' contents, two-way. */
  readonly value = model.required<DateTimeParts>();
  /** The problem with this date and time, if any. */
  readonly problem = input<CoverProblem | null>(null);

  /** The date boxes on one row and the time boxes under them (so a phone never splits the time). */
  readonly rows: readonly (readonly DateTimePart[])[] = [PARTS.slice(0, 3), PARTS.slice(3)];
  /** Each box's label. */
  readonly labels = LABELS;

  /** The hint and, while there is one, the error. */
  readonly describedBy = computed(() =>
    [`${this.fieldId()}-hint`, this.problem() ? `${this.fieldId()}-error` : ''].filter(Boolean).join(' '),
  );

  /** Whether a box is at fault. */
  isBad(part: DateTimePart): boolean {
    const problem = this.problem();
    return !!problem && (problem.parts ?? PARTS).includes(part);
  }

  /** Copies a box's contents into the value. */
  set(part: DateTimePart, event: Event): void {
    const text = eventValue(event);
    this.value.update((value) => ({ ...value, [part]: text }));
  }
}
