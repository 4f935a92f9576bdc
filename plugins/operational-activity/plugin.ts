import { answerDateTime, definePlugin } from '../../core/src/sdk/index.js';

/** The mandatory end-of-shift report: who was on shift, what they did and what they found. */
export default definePlugin({
  id: 'operational-activity',
  title: 'Operational activity report',
  version: '2.0.0',
  description:
    'Complete this report at the end of every shift. Record the staff on duty, how the shift was spent and the results of targeted examinations.',
  sdk: '^1.0.0',
  category: 'Frontline',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'submitted',
    states: [
      {
        id: 'submitted',
        label: 'Awaiting manager check',
        tasks: [
          {
            title: 'Check end-of-shift report',
            role: 'manager',
            due: 'P2D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'returned',
        label: 'Returned for correction',
        tasks: [{ title: 'Correct end-of-shift report', role: 'officer', due: 'P2D' }],
      },
      { id: 'accepted', label: 'Accepted', terminal: true },
    ],
    actions: [
      { id: 'accept', label: 'Accept report', from: ['submitted'], to: 'accepted', roles: ['manager'] },
      {
        id: 'return',
        label: 'Return for correction',
        from: ['submitted'],
        to: 'returned',
        roles: ['manager'],
        form: 'return-report',
      },
      { id: 'resubmit', label: 'Resubmit report', from: ['returned'], to: 'submitted', roles: ['officer', 'manager'] },
    ],
  },
  demo: [
    {
      // The last six early shifts of a Dover freight team, each 8 hours fully allocated.
      username: 'officer', // a member of Dover Freight Team A, so the demo manager's command sees them
      count: 6,
      answers: (i, now) => {
        const day = new Date(now.getTime() - (i + 1) * 24 * 3600_000);
        const start = answerDateTime(day).slice(0, 10);
        return {
          shiftStart: `${start}T06:00`,
          shiftEnd: `${start}T14:00`,
          location: 'dover',
          team: 'dover-freight-team-a',
          staffByGrade: [
            { grade: 'EO', count: 7 + (i % 3) },
            { grade: 'HEO', count: 1 },
          ],
          activities: [
            { mode: 'roro-accompanied-freight', activity: 'freight-examination', minutes: 300 - i * 10 },
            { mode: 'roro-unaccompanied-freight', activity: 'targeted-search', minutes: 120 + i * 10 },
            { mode: 'roro-accompanied-freight', activity: 'administration', minutes: 60 },
          ],
          detections: [
            { category: 'A', positive: i % 2, negative: 2 + (i % 3) },
            { category: 'C', positive: 0, negative: 3 },
          ],
          debriefNotes: i === 0 ? 'Scanner lane 2 out of service from 11:00 to 13:00.' : 'Nothing to report.',
        };
      },
    },
  ],
  reports: [
    {
      id: 'hours-by-activity',
      title: 'Hours by activity and mode',
      description:
        'Staff and activity hours from end-of-shift reports in a period, by activity, mode of transport and team.',
      roles: ['manager'],
      period: 'dates',
      parameters: [{ name: 'command', label: 'Command', type: 'command', hint: 'Leave empty for your own command' }],
      summary: {
        measures: {
          reports: { label: 'End-of-shift reports', column: 'Reports', count: true },
          // Staff on shift × shift length, summed over each report's grades.
          staffHours: {
            label: 'Total staff hours',
            column: 'Staff hours',
            sum: 'count',
            times: 'shiftMinutes',
            items: 'staffByGrade',
            divideBy: 60,
          },
          activityHours: {
            label: 'Total activity hours',
            column: 'Activity hours',
            sum: 'minutes',
            items: 'activities',
            divideBy: 60,
          },
          teams: { label: 'Teams reporting', distinct: 'team' },
        },
        by: { team: { heading: 'Team', title: 'Hours by team', total: 'All teams' } },
        items: [
          {
            group: 'activities',
            title: 'Hours by activity and mode of transport',
            by: { activity: { heading: 'Activity', with: { mode: 'Mode of transport' }, total: 'All activities' } },
            measures: {
              hours: { label: 'Hours', sum: 'minutes', divideBy: 60 },
              reports: { label: 'Reports', cases: true },
            },
          },
        ],
        note: 'Shifts that started in the period. Staff hours are the staff on shift multiplied by the shift length; activity hours are the shift time allocated to each activity and mode of transport.',
      },
    },
  ],
});
