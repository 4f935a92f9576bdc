import type { DataSource } from 'typeorm';
import type { Role } from '../sdk/roles.js';
import { hashPassword } from './password.js';

/** Password of every demo account; shown in the README. Demo data is for the embedded default only. */
export const DEMO_PASSWORD = 'demo-password';

interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  teamId: string;
  grade: string;
  /** Other teams they are a standing member of (they may start a shift on these). */
  memberOf?: string[];
}

export const DEMO_USERS: DemoUser[] = [
  {
    username: 'officer',
    displayName: 'Olivia Officer',
    roles: ['officer'],
    teamId: 'dover-tourist-controls-team-1',
    grade: 'AO',
    memberOf: ['dover-tourist-controls-team-2', 'dover-freight-team-a'],
  },
  {
    username: 'officer2',
    displayName: 'Owen Officer',
    roles: ['officer'],
    teamId: 'dover-tourist-controls-team-1',
    grade: 'AO',
  },
  {
    username: 'freight',
    displayName: 'Fatima Freight',
    roles: ['officer'],
    teamId: 'felixstowe-freight-team-a',
    grade: 'EO',
  },
  {
    username: 'manager',
    displayName: 'Morgan Manager',
    roles: ['manager', 'officer'],
    teamId: 'dover-tourist-controls-team-1',
    grade: 'HEO',
  },
  {
    username: 'intel',
    displayName: 'Imran Intelligence',
    roles: ['intelligence'],
    teamId: 'intelligence-hub-south',
    grade: 'EO',
  },
  {
    username: 'pluginadmin',
    displayName: 'Priya Plugin-Admin',
    roles: ['plugin-admin'],
    teamId: 'national-freight-hub',
    grade: 'SEO',
  },
  {
    username: 'integration',
    displayName: 'Integration client (demo)',
    roles: ['integration'],
    teamId: 'national-targeting-roro-team',
    grade: 'EO',
  },
  { username: 'admin', displayName: 'Ada Admin', roles: ['admin'], teamId: 'national-freight-hub', grade: 'G7' },
];

/** Creates the demo accounts that do not exist yet; existing ones are left as they are. */
export async function seedDemoUsers(dataSource: DataSource): Promise<number> {
  const hash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const user of DEMO_USERS) {
    // A demo person's name is "Given Family", their address the usual form of it; a client has neither.
    const person = /^([A-Z][a-z]+) ([A-Z][A-Za-z-]+)$/.exec(user.displayName);
    const givenName = person?.[1] ?? null;
    const familyName = person?.[2] ?? null;
    const email = person ? `${givenName}.${familyName}@example.gov.uk`.toLowerCase() : null;
    const result = (await dataSource.query(
      `INSERT INTO core.app_user (username, display_name, password_hash, roles, team_id, grade, given_name, family_name, email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [user.username, user.displayName, hash, user.roles, user.teamId, user.grade, givenName, familyName, email],
    )) as unknown[];
    created += result.length;
    for (const teamId of user.memberOf ?? []) {
      await dataSource.query(
        `INSERT INTO core.team_cover (user_id, team_id, kind, reason)
         SELECT u.id, $2, 'member', 'Demo data: a standing member of this team' FROM core.app_user u
         WHERE u.username = $1 AND NOT EXISTS
           (SELECT 1 FROM core.team_cover c WHERE c.user_id = u.id AND c.team_id = $2 AND c.kind = 'member')`,
        [user.username, teamId],
      );
    }
  }
  return created;
}

/**
 * Accounts the platform itself acts as (not demo data): machine clients with no password, so
 * that their actions have an owner in cases and the audit log.
 */
export async function ensureSystemUsers(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO core.app_user (username, display_name, password_hash, roles) VALUES ('cerberus', 'Cerberus targeting system', NULL, '{integration}')
     ON CONFLICT (username) DO NOTHING`,
  );
}
