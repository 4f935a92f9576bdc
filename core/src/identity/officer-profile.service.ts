import { Inject, Injectable } from '@nestjs/common';
import type { Answers, PrefillUser } from '../forms/engine/index.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { startFormId } from '../plugins/start-form.js';
import { PLUGIN_REGISTRY } from '../tokens.js';
import { UserRepository } from './user.repository.js';

/**
 * The signed-in officer as forms pre-fill them: their account (`core.app_user`, which an OIDC
 * token's claims keep up to date) and their latest case of the enabled workflow that declares
 * `officerProfile` (the staff profile, in this platform's bundle), read through the fields it names.
 */
@Injectable()
export class OfficerProfileService {
  constructor(
    private readonly users: UserRepository,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
  ) {}

  async prefillUser(userId: string, now: Date): Promise<PrefillUser | undefined> {
    const user = await this.users.findById(userId);
    if (!user) return undefined;
    const source = this.registry.enabled().find((p) => p.manifest.officerProfile !== undefined);
    const formId = source ? startFormId(source) : undefined;
    const answers = source && formId ? await this.users.latestCaseAnswers(userId, source.id, formId) : undefined;
    const fields = source?.manifest.officerProfile ?? {};
    const profile = (name: keyof typeof fields): unknown =>
      answers && fields[name] !== undefined ? answers[fields[name]] : undefined;
    return {
      givenName: user.givenName,
      familyName: user.familyName,
      displayName: user.displayName,
      username: user.username,
      email: user.email,
      // The profile is what the officer last said; the account's grade is the fallback.
      grade: text(profile('grade')) ?? user.grade,
      // The account's team decides what the officer sees, so it wins over what the profile says.
      teamId: user.teamId ?? text(profile('team')),
      location: text(profile('location')),
      lineManagerName: text(profile('lineManagerName')),
      lineManagerEmail: text(profile('lineManagerEmail')),
      delegates: currentDelegates(profile('delegates'), now),
    };
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** The profile's delegates whose `until` (a yyyy-mm-dd day, inclusive) has not passed. */
function currentDelegates(value: unknown, now: Date): Answers[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now); // yyyy-mm-dd, UK day
  const current = value.filter(
    (d): d is Answers =>
      typeof d === 'object' &&
      d !== null &&
      !(typeof (d as Answers)['until'] === 'string' && (d as Answers)['until']! < today),
  );
  return current.length ? current : undefined;
}
