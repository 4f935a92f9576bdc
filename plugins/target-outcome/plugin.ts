import {
  AnswerError,
  answerInstant,
  answersOf,
  definePlugin,
  type SubmitContext,
  type TransitionContext,
} from '../../core/src/sdk/index.js';
import type { CorrectOutcomeAnswers } from './forms/correct-outcome.answers.js';
import type { TargetOutcomeAnswers } from './forms/target-outcome.answers.js';

/** What Cerberus is sent of an outcome: the start form's answers, or with a correction's outcome. */
type Outcome = Pick<
  TargetOutcomeAnswers,
  'targetReference' | 'outcomeDateTime' | 'outcome' | 'reason' | 'linkedCase'
> & {
  notes?: string;
};

/** The outcome as Cerberus receives it (docs/cerberus.md). */
function outcomeMessage(caseKey: string, o: Outcome, recordedBy: string, revision: number) {
  return {
    targetId: o.targetReference,
    outcome: o.outcome,
    reason: o.reason ?? null,
    notes: o.notes ?? null,
    outcomeAt: answerInstant(o.outcomeDateTime).toISOString(),
    linkedEventCase: o.linkedCase ?? null,
    outcomeCase: caseKey,
    revision,
    recordedBy,
  };
}

/**
 * The target's state once its outcome is recorded: recording one takes the target's
 * `record-outcome` action in the same transaction (docs/cerberus.md), so a target in this state
 * already has its outcome.
 */
const OUTCOME_RECORDED = 'outcome-recorded';

const refuse = (message: string) => new AnswerError([{ path: 'targetReference', message }]);

/**
 * The target the outcome is for: one the platform received from Cerberus and the officer may
 * see, the one they started from (if any), and without an outcome yet (a change is a correction).
 * Linking it makes the target's "Record the outcome" action happen in this transaction; of two
 * outcomes recorded at the same moment the core refuses the later one (409).
 */
async function findTarget(ctx: SubmitContext, reference: string): Promise<void> {
  const target = await ctx.received('cerberus.target', reference);
  if (!target)
    throw refuse(
      `There is no target ${reference} that you can see. Enter the reference of a target sent from Cerberus`,
    );
  const other = ctx.linked.find((c) => c.pluginId === target.pluginId && c.id !== target.id);
  if (other) throw refuse(`Enter the reference of the target you are recording the outcome for (${other.businessKey})`);
  if (target.state === OUTCOME_RECORDED)
    throw refuse(
      `An outcome for target ${reference} has already been recorded. To change it, open that outcome from the target's linked cases and choose "Correct outcome"`,
    );
  await ctx.link(target.id);
}

async function recordOutcome(ctx: SubmitContext): Promise<void> {
  const outcome = answersOf<TargetOutcomeAnswers>(ctx.case.answers);
  await findTarget(ctx, outcome.targetReference);
  await ctx.emit({
    topic: 'cerberus.outcome',
    key: `outcome:${ctx.case.businessKey}:1`,
    payload: outcomeMessage(ctx.case.businessKey, outcome, ctx.case.createdBy, 1),
  });
}

/** A correction is sent to Cerberus as a new revision (the read model keeps the corrected outcome). */
async function sendCorrection(ctx: TransitionContext): Promise<void> {
  if (ctx.action.id !== 'correct' || !ctx.actionAnswers) return;
  const corrected: Outcome = {
    ...answersOf<TargetOutcomeAnswers>(ctx.case.answers),
    outcome: answersOf<CorrectOutcomeAnswers>(ctx.actionAnswers).outcome,
    notes: answersOf<CorrectOutcomeAnswers>(ctx.actionAnswers).explanation,
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
 * "Correct outcome" sends a new revision. Reports read the marked fields (the corrected outcome
 * wins) from the core's read model: the plugin keeps no tables of its own.
 */
export default definePlugin({
  id: 'target-outcome',
  title: 'Target outcome',
  version: '2.0.0',
  description: 'Record what happened with a Cerberus target. The outcome is returned to Cerberus automatically.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      outcomes: ['positive', 'negative', 'no-show', 'missed', 'insufficient-resources', 'target-withdrawn'],
    },
  },
  category: 'Targeting',
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
  hooks: { onSubmit: recordOutcome, onTransition: sendCorrection },
});
