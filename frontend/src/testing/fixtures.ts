import { LoginResponse, User } from '../app/core/auth/user.model';
import { PluginStatus, PluginSummary } from '../app/core/plugins/plugin.model';

/** A user for tests; override what the test is about. */
export function newUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-officer',
    username: 'officer',
    displayName: 'Olivia Officer',
    roles: ['officer'],
    teamId: 'dover-tourist-1',
    teamName: 'Dover Tourist 1',
    grade: 'BFO',
    shift: null,
    ...overrides,
  };
}

/** A login response for tests. */
export function newLogin(overrides: Partial<LoginResponse> = {}): LoginResponse {
  return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, user: newUser(), ...overrides };
}

/** A plugin summary for tests. */
export function newPlugin(overrides: Partial<PluginSummary> = {}): PluginSummary {
  return {
    id: 'hot-debrief',
    title: 'Hot debrief',
    description: 'Lessons learned, safety, training and equipment issues.',
    version: '1.0.0',
    category: 'Staff and safety',
    canStart: true,
    startForm: 'debrief',
    startRoles: ['officer'],
    forms: [{ id: 'debrief', version: 1, title: 'Record a hot debrief', type: 'single', pages: [] }],
    terms: [],
    workflow: { initial: 'submitted', states: [{ id: 'submitted', label: 'Submitted' }], actions: [] },
    reports: [],
    ...overrides,
  };
}

/** A plugin status row for tests. */
export function newStatus(overrides: Partial<PluginStatus> = {}): PluginStatus {
  return {
    id: 'hot-debrief',
    title: 'Hot debrief',
    version: '1.0.0',
    sdk: '1.0.0',
    state: 'enabled',
    source: 'plugins/hot-debrief',
    ...overrides,
  };
}
