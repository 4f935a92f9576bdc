import { Injectable, computed, signal } from '@angular/core';
import {
  createReferenceLookup,
  readPath,
  standardTerms,
  validateAnswers,
  type Answers,
  type AttachmentLookup,
  type CompiledField,
  type Component,
  type Env,
  type FormDefinition,
  type ReferenceRow,
  type ReferenceSets,
} from '../../../core/forms/engine';
import type { AttachmentView, UploadTarget } from '../../../core/cases/attachments.service';
import {
  FORM_TIME_ZONE,
  fieldId,
  indexForm,
  isShown,
  itemEnv,
  joinAllDates,
  referenceSets,
  rootEnv,
  splitDate,
  writePath,
  type DateParts,
  type DatePartsMap,
  type FormIndex,
  type LocatedError,
} from './form-logic';

/**
 * The answers of one form being filled in, shared by the renderer and every field component
 * it renders (provided by the renderer, so each form has its own).
 */
@Injectable()
export class FormState {
  /** The form being filled in. */
  readonly form = signal<FormDefinition | null>(null);
  /** Workflow the answers belong to (reference-data flags). */
  readonly workflow = signal('');
  /** Answers keyed by field name; groups hold lists of item objects. */
  readonly answers = signal<Answers>({});
  /** What was typed into date inputs, by path. */
  readonly parts = signal<DatePartsMap>({});
  /** Reference rows fetched for the form's fields, by set. */
  readonly sets = signal<ReferenceSets>({});
  /** Errors shown now (inline and in the summary). */
  readonly errors = signal<readonly LocatedError[]>([]);
  /** Where this form's files are uploaded; null until known. */
  readonly uploadTarget = signal<UploadTarget | null>(null);
  /** The files uploaded for this form, by id, as the core last reported them. */
  readonly uploads = signal<Record<string, AttachmentView>>({});
  /** Whether `uploads` came from the core (then file answers are checked against them). */
  readonly uploadsKnown = signal(false);
  /** Whether the platform scans files for viruses. */
  readonly scanning = signal(true);
  /** The read-only questions' pre-filled answers from the core; undefined until it gave them. */
  readonly prefilled = signal<Answers | undefined>(undefined);

  /** File answers checked as the core checks them: only this form's uploads, for their question. */
  readonly attachmentLookup = computed<AttachmentLookup | undefined>(() => {
    if (!this.uploadsKnown()) return undefined;
    const uploads = this.uploads();
    return {
      find: (id, key) => {
        const found = uploads[id];
        return found && found.field === key ? { name: found.name, state: found.status } : undefined;
      },
    };
  });

  /** The form indexed for rendering. */
  readonly index = computed<FormIndex | null>(() => {
    const form = this.form();
    return form ? indexForm(form, standardTerms) : null;
  });
  /** A reference lookup over the fetched rows, for validation and labels. */
  readonly lookup = computed(() => createReferenceLookup(this.sets()));
  /**
   * The answers as the engine sees them: dates joined, hidden and invalid answers left out,
   * calculations computed. Conditions and calculated fields are shown from these, live.
   */
  readonly cleaned = computed<Answers>(() => {
    const form = this.form();
    if (!form) return {};
    const joined = joinAllDates(form, this.answers(), this.parts(), standardTerms);
    return validateAnswers(form, joined, { ...this.options(), mode: 'draft' }).answers;
  });
  /** The root environment for conditions. */
  readonly env = computed<Env>(() => rootEnv(this.cleaned()));

  /** Validation options: the standard terms, the fetched reference data, now. */
  options(): {
    terms: typeof standardTerms;
    reference: ReturnType<typeof createReferenceLookup>;
    now: Date;
    workflow: string;
    timeZone: string;
    attachments?: AttachmentLookup;
    prefilled?: Answers;
  } {
    return {
      terms: standardTerms,
      reference: this.lookup(),
      now: new Date(),
      workflow: this.workflow(),
      timeZone: FORM_TIME_ZONE,
      attachments: this.attachmentLookup(),
      prefilled: this.prefilled(),
    };
  }

