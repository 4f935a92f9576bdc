import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the form pages show. */
export const FORMS_MESSAGES = {
  loadFailed: 'This form could not be loaded. Refresh the page to try again.',
  notFound: 'Form not found',
  notFoundBody: 'The form may have been switched off, or the link may be wrong.',
  notAllowed: 'You cannot start this form',
  notAllowedBody: 'Your role does not allow you to start this form. Ask your line manager if you think it should.',
  rendererPending: 'Filling in this form in the platform is coming soon.',
} as const;

/** The message for a failed load of the plugin list. */
export function formsErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? FORMS_MESSAGES.loadFailed;
}
