import {
  checkFormDefinition,
  createReferenceLookup,
  pageActionOutcome,
  taskStatuses,
  validateAnswers,
  type Answers,
} from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { formCases } from './cases/index.js';
import { fixtureForms } from './fixtures/forms.js';
import { referenceFixture } from './fixtures/reference-data.js';

const reference = createReferenceLookup(referenceFixture);

describe('shared form case table', () => {
  it('has at least 120 cases with unique names', () => {
    expect(formCases.length).toBeGreaterThanOrEqual(120);
    expect(new Set(formCases.map((c) => c.name + c.form)).size).toBe(formCases.length);
  });

  it('is plain serialisable data (the browser test replays it)', () => {
    const data = { formCases, fixtureForms, referenceFixture };
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it.each(Object.keys(fixtureForms))('fixture form %s has no definition problems', (id) => {
    expect(checkFormDefinition(fixtureForms[id]!, standardTerms)).toEqual([]);
  });

  it.each(formCases.map((c) => [`${c.form}: ${c.name}`, c] as const))('%s', (_title, c) => {
    const form = fixtureForms[c.form];
    expect(form).toBeDefined();
    const options = { now: new Date(c.now), terms: standardTerms, reference, ...c.options };
    if (c.tasks) {
      const states = taskStatuses(form!, c.answers as Answers, { ...options, completed: c.tasks.completed });
      expect(Object.fromEntries(states.flatMap((s) => s.tasks).map((t) => [t.id, t.status]))).toEqual(c.tasks.expected);
    }
    if (c.press) {
      const outcome = pageActionOutcome(form!, c.press.page, c.press.action, c.answers as Answers, {
        ...options,
        changing: c.press.changing,
      });
      expect(outcome).toEqual({ errors: c.expectedErrors, ...(c.press.expectedTo ? { to: c.press.expectedTo } : {}) });
      return;
    }
    const result = validateAnswers(form!, c.answers, {
      mode: c.mode,
      now: new Date(c.now),
      terms: standardTerms,
      reference,
      ...c.options,
    });
    expect(result.errors).toEqual(c.expectedErrors);
    expect(result.valid).toBe(c.expectedErrors.length === 0);
    if (c.expectedAnswers) expect(result.answers).toMatchObject(c.expectedAnswers);
  });

  it('gives the same result when the case is replayed from JSON', () => {
    for (const c of JSON.parse(JSON.stringify(formCases)) as typeof formCases) {
      if (c.press) continue;
      const result = validateAnswers(fixtureForms[c.form]!, c.answers, {
        mode: c.mode,
        now: new Date(c.now),
        terms: standardTerms,
        reference,
        ...c.options,
      });
      expect({ name: c.name, errors: result.errors }).toEqual({ name: c.name, errors: c.expectedErrors });
    }
  });
});
