// Generated from refusal-of-entry.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record further examination and refusal of entry" (refusal-of-entry, version 1). */
export type RefusalOfEntryAnswers = {
  /** Given name (term person.givenName) */
  givenName: string;
  /** Family name (term person.familyName) */
  familyName: string;
  /** Date of birth (term person.dateOfBirth) */
  dateOfBirth: string;
  /** Nationality (term person.nationality, reference set countries) */
  nationality: string;
  /** Sex (term person.sex, reference set sex) */
  sex: string;
  /** Document type (term document.type, reference set document-types) */
  documentType: string;
  /** Document number (term document.number) */
  documentNumber: string;
  /** Issuing country (term document.issuingCountry, reference set countries) */
  issuingCountry: string;
  /** Do you suspect the document is false, or is not the passenger's own? */
  documentConcern: boolean;
  /** What is wrong with the document? (term goods.item, reference set items) */
  documentIssue?: string;
  /** Port (term location.port, reference set ports) */
  port: string;
  /** How did the passenger arrive? (term transport.mode, reference set transport-modes) */
  transportMode: string;
  /** Flight number (term flight.number) */
  flightNumber?: string;
  /** Vessel or service name (term vessel.name) */
  vesselName?: string;
  /** Date and time of arrival (term event.dateTime) */
  arrivedAt: string;
  /** Team (term staff.team, reference set teams) */
  team: string;
  /** Why was the passenger held for further examination? */
  riskFactors: (
    | 'no-entry-clearance'
    | 'document-concern'
    | 'purpose-not-credible'
    | 'insufficient-funds'
    | 'previous-breach'
    | 'previous-refusal'
    | 'deception'
    | 'criminality'
    | 'watchlist-match'
    | 'intends-to-work'
    | 'other'
  )[];
  /** Describe the other reason */
  otherRiskFactor?: string;
  /** Summary of the examination */
  examinationSummary: string;
  /** Which power did you use to hold the passenger? */
  powerUsed: 'examination' | 'examination-with-leave' | 'detention-pending-examination' | 'detention-pending-removal';
  /** Date and time form IS81 was served */
  is81ServedAt: string;
  /** Was an interpreter used? */
  interpreterUsed: boolean;
  /** Language (reference set languages) */
  interpreterLanguage?: string;
  /** What was the outcome? */
  outcome: 'leave-granted' | 'refused-removal' | 'refused-detained' | 'immigration-bail' | 'asylum-claim' | 'withdrew';
  /** Date and time of the decision */
  decisionAt: string;
  /** Reasons for refusal */
  refusalReasons?: string;
  /** Name of the officer who authorised the refusal */
  authorisingOfficer?: string;
  /** When must the passenger report? */
  bailReportingDate?: string;
};
