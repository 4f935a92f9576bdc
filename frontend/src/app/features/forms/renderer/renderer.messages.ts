import { ApiError, commonMessage } from '../../../core/api/api-error';

/** Every message the form renderer shows itself (field messages come from the form engine). */
export const RENDERER_MESSAGES = {
  listsFailed: 'The lists this form needs could not be loaded. Refresh the page to try again.',
  draftSaved: 'Your draft has been saved. You can come back to it from your dashboard.',
  savedOnDevice: "Saved on this device. We'll send it when you're back online.",
  draftMissing: 'We could not find that draft, so you are starting the form again.',
  offlineSubmit: "You're offline. Your answers are saved on this device: submit again when you're back online.",
  submitFailed: 'Your form could not be sent. Try again.',
  conflict: 'Someone else changed this case since you opened it. Reload it and try again.',
} as const;

/** The message for a submission or draft the core refused without field errors. */
export function submitErrorMessage(error: Pick<ApiError, 'status' | 'message'>): string {
  return commonMessage({ ...error, errors: [] }) ?? error.message ?? RENDERER_MESSAGES.submitFailed;
}
