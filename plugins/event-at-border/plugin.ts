import { definePlugin } from '../../core/src/sdk/index.js';
import { monthlyEvents, monthlyEventsFields } from './reports/monthly-events.query.js';
import { demoEvents } from './demo.js';

const REFERRED = ['with-intelligence-hub', 'with-cash-team', 'with-freight-hub', 'with-national-security'];

/**
 * Record an event at the border: one referral for positive or negative outcomes. A manager
 * routes a seizure to the team that takes it forward: intelligence hub (goods and drugs),
 * cash team (cash), National Freight Hub (freight) or national security.
 */
export default definePlugin({
  id: 'event-at-border',
  title: 'Record an event at the border',
  version: '2.0.0',
  description:
    'Record what happened when you examined a person, vehicle or consignment, whether anything was found or not. Seizures are sent to the right team for follow-up.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': 'all',
      items: 'all',
      outcomes: ['seizure', 'negative', 'no-show'],
      'event-types': [
        'goods-detection',
        'revenue-detection',
        'cash-detection',
        'clandestine-detection',
        'document-fraud',
        'immigration-offence',
        'arrest',
        'safeguarding-concern',
        'national-security',
        'negative-examination',
      ],
    },
  },
  category: 'Frontline',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'submitted',
    states: [
      {
        id: 'submitted',
        label: 'Awaiting review and routing',
        tasks: [
          {
            title: 'Review event and send the referral to the right team',
            team: 'case.team',
            role: 'manager',
            priority: 'high',
            due: 'PT8H',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'with-intelligence-hub',
        label: 'With the intelligence hub',
        tasks: [
          {
            title: 'Assess seizure referral',
            team: 'intelligence-hub-south',
            role: 'intelligence',
            priority: 'medium',
            due: 'P2D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'with-cash-team',
        label: 'With the cash team',
        tasks: [
          {
            title: 'Decide on cash detention before the 48 hours run out',
            team: 'cash-team-south-east',
            role: 'officer',
            priority: 'urgent',
            due: 'PT24H',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'with-freight-hub',
        label: 'With the National Freight Hub',
        tasks: [
          {
            title: 'Assess freight seizure',
            team: 'national-freight-hub',
            role: 'intelligence',
            priority: 'medium',
            due: 'P2D',
            escalation: { raisePriorityTo: 'high' },
          },
        ],
      },
      {
        id: 'with-national-security',
        label: 'With national security',
        tasks: [
          {
            title: 'Assess national security referral',
            team: 'intelligence-hub-central',
            role: 'intelligence',
            priority: 'urgent',
            due: 'PT4H',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'information-requested',
        label: 'More information requested from the port',
        tasks: [
          {
            title: 'Send the information the receiving team asked for',
            team: 'case.team',
            role: 'officer',
            priority: 'high',
            due: 'P1D',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'closed', label: 'Closed', terminal: true },
    ],
    actions: [
      {
        id: 'refer-intelligence-hub',
        label: 'Refer to the intelligence hub',
        from: ['submitted'],
        to: 'with-intelligence-hub',
        roles: ['manager', 'officer'],
      },
      {
        id: 'refer-cash-team',
        label: 'Refer to the cash team',
        from: ['submitted'],
        to: 'with-cash-team',
        roles: ['manager', 'officer'],
      },
      {
        id: 'refer-freight-hub',
        label: 'Refer to the National Freight Hub',
        from: ['submitted'],
        to: 'with-freight-hub',
        roles: ['manager', 'officer'],
      },
      {
        id: 'refer-national-security',
        label: 'Refer to national security',
        from: ['submitted'],
        to: 'with-national-security',
        roles: ['manager'],
      },
      {
        id: 'close-no-referral',
        label: 'Close with no referral',
        from: ['submitted'],
        to: 'closed',
        roles: ['manager'],
      },
      {
        id: 'request-information',
        label: 'Ask the port for more information',
        from: REFERRED,
        to: 'information-requested',
        roles: ['intelligence', 'officer', 'manager'],
        form: 'information-request',
      },
      {
        id: 'send-information',
        label: 'Send more information',
        from: ['information-requested'],
        to: 'submitted',
        roles: ['officer', 'manager'],
        form: 'information-reply',
      },
      {
        id: 'record-referral-outcome',
        label: 'Record referral outcome and close',
        from: REFERRED,
        to: 'closed',
        roles: ['intelligence', 'officer', 'manager'],
        form: 'referral-outcome',
      },
    ],
  },
  demo: [demoEvents],
  reports: [
    {
      id: 'monthly-events',
      title: 'Monthly events at the border',
      description:
        "Events at the border in a month by port and outcome, with the items seized, and each event listed when there are up to 20,000 (choose a team to list a busy command's month).",
      roles: ['manager'],
      period: 'month',
      fields: monthlyEventsFields,
      query: monthlyEvents,
      dashboard: [
        {
          id: 'seizures',
          title: 'Events and seizures',
          measure: { label: 'Events at the border', count: true },
          share: { label: 'Seizures', where: { outcome: 'seizure' } },
          by: 'port',
          byLabel: 'Port',
        },
        {
          id: 'items',
          title: 'Items seized',
          items: 'items',
          measure: { label: 'Items seized', count: true },
          where: { outcome: 'seizure' },
          by: 'item',
          byLabel: 'Item',
        },
      ],
    },
  ],
});
