import { answerInstant, definePlugin, type SubmitContext } from '../../core/src/sdk/index.js';
import { DelegateEntity } from './entities/delegate.entity.js';
import { ProfileEntity } from './entities/profile.entity.js';
import { demoProfiles } from './demo.js';

interface Delegate {
  name: string;
  email: string;
  until?: string;
}

interface ProfileAnswers {
  grade: string;
  team: string;
  location: string;
  lineManagerName: string;
  lineManagerEmail: string;
  delegates?: Delegate[];
  shiftStart: string;
  shiftEnd: string;
  shiftTeam: string;
  shiftLocation: string;
}

async function recordProfile(ctx: SubmitContext): Promise<void> {
  const a = ctx.case.answers as unknown as ProfileAnswers;
  await ctx.manager.insert(ProfileEntity, {
    caseId: ctx.case.id,
    userId: ctx.case.createdBy,
    gradeId: a.grade,
    teamId: a.team,
    locationId: a.location,
    lineManagerName: a.lineManagerName,
    lineManagerEmail: a.lineManagerEmail,
    shiftStart: answerInstant(a.shiftStart),
    shiftEnd: answerInstant(a.shiftEnd),
    shiftTeamId: a.shiftTeam,
    shiftLocationId: a.shiftLocation,
  });
  const delegates = a.delegates ?? [];
  if (delegates.length === 0) return;
  await ctx.manager.insert(
    DelegateEntity,
    delegates.map((d) => ({ caseId: ctx.case.id, name: d.name, email: d.email, validUntil: d.until ?? null })),
  );
}

/**
 * An officer's profile and current shift. The profile's team owns the case, so that team's
 * manager confirms it; the shift's team and location are what the platform pre-fills on forms.
 */
export default definePlugin({
  id: 'staff-profile',
  title: 'Staff profile and shift',
  version: '1.0.0',
  description:
    'Keep your grade, team, location and line manager up to date, choose who can act for you when you are away, and start your shift.',
  sdk: '^1.0.0',
  category: 'Staff',
  entities: [ProfileEntity, DelegateEntity],
  startForm: 'staff-profile',
  teamFrom: 'team',
  startRoles: ['officer', 'manager', 'intelligence'],
  workflow: {
    initial: 'awaiting-confirmation',
    states: [
      {
        id: 'awaiting-confirmation',
        label: 'Awaiting line manager confirmation',
        tasks: [
          {
            title: "Confirm team member's profile",
            team: 'case.team',
            role: 'manager',
            priority: 'low',
            due: 'P5D',
            escalation: { raisePriorityTo: 'medium', notifyManagers: true },
          },
        ],
      },
      {
        id: 'corrections-needed',
        label: 'Corrections needed',
        tasks: [
          {
            title: 'Correct staff profile',
            team: 'case.team',
            priority: 'medium',
            due: 'P3D',
            escalation: { notifyManagers: true },
          },
        ],
      },
      { id: 'confirmed', label: 'Confirmed by line manager', terminal: true },
    ],
    actions: [
      {
        id: 'confirm-profile',
        label: 'Confirm profile',
        from: ['awaiting-confirmation'],
        to: 'confirmed',
        roles: ['manager'],
      },
      {
        id: 'ask-for-corrections',
        label: 'Ask for corrections',
        from: ['awaiting-confirmation'],
        to: 'corrections-needed',
        roles: ['manager'],
        form: 'profile-corrections',
      },
      {
        id: 'confirm-corrections',
        label: 'Confirm your corrections',
        from: ['corrections-needed'],
        to: 'awaiting-confirmation',
        roles: ['officer', 'manager', 'intelligence'],
        form: 'profile-resubmission',
      },
    ],
  },
  hooks: { onSubmit: recordProfile },
  demo: demoProfiles,
});
