import { ReadModelSync } from '../../read-model/read-model-sync.js';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditRepository } from '../../audit/audit.repository.js';
import { InputError, NotFoundError, UnauthenticatedError } from '../../common/errors.js';
import type { EnvConfig } from '../../config/env.config.js';
import { Transactions } from '../../database/transactions.js';
import { answerInstant } from '../../sdk/answers.js';
import type { AccessScope } from '../../identity/access.js';
import { UserRepository } from '../../identity/user.repository.js';
import { NotificationHub } from '../../notifications/notification-hub.js';
import { NotificationsRepository } from '../../notifications/notifications.repository.js';
import type { PluginRegistry } from '../../plugins/plugin-registry.js';
import { CasesRepository } from '../../cases/cases.repository.js';
import { SubmissionService } from '../../cases/submission.service.js';
import { indexedTerms } from '../../cases/term-index.js';
import { compileForm, type FormDefinition } from '../../forms/engine/index.js';
import { termDictionary } from '../../terms/term-dictionary.js';
import type { ReferenceCatalogue } from '../../terms/reference-catalogue.js';
import { CONFIG, LOGGER, PLUGIN_REGISTRY, REFERENCE } from '../../tokens.js';
import { CERBERUS_TARGET_MESSAGE, CerberusTargetsRepository } from './cerberus-targets.repository.js';
import { verify } from './signature.js';

export const TARGET_MESSAGE = CERBERUS_TARGET_MESSAGE;

export type TargetReceipt =
  | { status: 'created'; caseId: string; businessKey: string }
  | { status: 'duplicate' | 'ignored-older-version'; caseId: string; businessKey: string; heldVersion: number }
  | { status: 'updated'; caseId: string; businessKey: string; changed: string[] };

/**
 * Targets from Cerberus: signed, idempotent by target id and version, validated with the
 * receiving plugin's start form, filed as a case for the receiving team with an urgent task,
 * and announced live to that team's officers on shift.
 */
@Injectable()
export class CerberusInboundService {
  private systemScope?: AccessScope;

