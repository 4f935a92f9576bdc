import { definePlugin } from '../../core/src/sdk/index.js';
import { demoProfiles } from './demo.js';

/**
 * An officer's profile and current shift. The profile's team owns the case, so that team's
 * manager confirms it; the shift's team and location are what the platform pre-fills on forms.
 * Reports read the marked answers (grade, team, usual location, the shift's start, team,
 * location and length) from the core's read model, never the line manager's or delegates' names
 * and addresses: the plugin keeps no tables of its own.
 */
export default definePlugin({
  id: 'staff-profile',
  title: 'Staff profile and shift',
  version: '2.0.0',
  description:
    'Keep your grade, team, location and line manager up to date, choose who can act for you when you are away, and start your shift.',
  sdk: '^1.0.0',
  category: 'Staff',
  teamFrom: 'team',
  officerProfile: {
    grade: 'grade',
    team: 'team',
    location: 'location',
    lineManagerName: 'lineManagerName',
    lineManagerEmail: 'lineManagerEmail',
    delegates: 'delegates',
  },
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
        tasks: [{ title: 'Correct staff profile', due: 'P3D', escalation: { notifyManagers: true } }],
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
  demo: demoProfiles,
});
