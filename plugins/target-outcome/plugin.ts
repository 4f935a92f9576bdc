import { answerInstant, definePlugin, type SubmitContext, type TransitionContext } from '../../core/src/sdk/index.js';
import { TargetOutcomeEntity } from './entities/target-outcome.entity.js';

interface OutcomeAnswers {
  targetReference: string;
  outcomeDateTime: string;
  outcome: string;
  reason?: string;
  linkedCase?: string;
}

async function recordOutcome(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as OutcomeAnswers;
  await ctx.manager.insert(TargetOutcomeEntity, {
    caseId: ctx.case.id,
    targetReference: a.targetReference,
    outcomeAt: answerInstant(a.outcomeDateTime),
    outcome: a.outcome,
    reason: a.reason ?? null,
    linkedCaseKey: a.linkedCase ?? null,
  });
}

async function applyCorrection(ctx: TransitionContext): Promise<void> {
  if (ctx.action.id !== 'correct' || !ctx.actionAnswers) return;
  await ctx.manager.update(TargetOutcomeEntity, { caseId: ctx.case.id }, { outcome: String(ctx.actionAnswers.outcome), corrected: true });
}

/** The officer's result for a Cerberus target, checked by a manager and returned to Cerberus. */
export default definePlugin({
  id: 'target-outcome',
  title: 'Target outcome',
  version: '1.0.0',
  description: 'Record what happened with a Cerberus target. Your manager checks the outcome before it is sent back to Cerberus.',
  sdk: '^1.0.0',
  category: 'Targeting',
  entities: [TargetOutcomeEntity],
  startForm: 'target-outcome',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'awaiting-check',
    states: [
      {
        id: 'awaiting-check',
        label: 'Awaiting manager check',
        tasks: [{ title: 'Check target outcome', team: 'case.team', role: 'manager', priority: 'high', due: 'PT8H', escalation: { raisePriorityTo: 'urgent', notifyManagers: true } }],
      },
      {
        id: 'correction-needed',
        label: 'Correction needed',
        tasks: [{ title: 'Correct target outcome', team: 'case.team', role: 'officer', priority: 'high', due: 'P1D' }],
      },
      { id: 'ready-to-send', label: 'Ready to return to Cerberus' },
      { id: 'sent', label: 'Returned to Cerberus', terminal: true },
    ],
    actions: [
      { id: 'confirm', label: 'Confirm outcome', from: ['awaiting-check'], to: 'ready-to-send', roles: ['manager'] },
      { id: 'return', label: 'Return to officer for correction', from: ['awaiting-check'], to: 'correction-needed', roles: ['manager'] },
      { id: 'correct', label: 'Correct outcome', from: ['correction-needed'], to: 'awaiting-check', roles: ['officer', 'manager'], form: 'correct-outcome' },
      { id: 'mark-sent', label: 'Mark as returned to Cerberus', from: ['ready-to-send'], to: 'sent', roles: ['integration'] },
      { id: 'reject', label: 'Record rejection by Cerberus', from: ['ready-to-send'], to: 'correction-needed', roles: ['integration'] },
    ],
  },
  hooks: { onSubmit: recordOutcome, onTransition: applyCorrection },
});
