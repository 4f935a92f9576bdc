import { definePlugin } from '../../core/src/sdk/index.js';
import { demoCashSeizures } from './demo.js';
import { monthlyCashSeizures, monthlyCashSeizuresFields } from './reports/monthly-cash-seizures.query.js';

/** The minimum amount of cash that may be seized (Proceeds of Crime Act 2002, section 294). */
export const SEIZURE_THRESHOLD_GBP = 1000;

/** The cash team that applies to the magistrates' court for continued detention. */
export const CASH_TEAM = 'cash-team-south-east';

/**
 * Cash found at the border. Cash seized and detained (£1,000 or more) goes straight to the cash
 * team, who must apply to a magistrates' court within 48 hours to keep it; cash returned to the
 * person is reviewed by the officer's manager.
 */
export default definePlugin({
  id: 'cash-seizure',
  title: 'Cash detection and seizure',
  version: '2.0.0',
  description:
    'Record cash you find at the border, why you suspect it is linked to crime and whether you seized it. Seized cash goes to the cash team, who apply to court to keep it.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': ['cash'],
      items: ['cash'],
      'event-types': ['cash-detection'],
    },
  },
  category: 'Frontline',
  teamFrom: 'team',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'awaiting-review',
    routes: [
      {
        when: {
          all: [
            { field: 'detentionDecision', eq: 'detained' },
            { field: 'totalSterling', gte: SEIZURE_THRESHOLD_GBP },
          ],
        },
        to: 'with-cash-team',
      },
    ],
    states: [
      {
        id: 'awaiting-review',
        label: 'Cash returned: awaiting manager review',
        tasks: [
          {
            title: 'Review cash detection',
            team: 'case.team',
            role: 'manager',
            priority: 'low',
            due: 'P3D',
            escalation: { raisePriorityTo: 'medium', notifyManagers: true },
          },
        ],
      },
      {
        id: 'with-cash-team',
        label: 'Cash detained: with the cash team',
        tasks: [
          {
            title: "Apply to a magistrates' court to continue detention of seized cash",
            team: CASH_TEAM,
            priority: 'urgent',
            due: 'PT36H',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'detention-continued',
        label: 'Detention continued by court order',
        tasks: [
          {
            title: 'Take forfeiture proceedings or return the cash',
            team: CASH_TEAM,
            priority: 'medium',
            due: 'P90D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      { id: 'reviewed', label: 'Reviewed', terminal: true },
      { id: 'concluded', label: 'Concluded', terminal: true },
    ],
    actions: [
      { id: 'confirm-review', label: 'Confirm review', from: ['awaiting-review'], to: 'reviewed', roles: ['manager'] },
      {
        id: 'record-detention-order',
        label: 'Record court order for continued detention',
        from: ['with-cash-team'],
        to: 'detention-continued',
        roles: ['officer', 'manager', 'intelligence'],
        form: 'detention-order',
      },
      {
        id: 'record-outcome',
        label: 'Record the outcome for the cash',
        from: ['with-cash-team', 'detention-continued'],
        to: 'concluded',
        roles: ['officer', 'manager', 'intelligence'],
        form: 'cash-outcome',
      },
    ],
  },
  demo: [demoCashSeizures],
  reports: [
    {
      id: 'monthly-cash-seizures',
      title: 'Cash seized in a month',
      description:
        'Cash found at the border in a month: how much was seized and returned, by port and by currency, with the sterling equivalent.',
      roles: ['manager'],
      period: 'month',
      fields: monthlyCashSeizuresFields,
      query: monthlyCashSeizures,
    },
  ],
});
