import { HttpErrorResponse } from '@angular/common/http';

/** One field problem reported by the core, `path` being the field's dotted path. */
export interface ApiFieldError {
  path: string;
  message: string;
}

/** The core's error body, normalised so features never read raw HTTP errors. */
export interface ApiError {
  /** HTTP status; 0 when the server could not be reached. */
  status: number;
  /** The server's message, if it sent one. */
  message: string | null;
  /** Field errors, if the server reported any. */
  errors: ApiFieldError[];
}

/** Turns anything thrown by HttpClient into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, message: null, errors: [] };
  }
  const body: unknown = error.error;
  let message: string | null = null;
  let errors: ApiFieldError[] = [];
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const raw = record['message'];
    if (typeof raw === 'string' && raw.trim()) {
      message = raw;
    } else if (Array.isArray(raw) && typeof raw[0] === 'string') {
      message = raw[0];
    }
    if (Array.isArray(record['errors'])) {
      errors = (record['errors'] as unknown[]).filter(isFieldError);
    }
  }
  return { status: error.status, message, errors };
}

function isFieldError(value: unknown): value is ApiFieldError {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return typeof record['path'] === 'string' && typeof record['message'] === 'string';
}

/** Messages shared by every feature for failures that are not about the user's input. */
export const COMMON_MESSAGES = {
  unreachable: 'The service is not available. Try again later.',
  serverError: 'Sorry, there is a problem with the service. Try again later.',
  forbidden: 'You do not have permission to do this.',
} as const;

/** A message for failures every feature treats the same way, or null when the feature should decide. */
export function commonMessage(error: ApiError): string | null {
  if (error.status === 0) return COMMON_MESSAGES.unreachable;
  if (error.status === 403) return COMMON_MESSAGES.forbidden;
  if (error.status >= 500) return COMMON_MESSAGES.serverError;
  return null;
}
