// Generated from target-outcome.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record a target outcome" (target-outcome, version 2). */
export type TargetOutcomeAnswers = {
  /** Target reference (term target.reference) */
  targetReference: string;
  /** Date and time of the outcome (term event.dateTime) */
  outcomeDateTime: string;
  /** Outcome (term event.outcome, reference set outcomes) */
  outcome: string;
  /** Reason */
  reason?:
    | 'did-not-travel'
    | 'arrived-early-or-late'
    | 'cleared-before-interception'
    | 'staff-committed-elsewhere'
    | 'equipment-unavailable'
    | 'withdrawn-by-hub'
    | 'other';
  /** Event at the border reference */
  linkedCase?: string;
  /** Notes for the targeting hub */
  notes?: string;
};
