import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { demoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('safeguarding-referral.form.json');
const reference = seededReference;
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'safeguarding-referral',
};

function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const adult = {
  encounteredAt: '2026-04-12T07:20',
  port: 'dover',
  team: 'dover-tourist-controls-team-1',
  eventType: 'safeguarding-concern',
  category: 'modern-slavery',
  indicators: ['documents-held-by-others', 'travel-arranged-by-others', 'owes-debt'],
  personAge: 'adult',
  givenName: 'Elena',
  nationality: 'ROU',
  sex: 'female',
  needsInterpreter: true,
  language: 'ron',
  accompanied: true,
  companions: [{ familyName: 'Popescu', relation: 'employer', relationVerified: false }],
  actionsTaken: ['safe-place', 'nrm-referral', 'police'],
  policeReference: 'KENT-0412-118',
  summary:
    'A man travelling with her answered every question for her and held her passport. She said she had been offered cleaning work and owed him for the journey.',
};

const child = {
  ...adult,
  category: 'unaccompanied-child',
  indicators: ['age-in-doubt', 'unaware-of-destination'],
  personAge: 'age-in-doubt',
  nationality: 'VNM',
  language: 'vie',
  accompanied: false,
  companions: undefined,
  actionsTaken: ['safe-place', 'childrens-services'],
  localAuthority: 'Kent County Council',
  policeReference: undefined,
  summary: 'Found in the back of a van. He said he was 16 and did not know where he was going.',
};

describe('safeguarding-referral forms (real reference data)', () => {
  it.each(['safeguarding-referral', 'partner-referral', 'no-further-action'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a modern slavery referral about an adult, for manager review', () => {
    const result = validateSubmission(form, adult, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-review');
  });

  it('routes a referral about a child, or a person whose age is in doubt, to an urgent task', () => {
    const result = validateSubmission(form, child, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('child-safeguarding');
    expect(plugin.workflow!.states.find((s) => s.id === 'child-safeguarding')!.tasks![0]).toMatchObject({
      priority: 'urgent',
      due: 'PT1H',
    });
    expect(plugin.workflow!.actions.find((a) => a.id === 'close-no-further-action')!.from).not.toContain(
      'child-safeguarding',
    );
  });

  it("needs a child to be referred to children's services, and keeps Duty to Notify for adults", () => {
    const answers = {
      ...child,
      personAge: 'child',
      actionsTaken: ['safe-place', 'duty-to-notify'],
      localAuthority: undefined,
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      {
        path: 'actionsTaken',
        message:
          "Select ‘Referred to local authority children's services’ – every child, or person whose age is in doubt, must be referred",
      },
      {
        path: 'actionsTaken',
        message:
          'A Duty to Notify report is only for adults – refer a child to the National Referral Mechanism instead',
      },
    ]);
  });

  it('asks about the people travelling with them only when there were some', () => {
    expect(validateSubmission(form, { ...adult, companions: [{ relation: 'cousin' }] }, options).errors).toEqual([
      { path: 'companions[0].relation', message: 'Select the relationship to the person from the list' },
      { path: 'companions[0].relationVerified', message: 'Select whether the relationship has been verified' },
    ]);
    expect(validateSubmission(form, { ...adult, companions: [] }, options).errors).toEqual([
      { path: 'companions', message: 'Add at least 1 person they were travelling with' },
    ]);
    expect(validateSubmission(form, { ...adult, accompanied: false }, options).errors).toEqual([
      {
        path: 'companions',
        message: 'People travelling with them must not be answered because the question is not shown',
      },
    ]);
  });

  it('needs the essentials and only accepts event types for safeguarding', () => {
    const answers = {
      ...adult,
      eventType: 'arrest',
      indicators: [],
      personAge: undefined,
      summary: ' ',
      needsInterpreter: false,
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'eventType', message: 'Select how you came across the person from the list' },
      { path: 'indicators', message: 'Select what you noticed' },
      { path: 'personAge', message: 'Select whether the person is under 18' },
      { path: 'language', message: 'Language must not be answered because the question is not shown' },
      { path: 'summary', message: 'Enter what happened' },
    ]);
  });

  it('accepts every demo sample as submitted (one child, two adults)', () => {
    const now = new Date();
    const samples = demoSamples(plugin, now).map((s) => s.answers);
    const results = samples.map((answers) => validateSubmission(form, answers, { ...options, now }));
    expect(results.map((r) => r.errors)).toEqual(samples.map(() => []));
    expect(results.map((r) => firstState(r.answers))).toEqual([
      'child-safeguarding',
      'awaiting-review',
      'awaiting-review',
    ]);
  });

  it('keeps only what the counts need in the read model: no name, date of birth, companion or free text', () => {
    const def = readModelOf('safeguarding-referral', form, standardTerms)!;
    expect(def.timeField).toBe('encounteredAt');
    expect(def.columns.map((c) => [c.field, c.type])).toEqual([
      ['encounteredAt', 'timestamptz'],
      ['port', 'text'],
      ['team', 'text'],
      ['eventType', 'text'],
      ['category', 'text'],
      ['indicators', 'text[]'],
      ['personAge', 'text'],
      ['nationality', 'text'],
      ['language', 'text'],
      ['accompanied', 'boolean'],
      ['actionsTaken', 'text[]'],
    ]);
    expect(def.groups).toEqual([]);
  });
});
