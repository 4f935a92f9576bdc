import { definePlugin } from '../../core/src/sdk/index.js';

/**
 * Each yes/no question, and the topic of the mandatory-declaration-topics reference set that a
 * "yes" to it declares. A "yes" to any of them opens a line-manager review.
 */
export const TOPICS: Record<string, { id: string; label: string }> = {
  securityClearance: { id: 'security-clearance', label: 'Change affecting security clearance' },
  sponsorship: { id: 'sponsorship', label: 'Sponsorship of a visa applicant or migrant' },
  otherEmployment: { id: 'other-employment', label: 'Other employment or paid activity' },
  criminality: { id: 'criminality', label: 'Arrest, charge, caution or conviction' },
  personalFinance: { id: 'personal-finance', label: 'Personal financial difficulties' },
  businessInterests: { id: 'business-interests', label: 'Business interests and shareholdings' },
};

/** Every question answered "no", and the confirmation: a declaration with nothing to declare, but for who makes it. */
export const NOTHING_TO_DECLARE = {
  ...Object.fromEntries(Object.keys(TOPICS).map((question) => [question, false])),
  confirmation: ['confirmed'],
};

/** The declarer's grade and team, and their line manager (at an address like the demo accounts'). */
const staff = (grade: string, team: string, lineManager: string) => ({
  grade,
  team,
  lineManager,
  lineManagerEmail: `${lineManager.toLowerCase().replace(' ', '.')}@example.gov.uk`,
});

/** `username`'s declaration, "no" to every question but the one `yes` names (with its details). */
const declaration = (username: string, declarationType: string, declarer: object, yes?: [string, string]) => ({
  username,
  count: 1,
  answers: () => ({
    declarationType,
    ...declarer,
    ...NOTHING_TO_DECLARE,
    ...(yes && { [yes[0]]: true, [`${yes[0]}Details`]: yes[1] }),
  }),
});

const DOVER = staff('AO', 'dover-tourist-controls-team-1', 'Morgan Manager');

/**
 * Staff integrity declarations. Any "yes" goes to the line manager for review (a workflow
 * route); a declaration with nothing to declare is recorded. Reports read the marked answers
 * (why declared, grade, team, each yes/no, the line manager's decision) from the core's read
 * model, never the details given or the line manager's name: the plugin keeps no tables.
 */
export default definePlugin({
  id: 'mandatory-declaration',
  title: 'Mandatory declaration',
  version: '2.0.0',
  description:
    'Declare anything that could affect your integrity or security clearance, such as other employment or an arrest. If you declare something, your line manager reviews it.',
  sdk: '^1.0.0',
  reference: {
    sets: [
      {
        id: 'mandatory-declaration-topics',
        label: 'Mandatory declaration topics',
        description: 'Topics of staff integrity declarations. A "yes" opens a line-manager review.',
        rows: [
          ...Object.values(TOPICS),
          { id: 'associations', label: 'Associations with persons of concern' },
          { id: 'gifts-and-hospitality', label: 'Gifts and hospitality' },
          { id: 'conflict-of-interest', label: 'Other conflict of interest' },
        ],
      },
    ],
  },
  category: 'Staff',
  startRoles: ['officer', 'manager', 'intelligence'],
  workflow: {
    // Nothing declared: recorded. Any "yes": straight to the line manager.
    initial: 'recorded',
    routes: [{ when: { any: Object.keys(TOPICS).map((field) => ({ field, eq: true })) }, to: 'line-manager-review' }],
    states: [
      {
        id: 'line-manager-review',
        label: 'Awaiting line manager review',
        tasks: [
          {
            title: 'Review mandatory declaration',
            role: 'manager',
            due: 'P5D',
            escalation: { raisePriorityTo: 'high', notifyManagers: true },
          },
        ],
      },
      { id: 'recorded', label: 'Recorded: nothing to declare', terminal: true },
      { id: 'reviewed', label: 'Reviewed by line manager', terminal: true },
    ],
    actions: [
      {
        id: 'record-review',
        label: 'Record line manager review',
        from: ['line-manager-review'],
        to: 'reviewed',
        roles: ['manager'],
        form: 'declaration-review',
      },
    ],
  },
  // Four staff: one with nothing to declare (recorded), three with something to declare (other
  // employment, a shareholding, sponsorship), so Dover's line manager has a review in the queue.
  demo: [
    declaration('officer', 'annual', DOVER),
    declaration('officer2', 'change-in-circumstances', DOVER, [
      'otherEmployment',
      'I referee youth football on Sunday mornings, paid per match: about four hours a week, off shift.',
    ]),
    declaration('freight', 'change-in-circumstances', staff('EO', 'felixstowe-freight-team-a', 'Gareth Pryce'), [
      'businessInterests',
      'I have inherited 15% of my uncle’s haulage firm, which collects at Felixstowe; I will not examine its loads.',
    ]),
    declaration('intel', 'new-starter', staff('EO', 'intelligence-hub-south', 'Helen Okafor'), [
      'sponsorship',
      'I have invited my cousin from Pakistan to my sister’s wedding and offered her a room; I pay nothing else.',
    ]),
  ],
});
