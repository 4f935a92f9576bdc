import type { TermDefinition, TermDictionary } from '../forms/engine/index.js';

/**
 * The standard data terms. A form field bound to a term (`"term": "vehicle.registration"`)
 * inherits its label, type, format, length limit, reference set, hint and messages, and its
 * values are indexed (normalised) so one search finds a value across every workflow.
 */
const TERMS: TermDefinition[] = [
  {
    id: 'person.givenName', label: 'Given name', errorName: 'the given name', type: 'string', component: 'text', maxLength: 100,
    hint: 'All given names, as shown on the travel document', normalise: 'name',
    messages: { required: 'Enter the given name', maxLength: 'Given name must be 100 characters or less' },
  },
  {
    id: 'person.familyName', label: 'Family name', errorName: 'the family name', type: 'string', component: 'text', maxLength: 100,
    hint: 'As shown on the travel document', normalise: 'name',
    messages: { required: 'Enter the family name', maxLength: 'Family name must be 100 characters or less' },
  },
  {
    id: 'person.dateOfBirth', label: 'Date of birth', errorName: 'the date of birth', type: 'date', component: 'date', past: true,
    format: 'yyyy-mm-dd', hint: 'For example, 27 3 1985', normalise: 'date',
    messages: {
      required: 'Enter the date of birth',
      date: 'Date of birth must be a real date',
      past: 'Date of birth must be in the past',
    },
  },
  {
    id: 'person.nationality', label: 'Nationality', errorName: 'the nationality', type: 'string', component: 'autocomplete', reference: 'countries',
    hint: 'Start typing, then choose from the list', normalise: 'code',
    messages: { required: 'Select the nationality', reference: 'Select a nationality from the list', retired: 'That nationality is no longer in use – select another' },
  },
  {
    id: 'person.sex', label: 'Sex', errorName: 'the sex', type: 'string', component: 'radios', reference: 'sex', normalise: 'code',
    messages: { required: 'Select the sex', reference: 'Select the sex from the list' },
  },
  {
    id: 'document.type', label: 'Document type', errorName: 'the document type', type: 'string', component: 'select', reference: 'document-types',
    normalise: 'code', messages: { required: 'Select the document type', reference: 'Select a document type from the list' },
  },
  {
    id: 'document.number', label: 'Document number', errorName: 'the document number', type: 'string', component: 'text', maxLength: 20,
    pattern: '[A-Za-z0-9 ]{5,20}', format: '5 to 20 letters and numbers', hint: 'For example, 502135326', normalise: 'registration',
    messages: {
      required: 'Enter the document number',
      pattern: 'Document number must only include letters and numbers, and be 5 to 20 characters long',
      maxLength: 'Document number must be 20 characters or less',
    },
  },
  {
    id: 'document.issuingCountry', label: 'Issuing country', errorName: 'the issuing country', type: 'string', component: 'autocomplete', reference: 'countries',
    normalise: 'code', messages: { required: 'Select the issuing country', reference: 'Select an issuing country from the list' },
  },
  {
    id: 'location.port', label: 'Port', errorName: 'the port', type: 'string', component: 'autocomplete', reference: 'ports',
    hint: 'Start typing the port name or code, for example Dover or LHR', normalise: 'code',
    messages: { required: 'Select the port', reference: 'Select a port from the list', retired: 'That port is no longer in use – select another port' },
  },
  {
    id: 'location.terminal', label: 'Terminal', errorName: 'the terminal', type: 'string', component: 'text', maxLength: 50,
    hint: 'For example, Terminal 5 or Eastern Docks', normalise: 'name',
    messages: { required: 'Enter the terminal', maxLength: 'Terminal must be 50 characters or less' },
  },
  {
    id: 'transport.mode', label: 'Mode of transport', errorName: 'the mode of transport', type: 'string', component: 'radios', reference: 'transport-modes',
    normalise: 'code', messages: { required: 'Select the mode of transport', reference: 'Select a mode of transport from the list' },
  },
  {
    id: 'vessel.name', label: 'Vessel name', errorName: 'the vessel name', type: 'string', component: 'text', maxLength: 100, normalise: 'name',
    messages: { required: 'Enter the vessel name', maxLength: 'Vessel name must be 100 characters or less' },
  },
  {
    id: 'vessel.imo', label: 'IMO number', errorName: 'the IMO number', type: 'string', component: 'text', maxLength: 11,
    pattern: '(IMO ?)?[0-9]{7}', format: '7 digits, like 9074729', hint: 'The 7 digit International Maritime Organization number, like 9074729',
    normalise: 'registration',
    messages: { required: 'Enter the IMO number', pattern: 'IMO number must be 7 digits, like 9074729', maxLength: 'IMO number must be 11 characters or less' },
  },
  {
    id: 'flight.number', label: 'Flight number', errorName: 'the flight number', type: 'string', component: 'text', maxLength: 8,
    pattern: '[A-Za-z0-9]{2}[A-Za-z]? ?[0-9]{1,4}[A-Za-z]?', format: 'airline code and number, like BA 0117', hint: 'For example, BA0117',
    normalise: 'registration',
    messages: { required: 'Enter the flight number', pattern: 'Enter a flight number in the correct format, like BA0117', maxLength: 'Flight number must be 8 characters or less' },
  },
  {
    id: 'vehicle.registration', label: 'Vehicle registration', errorName: 'the vehicle registration', type: 'string', component: 'text', maxLength: 15,
    pattern: '[A-Za-z0-9][A-Za-z0-9 -]{0,13}[A-Za-z0-9]', format: 'letters and numbers, like AB12 CDE', hint: 'For example, AB12 CDE',
    normalise: 'registration',
    messages: {
      required: 'Enter the vehicle registration',
      pattern: 'Vehicle registration must only include letters, numbers, spaces and hyphens',
      maxLength: 'Vehicle registration must be 15 characters or less',
    },
  },
  {
    id: 'trailer.registration', label: 'Trailer registration', errorName: 'the trailer registration', type: 'string', component: 'text', maxLength: 15,
    pattern: '[A-Za-z0-9][A-Za-z0-9 -]{0,13}[A-Za-z0-9]', format: 'letters and numbers, like C123456', hint: 'For example, C123456',
    normalise: 'registration',
    messages: {
      required: 'Enter the trailer registration',
      pattern: 'Trailer registration must only include letters, numbers, spaces and hyphens',
      maxLength: 'Trailer registration must be 15 characters or less',
    },
  },
  {
    id: 'goods.item', label: 'Item', errorName: 'the item', type: 'string', component: 'autocomplete', reference: 'items', normalise: 'code',
    hint: 'Start typing, for example cocaine or cigarettes',
    messages: { required: 'Select the item', reference: 'Select an item from the list', retired: 'That item is no longer in use – select another item' },
  },
  {
    id: 'goods.quantity', label: 'Quantity', errorName: 'the quantity', type: 'number', component: 'number', min: 0.001, max: 100_000_000,
    normalise: 'number',
    messages: {
      required: 'Enter the quantity',
      type: 'Quantity must be a number',
      between: 'Quantity must be more than 0 and no more than 100,000,000',
    },
  },
  {
    id: 'goods.unit', label: 'Unit', errorName: 'the unit', type: 'string', component: 'select', reference: 'units', normalise: 'code',
    messages: { required: 'Select the unit', reference: 'Select a unit from the list' },
  },
  {
    id: 'event.dateTime', label: 'Date and time of the event', errorName: 'the date and time of the event', type: 'date-time', component: 'date-time',
    notFuture: true, format: 'yyyy-mm-ddThh:mm', hint: 'For example, 12 4 2026 14:30', normalise: 'date-time',
    messages: {
      required: 'Enter the date and time of the event',
      dateTime: 'Date and time of the event must be a real date and time',
      notFuture: 'Date and time of the event must be in the past',
    },
  },
  {
    id: 'event.outcome', label: 'Outcome', errorName: 'the outcome', type: 'string', component: 'radios', reference: 'outcomes', normalise: 'code',
    messages: { required: 'Select the outcome', reference: 'Select an outcome from the list' },
  },
  {
    id: 'staff.team', label: 'Team', errorName: 'the team', type: 'string', component: 'autocomplete', reference: 'teams', normalise: 'code',
    messages: { required: 'Select the team', reference: 'Select a team from the list', retired: 'That team no longer exists – select another team' },
  },
  {
    id: 'staff.grade', label: 'Grade', errorName: 'the grade', type: 'string', component: 'select', reference: 'grades', normalise: 'code',
    messages: { required: 'Select the grade', reference: 'Select a grade from the list' },
  },
  {
    id: 'target.reference', label: 'Target reference', errorName: 'the target reference', type: 'string', component: 'text', maxLength: 20,
    pattern: '[A-Za-z]{2,4}-[0-9]{8}-[0-9]{1,4}', format: 'prefix, date and number, like BF-20260412-17', hint: 'For example, BF-20260412-17',
    normalise: 'code',
    messages: {
      required: 'Enter the target reference',
      pattern: 'Enter a target reference in the correct format, like BF-20260412-17',
      maxLength: 'Target reference must be 20 characters or less',
    },
  },
  {
    id: 'target.category', label: 'Target category', errorName: 'the target category', type: 'string', component: 'radios', reference: 'target-categories',
    hint: 'A is the highest priority', normalise: 'code',
    messages: { required: 'Select the target category', reference: 'Select a target category from the list' },
  },
];

/** The standard term dictionary, keyed by term id. */
export const standardTerms: TermDictionary = Object.freeze(Object.fromEntries(TERMS.map((t) => [t.id, Object.freeze(t)])));

/** The standard terms in declaration order (for docs and admin screens). */
export const standardTermList: readonly TermDefinition[] = TERMS;
