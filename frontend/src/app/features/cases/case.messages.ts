import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the case pages show. */
export const CASE_MESSAGES = {
  notFound: 'There is no case with that reference, or you do not have access to it.',
  loadFailed: 'This case could not be loaded. Refresh the page to try again.',
  conflict: 'Someone else changed this case since you opened it.',
  commentRequired: 'Enter a comment',
  actionFailed: 'That could not be done. Try again.',
  pdfFailed: 'The PDF could not be downloaded. Try again.',
  fileFailed: 'The file could not be downloaded. Try again.',
} as const;

/** The message for a failed case request. */
export function caseErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? error.message ?? CASE_MESSAGES.actionFailed;
}