  constructor(
    private readonly submissions: SubmissionService,
    private readonly transactions: Transactions,
    private readonly cases: CasesRepository,
    private readonly targets: CerberusTargetsRepository,
    private readonly audits: AuditRepository,
    private readonly notifications: NotificationsRepository,
    private readonly users: UserRepository,
    private readonly hub: NotificationHub,
    private readonly readModels: ReadModelSync,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Refuses anything not signed with a current secret inside the replay window; stores nothing. */
  authenticate(headers: { timestamp?: string; signature?: string }, rawBody: Buffer | undefined, ip: string): void {
    if (this.config.CERBERUS_SECRETS.length === 0)
      throw new NotFoundError('The Cerberus integration is not configured');
    const verdict = verify(
      this.config.CERBERUS_SECRETS,
      headers,
      rawBody ?? Buffer.alloc(0),
      this.config.CERBERUS_REPLAY_WINDOW_SECONDS,
    );
    if (!verdict.ok) {
      this.logger.warn(
        { ip, reason: verdict.reason, context: 'cerberus' },
        'rejected unsigned or badly signed Cerberus request',
      );
      throw new UnauthenticatedError(`Cerberus request refused: ${verdict.reason}`);
    }
  }

  async receive(message: unknown, ip: string): Promise<TargetReceipt> {
    const { targetId, version } = identify(message);
    const plugin = this.registry.enabled().find((p) => p.manifest.receives?.includes(TARGET_MESSAGE));
    if (!plugin) throw new NotFoundError('No enabled plugin receives Cerberus targets');
    const scope = await this.scope();
    const accepted = await this.submissions.accept(plugin, scope, { answers: message });
    let batch: string | undefined;
    let movedBatches: string[] = [];
    const receipt = await this.transactions.run(async (manager): Promise<TargetReceipt> => {
      if (await this.targets.claim(manager, targetId, version)) {
        const view = await this.submissions.storeWith(manager, accepted, scope, { answers: message, ip });
        await this.targets.record(manager, targetId, version, view.id);
        batch = (
          await this.notifications.toAudience(
            manager,
            { teamIds: view.teamId ? [view.teamId] : [], onShiftOnly: true },
            {
              kind: 'cerberus.target',
              title: `New target for your team: ${view.businessKey}`,
              body: this.describe(accepted.answers),
              caseId: view.id,
              urgent: true,
            },
          )
        ).batchId;
        return { status: 'created', caseId: view.id, businessKey: view.businessKey };
      }
      const held = (await this.targets.lock(manager, targetId))!;
      const current = (await this.cases.findVisible(manager, held.caseId, { ...scope, all: true }))!;
      if (version <= held.version) {
        const status = version === held.version ? 'duplicate' : 'ignored-older-version';
        return { status, caseId: held.caseId, businessKey: current.businessKey, heldVersion: held.version };
      }
      const changed = changedFields(current.answers, accepted.answers);
      const labels = changed.map((name) => fieldLabel(accepted.form, name));
      const movedTo = accepted.teamId && accepted.teamId !== current.teamId ? accepted.teamId : null;
      await this.cases.replaceAnswers(
        manager,
        held.caseId,
        accepted.answers,
        indexedTerms(accepted.form, accepted.answers),
      );
      await this.targets.record(manager, targetId, version, held.caseId);
      // A new receiving team takes the case and the open tasks its team held (claims are released).
      const movedTasks = movedTo ? await this.targets.moveToTeam(manager, held.caseId, current.teamId, movedTo) : 0;
      await this.readModels.sync(manager, current.pluginId, held.caseId);
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'case.updated',
          entityType: 'case',
          entityId: held.caseId,
          caseId: held.caseId,
          ip,
          detail: {
            source: 'cerberus',
            targetId,
            fromVersion: held.version,
            toVersion: version,
            changed,
            before: pick(current.answers, changed),
            after: pick(accepted.answers, changed),
            ...(movedTo ? { movedFromTeam: current.teamId, movedToTeam: movedTo, movedTasks } : {}),
          },
        },
      ]);
      const updated = {
        kind: 'cerberus.target-updated',
        title: `Target ${current.businessKey} updated (version ${version})`,
        body: `Changed: ${labels.join(', ') || 'nothing officers see'}`,
        caseId: held.caseId,
        urgent: true,
      };
      // The team that held it hears what changed (including that it moved); a new team gets it as new.
      const batches = [
        await this.notifications.toAudience(
          manager,
          { teamIds: current.teamId ? [current.teamId] : [], onShiftOnly: true },
          movedTo ? { ...updated, body: `${updated.body}. It is now with ${this.teamName(movedTo)}` } : updated,
        ),
      ];
      if (movedTo)
        batches.push(
          await this.notifications.toAudience(
            manager,
            { teamIds: [movedTo], onShiftOnly: true },
            {
              kind: 'cerberus.target',
              title: `Target moved to your team: ${current.businessKey}`,
              body: this.describe(accepted.answers),
              caseId: held.caseId,
              urgent: true,
            },
          ),
        );
      movedBatches = batches.map((b) => b.batchId).filter((b): b is string => typeof b === 'string');
      return { status: 'updated', caseId: held.caseId, businessKey: current.businessKey, changed };
    });
    if (batch) this.hub.publish(batch);
    for (const b of movedBatches) this.hub.publish(b);
    this.logger.info({ context: 'cerberus', targetId, version, status: receipt.status }, 'Cerberus target received');
    return receipt;
  }

  /** "Category A target at Port of Dover, due 26 Nov 2026, 18:30 (RoRo accompanied freight)". */
  private describe(a: Record<string, unknown>): string {
    const label = (set: string, id: unknown) => (typeof id === 'string' ? (this.reference.label(set, id) ?? id) : '?');
    const eta = typeof a.eta === 'string' ? ukDateTime(a.eta) : undefined;
    return `Category ${String(a.category ?? '?')} target at ${label('ports', a.port)}${eta ? `, due ${eta}` : ''} (${label('transport-modes', a.mode)})`;
  }

  private teamName(teamId: string): string {
    return this.reference.label('teams', teamId) ?? teamId;
  }

  private async scope(): Promise<AccessScope> {
    if (this.systemScope) return this.systemScope;
    const user = await this.users.findByUsername('cerberus');
    if (!user) throw new Error('The cerberus system user is missing');
    this.systemScope = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      teams: [],
      visibleTeams: [],
      all: false,
      shift: null,
      homeTeam: null,
      workingTeam: null,
    };
    return this.systemScope;
  }
}

function identify(message: unknown): { targetId: string; version: number } {
  const m = (typeof message === 'object' && message !== null ? message : {}) as Record<string, unknown>;
  const errors = [];
  if (typeof m.targetId !== 'string' || m.targetId.trim() === '')
    errors.push({ path: 'targetId', message: 'Enter the target id' });
  if (!Number.isInteger(m.targetVersion) || (m.targetVersion as number) < 1)
    errors.push({ path: 'targetVersion', message: 'Target version must be a whole number, 1 or more' });
  if (errors.length > 0) throw new InputError('There is a problem', errors);
  return { targetId: m.targetId as string, version: m.targetVersion as number };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys]
    .filter((k) => k !== 'targetVersion' && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort();
}

/** The question's label ("Vessel name", "ETA"), for officers; the field name if the form has no such field. */
function fieldLabel(form: FormDefinition, name: string): string {
  return compileForm(form, termDictionary).root.fields.find((f) => f.name === name)?.label ?? name;
}

function pick(answers: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, answers[k] ?? null]));
}

const UK = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

function ukDateTime(value: string): string | undefined {
  try {
    return UK.format(answerInstant(value));
  } catch {
    return undefined;
  }
}
