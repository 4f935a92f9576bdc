import { ApiError, commonMessage } from '../../core/api/api-error';
import { ReportParameter, ReportRunStatus } from '../../core/reports/reports.model';

/** Every message the reports pages show. */
export const REPORT_MESSAGES = {
  loadFailed: 'The reports could not be loaded. Refresh the page to try again.',
  runsFailed: 'Your recent runs could not be loaded. Refresh the page to try again.',
  noReports: 'There are no reports you can run. Ask your line manager if you expected some.',
  noRuns: 'You have not run any reports yet, and none are scheduled for your command.',
  notFound: 'There is no report with that name, or you cannot run it.',
  runNotFound: 'There is no report run with that number, or it is not yours.',
  startFailed: 'The report could not be started. Try again.',
  choicesFailed: 'Some choices could not be loaded. Refresh the page to try again.',
  downloadFailed: 'The PDF could not be downloaded. Try again.',
  fileFailed: 'The file could not be downloaded. Try again.',
  pollFailed: 'We could not check on the report just now. We will keep trying.',
  runFailed: 'The report could not be produced.',
  enterDate: (p: ReportParameter) => `Enter the ${p.label.toLowerCase()} date`,
  enterMonth: (p: ReportParameter) => `Enter the ${p.label.toLowerCase()} month`,
  choose: (p: ReportParameter) => `Select ${article(p.label)} ${p.label.toLowerCase()}`,
  mustInclude: (p: ReportParameter, missing: string) => `${p.label} must include ${missing}`,
  yearDigits: (p: ReportParameter) => `${p.label}: year must include 4 numbers`,
  realDate: (p: ReportParameter) => `${p.label} must be a real date`,
  realMonth: (p: ReportParameter) => `${p.label} must be a real month`,
  scheduleLoadFailed: 'The schedule could not be loaded. Refresh the page to try again.',
  scheduleSaveFailed: 'The schedule could not be saved. Try again.',
  scheduleSaved: (title: string, nextRun: string | null) =>
    nextRun
      ? `Schedule changed for ${title}. Next produced ${nextRun}.`
      : `Schedule changed for ${title}. It will not be produced automatically.`,
  order: (from: ReportParameter, to: ReportParameter) =>
    `${to.label} must be the same as or after ${from.label.toLowerCase()}`,
} as const;

/** GOV.UK tag colour and wording for each run status. */
export const RUN_STATUS_TAGS: Readonly<Record<ReportRunStatus, { text: string; css: string }>> = {
  queued: { text: 'Waiting to start', css: 'govuk-tag--grey' },
  running: { text: 'In progress', css: 'govuk-tag--blue' },
  done: { text: 'Ready', css: 'govuk-tag--green' },
  failed: { text: 'Failed', css: 'govuk-tag--red' },
};

/** The message for a failed reports request. */
export function reportErrorMessage(error: ApiError, fallback: string): string {
  return commonMessage(error) ?? error.message ?? fallback;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
