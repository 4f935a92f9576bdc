import {
  AnswerError,
  answerInstant,
  definePlugin,
  type SubmitContext,
  type TransitionContext,
} from '../../core/src/sdk/index.js';
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

const refuse = (message: string) => new AnswerError([{ path: 'targetReference', message }]);

/**
 * The target the outcome is for: one the platform received from Cerberus and the officer may
 * see, the one they started from (if any), and without an outcome yet (a change is a correction).
 * Linking it makes the target's "Record the outcome" action happen in this transaction.
 */
async function findTarget(ctx: SubmitContext, reference: string): Promise<void> {
  const target = await ctx.received('cerberus.target', reference);
  if (!target)
    throw refuse(
      `There is no target ${reference} that you can see. Enter the reference of a target sent from Cerberus`,
    );
  const other = ctx.linked.find((c) => c.pluginId === target.pluginId && c.id !== target.id);
  if (other) throw refuse(`Enter the reference of the target you are recording the outcome for (${other.businessKey})`);
  const earlier = await ctx.manager.findOne(TargetOutcomeEntity, {
    where: { targetReference: reference },
    select: { id: true },
  });
  if (earlier)
    throw refuse(
      `An outcome for target ${reference} has already been recorded. To change it, open that outcome from the target's linked cases and choose "Correct outcome"`,
    );
  await ctx.link(target.id);
}

async function recordOutcome(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as OutcomeAnswers;
  await findTarget(ctx, a.targetReference);
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
 * The officer's result for a Cerberus target, recorded from the target's case ("Record the
 * outcome", pre-filled from it) or by reference. Only a target the platform received and the
 * officer may see is accepted, once; recording it links the two cases, moves the target to
 * "Outcome recorded" (its task completed) and queues the outcome for Cerberus, all in one
 * transaction. The core's outbox delivers it (signed, retried) and the case shows its delivery;
 * "Correct outcome" sends a new revision.
 */
export default definePlugin({
  id: 'target-outcome',
  title: 'Target outcome',
  version: '1.2.0',
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
