// Generated from intelligence-referral.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Refer intelligence" (intelligence-referral, version 1). */
export type IntelligenceReferralAnswers = {
  /** Where did the information come from? */
  source: 'frontline' | 'regional' | 'external-partner';
  /** Name of the partner agency */
  partnerAgency?: string;
  /** Port the information relates to (term location.port, reference set ports) */
  port?: string;
  /** Handling condition (reference set handling-conditions) */
  handlingCondition: string;
  /** Conditions on sharing */
  handlingConditions?: string;
  /** What is the information about? */
  subjectTypes: ('person' | 'vehicle' | 'vessel')[];
  /** Given name (term person.givenName) */
  givenName?: string;
  /** Family name (term person.familyName) */
  familyName?: string;
  /** Date of birth (term person.dateOfBirth) */
  dateOfBirth?: string;
  /** Nationality (term person.nationality, reference set countries) */
  nationality?: string;
  /** Vehicle registration (term vehicle.registration) */
  vehicleRegistration?: string;
  /** Trailer registration (term trailer.registration) */
  trailerRegistration?: string;
  /** Vessel name (term vessel.name) */
  vesselName?: string;
  /** IMO number (term vessel.imo) */
  vesselImo?: string;
  /** Indicators (reference set indicators) */
  indicators?: string[];
  /** What do you know? */
  narrative: string;
  /** Attachments */
  attachments?: IntelligenceReferralAttachmentsItem[];
};

/** One item of "Attachments" (attachments). */
export type IntelligenceReferralAttachmentsItem = {
  /** File */
  file: { id: string; name: string };
  /** What the file shows */
  description?: string;
};
