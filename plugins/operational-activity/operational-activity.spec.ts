import { checkFormDefinition, validateSubmission } from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { loadPluginForm, seededReference } from '../../test/utils/plugin-forms.js';
import plugin from './plugin.js';

const load = (file: string) => loadPluginForm(import.meta.url, file);
const form = load('operational-activity.form.json');
const reference = seededReference;
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T18:00:00Z') };

// A 07:00–15:00 shift at Dover (480 minutes, UK time), fully allocated.
const report = {
  shiftStart: '2026-04-12T07:00',
  shiftEnd: '2026-04-12T15:00',
  location: 'dover',
  team: 'dover-freight-team-a',
  staffByGrade: [
    { grade: 'EO', count: 8 },
    { grade: 'HEO', count: 1 },
  ],
  activities: [
    { mode: 'roro-accompanied-freight', activity: 'freight-examination', minutes: 360 },
    { mode: 'roro-unaccompanied-freight', activity: 'targeted-search', minutes: 90 },
    { mode: 'roro-accompanied-freight', activity: 'administration', minutes: 30 },
  ],
  detections: [
    { category: 'A', positive: 1, negative: 2 },
    { category: 'C', positive: 0, negative: 4 },
  ],
  debriefNotes: 'Scanner lane 2 out of service from 11:00 to 13:00.',
};

describe('operational-activity forms (real reference data)', () => {
  it.each(['operational-activity', 'return-report'])('%s is a consistent form declaration', (id) => {
    expect(checkFormDefinition(load(`${id}.form.json`), standardTerms)).toEqual([]);
  });

  it('accepts a fully allocated shift at Dover', () => {
    const result = validateSubmission(form, report, options);
    expect(result.errors).toEqual([]);
    expect(result.answers).toMatchObject({ shiftMinutes: 480, timeLeft: 0 });
  });

  it('needs every minute of the shift allocated', () => {
    expect(validateSubmission(form, { ...report, activities: report.activities.slice(0, 2) }, options).errors).toEqual([
      { path: 'timeLeft', message: 'Time left to allocate must be 0 – add activities for the rest of the shift' },
    ]);
  });

  it('checks grades, team and target categories against the seeded lists', () => {
    const answers = {
      ...report,
      team: 'dover-freight-1',
      staffByGrade: [{ grade: 'BFO', count: 0 }],
      detections: [{ category: 'D', positive: 1, negative: -1 }],
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'team', message: 'Select a team from the list' },
      { path: 'staffByGrade[0].grade', message: 'Select a grade from the list' },
      { path: 'staffByGrade[0].count', message: 'Number of staff must be between 1 and 500' },
      { path: 'detections[0].category', message: 'Select a target category from the list' },
      { path: 'detections[0].negative', message: 'Number of negative results must be between 0 and 1000' },
    ]);
  });

  it('needs a reason to return a report', () => {
    expect(validateSubmission(load('return-report.form.json'), {}, options).errors).toEqual([
      { path: 'correction', message: 'Enter what needs correcting' },
    ]);
  });
});

describe('operational-activity demo reports', () => {
  it('are valid submissions of the start form', () => {
    const errors = (plugin.demo ?? []).flatMap((demo) =>
      Array.from({ length: demo.count }, (_, i) =>
        validateSubmission(form, demo.answers(i, options.now), options),
      ).flatMap((r, i) => r.errors.map((e) => ({ sample: i, ...e }))),
    );
    expect(errors).toEqual([]);
  });
});
