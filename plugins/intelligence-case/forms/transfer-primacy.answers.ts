// Generated from transfer-primacy.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Transfer primacy" (transfer-primacy, version 1). */
export type TransferPrimacyAnswers = {
  /** New primacy team (term staff.team, reference set teams) */
  newPrimacyTeam: string;
  /** Reason for the transfer */
  reason: string;
};
