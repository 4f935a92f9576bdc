import { answersOf, definePlugin, type TransitionContext } from '../../core/src/sdk/index.js';
import type { IntelligenceProductAnswers } from './forms/intelligence-product.answers.js';
import { IntelligenceProductEntity } from './entities/intelligence-product.entity.js';
import { demoIntelligenceCases } from './demo.js';

/** The actions whose form records a disseminated product (forms/intelligence-product.form.json). */
const PRODUCT_ACTIONS = new Set(['record-product', 'record-further-product']);

/** Logs every product disseminated, a case's second and later ones too (the read model keeps the latest). */
async function logDissemination(ctx: TransitionContext): Promise<void> {
  if (!PRODUCT_ACTIONS.has(ctx.action.id) || !ctx.actionAnswers) return;
  const { productType, productReference, disseminatedTo, legalGateway } = answersOf<IntelligenceProductAnswers>(
    ctx.actionAnswers,
  );
  const product = { caseId: ctx.case.id, productType, productReference, disseminatedTo, legalGateway };
  await ctx.manager.insert(IntelligenceProductEntity, product);
}

const DEVELOP = { team: 'case.team', role: 'intelligence' as const };

/**
 * Triage and development of intelligence: no further action, or products disseminated. Reports
 * read the marked answers (referral, primacy team, handling, review date, the latest product,
 * a primacy transfer) from the core's read model; the plugin's own table is the dissemination log.
 */
export default definePlugin({
  id: 'intelligence-case',
  title: 'Intelligence case',
  version: '2.0.0',
  description:
    'Develop an intelligence referral: decide whether to take further action, produce and share intelligence, and review the case.',
  sdk: '^1.0.0',
  reference: {
    uses: {
      'item-categories': 'all',
      items: 'all',
      'handling-conditions': ['P', 'C', '5x5x5-1', '5x5x5-2', '5x5x5-3', '5x5x5-4', '5x5x5-5'],
    },
  },
  category: 'Intelligence',
  entities: [IntelligenceProductEntity],
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
  hooks: { onTransition: logDissemination },
  demo: [demoIntelligenceCases],
});
