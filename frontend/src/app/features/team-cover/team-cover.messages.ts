import { ApiError, commonMessage } from '../../core/api/api-error';

/** Every message the team cover page shows. */
export const TEAM_COVER_MESSAGES = {
  loadFailed: 'The covers could not be loaded. Refresh the page to try again.',
  teamsFailed: 'The teams could not be loaded. Refresh the page to try again.',
  none: 'No one has been given cover of your teams. Covers that have ended are not shown.',
  usernameRequired: 'Enter the username of the person covering the team',
  teamRequired: 'Select the team they will cover',
  reasonRequired: 'Enter why the cover is needed',
  reasonTooLong: 'The reason must be 500 characters or fewer',
  endRequired: 'Enter when the cover ends',
  mustInclude: (subject: string, missing: string) => `${subject} must include ${missing}`,
  yearDigits: (subject: string) => `${subject}: year must include 4 numbers`,
  realDate: (subject: string) => `${subject} must be a real date`,
  realTime: (subject: string) => `${subject} must be a real time on the 24-hour clock, for example 18 and 00`,
  grantFailed: 'The cover could not be given. Try again.',
  endFailed: 'The cover could not be ended. Try again.',
  gone: 'That cover had already ended or been removed. The list has been refreshed.',
  granted: (name: string, team: string, until: string) => `${name} can work on ${team} until ${until}`,
  ended: (name: string, team: string) => `Cover ended for ${name} on ${team}`,
} as const;

/** The reason's longest length, as the core allows it. */
export const REASON_MAX = 500;

/** Ids of the page's inputs; dates and times are parts `<id>-day` … `<id>-minute`. */
export const COVER_FIELDS = {
  username: 'cover-username',
  teamId: 'cover-team',
  validFrom: 'cover-from',
  validTo: 'cover-to',
  reason: 'cover-reason',
} as const;

/** The message for a failed grant that is not about a field. */
export function grantErrorMessage(error: ApiError): string {
  return commonMessage(error) ?? error.message ?? TEAM_COVER_MESSAGES.grantFailed;
}

/** The message for a failed "End cover". */
export function endErrorMessage(error: ApiError): string {
  if (error.status === 404) return TEAM_COVER_MESSAGES.gone;
  return commonMessage(error) ?? error.message ?? TEAM_COVER_MESSAGES.endFailed;
}

/** The message for a failed load of the list or the teams. */
export function loadErrorMessage(error: ApiError, fallback: string = TEAM_COVER_MESSAGES.loadFailed): string {
  return commonMessage(error) ?? fallback;
}
