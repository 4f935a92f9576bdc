import { checkFormDefinition, compileAnswerCondition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import plugin from './plugin.js';
import { describeDemoSamples, loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('interpreter-request.form.json');
const reference = seededReference;
// 12:00 UTC is 13:00 UK time (BST) on 12 April 2026.
const options = {
  terms: standardTerms,
  reference,
  now: new Date('2026-04-12T12:00:00Z'),
  workflow: 'interpreter-request',
};

function firstState(answers: Record<string, unknown>): string {
  const workflow = plugin.workflow!;
  const route = (workflow.routes ?? []).find((r) => compileAnswerCondition(form, r.when, standardTerms).test(answers));
  return route?.to ?? workflow.initial;
}

const taskOf = (state: string) => plugin.workflow!.states.find((s) => s.id === state)!.tasks![0];

const routine = {
  language: 'prs',
  dialect: 'Hazaragi',
  interpreterSex: 'no-preference',
  port: 'dover',
  neededAt: '2026-04-14T10:00',
  urgency: 'routine',
  purpose: 'customs-interview',
  attendance: 'video',
  expectedMinutes: 90,
  requesterName: 'Chris Evans',
  requesterPhone: '01632 960 001',
  team: 'dover-tourist-controls-team-2',
};

describe('interpreter-request forms (real reference data)', () => {
  it.each(['interpreter-request', 'interpreter-booking', 'attendance', 'cancellation'])(
    '%s is a consistent form declaration',
    (id) => {
      expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
    },
  );

  it('accepts a routine request, booked within a day', () => {
    const result = validateSubmission(form, routine, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-booking');
    expect(taskOf('awaiting-booking')).toMatchObject({ priority: 'medium', due: 'P1D' });
  });

  it('gives an urgent request an urgent booking task', () => {
    const answers = {
      ...routine,
      language: 'tir',
      dialect: undefined,
      neededAt: '2026-04-12T13:30',
      urgency: 'urgent',
      purpose: 'further-examination',
      attendance: 'telephone',
      expectedMinutes: 60,
    };
    const result = validateSubmission(form, answers, options);
    expect(result.errors).toEqual([]);
    expect(firstState(result.answers)).toBe('awaiting-urgent-booking');
    expect(taskOf('awaiting-urgent-booking')).toMatchObject({ priority: 'urgent', due: 'PT30M' });
    expect(firstState(validateSubmission(form, { ...routine, urgency: 'same-day' }, options).answers)).toBe(
      'awaiting-same-day-booking',
    );
  });

  it('needs the interpreter in the future', () => {
    expect(validateSubmission(form, { ...routine, neededAt: '2026-04-12T12:30' }, options).errors).toEqual([
      { path: 'neededAt', message: 'Date and time the interpreter is needed must be in the future' },
    ]);
    expect(validateSubmission(form, { ...routine, neededAt: '2026-02-30T10:00' }, options).errors).toEqual([
      { path: 'neededAt', message: 'Date and time the interpreter is needed must be a real date and time' },
    ]);
  });

  it('only accepts languages from the list, and checks the rest of the request', () => {
    const answers = {
      ...routine,
      language: 'klingon',
      urgency: 'whenever',
      expectedMinutes: 5,
      requesterPhone: 'call me',
      requesterName: '',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'language', message: 'Select the language from the list' },
      { path: 'urgency', message: 'Select how urgent it is from the list' },
      { path: 'expectedMinutes', message: 'How long it will take must be between 15 and 480' },
      { path: 'requesterName', message: 'Enter your full name' },
      {
        path: 'requesterPhone',
        message: 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
      },
    ]);
  });
});

describeDemoSamples(plugin, form, options);
