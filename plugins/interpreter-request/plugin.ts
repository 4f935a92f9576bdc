import { answerInstant, definePlugin, type SubmitContext } from '../../core/src/sdk/index.js';
import { InterpreterRequestEntity } from './entities/interpreter-request.entity.js';
import { demoInterpreterRequests } from './demo.js';

interface RequestAnswers {
  language: string;
  dialect?: string;
  interpreterSex: string;
  port: string;
  neededAt: string;
  urgency: string;
  purpose: string;
  attendance: string;
  expectedMinutes: number;
  requesterName: string;
  requesterPhone: string;
  team: string;
}

async function recordRequest(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as RequestAnswers;
  await ctx.manager.insert(InterpreterRequestEntity, {
    caseId: ctx.case.id,
    languageId: a.language,
    dialect: a.dialect ?? null,
    interpreterSex: a.interpreterSex,
    portId: a.port,
    neededAt: answerInstant(a.neededAt),
    urgency: a.urgency,
    purpose: a.purpose,
    attendance: a.attendance,
    expectedMinutes: a.expectedMinutes,
    requesterName: a.requesterName,
    requesterPhone: a.requesterPhone,
    teamId: a.team,
  });
}

const AWAITING = ['awaiting-booking', 'awaiting-same-day-booking', 'awaiting-urgent-booking'];

/**
 * Interpreter bookings for interviews at the border. How urgent the request is decides the
 * first state, and so the booking task's priority and due time.
 */
export default definePlugin({
  id: 'interpreter-request',
  title: 'Interpreter request',
  version: '1.0.0',
  description:
    'Book an interpreter for an interview or examination at your port, in person, by telephone or by video. Urgent requests, where a person is waiting now, are booked first.',
  sdk: '^1.0.0',
  category: 'Frontline',
  entities: [InterpreterRequestEntity],
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
  hooks: { onSubmit: recordRequest },
  demo: demoInterpreterRequests,
});
