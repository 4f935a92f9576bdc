import { answerInstant, definePlugin, type SubmitContext, type TransitionContext } from '../../core/src/sdk/index.js';
import { TargetOutcomeEntity } from './entities/target-outcome.entity.js';

interface OutcomeAnswers {
  targetReference: string;
  outcomeDateTime: string;
  outcome: string;
  reason?: string;
  linkedCase?: string;
  notes?: string;
}

/** The outcome as Cerberus receives it (docs/cerberus.md). */
function outcomeMessage(caseKey: string, a: OutcomeAnswers, recordedBy: string, revision: number) {
  return {
    targetId: a.targetReference,
    outcome: a.outcome,
    reason: a.reason ?? null,
    notes: a.notes ?? null,
    outcomeAt: answerInstant(a.outcomeDateTime).toISOString(),
    linkedEventCase: a.linkedCase ?? null,
    outcomeCase: caseKey,
    revision,
    recordedBy,
  };
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
  await ctx.emit({
    topic: 'cerberus.outcome',
    key: `outcome:${ctx.case.businessKey}:1`,
    payload: outcomeMessage(ctx.case.businessKey, a, ctx.case.createdBy, 1),
  });
}

async function applyCorrection(ctx: TransitionContext): Promise<void> {
  if (ctx.action.id !== 'correct' || !ctx.actionAnswers) return;
  const outcome = String(ctx.actionAnswers.outcome);
  await ctx.manager.update(TargetOutcomeEntity, { caseId: ctx.case.id }, { outcome, corrected: true });
  const corrected = {
    ...(ctx.case.answers as unknown as OutcomeAnswers),
    outcome,
    notes: String(ctx.actionAnswers.explanation ?? ''),
  };
  await ctx.emit({
    topic: 'cerberus.outcome',
    key: `outcome:${ctx.case.businessKey}:${ctx.case.version}`,
    payload: outcomeMessage(ctx.case.businessKey, corrected, ctx.case.createdBy, ctx.case.version),
  });
}

/**
 * The officer's result for a Cerberus target. Recording it queues the outcome for Cerberus in the
 * same transaction; the core's outbox delivers it (signed, retried) and the case shows its delivery.
 */
export default definePlugin({
  id: 'target-outcome',
  title: 'Target outcome',
  version: '1.1.0',
  description: 'Record what happened with a Cerberus target. The outcome is returned to Cerberus automatically.',
  sdk: '^1.0.0',
  category: 'Targeting',
  entities: [TargetOutcomeEntity],
  startForm: 'target-outcome',
  startRoles: ['officer', 'manager'],
  workflow: {
    initial: 'returned',
    states: [{ id: 'returned', label: 'Returned to Cerberus' }],
    actions: [
      {
        id: 'correct',
        label: 'Correct outcome',
        from: ['returned'],
        to: 'returned',
        roles: ['officer', 'manager'],
        form: 'correct-outcome',
      },
    ],
  },
  hooks: { onSubmit: recordOutcome, onTransition: applyCorrection },
});
