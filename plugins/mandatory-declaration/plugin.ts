import { definePlugin, type SubmitContext } from '../../core/src/sdk/index.js';
import { DeclarationEntity } from './entities/declaration.entity.js';
import { demoDeclarations } from './demo.js';

/** Form question → topic id in the mandatory-declaration-topics reference set. */
const TOPICS: Record<string, string> = {
  securityClearance: 'security-clearance',
  sponsorship: 'sponsorship',
  otherEmployment: 'other-employment',
  criminality: 'criminality',
  personalFinance: 'personal-finance',
  businessInterests: 'business-interests',
};

/** Topic ids answered "yes". */
export function declaredTopics(answers: Record<string, unknown>): string[] {
  return Object.entries(TOPICS)
    .filter(([question]) => answers[question] === true)
    .map(([, topic]) => topic);
}

async function recordDeclaration(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers;
  const topics = declaredTopics(a);
  await ctx.manager.insert(DeclarationEntity, {
    caseId: ctx.case.id,
    declarationType: String(a.declarationType),
    gradeId: String(a.grade),
    teamId: String(a.team),
    declaredTopics: topics,
    needsReview: topics.length > 0,
  });
}

/**
 * Staff integrity declarations. Any "yes" goes to the line manager for review (a workflow
 * route); a declaration with nothing to declare is recorded.
 */
export default definePlugin({
  id: 'mandatory-declaration',
  title: 'Mandatory declaration',
  version: '1.0.0',
  description:
    'Declare anything that could affect your integrity or security clearance, such as other employment or an arrest. If you declare something, your line manager reviews it.',
  sdk: '^1.0.0',
  category: 'Staff',
  entities: [DeclarationEntity],
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
  hooks: { onSubmit: recordDeclaration },
  demo: demoDeclarations,
});
