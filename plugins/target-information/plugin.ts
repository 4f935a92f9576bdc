import { definePlugin } from '../../core/src/sdk/index.js';

const LIVE = ['issued', 'accepted', 'returned'];

/**
 * Target information sheets from Cerberus. The targeting hub issues a versioned target to
 * the receiving team; officers accept it, intercept the target and record the outcome.
 * Reports read the fields the start form marks (the core's read model; no people's names,
 * dates of birth or documents), so the plugin has no tables or hooks of its own.
 */
export default definePlugin({
  id: 'target-information',
  title: 'Target information sheet',
  version: '2.0.0',
  description:
    'Targets sent from Cerberus to frontline teams: who or what to stop, when and where it arrives, and any officer safety warnings.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': 'all',
      items: 'all',
    },
  },
  category: 'Targeting',
  teamFrom: 'receivingTeam',
  receives: ['cerberus.target'],
  startRoles: ['integration', 'intelligence'],
  workflow: {
    initial: 'issued',
    states: [
      {
        id: 'issued',
        label: 'Issued to the receiving team',
        tasks: [
          {
            title: 'Accept target before it arrives',
            team: 'case.team',
            role: 'officer',
            priority: 'urgent',
            due: 'PT2H',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'accepted',
        label: 'Accepted: awaiting interception',
        tasks: [
          {
            title: 'Intercept and examine target, then record the outcome',
            team: 'case.team',
            role: 'officer',
            priority: 'high',
            due: 'PT12H',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'returned',
        label: 'Returned to the issuing hub',
        tasks: [
          {
            title: 'Review returned target',
            team: 'national-targeting-roro-team',
            role: 'intelligence',
            priority: 'urgent',
            due: 'PT1H',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'outcome-recorded', label: 'Outcome recorded', terminal: true },
      { id: 'complete', label: 'Complete', terminal: true },
      { id: 'withdrawn', label: 'Withdrawn by the issuing hub', terminal: true },
      { id: 'superseded', label: 'Replaced by a newer version', terminal: true },
    ],
    actions: [
      { id: 'accept', label: 'Accept target', from: ['issued'], to: 'accepted', roles: ['officer', 'manager'] },
      {
        // Done by submitting a target outcome linked to this case (the shell pre-fills it from here).
        id: 'record-outcome',
        label: 'Record the outcome',
        from: ['issued', 'accepted'],
        to: 'outcome-recorded',
        roles: ['officer', 'manager'],
        startsCase: 'target-outcome',
      },
      {
        id: 'return-to-hub',
        label: 'Return to the issuing hub',
        from: ['issued', 'accepted'],
        to: 'returned',
        roles: ['officer', 'manager'],
        form: 'return-to-hub',
      },
      {
        id: 'reissue',
        label: 'Reissue target',
        from: ['returned'],
        to: 'issued',
        roles: ['intelligence', 'integration'],
      },
      {
        // Cerberus closes a target it considers done. Officers and managers cannot: a target
        // closed on the platform must send Cerberus an outcome ("Record the outcome", which has
        // results for missed, insufficient resources and withdrawn too), or the loop stays open.
        id: 'complete',
        label: 'Mark target complete',
        from: ['accepted'],
        to: 'complete',
        roles: ['integration'],
      },
      { id: 'withdraw', label: 'Withdraw target', from: LIVE, to: 'withdrawn', roles: ['intelligence', 'integration'] },
      { id: 'supersede', label: 'Replace with newer version', from: LIVE, to: 'superseded', roles: ['integration'] },
    ],
  },
});
