import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { eventValue } from '../../../core/ui/event-value';

/** How many matches the menu offers at once. */
const MAX_MATCHES = 8;

/** An option the combobox offers. */
export interface ComboboxChoice {
  value: string;
  label: string;
}

/**
 * An autocomplete with its menu inline (`displayMenu: "inline"`), behaving as GOV.UK's
 * accessible-autocomplete does: an ARIA combobox whose listbox opens under the input, in the page
 * flow; up and down arrows move through the matches, Enter chooses, Escape closes, and a polite
 * status says how many results there are. Leaving the box keeps the chosen answer (clearing the
 * text clears it).
 */
@Component({
  selector: 'cop-autocomplete-combobox',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './autocomplete-combobox.html',
})
export class AutocompleteCombobox {
  /** The input's id (its label's `for`). */
  readonly inputId = input.required<string>();
  /** Everything that may be chosen. */
  readonly choices = input.required<readonly ComboboxChoice[]>();
  /** The chosen value ('' when none). */
  readonly value = input('');
  /** Ids of the hint and error the input is described by. */
  readonly describedBy = input<string | null>(null);
  /** Whether the question shows an error. */
  readonly invalid = input(false);
  /** A value was chosen (undefined: the answer was cleared). */
  readonly chosen = output<string | undefined>();

  /** What is typed while searching; null when the box shows the chosen option's label. */
  readonly query = signal<string | null>(null);
  /** Whether the menu is open. */
  readonly open = signal(false);
  /** Index of the highlighted option, -1 for none. */
  readonly active = signal(-1);

  readonly chosenLabel = computed(() => this.choices().find((c) => c.value === this.value())?.label ?? '');
  readonly text = computed(() => this.query() ?? this.chosenLabel());
  readonly matches = computed(() => {
    const q = (this.query() ?? '').trim().toLowerCase();
    if (!q) return [];
    return this.choices()
      .filter((c) => c.label.toLowerCase().includes(q) || c.value.toLowerCase() === q)
      .slice(0, MAX_MATCHES);
  });
  readonly listboxId = computed(() => `${this.inputId()}-listbox`);
  readonly activeId = computed(() =>
    this.open() && this.active() >= 0 ? `${this.inputId()}-option-${this.active()}` : null,
  );
  readonly ariaDescribedBy = computed(() =>
    [this.describedBy(), `${this.inputId()}-assistive-hint`].filter(Boolean).join(' '),
  );
  /** What the status region announces. */
  readonly status = computed(() => {
    if (!this.open()) return '';
    const n = this.matches().length;
    if (n === 0) return 'No search results';
    const at =
      this.active() >= 0 ? ` ${this.matches()[this.active()]!.label} ${this.active() + 1} of ${n} is highlighted` : '';
    return `${n} ${n === 1 ? 'result is' : 'results are'} available.${at}`;
  });

  onInput(event: Event): void {
    const typed = eventValue(event);
    this.query.set(typed);
    this.active.set(-1);
    this.open.set(typed.trim().length > 0);
  }

  onKeydown(event: KeyboardEvent): void {
    const n = this.matches().length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!n) return;
        this.open.set(true);
        this.active.set(Math.min(this.active() + 1, n - 1));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (this.open()) this.active.set(Math.max(this.active() - 1, -1));
        return;
      case 'Enter':
        if (!this.open()) return;
        event.preventDefault(); // choosing an option must not submit the page
        if (this.active() >= 0) this.choose(this.matches()[this.active()]!);
        return;
      case 'Escape':
        if (this.open()) {
          event.preventDefault();
          this.open.set(false);
          this.active.set(-1);
        }
        return;
      default:
    }
  }

  /** Leaving the box: the highlighted or exactly typed option is chosen; blank text clears the answer. */
  onBlur(): void {
    const q = this.query();
    if (q === null) return;
    const highlighted = this.open() && this.active() >= 0 ? this.matches()[this.active()] : undefined;
    const exact = this.choices().find((c) => c.label.toLowerCase() === q.trim().toLowerCase());
    if (highlighted ?? exact) this.choose((highlighted ?? exact)!);
    else {
      if (!q.trim()) this.chosen.emit(undefined);
      this.close();
    }
  }

  choose(choice: ComboboxChoice): void {
    this.chosen.emit(choice.value);
    this.close();
  }

  private close(): void {
    this.query.set(null);
    this.open.set(false);
    this.active.set(-1);
  }
}
