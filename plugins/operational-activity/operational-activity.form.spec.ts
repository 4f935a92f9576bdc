import { readFileSync } from 'node:fs';
import {
  checkFormDefinition,
  createReferenceLookup,
  prefill,
  summarise,
  validateDraft,
  validateSubmission,
  type FormDefinition,
} from '../../core/src/forms/engine/index.js';
import { standardTerms } from '../../core/src/terms/standard-terms.js';
import { referenceFixture } from '../../test/forms/fixtures/reference-data.js';

const form = JSON.parse(
  readFileSync(new URL('./forms/operational-activity.form.json', import.meta.url), 'utf8'),
) as FormDefinition;
const reference = createReferenceLookup(referenceFixture);
const options = { terms: standardTerms, reference, now: new Date('2026-04-12T18:00:00Z') };

// A 07:00–15:00 shift (480 minutes, London time) fully allocated.
const report = {
  shiftStart: '2026-04-12T07:00',
  shiftEnd: '2026-04-12T15:00',
  location: 'GBDOV',
  team: 'dover-freight-1',
  staffByGrade: [
    { grade: 'EO', count: 6 },
    { grade: 'HEO', count: 1 },
  ],
  activities: [
    { mode: 'roro-tourist', activity: 'customs-examination', minutes: 300 },
    { mode: 'roro-accompanied-freight', activity: 'freight-examination', minutes: 150 },
    { mode: 'roro-tourist', activity: 'administration', minutes: 30 },
  ],
  detections: [{ category: 'A', positive: 1, negative: 2 }],
  debriefNotes: 'Scanner 2 out of service from 11:00.',
};

describe('operational-activity form', () => {
  it('is a consistent multi-page wizard', () => {
    expect(checkFormDefinition(form, standardTerms)).toEqual([]);
    expect(form.type).toBe('wizard');
    expect(form.pages.map((p) => p.id)).toEqual(['shift', 'staff', 'activities', 'detections', 'debrief']);
  });

  it('accepts a fully allocated shift and computes the time left', () => {
    const result = validateSubmission(form, report, options);
    expect(result.errors).toEqual([]);
    expect(result.answers).toMatchObject({ shiftMinutes: 480, timeLeft: 0 });
  });

  it('never trusts a time left sent by the client', () => {
    const result = validateSubmission(
      form,
      { ...report, activities: report.activities.slice(0, 2), timeLeft: 0 },
      options,
    );
    expect(result.errors).toEqual([
      { path: 'timeLeft', message: 'Time left to allocate must be 0 – add activities for the rest of the shift' },
    ]);
    expect(result.answers.timeLeft).toBe(30);
  });

  it('rejects activities that add up to more than the shift', () => {
    const activities = [...report.activities, { mode: 'post', activity: 'training', minutes: 45 }];
    expect(validateSubmission(form, { ...report, activities }, options).errors).toEqual([
      {
        path: 'timeLeft',
        message: 'Activity minutes add up to more than the shift – reduce the minutes so time left to allocate is 0',
      },
    ]);
  });

  it('lets a draft be saved with time still to allocate', () => {
    const result = validateDraft(form, { ...report, activities: report.activities.slice(0, 1) }, options);
    expect(result.errors).toEqual([]);
    expect(result.answers.timeLeft).toBe(180);
  });

  it('needs the shift end after the start, and does not double-report the time left', () => {
    expect(validateSubmission(form, { ...report, shiftEnd: '2026-04-12T06:00' }, options).errors).toEqual([
      { path: 'shiftEnd', message: 'Shift end must be after the shift start' },
    ]);
  });

  it('reports missing answers on every page with GOV.UK messages', () => {
    expect(validateSubmission(form, {}, options).errors).toEqual([
      { path: 'shiftStart', message: 'Enter the shift start date and time' },
      { path: 'shiftEnd', message: 'Enter the shift end date and time' },
      { path: 'location', message: 'Select the location' },
      { path: 'team', message: 'Select the team' },
      { path: 'staffByGrade', message: 'Add at least 1 grade' },
      { path: 'activities', message: 'Add at least 1 activity' },
    ]);
  });

  it('checks staff counts, activities and detections row by row', () => {
    const answers = {
      ...report,
      staffByGrade: [{ grade: 'EO', count: 0 }],
      activities: [{ mode: 'roro-tourist', activity: 'sleeping', minutes: 480 }],
      detections: [{ category: 'A', positive: 1.5, negative: -1 }],
      team: 'old-team',
    };
    expect(validateSubmission(form, answers, options).errors).toEqual([
      { path: 'team', message: 'That team no longer exists – select another team' },
      { path: 'staffByGrade[0].count', message: 'Number of staff must be between 1 and 500' },
      { path: 'activities[0].activity', message: 'Select the activity from the list' },
      { path: 'detections[0].positive', message: 'Number of positive detections must be a whole number' },
      { path: 'detections[0].negative', message: 'Number of negative results must be between 0 and 1000' },
    ]);
  });

  it('pre-fills location and team from the shift, and summarises with display values', () => {
    const filled = prefill(
      form,
      { now: options.now, shift: { location: 'GBDOV', teamId: 'dover-freight-1' } },
      standardTerms,
    );
    expect(filled).toEqual({ location: 'GBDOV', team: 'dover-freight-1' });
    const answers = validateSubmission(form, report, options).answers;
    const rows = summarise(form, answers, { terms: standardTerms, reference });
    expect(rows.find((r) => r.path === 'timeLeft')).toEqual({
      pageId: 'activities',
      path: 'timeLeft',
      label: 'Time left to allocate',
      value: 0,
      displayValue: '0 minutes',
    });
    expect(rows.find((r) => r.path === 'shiftStart')?.displayValue).toBe('12 April 2026 at 7:00am');
    expect(rows.find((r) => r.path === 'activities[1].activity')).toMatchObject({
      label: 'Activity 2: Activity',
      displayValue: 'Freight examination',
    });
  });
});
