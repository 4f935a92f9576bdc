import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the dashboard shows. */
export const DASHBOARD_MESSAGES = {
  loadFailed: 'Your forms could not be loaded. Refresh the page to try again.',
  noForms: 'There are no forms you can start. Ask your line manager if you expected some.',
  noMatches: 'No forms match your search.',
} as const;

/** The message for a failed load of the plugin list. */
export function dashboardErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? DASHBOARD_MESSAGES.loadFailed;
}
