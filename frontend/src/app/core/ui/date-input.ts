import { ChangeDetectionStrategy, Component, computed, input, model } from '@angular/core';
import { eventValue } from './event-value';

/** Every box a GOV.UK date (and time) input can have. */
export interface DateTimeParts {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

/** One box. */
export type DateTimePart = keyof DateTimeParts;

/** The boxes of a date. */
export type DateParts = Pick<DateTimeParts, 'day' | 'month' | 'year'>;

/** The boxes of a date. */
export type DatePart = keyof DateParts;

/** Which boxes an input shows: a date, a month (month and year) or a date with hour and minute under it. */
export type DateBoxes = 'date' | 'month' | 'date-time';

/** A problem with the boxes: its message, and the boxes at fault (all of them when not given). */
export interface BoxesProblem {
  message: string;
  parts?: readonly DateTimePart[];
}

/** The date boxes in the order they are shown. */
export const DATE_PARTS: readonly DatePart[] = ['day', 'month', 'year'];

/** The rows of boxes of each kind: the time under the date, so a phone never splits the time. */
const ROWS: Record<DateBoxes, readonly (readonly DateTimePart[])[]> = {
  date: [DATE_PARTS],
  month: [['month', 'year']],
  'date-time': [DATE_PARTS, ['hour', 'minute']],
};

const LABELS: Record<DateTimePart, string> = {
  day: 'Day',
  month: 'Month',
  year: 'Year',
  hour: 'Hour',
  minute: 'Minute',
};

/**
 * A GOV.UK date input in one fieldset: day, month and year (or month and year, or a date with
 * hour and minute beneath). Each box's id is `<fieldId>-day` … `<fieldId>-minute`, its hint's
 * `<fieldId>-hint` and its error's `<fieldId>-error`; the boxes at fault are marked.
 */
@Component({
  selector: 'cop-date-input',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="govuk-form-group" [class.govuk-form-group--error]="problemMessage()">
      <fieldset class="govuk-fieldset" role="group" [attr.aria-describedby]="describedBy()">
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{{ legend() }}</legend>
        @if (hint()) {
          <div class="govuk-hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
        }
        @if (problemMessage(); as message) {
          <p class="govuk-error-message" [id]="fieldId() + '-error'">
            <span class="govuk-visually-hidden">Error:</span> {{ message }}
          </p>
        }
        @for (row of rows(); track $index) {
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
                    [value]="box(part)"
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
export class DateInput<T extends Partial<DateTimeParts>> {
  /** Id prefix of the boxes, and of the hint and error. */
  readonly fieldId = input.required<string>();
  /** The question, as the fieldset's legend. */
  readonly legend = input.required<string>();
  /** The hint under the legend (none when empty). */
  readonly hint = input<string>('');
  /** Which boxes to show. */
  readonly boxes = input<DateBoxes>('date');
  /** The boxes' contents, two-way. */
  readonly value = model.required<T>();
  /** The problem with this date, if any: a message (every box at fault) or a message with the boxes at fault. */
  readonly problem = input<BoxesProblem | string | null>(null);

  /** Each box's label. */
  readonly labels = LABELS;
  /** The rows of boxes shown. */
  readonly rows = computed(() => ROWS[this.boxes()]);
  /** The problem's message. */
  readonly problemMessage = computed(() => {
    const problem = this.problem();
    return typeof problem === 'string' ? problem : (problem?.message ?? null);
  });

  /** The hint and, while there is one, the error. */
  readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.fieldId()}-hint` : '', this.problemMessage() ? `${this.fieldId()}-error` : '']
        .filter(Boolean)
        .join(' ') || null,
  );

  /** A box's contents. */
  box(part: DateTimePart): string {
    return this.value()[part] ?? '';
  }

  /** Whether a box is at fault. */
  isBad(part: DateTimePart): boolean {
    const problem = this.problem();
    if (!problem) return false;
    return typeof problem === 'string' || !problem.parts || problem.parts.includes(part);
  }

  /** Copies a box's contents into the value. */
  set(part: DateTimePart, event: Event): void {
    const text = eventValue(event);
    this.value.update((value) => ({ ...value, [part]: text }));
  }
}
