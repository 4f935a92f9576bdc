import { HttpErrorResponse } from '@angular/common/http';
import { COMMON_MESSAGES, commonMessage, toApiError } from './api-error';

describe('toApiError', () => {
  it('reads the status, message and field errors of the core error body', () => {
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        statusCode: 400,
        message: 'Check the form',
        errors: [{ path: 'teamId', message: 'Select your team' }, { bad: 1 }],
      },
    });
    expect(toApiError(error)).toEqual({
      status: 400,
      message: 'Check the form',
      errors: [{ path: 'teamId', message: 'Select your team' }],
    });
  });

  it('takes the first message when the server sends a list', () => {
    const error = new HttpErrorResponse({ status: 400, error: { message: ['first', 'second'] } });
    expect(toApiError(error).message).toBe('first');
  });

  it('treats anything that is not an HTTP error as unreachable', () => {
    expect(toApiError(new Error('boom'))).toEqual({ status: 0, message: null, errors: [] });
  });
});

describe('commonMessage', () => {
  it('covers network, permission and server failures and leaves the rest to the feature', () => {
    expect(commonMessage({ status: 0, message: null, errors: [] })).toBe(COMMON_MESSAGES.unreachable);
    expect(commonMessage({ status: 403, message: 'x', errors: [] })).toBe(COMMON_MESSAGES.forbidden);
    expect(commonMessage({ status: 503, message: 'x', errors: [] })).toBe(COMMON_MESSAGES.serverError);
    expect(commonMessage({ status: 401, message: 'x', errors: [] })).toBeNull();
  });
});
