// Generated from interpreter-request.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Request an interpreter" (interpreter-request, version 1). */
export type InterpreterRequestAnswers = {
  /** Which language is needed? (reference set languages) */
  language: string;
  /** Dialect or regional variety (optional) */
  dialect?: string;
  /** Does the person need an interpreter of a particular sex? */
  interpreterSex: 'no-preference' | 'female' | 'male';
  /** Port (term location.port, reference set ports) */
  port: string;
  /** When is the interpreter needed? */
  neededAt: string;
  /** How urgent is it? */
  urgency: 'urgent' | 'same-day' | 'routine';
  /** What is the interpreter needed for? */
  purpose:
    'further-examination' | 'customs-interview' | 'interview-under-caution' | 'safeguarding' | 'welfare' | 'other';
  /** How should the interpreter attend? */
  attendance: 'in-person' | 'telephone' | 'video';
  /** How long will it take? */
  expectedMinutes: number;
  /** Your full name */
  requesterName: string;
  /** Telephone number the interpreter service can call */
  requesterPhone: string;
  /** Your team (term staff.team, reference set teams) */
  team: string;
  /** Anything the interpreter should know (optional) */
  notes?: string;
};
