// Generated from attendance.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Confirm the interpreter attended" (attendance, version 1). */
export type AttendanceAnswers = {
  /** How long was the interpreter used for? */
  minutesUsed: number;
  /** Were there any problems with the interpreting? */
  issues: boolean;
  /** Describe the problems */
  issueDetails?: string;
};
