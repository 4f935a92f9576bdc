// Generated from event-at-border.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record an event at the border" (event-at-border, version 1). */
export type EventAtBorderAnswers = {
  /** Date and time of the event (term event.dateTime) */
  eventDateTime: string;
  /** Port (term location.port, reference set ports) */
  port: string;
  /** Terminal (term location.terminal) */
  terminal?: string;
  /** Mode of transport (term transport.mode, reference set transport-modes) */
  transportMode: string;
  /** Outcome (term event.outcome, reference set outcomes) */
  outcome: string;
  /** Items seized */
  items?: EventAtBorderItemsItem[];
  /** Concealment method (reference set concealment-methods) */
  concealmentMethod?: string;
  /** Detection method (reference set detection-methods) */
  detectionMethod?: string;
  /** Were any people involved? */
  personsInvolved: boolean;
  /** People involved */
  persons?: EventAtBorderPersonsItem[];
  /** Vehicle registration (term vehicle.registration) */
  vehicleRegistration?: string;
  /** Was this a Cerberus target? */
  targeted: boolean;
  /** Linked target reference (term target.reference) */
  targetReference?: string;
  /** Summary of the event */
  summary: string;
};

/** One item of "Items seized" (items). */
export type EventAtBorderItemsItem = {
  /** Item (term goods.item, reference set items) */
  item: string;
  /** Quantity (term goods.quantity) */
  quantity: number;
  /** Unit (term goods.unit, reference set units) */
  unit: string;
};

/** One item of "People involved" (persons). */
export type EventAtBorderPersonsItem = {
  /** Given name (term person.givenName) */
  givenName: string;
  /** Family name (term person.familyName) */
  familyName: string;
  /** Date of birth (term person.dateOfBirth) */
  dateOfBirth?: string;
  /** Nationality (term person.nationality, reference set countries) */
  nationality?: string;
};
