import { definePlugin, type WorkflowDefinition } from '../../core/src/sdk/index.js';
import { demoReferrals } from './demo.js';
import { monthlySafeguarding, monthlySafeguardingFields } from './reports/monthly-safeguarding.query.js';

/** Answers to "Is the person under 18?" that mean the person is treated as a child. */
export const TREATED_AS_CHILD = ['child', 'age-in-doubt'];

/** Manager review, or for a child an urgent handover; ends referred or closed (see below). */
const workflow: WorkflowDefinition = {
  initial: 'awaiting-review',
  routes: [{ when: { field: 'personAge', in: TREATED_AS_CHILD }, to: 'child-safeguarding' }],
  states: [
    {
      id: 'awaiting-review',
      label: 'Awaiting safeguarding review',
      tasks: [
        {
          title: 'Review safeguarding referral',
          team: 'case.team',
          role: 'manager',
          priority: 'high',
          due: 'PT8H',
          escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
        },
      ],
    },
    {
      id: 'child-safeguarding',
      label: "Child: awaiting handover to children's services",
      tasks: [
        {
          title: "Make sure the child is safe and handed over to children's services",
          team: 'case.team',
          role: 'manager',
          priority: 'urgent',
          due: 'PT1H',
          escalation: { notifyManagers: true },
        },
      ],
    },
    { id: 'referred', label: 'Referred to partner agencies', terminal: true },
    { id: 'closed-no-further-action', label: 'Closed: no further action', terminal: true },
  ],
  actions: [
    {
      id: 'record-referral',
      label: 'Record referral to a partner agency',
      from: ['awaiting-review', 'child-safeguarding'],
      to: 'referred',
      roles: ['officer', 'manager'],
      form: 'partner-referral',
    },
    {
      id: 'close-no-further-action',
      label: 'Close with no further action',
      from: ['awaiting-review'],
      to: 'closed-no-further-action',
      roles: ['manager'],
      form: 'no-further-action',
    },
  ],
};

/** States that end a referral: every other state is still open. */
const CLOSED_STATES = workflow.states.filter((s) => s.terminal).map((s) => s.id);

/**
 * Potential victims of modern slavery and people at risk found at the border. A referral
 * about a child, or a person whose age is in doubt, goes straight to an urgent task; a child's
 * referral can only be closed by recording the handover to a partner agency.
 */
export default definePlugin({
  id: 'safeguarding-referral',
  title: 'Safeguarding and modern slavery referral',
  version: '2.0.0',
  description:
    'Refer a person who may be a victim of modern slavery or human trafficking, or who may be at risk of harm. Referrals about children are dealt with urgently.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': ['clandestine-persons'],
      items: ['clandestine-persons'],
      'event-types': ['clandestine-detection', 'safeguarding-concern'],
    },
  },
  category: 'Safeguarding',
  teamFrom: 'team',
  startRoles: ['officer', 'manager', 'intelligence'],
  workflow,
  demo: [demoReferrals],
  reports: [
    {
      id: 'monthly-safeguarding',
      title: 'Safeguarding referrals in a month',
      description:
        'Safeguarding and modern slavery referrals in a month: children and adults, referrals to agencies and how many are still open; by port, main concern and what officers noticed. Counts only.',
      roles: ['manager'],
      period: 'month',
      fields: monthlySafeguardingFields,
      query: (ctx) => monthlySafeguarding(ctx, { closedStates: CLOSED_STATES, children: TREATED_AS_CHILD }),
    },
  ],
});
