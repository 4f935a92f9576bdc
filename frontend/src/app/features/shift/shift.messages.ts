import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the shift pages show. */
export const SHIFT_MESSAGES = {
  teamRequired: 'Select your team',
  locationRequired: 'Select your location',
  teamsUnavailable: 'Teams could not be loaded. Refresh the page to try again.',
  portsUnavailable: 'Ports could not be loaded. Try searching again.',
  rejected: 'Your shift could not be started. Check your team and location.',
  endFailed: 'Your shift could not be ended. Try again.',
} as const;

/** Maps a field path the core reports to the id of the input on the start shift page. */
export const SHIFT_FIELD_IDS: Readonly<Record<string, string>> = {
  teamId: 'team',
  location: 'location-search',
};

/** The message for a failed start or end of shift. */
export function shiftErrorMessage(error: ApiError, fallback: string = SHIFT_MESSAGES.rejected): string {
  return commonMessage(error) ?? error.message ?? fallback;
}
