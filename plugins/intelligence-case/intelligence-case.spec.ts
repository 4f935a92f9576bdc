import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import plugin from './plugin.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'intelligence-case',
};

describe('intelligence-case forms (real reference data)', () => {
  it.each(['intelligence-case', 'no-further-action', 'intelligence-product', 'transfer-primacy'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('opens a case from a referral, with a review date in the future', () => {
    const form = load('intelligence-case.form.json');
    const answers = {
      referralReference: 'BF-20260410-3',
      primacyTeam: 'intelligence-hub-south',
      handlingCondition: 'P',
      summary: 'Repeat same-day crossings by a van.',
      reviewDate: '2026-05-10',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([]);
    expect(
      validateSubmission(form, { ...answers, reviewDate: '2026-04-12', referralReference: 'REF-3' }, options).errors,
    ).toEqual([
      {
        path: 'referralReference',
        message: 'Enter the intelligence referral reference in the correct format, like BF-20260412-17',
      },
      { path: 'reviewDate', message: 'Review date must be in the future' },
    ]);
  });

  it('needs a justification and an authorising officer of HEO or above for no further action', () => {
    const form = load('no-further-action.form.json');
    expect(validateSubmission(form, {}, options).errors).toEqual([
      { path: 'justification', message: 'Enter why no further action is justified' },
      { path: 'authorisingOfficer', message: "Enter the authorising officer's full name" },
      { path: 'authorisingGrade', message: "Select the authorising officer's grade" },
    ]);
    const nfa = {
      justification: 'Subject already known to the NCA.',
      authorisingOfficer: 'Sam Patel',
      authorisingGrade: 'EO',
    };
    expect(validateSubmission(form, nfa, options).errors).toEqual([
      { path: 'authorisingGrade', message: 'No further action must be authorised by a Higher Officer (HEO) or above' },
    ]);
    expect(validateSubmission(form, { ...nfa, authorisingGrade: 'HEO' }, options).errors).toEqual([]);
  });

  it('records a disseminated product with its legal gateway', () => {
    const form = load('intelligence-product.form.json');
    const product = {
      productType: 'target-package',
      productReference: 'IR-2026-0412',
      disseminatedTo: ['border-force-frontline', 'police'],
      legalGateway: 'crime-and-courts-act-2013-s7',
    };
    expect(validateSubmission(form, product, options).errors).toEqual([]);
    expect(validateSubmission(form, { ...product, disseminatedTo: [], legalGateway: 'gdpr' }, options).errors).toEqual([
      { path: 'disseminatedTo', message: 'Select who it was disseminated to' },
      { path: 'legalGateway', message: 'Select the legal gateway from the list' },
    ]);
  });
});

describeDemoSamples(plugin, load('intelligence-case.form.json'), options);
