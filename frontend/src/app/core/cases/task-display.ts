import { ApiError, commonMessage } from '../api/api-error';
import { DeliveryView, TaskPriority } from './cases.model';

/** GOV.UK tag colour and text for a task priority. */
export const PRIORITY_TAGS: Record<TaskPriority, { text: string; css: string }> = {
  urgent: { text: 'Urgent', css: 'govuk-tag--red' },
  high: { text: 'High', css: 'govuk-tag--orange' },
  medium: { text: 'Medium', css: 'govuk-tag--yellow' },
  low: { text: 'Low', css: 'govuk-tag--grey' },
};

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "12 April 2026, 2:30pm" in UK time; '' for nothing. */
export function displayDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : dateTime.format(d).replace(' am', 'am').replace(' pm', 'pm').replace(' at ', ', ');
}

/** Readable names of audit actions on a case's timeline. */
export function timelineText(action: string, detail: Record<string, unknown> | null): string {
  const label = typeof detail?.['label'] === 'string' ? (detail['label'] as string) : null;
  switch (action) {
    case 'case.created':
      return 'Case created';
    case 'case.transitioned':
      return label ? `Action taken: ${label}` : 'Case moved on';
    case 'case.commented':
      return 'Comment added';
    case 'task.claimed':
      return 'Task claimed';
    case 'task.unclaimed':
      return 'Task released';
    case 'task.assigned':
      return 'Task assigned';
    case 'task.escalated':
      return 'Task escalated';
    default:
      return action.replace(/[._-]/g, ' ').replace(/^./, (c) => c.toUpperCase());
  }
}

/** GOV.UK tag for a delivery to another system: sent, retrying, waiting or failed. */
export function deliveryTag(d: DeliveryView): { text: string; css: string } {
  if (d.status === 'delivered') return { text: 'Sent', css: 'govuk-tag--green' };
  if (d.status === 'dead') return { text: 'Failed', css: 'govuk-tag--red' };
  return d.attempts > 0 ? { text: 'Retrying', css: 'govuk-tag--yellow' } : { text: 'Waiting', css: 'govuk-tag--grey' };
}

/** Shown when a claim or release is refused and the core gave no reason. */
export const CLAIM_REFUSED = 'You cannot claim this task. Refresh the page to see who it is for.';

/**
 * The message for a refused claim or release: the core says why (claimed by someone else, not
 * for your role), so its words are shown; other failures read as everywhere else.
 */
export function claimErrorMessage(error: ApiError): string {
  if ([403, 404, 409].includes(error.status)) return error.message ?? CLAIM_REFUSED;
  return commonMessage(error) ?? error.message ?? CLAIM_REFUSED;
}
