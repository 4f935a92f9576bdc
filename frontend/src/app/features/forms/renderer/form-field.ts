import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import {
  displayAnswer,
  filteredRows,
  formatText,
  standardTerms,
  type CompiledField,
  type Component as FormComponent,
  type Env,
  type Option,
} from '../../../core/forms/engine';
import { eventValue } from '../../../core/ui/event-value';
import { fieldId, type DateParts } from './form-logic';
import { AutocompleteCombobox } from './autocomplete-combobox';
import { FileUpload } from './file-upload';
import { FormState } from './form-state';

/** How many matches an autocomplete offers at once. */
const MAX_MATCHES = 8;

/** A choice offered by radios, checkboxes, select or autocomplete. */
interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/**
 * Renders one component of a form page with GOV.UK markup: any input type, a repeating group
 * (itself rendering its items' components), a calculated value or a content block.
 */
@Component({
  selector: 'cop-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NgTemplateOutlet, FileUpload, AutocompleteCombobox],
  templateUrl: './form-field.html',
})
export class FormField {
  readonly state = inject(FormState);

  /** The component declaration. */
  readonly component = input.required<FormComponent>();
  /** Path prefix of the enclosing group item (`items[0].`), '' at the top. */
  readonly prefix = input('');
  /** Where conditions are evaluated. */
  readonly env = input.required<Env>();
  /** Heading level for group item titles. */
  readonly level = input(2);
  /** Whether this question's label is the page heading (a page without a title: the GOV.UK pattern). */
  readonly heading = input(false);

  /** The text typed into an autocomplete's search box. */
  readonly search = signal<string | null>(null);

