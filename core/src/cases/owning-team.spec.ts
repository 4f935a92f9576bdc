import type { AccessScope } from '../identity/access.js';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import { owningTeam } from './submission.service.js';

const plugin = (teamFrom?: string) => ({ manifest: { title: 'Cash seizure', teamFrom } }) as unknown as UsablePlugin;
const scope = (workingTeam: string | null) => ({ workingTeam }) as AccessScope;

describe('owningTeam', () => {
  it("takes the manifest's teamFrom answer first, then the working team (shift team, else own team)", () => {
    expect(owningTeam(plugin('team'), { team: 'felixstowe-freight-team-a' }, scope('dover-freight-team-a'))).toBe(
      'felixstowe-freight-team-a',
    );
    expect(owningTeam(plugin('team'), {}, scope('dover-freight-team-a'))).toBe('dover-freight-team-a');
    expect(owningTeam(plugin(), { team: 'felixstowe-freight-team-a' }, scope('dover-freight-team-a'))).toBe(
      'dover-freight-team-a',
    );
    // A submitter with no team of their own may still file a case that names its team.
    expect(owningTeam(plugin('team'), { team: 'felixstowe-freight-team-a' }, scope(null))).toBe(
      'felixstowe-freight-team-a',
    );
  });

  it('refuses a case that would belong to no team', () => {
    expect(() => owningTeam(plugin('team'), {}, scope(null))).toThrow(
      'Start a shift before you submit a Cash seizure: your account has no team, so the case would belong to nobody',
    );
  });
});
