import { definePlugin } from '../../core/src/sdk/index.js';
import { demoInterpreterRequests } from './demo.js';

const AWAITING = ['awaiting-booking', 'awaiting-same-day-booking', 'awaiting-urgent-booking'];

/**
 * Interpreter bookings for interviews at the border. How urgent the request is decides the
 * first state, and so the booking task's priority and due time. Reports read the marked answers
 * (language, port, when needed, urgency, purpose, attendance, minutes expected and used, problems,
 * why cancelled) from the core's read model: the plugin keeps no tables of its own, and never
 * the requester's name or number.
 */
export default definePlugin({
  id: 'interpreter-request',
  title: 'Interpreter request',
  version: '2.0.0',
  description:
    'Book an interpreter for an interview or examination at your port, in person, by telephone or by video. Urgent requests, where a person is waiting now, are booked first.',
  sdk: '^1.0.0',
  category: 'Frontline',
  startForm: 'interpreter-request',
  teamFrom: 'team',
  startRoles: ['officer', 'manager', 'intelligence'],
  workflow: {
    initial: 'awaiting-booking',
    routes: [
      { when: { field: 'urgency', eq: 'urgent' }, to: 'awaiting-urgent-booking' },
      { when: { field: 'urgency', eq: 'same-day' }, to: 'awaiting-same-day-booking' },
    ],
    states: [
      {
        id: 'awaiting-booking',
        label: 'Awaiting booking',
        tasks: [
          {
            title: 'Book an interpreter',
            team: 'case.team',
            priority: 'medium',
            due: 'P1D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'awaiting-same-day-booking',
        label: 'Awaiting booking: needed today',
        tasks: [
          {
            title: 'Book an interpreter for today',
            team: 'case.team',
            priority: 'high',
            due: 'PT2H',
            escalation: { raisePriorityTo: 'urgent', notifyManagers: true },
          },
        ],
      },
      {
        id: 'awaiting-urgent-booking',
        label: 'Awaiting urgent booking: person waiting',
        tasks: [
          {
            title: 'Book an interpreter now: a person is waiting',
            team: 'case.team',
            priority: 'urgent',
            due: 'PT30M',
            escalation: { notifyManagers: true },
          },
        ],
      },
      {
        id: 'booked',
        label: 'Interpreter booked',
        tasks: [
          {
            title: 'Confirm the interpreter attended',
            team: 'case.team',
            role: 'officer',
            priority: 'low',
            due: 'P2D',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'completed', label: 'Completed', terminal: true },
      { id: 'cancelled', label: 'Cancelled', terminal: true },
    ],
    actions: [
      {
        id: 'record-booking',
        label: 'Record the booking',
        from: AWAITING,
        to: 'booked',
        roles: ['officer', 'manager'],
        form: 'interpreter-booking',
      },
      {
        id: 'confirm-attendance',
        label: 'Confirm the interpreter attended',
        from: ['booked'],
        to: 'completed',
        roles: ['officer', 'manager'],
        form: 'attendance',
      },
      {
        id: 'cancel-request',
        label: 'Cancel the request',
        from: [...AWAITING, 'booked'],
        to: 'cancelled',
        roles: ['officer', 'manager'],
        form: 'cancellation',
      },
    ],
  },
  demo: demoInterpreterRequests,
});
