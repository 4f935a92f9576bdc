import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('intelligence-referral.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'intelligence-referral',
};

const referral = {
  source: 'frontline',
  port: 'holyhead',
  handlingCondition: 'P',
  subjectTypes: ['person', 'vehicle'],
  givenName: 'Sean',
  familyName: 'Murphy',
  nationality: 'IRL',
  vehicleRegistration: '241-D-12345',
  indicators: ['travel-pattern', 'short-stay'],
  narrative: 'Driver has crossed five times in two weeks, each time returning the same day with an empty van.',
  attachments: [{ file: { id: 'f-123', name: 'booking-history.pdf' }, description: 'Booking history' }],
};

describe('intelligence-referral forms (real reference data)', () => {
  it.each(['intelligence-referral', 'request-information', 'provide-information', 'close-referral'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a frontline referral about a person and a vehicle', () => {
    expect(validateSubmission(form, referral, options).errors).toEqual([]);
  });

  it('asks for the partner, the sharing conditions and the subject details that apply', () => {
    const answers = {
      ...referral,
      source: 'external-partner',
      handlingCondition: 'C',
      subjectTypes: ['vehicle', 'vessel'],
      vehicleRegistration: undefined,
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'partnerAgency', message: 'Enter the name of the partner agency' },
      { path: 'handlingConditions', message: 'Enter the conditions on sharing' },
      { path: 'givenName', message: 'Given name must not be answered because the question is not shown' },
      { path: 'familyName', message: 'Family name must not be answered because the question is not shown' },
      { path: 'nationality', message: 'Nationality must not be answered because the question is not shown' },
      { path: 'vesselName', message: 'Enter the vessel name' },
      { path: 'vehicleRegistration', message: 'Enter the vehicle registration or the trailer registration' },
    ]);
  });

  it('rejects an unknown handling code and an upload that is not a file', () => {
    const answers = { ...referral, handlingCondition: 'R', attachments: [{ file: 'photo.jpg' }] };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'handlingCondition', message: 'Select the handling condition from the list' },
      { path: 'attachments[0].file', message: 'File must be an uploaded file' },
    ]);
  });
});
