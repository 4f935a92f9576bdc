import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { readModelOf } from '../../core/src/read-model/read-model.definition.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('use-of-force.form.json');
const reference = seededReference;
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T12:00:00Z'), workflow: 'use-of-force' };

const report = {
  occurredAt: '2026-04-12T10:40',
  port: 'gatwick',
  locationDetails: 'Search room 2, North Terminal',
  team: 'gatwick-north-terminal-team',
  familyName: 'Smith',
  subjectBehaviour: ['verbal-non-compliance', 'active-resistance'],
  reasons: ['prevent-escape', 'effect-arrest'],
  techniques: ['escort-hold', 'handcuffs-rear'],
  personalSafety: ['tactical-communication'],
  durationMinutes: 3,
  subjectInjured: false,
  officerInjured: false,
  medicalAssistance: 'none',
  account:
    'The man tried to leave the search room after arrest. Handcuffs applied to prevent escape and removed on handover to police.',
  bodyWornVideo: true,
};

describe('use-of-force forms (real reference data)', () => {
  it.each(['use-of-force', 'request-detail', 'add-detail', 'professional-standards-referral'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a handcuffing after arrest', () => {
    expect(validateSubmission(form, report, options).errors).toEqual([]);
  });

  it('asks for injury details and medical assistance when someone was injured', () => {
    expect(validateSubmission(form, { ...report, officerInjured: true }, options).errors).toEqual([
      { path: 'officerInjuries', message: "Enter the officer's injuries" },
      { path: 'medicalAssistance', message: 'Select the medical assistance given or offered – someone was injured' },
    ]);
  });

  it('checks techniques against the seeded list and asks about other techniques', () => {
    const answers = { ...report, techniques: ['other-technique', 'baton'], reasons: [] };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'reasons', message: 'Select why force was used' },
      { path: 'techniques', message: 'Select the restraint techniques used from the list' },
    ]);
    expect(validateSubmission(form, { ...report, techniques: ['other-technique'] }, options).errors).toEqual([
      { path: 'otherTechnique', message: 'Enter the other technique' },
    ]);
  });

  it('keeps what the monthly return counts in the read model, dated by when force was used, and no person or account', () => {
    const def = readModelOf('use-of-force', form, standardTerms)!;
    expect(def.timeField).toBe('occurredAt');
    expect(def.columns.map((c) => [c.field, c.type])).toEqual([
      ['occurredAt', 'timestamptz'],
      ['port', 'text'],
      ['team', 'text'],
      ['subjectBehaviour', 'text[]'],
      ['reasons', 'text[]'],
      ['techniques', 'text[]'],
      ['durationMinutes', 'numeric'],
      ['subjectInjured', 'boolean'],
      ['officerInjured', 'boolean'],
      ['medicalAssistance', 'text'],
      ['bodyWornVideo', 'boolean'],
    ]);
    expect(def.groups).toEqual([]);
  });
});
