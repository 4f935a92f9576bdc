import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom, map } from 'rxjs';
import { toApiError } from '../../core/api/api-error';
import { ErrorSummary } from '../../core/ui/error-summary';
import { eventValue } from '../../core/ui/event-value';
import { PageTitle } from '../../core/ui/page-title';
import { SuccessBanner } from '../../core/ui/success-banner';
import { AdminNav } from '../admin/admin-nav';
import { DateInput } from '../../core/ui/date-input';
import {
  DateParts,
  EndRowInput,
  NewRowInput,
  RowProblem,
  checkEndRow,
  checkNewRow,
  displayDate,
  emptyEnd,
  emptyRow,
  endServerProblems,
  isTree,
  problemOn,
  rowServerProblems,
} from './reference-admin-form';
import {
  ID_MAX,
  LABEL_MAX,
  REFERENCE_ADMIN_MESSAGES,
  ROW_FIELDS,
  changeErrorMessage,
  loadErrorMessage,
} from './reference-admin.messages';
import {
  AdminReferenceRow,
  ReferenceAdminService,
  ReferenceSetRows,
  ReferenceSetSummary,
} from './reference-admin.service';
import { ReferenceRowTable } from './reference-row-table';

/**
 * Admins choose a reference data set (`?set=`), see every row of it, add a row and end-date one.
 * The core checks each change again and its field errors are placed on the form.
 */
@Component({
  selector: 'cop-reference-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ErrorSummary, SuccessBanner, AdminNav, DateInput, ReferenceRowTable],
  templateUrl: './reference-admin.page.html',
})
export class ReferenceAdminPage {
  private readonly service = inject(ReferenceAdminService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);

  /** Messages, for the template. */
  readonly messages = REFERENCE_ADMIN_MESSAGES;
  /** Input ids, for the template. */
  readonly ids = ROW_FIELDS;
  /** Longest id and label. */
  readonly idMax = ID_MAX;
  readonly labelMax = LABEL_MAX;

