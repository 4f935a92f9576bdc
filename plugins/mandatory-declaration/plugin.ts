import { definePlugin } from '../../core/src/sdk/index.js';
import { demoDeclarations } from './demo.js';

/**
 * Each yes/no question → its topic id in the mandatory-declaration-topics reference set, which
 * names it. A "yes" to any of them opens a line-manager review.
 */
export const TOPICS: Record<string, string> = {
  securityClearance: 'security-clearance',
  sponsorship: 'sponsorship',
  otherEmployment: 'other-employment',
  criminality: 'criminality',
  personalFinance: 'personal-finance',
  businessInterests: 'business-interests',
};

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
          { id: 'security-clearance', label: 'Change affecting security clearance' },
          { id: 'sponsorship', label: 'Sponsorship of a visa applicant or migrant' },
          { id: 'other-employment', label: 'Other employment or paid activity' },
          { id: 'criminality', label: 'Arrest, charge, caution or conviction' },
          { id: 'personal-finance', label: 'Personal financial difficulties' },
          { id: 'business-interests', label: 'Business interests and shareholdings' },
          { id: 'associations', label: 'Associations with persons of concern' },
          { id: 'gifts-and-hospitality', label: 'Gifts and hospitality' },
          { id: 'conflict-of-interest', label: 'Other conflict of interest' },
        ],
      },
    ],
  },
  category: 'Staff',
  startForm: 'mandatory-declaration',
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
            team: 'case.team',
            role: 'manager',
            priority: 'medium',
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
  demo: demoDeclarations,
});
