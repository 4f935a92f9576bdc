import { answerInstant, definePlugin, type SubmitContext } from '../../core/src/sdk/index.js';
import { SeizureAmountEntity } from './entities/seizure-amount.entity.js';
import { SeizureEntity } from './entities/seizure.entity.js';
import { demoCashSeizures } from './demo.js';
import { monthlyCashSeizures, monthlyCashSeizuresFields } from './reports/monthly-cash-seizures.query.js';

/** The minimum amount of cash that may be seized (Proceeds of Crime Act 2002, section 294). */
export const SEIZURE_THRESHOLD_GBP = 1000;

/** The cash team that applies to the magistrates' court for continued detention. */
export const CASH_TEAM = 'cash-team-south-east';

interface AmountLine {
  currency: string;
  otherCurrency?: string;
  amount: number;
  sterlingValue: number;
}

interface CashAnswers {
  detectedAt: string;
  port: string;
  team: string;
  transportMode: string;
  detectionMethod: string;
  concealmentMethod: string;
  familyName: string;
  nationality: string;
  amounts: AmountLine[];
  totalSterling?: number;
  reasons: string[];
  detentionDecision: string;
}

async function recordCash(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as CashAnswers;
  const lines = a.amounts ?? [];
  const total = a.totalSterling ?? lines.reduce((sum, l) => sum + l.sterlingValue, 0);
  await ctx.manager.insert(SeizureEntity, {
    caseId: ctx.case.id,
    detectedAt: answerInstant(a.detectedAt),
    portId: a.port,
    teamId: a.team,
    transportModeId: a.transportMode,
    detectionMethodId: a.detectionMethod,
    concealmentMethodId: a.concealmentMethod,
    familyName: a.familyName,
    nationalityId: a.nationality,
    totalSterling: total.toFixed(2),
    reasons: a.reasons,
    detentionDecision: a.detentionDecision,
  });
  if (lines.length === 0) return;
  await ctx.manager.insert(
    SeizureAmountEntity,
    lines.map((l, i) => ({
      caseId: ctx.case.id,
      lineNo: i + 1,
      currencyItemId: l.currency,
      otherCurrency: l.otherCurrency ?? null,
      amount: String(l.amount),
      sterlingValue: l.sterlingValue.toFixed(2),
    })),
  );
}

/**
 * Cash found at the border. Cash seized and detained (£1,000 or more) goes straight to the cash
 * team, who must apply to a magistrates' court within 48 hours to keep it; cash returned to the
 * person is reviewed by the officer's manager.
 */
export default definePlugin({
  id: 'cash-seizure',
  title: 'Cash detection and seizure',
  version: '1.0.0',
  description:
    'Record cash you find at the border, why you suspect it is linked to crime and whether you seized it. Seized cash goes to the cash team, who apply to court to keep it.',
  sdk: '^1.0.0',
  category: 'Frontline',
  entities: [SeizureEntity, SeizureAmountEntity],
  startForm: 'cash-seizure',
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
  hooks: { onSubmit: recordCash },
  demo: [demoCashSeizures],
  reports: [
    {
      id: 'monthly-cash-seizures',
      title: 'Cash seized in a month',
      description:
        'Cash found at the border in a month: how much was seized and returned, by port and by currency, with the sterling equivalent.',
      roles: ['manager'],
      parameters: [
        { name: 'month', label: 'Month', type: 'month', required: true, hint: 'For example, 10 2026' },
        { name: 'team', label: 'Team', type: 'team', hint: 'Leave empty for every team in your command' },
      ],
      fields: monthlyCashSeizuresFields,
      query: monthlyCashSeizures,
    },
  ],
});
