import type { Answers, FormError, TaskStatus } from '../../../core/src/forms/engine/index.js';

/**
 * One row of the shared form-case table. Plain serialisable data: the server spec runs it
 * here and the shell's browser test replays it through the renderer, so both must agree.
 */
export interface FormCase {
  name: string;
  /** Id of a fixture form (test/forms/fixtures/forms.ts, journey-forms.ts). */
  form: string;
  answers: unknown;
  mode: 'submit' | 'draft';
  /** ISO instant the case is judged at. */
  now: string;
  /** `prefilled`: the read-only questions' pre-filled answers, as the server gives them. */
  options?: { allowRetired?: boolean; workflow?: string; prefilled?: Answers };
  /**
   * Pressing a page's button instead of checking the whole form: `expectedErrors` are then the
   * page's errors (the officer stays), and `expectedTo` is where the button goes when it has none.
   */
  press?: { page: string; action: number; changing?: boolean; expectedTo?: string };
  /** Task lists: the tasks marked complete, and every task's expected state for these answers. */
  tasks?: { completed?: string[]; expected: Record<string, TaskStatus> };
  /** Exactly the errors expected, in order. */
  expectedErrors: FormError[];
  /** Cleaned answers that must be present (calculated values, trimmed text…). */
  expectedAnswers?: Answers;
}

/** The instant most cases are judged at: 1pm in London on 12 April 2026 (BST). */
export const NOW = '2026-04-12T12:00:00Z';
