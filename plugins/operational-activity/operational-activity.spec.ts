import { loadPluginForm } from '../../test/utils/plugin-forms.js';
import { usePluginKit } from '../../test/utils/plugin-kit.js';

// A 07:00–15:00 shift at Dover (480 minutes, UK time), fully allocated.
const report = {
  shiftStart: '2026-04-12T07:00',
  shiftEnd: '2026-04-12T15:00',
  location: 'dover',
  team: 'dover-tourist-controls-team-1',
  staffByGrade: [
    { grade: 'EO', count: 8 },
    { grade: 'HEO', count: 1 },
  ],
  activities: [
    { mode: 'roro-accompanied-freight', activity: 'customs-examination', minutes: 300 },
    { mode: 'roro-accompanied-freight', activity: 'freight-examination', minutes: 150 },
    { mode: 'roro-unaccompanied-freight', activity: 'administration', minutes: 30 },
  ],
  detections: [{ category: 'A', positive: 1, negative: 2 }],
  debriefNotes: 'Scanner lane 2 out of service from 11:00 to 13:00.',
};
const timeLeft = (message: string) => [{ path: 'timeLeft', message }];
const underAllocated = timeLeft('Time left to allocate must be 0 – add activities for the rest of the shift');

describe('operational-activity', () => {
  const kit = usePluginKit('operational-activity');

  it('loads as a five-page wizard, and its demo reports are accepted', async () => {
    expect(await kit.loaded()).toEqual({ state: 'enabled', canStart: true });
    const form = loadPluginForm(import.meta.url, 'operational-activity.form.json');
    expect(form.type).toBe('wizard');
    expect(form.pages.map((p) => p.id)).toEqual(['shift', 'staff', 'activities', 'detections', 'debrief']);
    expect(await kit.demo()).toHaveLength(6);
  });

  it('accepts a fully allocated shift, computing its length, and summarises it with display values', async () => {
    const created = await kit.submit(report);
    expect(created.answers).toMatchObject({ shiftMinutes: 480, timeLeft: 0 });
    const { summary } = await kit.case(created.id);
    const row = (path: string) => summary.find((r: { path: string }) => r.path === path);
    expect(row('timeLeft')).toEqual({
      pageId: 'activities',
      path: 'timeLeft',
      label: 'Time left to allocate',
      value: 0,
      displayValue: '0 minutes',
    });
    expect(row('shiftStart')?.displayValue).toBe('12 April 2026 at 7:00am');
    expect(row('activities[1].activity')).toMatchObject({
      label: 'Activity 2: Activity',
      displayValue: 'Freight examination',
    });
  });

  it('needs every minute of the shift allocated, never trusting a time left sent by the client', async () => {
    const short = { ...report, activities: report.activities.slice(0, 2), timeLeft: 0 };
    expect(await kit.refused(short)).toEqual(underAllocated);
    // A draft may be saved with time still to allocate; the core computes it.
    expect((await kit.draft(short)).answers.timeLeft).toBe(30);
    const over = [...report.activities, { mode: 'post', activity: 'training', minutes: 45 }];
    expect(await kit.refused({ ...report, activities: over })).toEqual(
      timeLeft('Activity minutes add up to more than the shift – reduce the minutes so time left to allocate is 0'),
    );
  });

  it('reports missing answers on every page, and a shift end before the start without the time left', async () => {
    expect(await kit.refused({ ...report, shiftEnd: '2026-04-12T06:00' })).toEqual([
      { path: 'shiftEnd', message: 'Shift end must be after the shift start' },
    ]);
    expect(await kit.refused({})).toEqual([
      { path: 'shiftStart', message: 'Enter the shift start date and time' },
      { path: 'shiftEnd', message: 'Enter the shift end date and time' },
      { path: 'location', message: 'Select the location' },
      { path: 'team', message: 'Select the team' },
      { path: 'staffByGrade', message: 'Add at least 1 grade' },
      { path: 'activities', message: 'Add at least 1 activity' },
    ]);
  });

  it('checks grades, staff counts, activities, team and target categories row by row', async () => {
    const answers = {
      ...report,
      team: 'dover-freight-1',
      staffByGrade: [{ grade: 'BFO', count: 0 }],
      activities: [{ mode: 'roro-tourist', activity: 'sleeping', minutes: 480 }],
      detections: [{ category: 'D', positive: 1.5, negative: -1 }],
    };
    expect(await kit.refused(answers)).toEqual([
      { path: 'team', message: 'Select a team from the list' },
      { path: 'staffByGrade[0].grade', message: 'Select a grade from the list' },
      { path: 'staffByGrade[0].count', message: 'Number of staff must be between 1 and 500' },
      { path: 'activities[0].activity', message: 'Select the activity from the list' },
      { path: 'detections[0].category', message: 'Select a target category from the list' },
      { path: 'detections[0].positive', message: 'Number of positive detections must be a whole number' },
      { path: 'detections[0].negative', message: 'Number of negative results must be between 0 and 1000' },
    ]);
  });

  it('pre-fills location and team from the shift, and needs a reason to return a report', async () => {
    expect(await kit.prefill('officer', { teamId: 'dover-tourist-controls-team-1', location: 'dover' })).toEqual({
      location: 'dover',
      team: 'dover-tourist-controls-team-1',
    });
    const created = await kit.submit(report);
    expect(await kit.actRefused(created.id, 'return', {})).toEqual([
      { path: 'correction', message: 'Enter what needs correcting' },
    ]);
  });
});
