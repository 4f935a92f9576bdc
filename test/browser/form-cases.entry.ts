// Bundled by form-cases.browser.spec.ts with esbuild and run in Chromium: the shared form-case
// table replayed through the shell's own validation (frontend/.../form-logic.ts → the engine).
import { createReferenceLookup } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { validateForShell } from '../../frontend/src/app/features/forms/renderer/form-logic.js';
import {
  shellActionOutcome,
  shellTaskStatuses,
} from '../../frontend/src/app/features/forms/renderer/form-navigation.js';
import { formCases } from '../forms/cases/index.js';
import { fixtureForms } from '../forms/fixtures/forms.js';
import { referenceFixture } from '../forms/fixtures/reference-data.js';

const reference = createReferenceLookup(referenceFixture);

(globalThis as Record<string, unknown>)['replayFormCases'] = () =>
  formCases.map((c) => {
    const form = fixtureForms[c.form]!;
    const answers = c.answers as Record<string, unknown>;
    const options = { now: new Date(c.now), terms: standardTerms, reference, keepHidden: true, ...c.options };
    const tasks = c.tasks
      ? Object.fromEntries(
          shellTaskStatuses(form, answers, {}, { ...options, completed: c.tasks.completed })
            .flatMap((s) => s.tasks)
            .map((t) => [t.id, t.status]),
        )
      : null;
    if (c.press) {
      const outcome = shellActionOutcome(
        form,
        c.press.page,
        c.press.action,
        answers,
        {},
        {
          ...options,
          changing: c.press.changing,
        },
      );
      return {
        name: `${c.form}: ${c.name}`,
        errors: outcome.errors,
        expected: c.expectedErrors,
        to: outcome.to ?? null,
        expectedTo: c.press.expectedTo ?? null,
        tasks,
        expectedTasks: c.tasks?.expected ?? null,
        answers: {},
        expectedAnswers: null,
      };
    }
    const result = validateForShell(
      fixtureForms[c.form]!,
      c.answers as Record<string, unknown>,
      {},
      {
        mode: c.mode,
        now: new Date(c.now),
        terms: standardTerms,
        reference,
        keepHidden: true,
        ...c.options,
      },
    );
    return {
      name: `${c.form}: ${c.name}`,
      errors: result.errors,
      expected: c.expectedErrors,
      answers: result.answers,
      expectedAnswers: c.expectedAnswers ?? null,
      to: null,
      expectedTo: null,
      tasks,
      expectedTasks: c.tasks?.expected ?? null,
    };
  });
