import { answerDateTime, definePlugin } from '../../core/src/sdk/index.js';

/** A UK calendar date (`2026-04-12`) `days` from now (negative for the past). */
const ukDate = (now: Date, days: number) => answerDateTime(new Date(now.getTime() + days * 86_400_000)).slice(0, 10);

/** Cases in development at the hub, opened over the last week or so: the referral (raised days ago, its number; none from analysis), primacy team, handling, review in days. */
const SAMPLES = [
  [[6, 14], 'intelligence-hub-south', 'P', 21],
  [[3, 6], 'intelligence-hub-south', 'C', 14],
  [null, 'intelligence-hub-south', 'P', 28],
  [[8, 21], 'cash-team-south-east', 'P', 10],
] as const;
const SUMMARIES = [
  'Referral from Dover Freight Team A: 38 kg of cocaine in a refrigerated trailer of bananas from Calais. The same tractor unit crossed twice earlier this month for the same consignee in Essex.',
  'Referral from Heathrow T5 Arrivals Red Team: 24 kg of herbal cannabis in two suitcases from Bangkok. A UK number in the courier’s phone is linked to two earlier couriers. Share within UK law enforcement only.',
  'Analysis of Gatwick seizures over 10 days: five passengers from Tenerife and Alicante with 8 to 12 kg of hand-rolling tobacco each, booked through the same travel agent. Possible courier network.',
  'Referral from Dover Tourist Controls Team 1: three outbound coach passengers each carried £9,000 to £14,000 in used £20 notes, wrapped the same way. Cash Team South East leads.',
];

/**
 * Triage and development of intelligence: no further action, or products disseminated. Reports
 * read the marked answers (referral, primacy team, handling, review date, the latest product,
 * a primacy transfer) from the core's read model; every product disseminated, with who recorded
 * it and when, is in the case's history. The plugin keeps no tables of its own.
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
      'handling-conditions': ['P', 'C', '5x5x5-1', '5x5x5-2', '5x5x5-3', '5x5x5-4', '5x5x5-5'],
    },
  },
  category: 'Intelligence',
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
            role: 'intelligence',
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
            role: 'intelligence',
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
  demo: [
    {
      username: 'intel',
      count: SAMPLES.length,
      answers: (i, now) => {
        const [referral, primacyTeam, handlingCondition, reviewIn] = SAMPLES[i]!;
        const referralReference = referral
          ? `BF-${ukDate(now, -referral[0]).replace(/-/g, '')}-${referral[1]}`
          : undefined;
        const summary = SUMMARIES[i];
        return { referralReference, primacyTeam, handlingCondition, summary, reviewDate: ukDate(now, reviewIn) };
      },
    },
  ],
});
