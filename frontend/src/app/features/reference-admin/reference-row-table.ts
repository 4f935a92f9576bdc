import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { displayDateTime } from '../../core/cases/task-display';
import { displayDate } from './reference-admin-form';
import { STATUS_TAGS } from './reference-admin.messages';
import { AdminReferenceRow, ReferenceSetRows } from './reference-admin.service';

/**
 * Every row of a set: current, retired and not yet started ones marked with a tag, where each
 * came from, and for a current row an "End-date" button that names it for screen readers.
 */
@Component({
  selector: 'cop-reference-row-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="cop-table-scroll" tabindex="0" role="region" aria-labelledby="rows-caption">
      <table class="govuk-table" data-testid="reference-rows">
        <caption class="govuk-table__caption govuk-table__caption--m" id="rows-caption">
          Rows of
          {{
            data().set.label
          }}
          ({{
            data().rows.length
          }})
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">Row</th>
            <th scope="col" class="govuk-table__header">Status</th>
            <th scope="col" class="govuk-table__header">Can be chosen</th>
            @if (data().set.perWorkflow) {
              <th scope="col" class="govuk-table__header">Workflows</th>
            }
            <th scope="col" class="govuk-table__header">Source</th>
            @if (!data().locked) {
              <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
            }
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          @for (row of data().rows; track row.id) {
            <tr class="govuk-table__row" [attr.data-row-id]="row.id">
              <th scope="row" class="govuk-table__header">
                {{ row.label }}
                <span
                  class="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 cop-secondary-text govuk-!-font-weight-regular"
                  ><span class="govuk-visually-hidden">Id: </span>{{ row.id }}
                  @if (row.parent) {
                    · under {{ labelOf(row.parent) }}
                  }
                </span>
              </th>
              <td class="govuk-table__cell">
                <strong class="govuk-tag" [class]="tags[row.status].colour">{{ tags[row.status].label }}</strong>
              </td>
              <td class="govuk-table__cell">{{ period(row) }}</td>
              @if (data().set.perWorkflow) {
                <td class="govuk-table__cell">{{ workflowNames(row) }}</td>
              }
              <td class="govuk-table__cell">
                {{ source(row) }}
              </td>
              @if (!data().locked) {
                <td class="govuk-table__cell">
                  @if (row.status !== 'retired') {
                    <button
                      type="button"
                      class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                      [disabled]="busy()"
                      (click)="endDate.emit(row)"
                    >
                      End-date<span class="govuk-visually-hidden"> {{ row.label }}</span>
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class ReferenceRowTable {
  /** The set and its rows. */
  readonly data = input.required<ReferenceSetRows>();
  /** Whether a change is in flight (the buttons wait). */
  readonly busy = input(false);
  /** Emitted when the admin wants to end-date a row. */
  readonly endDate = output<AdminReferenceRow>();

  /** Tag wording and colour by status. */
  readonly tags = STATUS_TAGS;
  /** "12 April 2026, 2:30pm", UK time. */
  readonly when = displayDateTime;

  private readonly labels = computed(() => new Map(this.data().rows.map((r) => [r.id, r.label])));
  private readonly titles = computed(() => new Map(this.data().workflows.map((w) => [w.id, w.title])));

  /** A parent's label (its id if it is not listed). */
  labelOf(id: string): string {
    return this.labels().get(id) ?? id;
  }

  /** "From 1 March 2012", "1 January 2020 to 31 December 2020". */
  period(row: AdminReferenceRow): string {
    return row.validTo
      ? `${displayDate(row.validFrom)} to ${displayDate(row.validTo)}`
      : `From ${displayDate(row.validFrom)}`;
  }

  /** "Comes with the platform", or who added it and when. */
  source(row: AdminReferenceRow): string {
    if (row.source === 'seed') return 'Comes with the platform';
    return `Added by ${row.addedBy ?? 'an admin'}${row.addedAt ? `, ${this.when(row.addedAt)}` : ''}`;
  }

  /** The workflows whose forms offer the row, by title. */
  workflowNames(row: AdminReferenceRow): string {
    if (!row.workflows?.length) return 'None';
    return row.workflows.map((id) => this.titles().get(id) ?? id).join(', ');
  }
}
