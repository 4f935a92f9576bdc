// Generated from hot-debrief.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Hot debrief" (hot-debrief, version 1). */
export type HotDebriefAnswers = {
  /** What is the debrief about? */
  category: 'safety' | 'training' | 'equipment' | 'process' | 'lessons-learned' | 'welfare';
  /** When did it happen? */
  occurredAt: string;
  /** Where did it happen? (term location.port, reference set ports) */
  port: string;
  /** Which team were you working with? (term staff.team, reference set teams) */
  team: string;
  /** Describe what happened */
  description: string;
  /** Does something need to change before the next shift? */
  actionNeeded: boolean;
  /** What needs to change? */
  actionDetails?: string;
};
