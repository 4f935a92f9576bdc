import type { DemoCases } from '../../core/src/sdk/index.js';

/** Every question answered "no": the starting point of each sample. */
const NOTHING = {
  securityClearance: false,
  sponsorship: false,
  otherEmployment: false,
  criminality: false,
  personalFinance: false,
  businessInterests: false,
  confirmation: ['confirmed'],
};

const DOVER_LINE_MANAGER = { lineManager: 'Morgan Manager', lineManagerEmail: 'morgan.manager@example.gov.uk' };

/**
 * Mandatory declarations from four staff: one with nothing to declare (recorded), three with
 * something to declare (other employment, a shareholding, sponsorship), so Dover's line manager
 * has a review in the queue.
 */
export const demoDeclarations: DemoCases[] = [
  {
    username: 'officer',
    count: 1,
    answers: () => ({
      declarationType: 'annual',
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
      ...DOVER_LINE_MANAGER,
      ...NOTHING,
    }),
  },
  {
    username: 'officer2',
    count: 1,
    answers: () => ({
      declarationType: 'change-in-circumstances',
      grade: 'AO',
      team: 'dover-tourist-controls-team-1',
      ...DOVER_LINE_MANAGER,
      ...NOTHING,
      otherEmployment: true,
      otherEmploymentDetails:
        'I have started refereeing in a Kent youth football league on Sunday mornings, paid per match (about £35). ' +
        'It is about four hours a week, does not overlap my rostered shifts and has nothing to do with travel, freight or the ports.',
    }),
  },
  {
    username: 'freight',
    count: 1,
    answers: () => ({
      declarationType: 'change-in-circumstances',
      grade: 'EO',
      team: 'felixstowe-freight-team-a',
      lineManager: 'Gareth Pryce',
      lineManagerEmail: 'gareth.pryce@example.gov.uk',
      ...NOTHING,
      businessInterests: true,
      businessInterestsDetails:
        'I have inherited a 15% shareholding in a small family haulage firm run by my uncle in Ipswich. It has three lorries and sometimes collects containers from Felixstowe. ' +
        'I have no role in running it. I ask not to be given examinations or referrals that involve the firm.',
    }),
  },
  {
    username: 'intel',
    count: 1,
    answers: () => ({
      declarationType: 'new-starter',
      grade: 'EO',
      team: 'intelligence-hub-south',
      lineManager: 'Helen Okafor',
      lineManagerEmail: 'helen.okafor@example.gov.uk',
      ...NOTHING,
      sponsorship: true,
      sponsorshipDetails:
        'I have agreed to support my cousin’s application for a six-month visit visa from Pakistan to attend my sister’s wedding in August: ' +
        'a letter of invitation and an offer of accommodation at my home. I am not paying for the trip.',
    }),
  },
];
