/** The 15 workflow ids of the platform (see WORKFLOWS.md); reference-row flags must use these. */
export const WORKFLOW_IDS = [
  'event-at-border',
  'operational-activity',
  'intelligence-referral',
  'intelligence-case',
  'target-information',
  'target-outcome',
  'use-of-force',
  'mandatory-declaration',
  'hot-debrief',
  'detection-inventory',
  'refusal-of-entry',
  'safeguarding-referral',
  'cash-seizure',
  'staff-profile',
  'interpreter-request',
] as const;

export type WorkflowId = (typeof WORKFLOW_IDS)[number];
