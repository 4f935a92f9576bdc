// Generated from target-information.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Target information sheet" (target-information, version 1). */
export type TargetInformationAnswers = {
  /** Cerberus target reference (term target.reference) */
  targetId: string;
  /** Target version */
  targetVersion: number;
  /** Mode (term transport.mode, reference set transport-modes) */
  mode: string;
  /** Issuing hub (term staff.team, reference set teams) */
  issuingHub: string;
  /** Target category (term target.category, reference set target-categories) */
  category: string;
  /** Port of arrival (term location.port, reference set ports) */
  port: string;
  /** Estimated time of arrival */
  eta: string;
  /** Vessel name (term vessel.name) */
  vesselName?: string;
  /** Shipping company */
  shippingCompany?: string;
  /** Flight number (term flight.number) */
  flightNumber?: string;
  /** Departure port or airport */
  departureLocation?: string;
  /** Vehicle registration (term vehicle.registration) */
  vehicleRegistration?: string;
  /** Trailer registration (term trailer.registration) */
  trailerRegistration?: string;
  /** Haulier */
  haulier?: string;
  /** People on the target */
  persons?: TargetInformationPersonsItem[];
  /** Warnings (reference set warnings) */
  warnings?: string[];
  /** Details of the warnings */
  warningDetails?: string;
  /** Selection indicators (reference set indicators) */
  indicators: string[];
  /** Why the target was selected */
  selectionReasoning: string;
  /** Receiving team (term staff.team, reference set teams) */
  receivingTeam: string;
};

/** One item of "People on the target" (persons). */
export type TargetInformationPersonsItem = {
  /** Role */
  role: 'driver' | 'passenger' | 'lead-passenger';
  /** Given name (term person.givenName) */
  givenName: string;
  /** Family name (term person.familyName) */
  familyName: string;
  /** Date of birth (term person.dateOfBirth) */
  dateOfBirth: string;
  /** Nationality (term person.nationality, reference set countries) */
  nationality: string;
  /** Document type (term document.type, reference set document-types) */
  documentType?: string;
  /** Document number (term document.number) */
  documentNumber?: string;
};
