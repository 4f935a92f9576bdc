import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { signIn, startTestApp, type TestApp } from '../../test/utils/app.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import { apiCall, submitCase } from '../../test/utils/reports.js';
import plugin from './plugin.js';

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

  it('keeps what a monthly return counts in the read model, and no person, vehicle or narrative', () => {
    // Action forms in file order, as the core reads them.
    const actionForms = ['close-referral', 'provide-information', 'request-information'].map((id) =>
      load(`${id}.form.json`),
    );
    const def = readModelOf('intelligence-referral', form, standardTerms, actionForms)!;
    // Dated by when it was referred: the form has no date of its own.
    expect(def.timeField).toBeUndefined();
    expect(def.columns.map((c) => [c.field, c.type, Boolean(c.fromActions)])).toEqual([
      ['source', 'text', false],
      ['port', 'text', false],
      ['handlingCondition', 'text', false],
      ['subjectTypes', 'text[]', false],
      ['indicators', 'text[]', false],
      // Why the hub closed it, null until it is closed.
      ['reason', 'text', true],
    ]);
    expect(def.groups).toEqual([]);
  });
});

describeDemoSamples(plugin, form, options);

describe('intelligence-referral read model (real core)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('keeps the referral’s marked answers on submission and the hub’s reason when it closes it', async () => {
    const [officer, intel] = await Promise.all([signIn(app, 'officer'), signIn(app, 'intel')]);
    // File answers must be uploads the officer made (docs/forms.md); the read model keeps no files.
    const created = await submitCase(
      app,
      officer,
      'intelligence-referral',
      { ...referral, attachments: [] },
      'referral',
    );
    const readCase = async () =>
      (
        await app.sql(
          'SELECT state, owner_team, source, port, handling_condition, subject_types, indicators, reason FROM plugin_intelligence_referral.read_case WHERE case_id = $1',
          [created.id],
        )
      )[0];
    expect(await readCase()).toEqual({
      state: 'awaiting-triage',
      owner_team: 'dover-tourist-controls-team-1',
      source: 'frontline',
      port: 'holyhead',
      handling_condition: 'P',
      subject_types: ['person', 'vehicle'],
      indicators: ['travel-pattern', 'short-stay'],
      reason: null,
    });
    const closed = await apiCall(app, 'POST', `/api/cases/${created.id}/actions/close`, intel, {
      version: 1,
      answers: { reason: 'already-known', details: 'Known to the regional team.' },
    });
    expect(closed.status).toBe(200);
    expect(await readCase()).toMatchObject({ state: 'closed', reason: 'already-known' });
  });
});
