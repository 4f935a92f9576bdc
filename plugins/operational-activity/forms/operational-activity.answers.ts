// Generated from operational-activity.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Operational activity report" (operational-activity, version 1). */
export type OperationalActivityAnswers = {
  /** Shift start */
  shiftStart: string;
  /** Shift end */
  shiftEnd: string;
  /** Location (term location.port, reference set ports) */
  location: string;
  /** Team (term staff.team, reference set teams) */
  team: string;
  /** Staff by grade */
  staffByGrade?: OperationalActivityStaffByGradeItem[];
  /** Activities */
  activities?: OperationalActivityActivitiesItem[];
  /** Shift length */
  shiftMinutes?: number;
  /** Time left to allocate */
  timeLeft?: number;
  /** Detections by target type */
  detections?: OperationalActivityDetectionsItem[];
  /** Debrief notes */
  debriefNotes?: string;
};

/** One item of "Staff by grade" (staffByGrade). */
export type OperationalActivityStaffByGradeItem = {
  /** Grade (term staff.grade, reference set grades) */
  grade: string;
  /** Number of staff */
  count: number;
};

/** One item of "Activities" (activities). */
export type OperationalActivityActivitiesItem = {
  /** Mode of transport (term transport.mode, reference set transport-modes) */
  mode: string;
  /** Activity */
  activity:
    | 'passenger-control'
    | 'customs-examination'
    | 'freight-examination'
    | 'targeted-search'
    | 'intelligence-development'
    | 'training'
    | 'administration';
  /** Minutes spent */
  minutes: number;
};

/** One item of "Detections by target type" (detections). */
export type OperationalActivityDetectionsItem = {
  /** Target category (term target.category, reference set target-categories) */
  category: string;
  /** Positive */
  positive: number;
  /** Negative */
  negative: number;
};
