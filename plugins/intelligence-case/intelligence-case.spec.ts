import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { apiCall, submitCase, type Auth } from '../../test/utils/reports.js';
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

describe('intelligence-case read model', () => {
  it('keeps the case’s referral, primacy, handling and review date, the latest product and a transfer', () => {
    // Action forms in file order, as the core reads them.
    const actionForms = ['intelligence-product', 'no-further-action', 'transfer-primacy'].map((id) =>
      load(`${id}.form.json`),
    );
    const def = readModelOf('intelligence-case', load('intelligence-case.form.json'), standardTerms, actionForms)!;
    expect(def.timeField).toBeUndefined(); // dated by when the case was opened
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['referralReference', 'text', false],
      ['primacyTeam', 'text', false],
      ['handlingCondition', 'text', false],
      ['reviewDate', 'date', false],
      ['productType', 'text', true],
      ['disseminatedTo', 'text[]', true],
      ['legalGateway', 'text', true],
      ['newPrimacyTeam', 'text', true],
    ]);
    expect(def.groups).toEqual([]);
  });
});

describe('intelligence-case in the real core', () => {
  const opening = {
    referralReference: 'BF-20260410-3',
    primacyTeam: 'intelligence-hub-south',
    handlingCondition: 'P',
    summary: 'Repeat same-day crossings by a van.',
    reviewDate: '2099-05-10',
  };
  let app: TestApp;
  let intel: Auth;
  beforeAll(async () => {
    app = await startTestApp();
    intel = await signIn(app, 'intel');
  });
  afterAll(async () => app?.close());

  const act = async (caseId: string, action: string, version: number, answers: Record<string, unknown>) => {
    const taken = await apiCall(app, 'POST', `/api/cases/${caseId}/actions/${action}`, intel, { version, answers });
    expect([action, taken.status, taken.body?.errors]).toEqual([action, 200, undefined]);
  };

  it('has the dissemination log and the read model, and no copy of the answers', async () => {
    const tables = await app.sql(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'plugin_intelligence_case' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual(['intelligence_product', 'read_case']);
  });

  it('logs every product disseminated, while the read model keeps the latest and the transfer', async () => {
    const created = await submitCase(app, intel, 'intelligence-case', opening, 'case');
    await act(created.id, 'transfer-primacy', 1, {
      newPrimacyTeam: 'cash-team-south-east',
      reason: 'Cash is the main line of enquiry.',
    });
    await act(created.id, 'record-product', 2, {
      productType: 'target-package',
      productReference: 'IR-2026-0412',
      disseminatedTo: ['border-force-frontline', 'police'],
      legalGateway: 'crime-and-courts-act-2013-s7',
    });
    await act(created.id, 'record-further-product', 3, {
      productType: 'alert',
      productReference: 'IR-2026-0413',
      disseminatedTo: ['hmrc'],
      legalGateway: 'commissioners-revenue-customs-act-2005-s18',
    });
    expect(
      await app.sql(
        'SELECT product_type, product_reference, disseminated_to, legal_gateway FROM plugin_intelligence_case.intelligence_product WHERE case_id = $1 ORDER BY created_at, product_reference',
        [created.id],
      ),
    ).toEqual([
      {
        product_type: 'target-package',
        product_reference: 'IR-2026-0412',
        disseminated_to: ['border-force-frontline', 'police'],
        legal_gateway: 'crime-and-courts-act-2013-s7',
      },
      {
        product_type: 'alert',
        product_reference: 'IR-2026-0413',
        disseminated_to: ['hmrc'],
        legal_gateway: 'commissioners-revenue-customs-act-2005-s18',
      },
    ]);
    const [row] = await app.sql(
      'SELECT state, referral_reference, primacy_team, handling_condition, review_date::text, product_type, disseminated_to, legal_gateway, new_primacy_team FROM plugin_intelligence_case.read_case WHERE case_id = $1',
      [created.id],
    );
    expect(row).toEqual({
      state: 'disseminated',
      referral_reference: 'BF-20260410-3',
      primacy_team: 'intelligence-hub-south',
      handling_condition: 'P',
      review_date: '2099-05-10',
      product_type: 'alert',
      disseminated_to: ['hmrc'],
      legal_gateway: 'commissioners-revenue-customs-act-2005-s18',
      new_primacy_team: 'cash-team-south-east',
    });
  });

  it('logs nothing for an action that records no product', async () => {
    const created = await submitCase(app, intel, 'intelligence-case', opening, 'nfa');
    await act(created.id, 'record-nfa', 1, {
      justification: 'Subject already known to the NCA.',
      authorisingOfficer: 'Sam Patel',
      authorisingGrade: 'HEO',
    });
    const logged = await app.sql(
      'SELECT count(*)::int AS n FROM plugin_intelligence_case.intelligence_product WHERE case_id = $1',
      [created.id],
    );
    expect(logged).toEqual([{ n: 0 }]);
    const [row] = await app.sql(
      'SELECT state, product_type FROM plugin_intelligence_case.read_case WHERE case_id = $1',
      [created.id],
    );
    expect(row).toEqual({ state: 'closed-nfa', product_type: null });
  });
});