  readonly field = computed<CompiledField | undefined>(() => this.state.field(this.component()));
  readonly kind = computed(() => this.field()?.kind ?? (this.component() as { type: string }).type);
  readonly path = computed(() => this.prefix() + (this.field()?.name ?? ''));
  /** Whether the field holds a UK postcode (GOV.UK: a short input the browser may fill in). */
  readonly postcode = computed(() => this.field()?.term?.canonical === 'uk-postcode');
  readonly id = computed(() => fieldId(this.path()));
  readonly shown = computed(() => this.state.shown(this.component(), this.env()));
  readonly error = computed(() => (this.field() ? this.state.errorAt(this.path()) : null));
  readonly value = computed(() => this.state.value(this.path()));
  readonly text = computed(() => {
    const v = this.value();
    return v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v);
  });
  readonly content = computed(() => this.component() as { text?: string; summary?: string; size?: string });
  /** A heading's GOV.UK class: `govuk-heading-s` … `govuk-heading-xl` (default m). */
  readonly headingClass = computed(() => `govuk-heading-${this.content().size ?? 'm'}`);
  /** Whether the question is read-only: its pre-filled answer is shown, not an input. */
  readonly readonly = computed(() => this.field()?.readonly === true);
  /** A read-only question's answer as the core keeps it (formatted, an option's label). */
  readonly readonlyText = computed(() => {
    const field = this.field();
    if (!field) return '';
    return displayAnswer(field, this.state.cleanedValue(this.path()), {
      terms: standardTerms,
      reference: this.state.lookup(),
      notProvided: 'Not known',
    });
  });
  readonly suffix = computed(() => (this.field()?.source as { suffix?: string } | undefined)?.suffix);
  readonly describedBy = computed(() => {
    const ids: string[] = [];
    if (this.field()?.hint) ids.push(`${this.id()}-hint`);
    if (this.error()) ids.push(`${this.id()}-error`);
    return ids.length ? ids.join(' ') : null;
  });

  /** Whether an autocomplete shows a combobox with its menu inline (`displayMenu: "inline"`). */
  readonly inlineMenu = computed(() => this.field()?.displayMenu === 'inline');
  /** The answer a `filterBy` question's rows belong to (the chosen port), as the engine reads it. */
  readonly filterValue = computed(() => this.field()?.filter?.value(this.env()));
  /**
   * Options of a choice component: its own, or its reference set's rows; with `filterBy`, only the
   * rows of the other answer (none until it is given), the same rows the engine accepts.
   */
  readonly choices = computed<Choice[]>(() => {
    const field = this.field();
    if (!field) return [];
    const own = (field.source as { options?: Option[] }).options;
    if (own) return own.map((o) => ({ value: o.value, label: o.label, hint: o.hint }));
    if (!field.reference) return [];
    const rows = this.state.rows(field.reference);
    const offered = field.filter ? filteredRows(rows, field.filter.match, this.filterValue()) : rows;
    return offered.map((r) => ({ value: r.id, label: r.label }));
  });

  constructor() {
    // When the other answer changes (another port), an answer no longer offered (a terminal of the
    // old port) is cleared rather than left to fail on submit; not before the rows have arrived.
    effect(() => {
      const field = this.field();
      if (!field?.filter || !field.reference || this.state.rows(field.reference).length === 0) return;
      const chosen = this.value();
      const offered = this.choices();
      if (typeof chosen === 'string' && chosen && !offered.some((c) => c.value === chosen))
        this.state.setValue(this.path(), undefined);
      else if (Array.isArray(chosen) && chosen.some((v) => !offered.some((c) => c.value === v)))
        this.state.setValue(
          this.path(),
          chosen.filter((v) => offered.some((c) => c.value === v)),
        );
    });
  }

  /** The combobox chose an option, or cleared the answer. */
  chooseOrClear(value: string | undefined): void {
    this.state.setValue(this.path(), value);
  }
  /**
   * Autocomplete matches for the search text. With nothing typed and an answer chosen (a port
   * pre-filled from the shift, say), only that answer is offered: the rest is for searching.
   */
  readonly matches = computed(() => {
    const q = (this.search() ?? '').trim().toLowerCase();
    const all = this.choices();
    const chosen = this.text();
    if (!q && chosen) {
      const only = all.find((c) => c.value === chosen);
      if (only) return { shown: [only], total: 1 };
    }
    const found = q ? all.filter((c) => c.label.toLowerCase().includes(q) || c.value.toLowerCase().includes(q)) : all;
    return { shown: found.slice(0, MAX_MATCHES), total: found.length };
  });
  /** The chosen option of an autocomplete, when not among the matches. */
  readonly chosenHidden = computed(() => {
    const v = this.text();
    if (!v || this.matches().shown.some((c) => c.value === v)) return null;
    return this.choices().find((c) => c.value === v) ?? { value: v, label: v };
  });

  /** Items of a group. */
  readonly items = computed(() => (this.kind() === 'group' ? this.state.items(this.path()) : []));
  readonly itemName = computed(() => this.field()?.itemName ?? 'item');
  readonly canAdd = computed(() => this.items().length < Math.min(this.field()?.maxItems ?? 200, 200));
  readonly children = computed(() => (this.component() as { components?: FormComponent[] }).components ?? []);

  /** The calculated value, live. */
  readonly calculated = computed(() => {
    const v = this.state.cleanedValue(this.path());
    if (typeof v !== 'number') return 'Not calculated yet';
    return this.suffix() ? `${v} ${this.suffix()}` : String(v);
  });

  setText(event: Event): void {
    this.state.setValue(this.path(), eventValue(event));
  }

  /** On leaving a text input: show the answer as its `format` keeps it (`ct161ja` → `CT16 1JA`). */
  formatInput(event: Event): void {
    const rules = this.field()?.format;
    if (!rules?.length) return;
    const formatted = formatText(rules, eventValue(event));
    (event.target as HTMLInputElement | HTMLTextAreaElement).value = formatted;
    this.state.setValue(this.path(), formatted);
  }

  choose(value: string): void {
    this.state.setValue(this.path(), value);
  }

  setYesNo(value: boolean): void {
    this.state.setValue(this.path(), value);
  }

  toggle(value: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const current = Array.isArray(this.value()) ? (this.value() as string[]) : [];
    const next = checked ? [...current.filter((v) => v !== value), value] : current.filter((v) => v !== value);
    this.state.setValue(this.path(), next.length ? next : undefined);
  }

  isChecked(value: string): boolean {
    const v = this.value();
    return Array.isArray(v) && v.includes(value);
  }

  parts(): DateParts {
    return this.state.dateParts(this.path(), this.kind() === 'date-time');
  }

  setPart(key: keyof DateParts, event: Event): void {
    this.state.setDatePart(this.path(), key, eventValue(event), this.kind() === 'date-time');
  }

  setSearch(event: Event): void {
    this.search.set(eventValue(event));
  }

  addItem(): void {
    this.state.addItem(this.path());
    const next = this.items().length; // after the update: focus the new item's heading
    setTimeout(() => document.getElementById(`${this.id()}-${next - 1}-title`)?.focus(), 0);
  }

  removeItem(i: number): void {
    this.state.removeItem(this.path(), i);
    setTimeout(() => document.getElementById(`${this.id()}-add`)?.focus(), 0);
  }

  itemEnv(i: number): Env {
    return this.state.itemEnv(this.env(), this.path(), i);
  }

  /** A part's inline error state: every part is marked when the date as a whole is wrong. */
  partError(key: keyof DateParts): boolean {
    const error = this.error();
    if (!error) return false;
    const m = /must include a (.+)$/.exec(error);
    if (m) return m[1]!.includes(key);
    if (error.startsWith('Year must')) return key === 'year';
    return true;
  }

  capitalised(text: string): string {
    return text ? text[0]!.toUpperCase() + text.slice(1) : text;
  }
}
