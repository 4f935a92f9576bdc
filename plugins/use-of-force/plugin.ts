import { answerDateTime, definePlugin } from '../../core/src/sdk/index.js';

/** Every use of force, handcuffing included, reviewed by a manager. */
export default definePlugin({
  id: 'use-of-force',
  title: 'Use of force',
  version: '2.0.0',
  description: 'Record every time you use force, including handcuffing. Your manager reviews each report.',
  sdk: '^1.0.0',
  category: 'Frontline',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'awaiting-review',
    states: [
      {
        id: 'awaiting-review',
        label: 'Awaiting manager review',
        tasks: [
          {
            title: 'Review use of force',
            role: 'manager',
            priority: 'high',
            due: 'P2D',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'more-detail-requested',
        label: 'More detail requested',
        tasks: [
          {
            title: 'Add detail to your use of force report',
            role: 'officer',
            priority: 'high',
            due: 'P2D',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'reviewed', label: 'Reviewed', terminal: true },
      {
        id: 'referred-to-professional-standards',
        label: 'Referred to the Professional Standards Unit',
        terminal: true,
      },
    ],
    actions: [
      { id: 'confirm-review', label: 'Confirm review', from: ['awaiting-review'], to: 'reviewed', roles: ['manager'] },
      {
        id: 'request-detail',
        label: 'Ask the officer for more detail',
        from: ['awaiting-review'],
        to: 'more-detail-requested',
        roles: ['manager'],
        form: 'request-detail',
      },
      {
        id: 'add-detail',
        label: 'Add more detail',
        from: ['more-detail-requested'],
        to: 'awaiting-review',
        roles: ['officer', 'manager'],
        form: 'add-detail',
      },
      {
        id: 'refer-psu',
        label: 'Refer to the Professional Standards Unit',
        from: ['awaiting-review'],
        to: 'referred-to-professional-standards',
        roles: ['manager'],
        form: 'professional-standards-referral',
      },
    ],
  },
  demo: [
    {
      username: 'officer',
      count: 2,
      answers: (i, now) => ({
        occurredAt: answerDateTime(new Date(now.getTime() - (i + 1) * 53 * 3600_000)),
        port: 'dover',
        locationDetails: i === 0 ? 'Search bay 4, Eastern Docks' : 'Tourist controls, lane 7',
        team: 'dover-tourist-controls-team-1',
        familyName: i === 0 ? 'Smith' : 'Jones',
        subjectBehaviour: ['verbal-non-compliance', 'active-resistance'],
        reasons: ['prevent-escape', 'effect-arrest'],
        techniques: ['escort-hold', 'handcuffs-rear'],
        personalSafety: ['tactical-communication'],
        durationMinutes: 3 + i,
        subjectInjured: false,
        officerInjured: false,
        medicalAssistance: 'none',
        account:
          'The man tried to leave after arrest. Handcuffs applied to prevent escape and removed on handover to police.',
        bodyWornVideo: true,
      }),
    },
  ],
  reports: [
    {
      id: 'monthly-use-of-force',
      title: 'Use of force in a month',
      description:
        'Uses of force in a month by port, technique and reason, with injuries, medical assistance and body-worn video: the monthly return to the Professional Standards Unit.',
      roles: ['manager'],
      period: 'month',
      summary: {
        measures: {
          reports: { label: 'Use of force reports', column: 'Reports', count: true },
          subjectInjured: { label: 'Person injured', count: { subjectInjured: true } },
          officerInjured: { label: 'Officer injured', count: { officerInjured: true } },
          // First aid at the port, a paramedic or hospital: not "none needed" or "offered and declined".
          medicalAssistance: {
            label: 'Medical assistance given',
            count: { medicalAssistance: ['first-aid', 'paramedic', 'hospital'] },
          },
          bodyWornVideo: { label: 'Body-worn video recorded', count: { bodyWornVideo: true } },
        },
        note: 'Counted by when force was used (UK time), not when the report was made. Percentages are of all reports in the month. Medical assistance given is first aid at the port, a paramedic or hospital; assistance offered and declined is not counted. A report can record several techniques and reasons, so those tables can add up to more than the number of reports.',
        by: {
          port: {
            heading: 'Port',
            title: 'Reports and injuries by port',
            measures: ['reports', 'subjectInjured', 'officerInjured'],
            total: 'All ports',
            chart: false,
          },
          techniques: { heading: 'Technique', title: 'Techniques used', measures: ['reports'], share: true },
          reasons: { heading: 'Reason', title: 'Reasons for using force', measures: ['reports'], share: true },
        },
        empty: 'No use of force was recorded in this month. There is nothing to report by port, technique or reason.',
      },
    },
  ],
});
