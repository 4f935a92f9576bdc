import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, model, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Subject, catchError, debounceTime, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { ReferenceRow, ReferenceService } from '../../core/reference/reference.service';
import { eventValue } from '../../core/ui/event-value';
import { SHIFT_MESSAGES } from './shift.messages';

/** How many matching ports to offer at once; more than this and the user should type more. */
const MAX_RESULTS = 8;

/**
 * Search-as-you-type port choice: a text box filters `GET /api/reference/ports?q=` and the
 * matches are offered as radios, which work with any keyboard or screen reader.
 */
@Component({
  selector: 'cop-port-picker',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './port-picker.html',
})
export class PortPicker {
  /** The chosen port, or null. */
  readonly selected = model<ReferenceRow | null>(null);
  /** Inline error to show, if any. */
  readonly error = input<string | null>(null);

  /** Ports matching the current search (at most MAX_RESULTS). */
  readonly results = signal<ReferenceRow[]>([]);
  /** How many ports matched before trimming. */
  readonly matchCount = signal(0);
  /** Whether the last search failed. */
  readonly failed = signal(false);
  /** Whether a search is in flight. */
  readonly searching = signal(true);
  /** Message shown when the search fails. */
  readonly unavailable = SHIFT_MESSAGES.portsUnavailable;

  private readonly queries = new Subject<string>();

  constructor() {
    const reference = inject(ReferenceService);
    this.queries
      .pipe(
        map((text) => text.trim()),
        debounceTime(250),
        startWith(''),
        distinctUntilChanged(),
        switchMap((q) => {
          this.searching.set(true);
          return reference.rows('ports', { q }).pipe(catchError(() => of(null)));
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((rows) => {
        this.searching.set(false);
        this.failed.set(rows === null);
        this.matchCount.set(rows?.length ?? 0);
        this.results.set((rows ?? []).slice(0, MAX_RESULTS));
      });
  }

  /** Feeds the search box into the debounced query stream. */
  search(event: Event): void {
    this.queries.next(eventValue(event));
  }

  /** Records the user's choice. */
  choose(row: ReferenceRow): void {
    this.selected.set(row);
  }

  /** Whether the chosen port is not among the shown results (so it is shown separately). */
  selectedHidden(): boolean {
    const chosen = this.selected();
    return !!chosen && !this.results().some((row) => row.id === chosen.id);
  }
}
