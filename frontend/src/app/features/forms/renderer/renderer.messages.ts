import { ApiError, commonMessage } from '../../../core/api/api-error';

/** Every message the form renderer shows itself (field messages come from the form engine). */
export const RENDERER_MESSAGES = {
  listsFailed: 'The lists this form needs could not be loaded. Refresh the page to try again.',
  draftSaved: 'Your draft has been saved. You can come back to it from your dashboard.',
  savedOnDevice: "Saved on this device. We'll send it to your drafts when you're back online.",
  draftMissing: 'We could not find that draft, so you are starting the form again.',
  // Says what the draft notice says, and what is left to do: the form itself is not sent by itself.
  offlineSubmit:
    "Your form has not been submitted because you're offline. It is saved on this device and we'll send it to your drafts when you're back online. Submit it then.",
  submitFailed: 'Your form could not be sent. Try again.',
  conflict: 'Someone else changed this case since you opened it. Reload it and try again.',
} as const;

/** What the file upload says of the files it sends (the core's refusals come with their own words). */
export const FILE_MESSAGES = {
  notReady: 'The form is not ready for files yet. Try again in a moment.',
  empty: (name: string) => `${name} is empty`,
  tooBig: (name: string, max: string) => `${name} must be smaller than ${max}`,
  tooMany: (max: number) => `You can only add up to ${max} files`,
  notSent: (name: string) => `${name} could not be uploaded. Check your connection and try again.`,
  uploaded: (name: string, state: string) => `${name} uploaded. ${state}.`,
  removed: (name: string) => `${name} removed`,
} as const;

/** The message for a submission or draft the core refused without field errors. */
export function submitErrorMessage(error: Pick<ApiError, 'status' | 'message'>): string {
  return commonMessage({ ...error, errors: [] }) ?? error.message ?? RENDERER_MESSAGES.submitFailed;
}
