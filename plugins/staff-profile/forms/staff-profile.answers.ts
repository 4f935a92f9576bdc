// Generated from staff-profile.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Update your staff profile and shift" (staff-profile, version 1). */
export type StaffProfileAnswers = {
  /** Your grade (term staff.grade, reference set grades) */
  grade: string;
  /** Your team (term staff.team, reference set teams) */
  team: string;
  /** Your usual location (term location.port, reference set ports) */
  location: string;
  /** Your line manager's full name */
  lineManagerName: string;
  /** Your line manager's email address */
  lineManagerEmail: string;
  /** Delegates */
  delegates?: StaffProfileDelegatesItem[];
  /** Shift start */
  shiftStart: string;
  /** Shift end */
  shiftEnd: string;
  /** Team for this shift (term staff.team, reference set teams) */
  shiftTeam: string;
  /** Location for this shift (term location.port, reference set ports) */
  shiftLocation: string;
  /** Shift length */
  shiftMinutes?: number;
};

/** One item of "Delegates" (delegates). */
export type StaffProfileDelegatesItem = {
  /** Full name */
  name: string;
  /** Email address */
  email: string;
  /** Until (optional) */
  until?: string;
};