  /** Reference sets any field of the form reads. */
  referenceSets(): string[] {
    const form = this.form();
    return form ? referenceSets(form, standardTerms) : [];
  }

  /** The compiled field of an input, group or calculated component. */
  field(component: Component): CompiledField | undefined {
    return this.index()?.fieldOf.get(component);
  }

  /** Whether a component is shown in this environment. */
  shown(component: Component, env: Env): boolean {
    const index = this.index();
    return !!index && isShown(index, component, env);
  }

  /** The environment of item `i` of a group at `path`. */
  itemEnv(parent: Env, path: string, i: number): Env {
    const cleaned = (readPath(this.cleaned(), `${path}[${i}]`) as Answers | undefined) ?? {};
    return itemEnv(parent, cleaned, `${path}[${i}].`);
  }

  /** The raw answer at a path. */
  value(path: string): unknown {
    return readPath(this.answers(), path);
  }

  /** The cleaned answer at a path (calculated values). */
  cleanedValue(path: string): unknown {
    return readPath(this.cleaned(), path);
  }

  setValue(path: string, value: unknown): void {
    this.answers.update((answers) => writePath(answers, path, value === '' ? undefined : value));
  }

  /** Date-input parts at a path: what was typed, or the stored answer split up. */
  dateParts(path: string, withTime: boolean): DateParts {
    return this.parts()[path] ?? splitDate(this.value(path), withTime);
  }

  setDatePart(path: string, key: keyof DateParts, text: string, withTime: boolean): void {
    const current = this.dateParts(path, withTime);
    this.parts.update((parts) => ({ ...parts, [path]: { ...current, [key]: text } }));
  }

  /** Items of a group (raw). */
  items(path: string): Answers[] {
    const value = this.value(path);
    return Array.isArray(value) ? (value as Answers[]) : [];
  }

  addItem(path: string): void {
    this.answers.update((answers) => writePath(answers, path, [...this.itemsOf(answers, path), {}]));
  }

  /** Removes item `i`, moving date inputs and shown errors of later items up by one. */
  removeItem(path: string, i: number): void {
    this.answers.update((answers) =>
      writePath(
        answers,
        path,
        this.itemsOf(answers, path).filter((_, j) => j !== i),
      ),
    );
    const prefix = `${path}[`;
    const shift = (p: string): string | null => {
      if (!p.startsWith(prefix)) return p;
      const m = /^(\d+)\]/.exec(p.slice(prefix.length));
      if (!m) return p;
      const n = Number(m[1]);
      if (n === i) return null;
      return n > i ? `${prefix}${n - 1}]${p.slice(prefix.length + m[0].length)}` : p;
    };
    this.parts.update((parts) => {
      const out: DatePartsMap = {};
      for (const [p, v] of Object.entries(parts)) {
        const moved = shift(p);
        if (moved !== null) out[moved] = v;
      }
      return out;
    });
    this.errors.update((errors) =>
      errors.flatMap((e) => {
        const moved = shift(e.path);
        return moved === null
          ? []
          : [
              {
                ...e,
                path: moved,
                fieldId: e.fieldId.startsWith(fieldId(`${path}[${i}]`))
                  ? ''
                  : e.fieldId.replace(fieldId(e.path), fieldId(moved)),
              },
            ];
      }),
    );
  }

  /** The inline error for a path. */
  errorAt(path: string): string | null {
    return this.errors().find((e) => e.path === path)?.message ?? null;
  }

  /** Rows of a reference set (empty until fetched). */
  rows(set: string): readonly ReferenceRow[] {
    return this.sets()[set] ?? [];
  }

  private itemsOf(answers: Answers, path: string): Answers[] {
    const value = readPath(answers, path);
    return Array.isArray(value) ? (value as Answers[]) : [];
  }
}
