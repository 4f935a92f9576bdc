// Generated from cash-seizure.form.json by `npm run forms:types`: do not edit (CI checks it is current).
/** Answers of "Record a cash detection or seizure" (cash-seizure, version 1). */
export type CashSeizureAnswers = {
  /** Date and time the cash was found (term event.dateTime) */
  detectedAt: string;
  /** Port (term location.port, reference set ports) */
  port: string;
  /** Team (term staff.team, reference set teams) */
  team: string;
  /** Mode of transport (term transport.mode, reference set transport-modes) */
  transportMode: string;
  /** How was the cash found? (reference set detection-methods) */
  detectionMethod: string;
  /** How was the cash carried or concealed? (reference set concealment-methods) */
  concealmentMethod: string;
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
  /** Cash by currency */
  amounts?: CashSeizureAmountsItem[];
  /** Total value in pounds sterling */
  totalSterling?: number;
  /** Why do you suspect the cash is linked to crime? */
  reasons: (
    | 'not-declared'
    | 'concealed'
    | 'account-inconsistent'
    | 'no-evidence-of-origin'
    | 'drug-trace'
    | 'packaging'
    | 'intelligence'
    | 'other'
  )[];
  /** Explain your grounds for suspicion */
  reasonDetails: string;
  /** What did you decide? */
  detentionDecision: 'detained' | 'returned';
  /** Sealed evidence bag numbers */
  sealedBagNumbers?: string;
  /** Did you give the person a notice of cash seizure? */
  noticeServed?: boolean;
  /** Why did you return the cash? */
  returnReason?: string;
};

/** One item of "Cash by currency" (amounts). */
export type CashSeizureAmountsItem = {
  /** Currency (term goods.item, reference set items) */
  currency: string;
  /** Which currency? */
  otherCurrency?: string;
  /** Amount (term goods.quantity) */
  amount: number;
  /** Value in pounds sterling */
  sterlingValue: number;
};
