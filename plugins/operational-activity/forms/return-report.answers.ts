// Generated from return-report.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Return for correction" (return-report, version 1). */
export type ReturnReportAnswers = {
  /** What needs correcting? */
  correction: string;
};