  /** The set named in the address. */
  readonly selected = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map((p) => p.get('set') ?? '')), {
    initialValue: '',
  });
  /** Every set; null while loading. */
  readonly sets = signal<ReferenceSetSummary[] | null>(null);
  /** The set chosen in the select, before "Show rows". */
  readonly choice = signal('');
  /** The selected set's rows; null while loading or before a set is chosen. */
  readonly data = signal<ReferenceSetRows | null>(null);
  /** Why the sets or the rows could not be loaded. */
  readonly loadError = signal<string | null>(null);
  /** What the admin has entered to add a row. */
  readonly entered = signal<NewRowInput>(emptyRow());
  /** What the admin has entered to end-date a row. */
  readonly ending = signal<EndRowInput>(emptyEnd());
  /** Problems from the last attempt, shown in the error summary and beside the inputs. */
  readonly problems = signal<readonly RowProblem[]>([]);
  /** What the last change did. */
  readonly success = signal<string | null>(null);
  /** Whether a change is in flight. */
  readonly busy = signal(false);

  /** Whether a new row may have a parent (the set is a tree). */
  readonly tree = computed(() => isTree(this.data()?.rows ?? []));
  /** Rows that may still be end-dated. */
  readonly endable = computed(() => this.data()?.rows.filter((r) => r.status !== 'retired') ?? []);

  /** Inline errors, by input. */
  readonly setError = computed(() => this.messageOn(ROW_FIELDS.set));
  readonly labelError = computed(() => this.messageOn(ROW_FIELDS.label));
  readonly idError = computed(() => this.messageOn(ROW_FIELDS.id));
  readonly parentError = computed(() => this.messageOn(ROW_FIELDS.parent));
  readonly workflowsError = computed(() => this.messageOn(ROW_FIELDS.workflows));
  readonly attributesError = computed(() => this.messageOn(ROW_FIELDS.attributes));
  readonly endRowError = computed(() => this.messageOn(ROW_FIELDS.endRow));
  readonly fromProblem = computed(() => problemOn(this.problems(), ROW_FIELDS.validFrom));
  readonly toProblem = computed(() => problemOn(this.problems(), ROW_FIELDS.validTo));
  readonly endToProblem = computed(() => problemOn(this.problems(), ROW_FIELDS.endTo));

  constructor() {
    void this.loadSets();
    effect(() => {
      const set = this.selected();
      untracked(() => {
        this.choice.set(set);
        this.entered.set(emptyRow());
        this.ending.set(emptyEnd());
        this.show([]);
        void this.load(set);
      });
    });
  }

  /** Copies a text input, select or textarea of the add form into the entries. */
  set(field: 'label' | 'id' | 'parent' | 'attributes', event: Event): void {
    const value = eventValue(event);
    this.entered.update((entered) => ({ ...entered, [field]: value }));
  }

  /** Ticks or unticks a workflow. */
  toggleWorkflow(id: string, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.entered.update((entered) => ({
      ...entered,
      workflows: on ? [...entered.workflows, id] : entered.workflows.filter((w) => w !== id),
    }));
  }

  /** Sets the start or end boxes of the add form. */
  setWhen(field: 'from' | 'to', parts: DateParts): void {
    this.entered.update((entered) => ({ ...entered, [field]: parts }));
  }

  /** Copies the end-date form's row choice. */
  setEndRow(event: Event): void {
    const rowId = eventValue(event);
    this.ending.update((ending) => ({ ...ending, rowId }));
  }

  /** Sets the end-date form's boxes. */
  setEndTo(to: DateParts): void {
    this.ending.update((ending) => ({ ...ending, to }));
  }

  /** Copies the set select. */
  setChoice(event: Event): void {
    this.choice.set(eventValue(event));
  }

  /** "Show rows": the chosen set goes into the address. */
  async choose(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.choice()) return this.show([{ fieldId: ROW_FIELDS.set, message: REFERENCE_ADMIN_MESSAGES.setRequired }]);
    await this.router.navigate([], { queryParams: { set: this.choice() } });
  }

  /** Checks the new row, adds it, and on success empties the form and lists the row. */
  async add(event: Event): Promise<void> {
    event.preventDefault();
    const data = this.data();
    if (this.busy() || !data) return;
    this.success.set(null);
    const checked = checkNewRow(this.entered(), data.set.perWorkflow);
    if (!checked.request) return this.show(checked.problems);
    this.busy.set(true);
    try {
      const row = await firstValueFrom(this.service.add(data.set.id, checked.request));
      this.show([]);
      this.entered.set(emptyRow());
      (event.target as HTMLFormElement | null)?.reset?.();
      await this.load(data.set.id);
      this.success.set(REFERENCE_ADMIN_MESSAGES.added(row.label, data.set.label));
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 400 && e.errors.length) this.show(rowServerProblems(e.errors));
      else this.show([{ fieldId: '', message: changeErrorMessage(e, REFERENCE_ADMIN_MESSAGES.addFailed) }]);
    } finally {
      this.busy.set(false);
    }
  }

  /** From the table: picks the row in the end-date form and takes the admin to its date. */
  startEndDate(row: AdminReferenceRow): void {
    this.ending.update((ending) => ({ ...ending, rowId: row.id }));
    const day = document.getElementById(`${ROW_FIELDS.endTo}-day`);
    day?.scrollIntoView({ block: 'center' });
    day?.focus({ preventScroll: true });
  }

  /** Checks the end date, sets it, and lists the rows again. */
  async endDate(event: Event): Promise<void> {
    event.preventDefault();
    const data = this.data();
    if (this.busy() || !data) return;
    this.success.set(null);
    const checked = checkEndRow(this.ending());
    if (!checked.request) return this.show(checked.problems);
    this.busy.set(true);
    try {
      const { rowId, validTo } = checked.request;
      const row = await firstValueFrom(this.service.change(data.set.id, rowId, { validTo }));
      this.show([]);
      this.ending.set(emptyEnd());
      (event.target as HTMLFormElement | null)?.reset?.();
      await this.load(data.set.id);
      this.success.set(REFERENCE_ADMIN_MESSAGES.ended(row.label, displayDate(validTo)));
    } catch (error: unknown) {
      const e = toApiError(error);
      if (e.status === 400 && e.errors.length) this.show(endServerProblems(e.errors));
      else this.show([{ fieldId: '', message: changeErrorMessage(e, REFERENCE_ADMIN_MESSAGES.endFailed) }]);
      if (e.status === 404) await this.load(data.set.id);
    } finally {
      this.busy.set(false);
    }
  }

  /** Ids an input is described by: its hint and, while there is one, its error. */
  describedBy(hintId: string | null, errorId: string, error: string | null): string | null {
    return [hintId ?? '', error ? errorId : ''].filter(Boolean).join(' ') || null;
  }

  /** Whether a workflow is ticked. */
  ticked(id: string): boolean {
    return this.entered().workflows.includes(id);
  }

  private async loadSets(): Promise<void> {
    try {
      this.sets.set(await firstValueFrom(this.service.sets()));
    } catch (error: unknown) {
      this.loadError.set(loadErrorMessage(toApiError(error), REFERENCE_ADMIN_MESSAGES.setsFailed));
    }
  }

  private async load(set: string): Promise<void> {
    if (!set) {
      this.data.set(null);
      return;
    }
    try {
      const data = await firstValueFrom(this.service.rows(set));
      if (this.selected() !== set) return;
      this.data.set(data);
      this.loadError.set(null);
      this.pageTitle.setPage(`${data.set.label} - Reference data`);
    } catch (error: unknown) {
      this.data.set(null);
      this.loadError.set(loadErrorMessage(toApiError(error), REFERENCE_ADMIN_MESSAGES.rowsFailed));
    }
  }

  private messageOn(id: string): string | null {
    return problemOn(this.problems(), id)?.message ?? null;
  }

  private show(problems: RowProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }
}
