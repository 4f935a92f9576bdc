import type { Role } from '../sdk/roles.js';

/** What a caller may see: used to scope every case and task query. */
export interface AccessScope {
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  /** The caller's home team and shift team. */
  teams: string[];
  /** Teams whose cases the caller sees: their own, or their whole command for managers. */
  visibleTeams: string[];
  /** Whether the caller sees every case (admins). */
  all: boolean;
  /** Shift context for pre-filling forms. */
  shift: { teamId: string; location: string } | null;
  /** The caller's own team (not a shift team): what a manager's command is worked out from. */
  homeTeam: string | null;
  /** The team new cases are filed under: the shift team, else the home team. */
  workingTeam: string | null;
}
