import { definePlugin } from '../../core/src/sdk/index.js';
import { demoExaminations } from './demo.js';
import { REFUSALS } from './outcomes.js';
import { monthlyRefusals, monthlyRefusalsFields } from './reports/monthly-refusals.query.js';

/**
 * Passengers held for further examination on form IS81. A refusal goes straight to a Higher
 * Officer to authorise while the passenger is held; immigration bail and asylum claims each
 * have their own follow-up; anything else is reviewed by a manager.
 */
export default definePlugin({
  id: 'refusal-of-entry',
  title: 'Refusal of entry (IS81)',
  version: '2.0.0',
  description:
    'Record a passenger you hold for further examination on form IS81: their identity and travel document, the risk factors, the power you used and the outcome. A Higher Officer must authorise every refusal.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': ['documents'],
      items: ['documents'],
      'event-types': ['document-fraud', 'immigration-offence'],
    },
  },
  category: 'Frontline',
  teamFrom: 'team',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'awaiting-review',
    routes: [
      { when: { field: 'outcome', in: REFUSALS }, to: 'awaiting-authorisation' },
      { when: { field: 'outcome', eq: 'immigration-bail' }, to: 'on-immigration-bail' },
      { when: { field: 'outcome', eq: 'asylum-claim' }, to: 'asylum-handover' },
    ],
    states: [
      {
        id: 'awaiting-review',
        label: 'Awaiting manager review',
        tasks: [
          {
            title: 'Review further examination record',
            team: 'case.team',
            role: 'manager',
            priority: 'medium',
            due: 'P3D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'awaiting-authorisation',
        label: 'Refusal awaiting authorisation',
        tasks: [
          {
            title: 'Authorise refusal of entry: passenger held',
            team: 'case.team',
            role: 'manager',
            priority: 'urgent',
            due: 'PT1H',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'awaiting-removal',
        label: 'Refused: awaiting removal',
        tasks: [
          {
            title: "Arrange and record the passenger's removal",
            team: 'case.team',
            role: 'officer',
            priority: 'high',
            due: 'P1D',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'on-immigration-bail',
        label: 'On immigration bail: examination continues',
        tasks: [
          {
            title: 'Complete the examination when the passenger reports',
            team: 'case.team',
            role: 'officer',
            priority: 'medium',
            due: 'P14D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'asylum-handover',
        label: 'Asylum claim: awaiting handover',
        tasks: [
          {
            title: 'Hand the passenger over for an asylum screening interview',
            team: 'case.team',
            role: 'officer',
            priority: 'high',
            due: 'PT4H',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      { id: 'closed', label: 'Examination closed', terminal: true },
      { id: 'leave-granted', label: 'Leave to enter granted after review', terminal: true },
      { id: 'removed', label: 'Removed from the UK', terminal: true },
      { id: 'referred-for-asylum', label: 'Referred for asylum screening', terminal: true },
    ],
    actions: [
      { id: 'confirm-review', label: 'Confirm review', from: ['awaiting-review'], to: 'closed', roles: ['manager'] },
      {
        id: 'authorise-refusal',
        label: 'Authorise refusal of entry',
        from: ['awaiting-authorisation'],
        to: 'awaiting-removal',
        roles: ['manager'],
        form: 'refusal-authorisation',
      },
      {
        id: 'grant-leave',
        label: 'Grant leave to enter instead',
        from: ['awaiting-authorisation', 'on-immigration-bail'],
        to: 'leave-granted',
        roles: ['manager'],
        form: 'outcome-update',
      },
      {
        id: 'refuse-entry',
        label: 'Refuse entry',
        from: ['on-immigration-bail'],
        to: 'awaiting-authorisation',
        roles: ['officer', 'manager'],
        form: 'outcome-update',
      },
      {
        id: 'record-removal',
        label: 'Record the removal',
        from: ['awaiting-removal'],
        to: 'removed',
        roles: ['officer', 'manager'],
        form: 'removal-details',
      },
      {
        id: 'record-asylum-claim',
        label: 'Record an asylum claim',
        from: ['awaiting-removal', 'on-immigration-bail'],
        to: 'asylum-handover',
        roles: ['officer', 'manager'],
      },
      {
        id: 'confirm-asylum-handover',
        label: 'Confirm handover for asylum screening',
        from: ['asylum-handover'],
        to: 'referred-for-asylum',
        roles: ['officer', 'manager'],
      },
    ],
  },
  demo: [demoExaminations],
  reports: [
    {
      id: 'monthly-refusals',
      title: 'Refusals of entry in a month',
      description:
        'Passengers held for further examination (IS81) with a decision in a month: outcomes, and refusals by port, nationality and reason for examination.',
      roles: ['manager'],
      period: 'month',
      fields: monthlyRefusalsFields,
      query: monthlyRefusals,
    },
  ],
});
