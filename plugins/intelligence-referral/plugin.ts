import { definePlugin } from '../../core/src/sdk/index.js';

/** Demo referrals from the frontline for the hub's triage queue, about people and vehicles. */
const REFERRALS = [
  {
    port: 'dover',
    subjectTypes: ['person', 'vehicle'],
    givenName: 'Sean',
    familyName: 'Murphy',
    nationality: 'IRL',
    vehicleRegistration: 'KX19 LMN',
    indicators: ['travel-pattern', 'short-stay'],
    narrative: 'Driver has crossed five times in two weeks, each time returning the same day with an empty van.',
  },
  {
    port: 'dover',
    subjectTypes: ['vehicle'],
    vehicleRegistration: 'AB12 CDE',
    indicators: ['travel-pattern'],
    narrative: 'The same tractor unit crossed three times this week with a different driver each time.',
  },
  {
    port: 'heathrow',
    subjectTypes: ['person'],
    givenName: 'Anna',
    familyName: 'Kowalska',
    nationality: 'POL',
    indicators: ['short-stay'],
    narrative: 'Third one-night stay this month, each time carrying large amounts of cash declared as savings.',
  },
];

/**
 * Frontline, regional or partner information sent to an intelligence hub for triage. Reports
 * read what the forms mark for reporting (source, port, handling, subjects, indicators, why a
 * referral was closed) from the core's read model: the plugin keeps no tables of its own.
 */
export default definePlugin({
  id: 'intelligence-referral',
  title: 'Intelligence referral',
  version: '2.0.0',
  description:
    'Send information about a person, vehicle or vessel to an intelligence hub. The hub decides whether to develop it.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': 'all',
      items: 'all',
      'handling-conditions': ['P', 'C', '5x5x5-1', '5x5x5-2', '5x5x5-3', '5x5x5-4', '5x5x5-5'],
    },
  },
  category: 'Intelligence',
  startRoles: ['officer', 'manager', 'intelligence'],
  workflow: {
    initial: 'awaiting-triage',
    states: [
      {
        id: 'awaiting-triage',
        label: 'Awaiting triage',
        tasks: [
          {
            title: 'Triage intelligence referral',
            team: 'intelligence-hub-south',
            role: 'intelligence',
            due: 'P2D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'information-requested',
        label: 'More information requested',
        tasks: [
          {
            title: 'Send the information the hub asked for',
            role: 'officer',
            due: 'P3D',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'case-opened', label: 'Intelligence case opened', terminal: true },
      { id: 'closed', label: 'Closed with no further action', terminal: true },
    ],
    actions: [
      {
        id: 'open-case',
        label: 'Open an intelligence case',
        from: ['awaiting-triage'],
        to: 'case-opened',
        roles: ['intelligence'],
      },
      {
        id: 'request-information',
        label: 'Ask for more information',
        from: ['awaiting-triage'],
        to: 'information-requested',
        roles: ['intelligence'],
        form: 'request-information',
      },
      {
        id: 'provide-information',
        label: 'Send more information',
        from: ['information-requested'],
        to: 'awaiting-triage',
        roles: ['officer', 'manager', 'intelligence'],
        form: 'provide-information',
      },
      {
        id: 'close',
        label: 'Close with no further action',
        from: ['awaiting-triage', 'information-requested'],
        to: 'closed',
        roles: ['intelligence'],
        form: 'close-referral',
      },
    ],
  },
  demo: [
    {
      username: 'officer',
      count: REFERRALS.length,
      answers: (i) => ({ source: 'frontline', handlingCondition: 'P', ...REFERRALS[i]! }),
    },
  ],
});
