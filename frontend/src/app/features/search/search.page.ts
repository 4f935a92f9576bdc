import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { toSignal } from '@angular/core/rxjs-interop';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { commonMessage, toApiError } from '../../core/api/api-error';
import { SearchResult } from '../../core/cases/cases.model';
import { CasesService } from '../../core/cases/cases.service';
import { displayDateTime } from '../../core/cases/task-display';
import { PluginsService } from '../../core/plugins/plugins.service';
import { Breakpoint } from '../../core/ui/breakpoint';
import { ErrorSummary, FieldProblem } from '../../core/ui/error-summary';
import { PageTitle } from '../../core/ui/page-title';
import { searchedValue, stateLabels } from './search-display';

/** Data terms an officer can search by (ids of core/src/terms/standard-terms.ts). */
export const SEARCH_TERMS = [
  { id: 'person.familyName', label: 'Family name' },
  { id: 'person.givenName', label: 'Given name' },
  { id: 'person.dateOfBirth', label: 'Date of birth', hint: 'For example, 27/3/1985 or 1985-03-27' },
  { id: 'document.number', label: 'Document number' },
  { id: 'vehicle.registration', label: 'Vehicle registration' },
  { id: 'trailer.registration', label: 'Trailer registration' },
  { id: 'vessel.name', label: 'Vessel name' },
  { id: 'vessel.imo', label: 'Vessel IMO number' },
  { id: 'flight.number', label: 'Flight number' },
  { id: 'location.port', label: 'Port', hint: 'The port code, for example DOVER or LHR' },
  { id: 'address.postcode', label: 'Postcode', hint: 'For example, CT16 1JA' },
  { id: 'target.reference', label: 'Target reference' },
] as const;

/** Search across every workflow by one data term. The query lives in the URL. */
@Component({
  selector: 'cop-search-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary],
  templateUrl: './search.page.html',
})
export class SearchPage {
  private readonly cases = inject(CasesService);
  private readonly router = inject(Router);
  private readonly pageTitle = inject(PageTitle);

  /** Query parameters. */
  readonly term = input<string>();
  readonly value = input<string>();

  /** Whether the screen is a phone's: results are summary cards rather than tables. */
  readonly narrow = inject(Breakpoint).narrow;
  /** Each workflow's state labels, so results name states as the case page does. */
  private readonly labels = toSignal(
    inject(PluginsService)
      .list()
      .pipe(
        map(stateLabels),
        catchError(() => of(new Map<string, Map<string, string>>())),
      ),
    { initialValue: new Map<string, Map<string, string>>() },
  );

  readonly terms = SEARCH_TERMS;
  readonly when = displayDateTime;
  readonly result = signal<SearchResult | null>(null);
  readonly searching = signal(false);
  readonly problems = signal<FieldProblem[]>([]);
  readonly termError = computed(() => this.problems().find((p) => p.fieldId === 'search-term')?.message ?? null);
  readonly valueError = computed(() => this.problems().find((p) => p.fieldId === 'search-value')?.message ?? null);
  readonly chosen = signal('');
  readonly termLabel = computed(
    () => SEARCH_TERMS.find((t) => t.id === this.result()?.term)?.label ?? this.result()?.term ?? '',
  );
  /** The value searched for, as written normally ("AB12 CDE" for `ab12cde`). */
  readonly shownValue = computed(() => {
    const r = this.result();
    return r ? searchedValue(r.term, r.value, r.normalised) : '';
  });
  readonly hint = computed(
    () =>
      (SEARCH_TERMS.find((t) => t.id === (this.chosen() || this.term())) as { hint?: string } | undefined)?.hint ??
      null,
  );

  constructor() {
    effect(() => {
      const term = this.term();
      const value = this.value();
      this.chosen.set(term ?? '');
      if (term && value) void this.run(term, value);
      else this.result.set(null);
    });
  }

  /** A state's label in its workflow; the id when the workflow is not known here. */
  stateLabel(pluginId: string, state: string): string {
    return this.labels().get(pluginId)?.get(state) ?? state;
  }

  search(event: Event): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const term = String(data.get('term') ?? '');
    const value = String(data.get('value') ?? '').trim();
    const problems: FieldProblem[] = [];
    if (!term) problems.push({ fieldId: 'search-term', message: 'Choose what to search by' });
    if (!value) problems.push({ fieldId: 'search-value', message: 'Enter what to search for' });
    this.show(problems);
    if (problems.length) return;
    void this.router.navigate([], { queryParams: { term, value } });
  }

  choose(event: Event): void {
    this.chosen.set((event.target as HTMLSelectElement).value);
  }

  private async run(term: string, value: string): Promise<void> {
    this.searching.set(true);
    try {
      this.result.set(await firstValueFrom(this.cases.search(term, value)));
      this.show([]);
    } catch (error: unknown) {
      const e = toApiError(error);
      this.result.set(null);
      const fieldProblems = e.errors.map((x) => ({
        fieldId: x.path === 'term' ? 'search-term' : 'search-value',
        message: x.message,
      }));
      this.show(
        fieldProblems.length
          ? fieldProblems
          : [{ fieldId: '', message: commonMessage(e) ?? e.message ?? 'The search did not work. Try again.' }],
      );
    } finally {
      this.searching.set(false);
    }
  }

  private show(problems: FieldProblem[]): void {
    this.problems.set(problems);
    this.pageTitle.setError(problems.length > 0);
  }
}
