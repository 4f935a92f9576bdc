import { definePlugin, type SubmitContext, type TransitionContext } from '../../core/src/sdk/index.js';
import { IntelligenceCaseEntity, IntelligenceProductEntity } from './entities/intelligence-case.entity.js';
import { demoIntelligenceCases } from './demo.js';

async function recordCase(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as {
    referralReference?: string;
    primacyTeam: string;
    handlingCondition: string;
    reviewDate: string;
  };
  await ctx.manager.insert(IntelligenceCaseEntity, {
    caseId: ctx.case.id,
    referralReference: a.referralReference ?? null,
    primacyTeamId: a.primacyTeam,
    handlingCondition: a.handlingCondition,
    reviewDate: a.reviewDate,
  });
}

async function recordDecision(ctx: TransitionContext): Promise<void> {
  const a = ctx.actionAnswers ?? {};
  const caseId = ctx.case.id;
  if (ctx.action.id === 'record-nfa') {
    await ctx.manager.update(
      IntelligenceCaseEntity,
      { caseId },
      { noFurtherAction: true, nfaAuthorisedBy: String(a.authorisingOfficer) },
    );
  } else if (ctx.action.id === 'record-product' || ctx.action.id === 'record-further-product') {
    await ctx.manager.insert(IntelligenceProductEntity, {
      caseId,
      productType: String(a.productType),
      productReference: String(a.productReference),
      disseminatedTo: a.disseminatedTo as string[],
      legalGateway: String(a.legalGateway),
    });
  } else if (ctx.action.id === 'transfer-primacy') {
    await ctx.manager.update(IntelligenceCaseEntity, { caseId }, { primacyTeamId: String(a.newPrimacyTeam) });
  }
}

const DEVELOP = { team: 'case.team', role: 'intelligence' as const };

/** Triage and development of intelligence: no further action, or products disseminated. */
export default definePlugin({
  id: 'intelligence-case',
  title: 'Intelligence case',
  version: '1.0.0',
  description:
    'Develop an intelligence referral: decide whether to take further action, produce and share intelligence, and review the case.',
  sdk: '^1.0.0',
  category: 'Intelligence',
  entities: [IntelligenceCaseEntity, IntelligenceProductEntity],
  startForm: 'intelligence-case',
  startRoles: ['intelligence'],
  workflow: {
    initial: 'in-development',
    states: [
      {
        id: 'in-development',
        label: 'In development',
        tasks: [
          {
            title: 'Develop intelligence case',
            ...DEVELOP,
            priority: 'medium',
            due: 'P5D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      {
        id: 'disseminated',
        label: 'Product disseminated: awaiting review',
        tasks: [
          {
            title: 'Review results of the dissemination',
            ...DEVELOP,
            priority: 'low',
            due: 'P28D',
            escalation: { raisePriorityTo: 'medium' },
          },
        ],
      },
      { id: 'closed-nfa', label: 'Closed: no further action', terminal: true },
      { id: 'closed', label: 'Closed', terminal: true },
    ],
    actions: [
      {
        id: 'record-nfa',
        label: 'Record no further action',
        from: ['in-development'],
        to: 'closed-nfa',
        roles: ['intelligence', 'manager'],
        form: 'no-further-action',
      },
      {
        id: 'record-product',
        label: 'Record intelligence product',
        from: ['in-development'],
        to: 'disseminated',
        roles: ['intelligence'],
        form: 'intelligence-product',
      },
      {
        id: 'record-further-product',
        label: 'Record a further product',
        from: ['disseminated'],
        to: 'disseminated',
        roles: ['intelligence'],
        form: 'intelligence-product',
      },
      {
        id: 'transfer-primacy',
        label: 'Transfer primacy to another team',
        from: ['in-development'],
        to: 'in-development',
        roles: ['intelligence', 'manager'],
        form: 'transfer-primacy',
      },
      { id: 'close', label: 'Close case', from: ['disseminated'], to: 'closed', roles: ['intelligence', 'manager'] },
    ],
  },
  hooks: { onSubmit: recordCase, onTransition: recordDecision },
  demo: [demoIntelligenceCases],
});
