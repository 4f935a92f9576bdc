import { answerDateTime, type DemoCases } from '../../core/src/sdk/index.js';

const DAY = 24 * 3600_000;

/** A UK calendar date (`2026-04-12`) `days` from now (negative for the past). */
const ukDate = (now: Date, days: number) => answerDateTime(new Date(now.getTime() + days * DAY)).slice(0, 10);

/** An intelligence referral's business key, raised `daysAgo` days before now. */
const referral = (now: Date, daysAgo: number, n: number) => `BF-${ukDate(now, -daysAgo).replace(/-/g, '')}-${n}`;

type Sample = (now: Date) => Record<string, unknown>;

const SAMPLES: Sample[] = [
  // Class A in RoRo freight at Dover, from a seizure referral.
  (now) => ({
    referralReference: referral(now, 6, 14),
    primacyTeam: 'intelligence-hub-south',
    handlingCondition: 'P',
    summary:
      'Referral from Dover Freight Team A: 38 kg of cocaine found in the front of a refrigerated trailer of bananas at Eastern Docks, inbound from Calais. ' +
      'The same tractor unit crossed twice earlier this month with the same haulier and the same consignee in Essex. ' +
      'Develop the haulier, the consignee and the driver’s travel pattern, and check for linked trailers and bookings.',
    reviewDate: ukDate(now, 21),
  }),
  // Cannabis couriers through Heathrow, shared with conditions.
  (now) => ({
    referralReference: referral(now, 3, 6),
    primacyTeam: 'intelligence-hub-south',
    handlingCondition: 'C',
    summary:
      'Referral from Heathrow T5 Arrivals Red Team: 24 kg of herbal cannabis in two suitcases carried by a passenger arriving from Bangkok. ' +
      'The passenger says the bags were packed by a man he met in Thailand. A UK mobile number in his phone is also linked to two earlier couriers stopped at Gatwick and Manchester. ' +
      'Conditions: share within UK law enforcement only; no onward sharing without the originator’s agreement.',
    reviewDate: ukDate(now, 14),
  }),
  // Tobacco pattern at Gatwick, opened from analysis rather than a referral.
  (now) => ({
    primacyTeam: 'intelligence-hub-south',
    handlingCondition: 'P',
    summary:
      'Analysis of seizures at Gatwick North Terminal over the last 10 days: five passengers on flights from Tenerife and Alicante carrying 8 to 12 kg of hand-rolling tobacco each, ' +
      'several booked on the same day through the same travel agent. Possible organised courier network supplying shops in Sussex. ' +
      'Develop the bookings and consider a target package for the frontline.',
    reviewDate: ukDate(now, 28),
  }),
  // Outbound cash at Dover, led by the cash team.
  (now) => ({
    referralReference: referral(now, 8, 21),
    primacyTeam: 'cash-team-south-east',
    handlingCondition: 'P',
    summary:
      'Referral from Dover Tourist Controls Team 1: three coach passengers travelling outbound on separate days this week each carried between £9,000 and £14,000 in used £20 notes, ' +
      'wrapped the same way and with similar accounts of buying a car in Romania. Cash detained in each case. ' +
      'Cash Team South East leads; the hub supports with links between the passengers and the coach bookings.',
    reviewDate: ukDate(now, 10),
  }),
];

/** Intelligence cases in development at the hub, opened over the last week or so. */
export const demoIntelligenceCases: DemoCases = {
  username: 'intel',
  count: SAMPLES.length,
  answers: (i, now) => SAMPLES[i]!(now),
};
