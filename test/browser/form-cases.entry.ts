// Bundled by form-cases.browser.spec.ts with esbuild and run in Chromium: the shared form-case
// table replayed through the shell's own validation (frontend/.../form-logic.ts → the engine).
import { createReferenceLookup } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { validateForShell } from '../../frontend/src/app/features/forms/renderer/form-logic.js';
import { formCases } from '../forms/cases/index.js';
import { fixtureForms } from '../forms/fixtures/forms.js';
import { referenceFixture } from '../forms/fixtures/reference-data.js';

const reference = createReferenceLookup(referenceFixture);

(globalThis as Record<string, unknown>)['replayFormCases'] = () =>
  formCases.map((c) => {
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
    };
  });
