// Generated from repair-request.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record a repair request" (repair-request, version 1). */
export type RepairRequestAnswers = {
  /** Maintenance call reference */
  callReference: string;
  /** When is the repair expected? */
  expectedRepairDate?: string;
  /** Notes (optional) */
  notes?: string;
};
