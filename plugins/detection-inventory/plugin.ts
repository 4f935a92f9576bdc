import { definePlugin } from '../../core/src/sdk/index.js';
import { demoInventories } from './demo.js';
import { monthlyEquipment, monthlyEquipmentFields } from './reports/monthly-equipment.query.js';

/**
 * The census of detection equipment. A count with no faults goes to the team's manager to
 * confirm; a count with faulty units goes straight to a repair task. Reports read the marked
 * answers (port, team, date of the count, each line's equipment type and units, totals,
 * maintenance cover, how a repair ended) from the core's read model: no tables of its own. The
 * monthly report is the equipment return a manager sends on.
 */
export default definePlugin({
  id: 'detection-inventory',
  title: 'Detection equipment inventory',
  version: '2.0.0',
  description:
    'Count the detection equipment at your port or terminal, such as scanners and trace detectors. Record how many units work, how many are faulty and how many staff are trained to use them.',
  sdk: '^1.0.0',
  category: 'Equipment',
  teamFrom: 'team',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'awaiting-confirmation',
    // Any faulty unit: straight to a repair task for the team that holds the equipment.
    routes: [{ when: { field: 'totalFaulty', gt: 0 }, to: 'faults-to-repair' }],
    states: [
      {
        id: 'awaiting-confirmation',
        label: 'Awaiting manager confirmation',
        tasks: [
          {
            title: 'Confirm detection equipment count',
            team: 'case.team',
            role: 'manager',
            priority: 'low',
            due: 'P5D',
            escalation: { raisePriorityTo: 'medium', notifyManagers: true },
          },
        ],
      },
      {
        id: 'faults-to-repair',
        label: 'Faulty equipment: repair not yet requested',
        tasks: [
          {
            title: 'Request repair of faulty detection equipment',
            team: 'case.team',
            role: 'manager',
            priority: 'high',
            due: 'P2D',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'repair-requested',
        label: 'Repair requested',
        tasks: [
          {
            title: 'Confirm faulty equipment is repaired or replaced',
            team: 'case.team',
            role: 'manager',
            priority: 'medium',
            due: 'P14D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      { id: 'confirmed', label: 'Count confirmed', terminal: true },
    ],
    actions: [
      {
        id: 'confirm-count',
        label: 'Confirm the count',
        from: ['awaiting-confirmation'],
        to: 'confirmed',
        roles: ['manager'],
      },
      {
        id: 'request-repair',
        label: 'Record repair request',
        from: ['faults-to-repair'],
        to: 'repair-requested',
        roles: ['officer', 'manager'],
        form: 'repair-request',
      },
      {
        id: 'confirm-repair',
        label: 'Confirm equipment repaired',
        from: ['repair-requested'],
        to: 'confirmed',
        roles: ['officer', 'manager'],
        form: 'repair-confirmation',
      },
    ],
  },
  demo: [demoInventories],
  reports: [
    {
      id: 'monthly-equipment',
      title: 'Detection equipment in a month',
      description:
        'Detection equipment counted in a month: working and faulty units by equipment type and port, faults not reported, maintenance cover and where repairs stand.',
      roles: ['manager'],
      period: 'month',
      fields: monthlyEquipmentFields,
      query: monthlyEquipment,
    },
  ],
});
