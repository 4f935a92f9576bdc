/** A field-level problem with the caller's input. */
export interface FieldError {
  path: string;
  message: string;
}

/** The caller's input is wrong: 400 with field-level messages. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** The thing does not exist, or the caller may not know it does: 404. */
export class NotFoundError extends Error {
  constructor(message = 'Not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request clashes with the current state: 409. */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** Credentials are missing or wrong: 401. */
export class UnauthenticatedError extends Error {
  constructor(message = 'Sign in to continue') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** Signed in, but the role does not allow it: 403. */
export class ForbiddenError extends Error {
  constructor(message = 'You do not have permission to do that') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** The request is well formed but cannot be taken as it stands (an Idempotency-Key reused): 422. */
export class UnprocessableError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'UnprocessableError';
  }
}
