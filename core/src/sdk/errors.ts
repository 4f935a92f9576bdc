/**
 * Thrown by a hook to refuse the officer's answers: the action rolls back and the caller gets
 * 400 with these field-level messages (paths as in the form, e.g. `targetReference`), like a
 * validation error, instead of a 422.
 */
export class AnswerError extends Error {
  constructor(readonly errors: { path: string; message: string }[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'AnswerError';
  }
}
