import { ReadModelSync } from '../read-model/read-model-sync.js';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { ConflictError, ForbiddenError, InputError, UnprocessableError } from '../common/errors.js';
import { Transactions } from '../database/transactions.js';
import { validateSubmission, type FormDefinition } from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import { ReceivedMessages } from '../integrations/received.js';
import type { RelatedCase } from '../sdk/manifest.js';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { LOGGER, REFERENCE } from '../tokens.js';
import { assertActionAllowed, CaseActionsService } from './case-actions.service.js';
import { runHook } from './case-errors.js';
import { CaseKeys } from './case-key.js';
import { CaseViewService } from './case-view.service.js';
import type { CaseView } from './case-view.dto.js';
import type { CaseRecord } from './case.types.js';
import { CasesRepository } from './cases.repository.js';
import { requestFingerprint } from './idempotency.js';
import { DraftsRepository } from './drafts.repository.js';
import { DraftsService } from './drafts.service.js';
import { OutboxRepository } from './outbox.repository.js';
import { PluginLookup } from './plugin-lookup.js';
import { indexedTerms } from './term-index.js';
import { firstState, tasksOnEntering, workflowOf } from './workflow-runtime.js';

export interface SubmitInput {
  answers: unknown;
  draftId?: string;
  /** Business keys of cases this one follows from (e.g. the target an event came from). */
  linkedTo?: string[];
  idempotencyKey?: string;
  /** What the keyed request asked for (idempotency.ts); set by submit. */
  fingerprint?: string;
  ip?: string;
}

/** A validated submission, ready to store. */
export interface Accepted {
  plugin: UsablePlugin;
  form: FormDefinition;
  answers: Record<string, unknown>;
  state: string;
  teamId: string;
  /** The cases named in `linkedTo`, as the submitter may see them. */
  links: CaseRecord[];
  now: Date;
  /** The day's business-key base, fetched before the transaction (never while holding its connection). */
  key: { keyPrefix: string; base: number; reserved?: string | null };
}

/**
 * A submission is one transaction: case row, term index, tasks, audit entry, outbox event,
 * the plugin's own records (its onSubmit hook), the draft's removal and the change notification
 * commit together or not at all.
 */
@Injectable()
export class SubmissionService {
  constructor(
    private readonly plugins: PluginLookup,
    private readonly transactions: Transactions,
    private readonly cases: CasesRepository,
    private readonly drafts: DraftsRepository,
    private readonly outbox: OutboxRepository,
    private readonly received: ReceivedMessages,
    private readonly keys: CaseKeys,
    private readonly views: CaseViewService,
    private readonly actions: CaseActionsService,
    private readonly readModels: ReadModelSync,
    private readonly attachments: AttachmentsService,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly draftsService: DraftsService,
  ) {}

  async submit(
    pluginId: string,
    scope: AccessScope,
    input: SubmitInput,
  ): Promise<{ view: CaseView; replayed: boolean }> {
    const plugin = this.plugins.enabled(pluginId);
    const startRoles = plugin.manifest.startRoles ?? ['officer'];
    if (!scope.roles.some((r) => startRoles.includes(r)))
      throw new ForbiddenError(`Your role cannot start a ${plugin.manifest.title}`);
    const fingerprint = input.idempotencyKey
      ? requestFingerprint({ pluginId, answers: input.answers, draftId: input.draftId, linkedTo: input.linkedTo })
      : undefined;
    if (input.idempotencyKey) {
      const earlier = await this.cases.findByIdempotencyKey(scope.userId, input.idempotencyKey);
      if (earlier) return this.replay(earlier, pluginId, fingerprint!, scope);
    }
    const accepted = await this.accept(plugin, scope, input);
    try {
      return { view: await this.store(accepted, scope, { ...input, fingerprint }), replayed: false };
    } catch (error: unknown) {
      // Two requests with one Idempotency-Key raced: the loser answers with the winner's case.
      if (input.idempotencyKey && (error as { constraint?: string }).constraint === 'case_idempotency') {
        const earlier = await this.cases.findByIdempotencyKey(scope.userId, input.idempotencyKey);
        if (earlier) return this.replay(earlier, pluginId, fingerprint!, scope);
      }
      this.logger.debug({ err: error, pluginId }, 'submission rolled back');
      throw error;
    }
  }

  /**
   * The case first created with this Idempotency-Key, when this request is the same one again;
   * the key reused for another workflow or another body is refused, naming which.
   */
  private async replay(
    earlier: CaseRecord & { idempotencyFingerprint?: string | null },
    pluginId: string,
    fingerprint: string,
    scope: AccessScope,
  ): Promise<{ view: CaseView; replayed: boolean }> {
    // Cases stored before fingerprints were kept replay as they always did.
    if (earlier.idempotencyFingerprint && earlier.idempotencyFingerprint !== fingerprint) {
      const message =
        earlier.pluginId !== pluginId
          ? `This Idempotency-Key was already used for case ${earlier.businessKey} of another workflow (${earlier.pluginId}); use a new key for a new submission`
          : `This Idempotency-Key was already used for case ${earlier.businessKey} with a different body; send the same request to repeat it, or use a new key`;
      throw new UnprocessableError('This Idempotency-Key was used for a different request', [
        { path: 'idempotency-key', message },
      ]);
    }
    return { view: await this.views.build(earlier, scope), replayed: true };
  }

  /** Validates the answers against the start form and works out the first state and owning team. */
  async accept(plugin: UsablePlugin, scope: AccessScope, input: SubmitInput): Promise<Accepted> {
    const form = this.plugins.startForm(plugin);
    const now = new Date();
    const result = validateSubmission(form, input.answers, {
      terms: termDictionary,
      reference: this.reference.lookup,
      now,
      workflow: plugin.id,
      attachments: await this.attachments.draftLookup(scope.userId, input.draftId, form),
      prefilled: await this.draftsService.readonlyAnswers(plugin.id, form, scope),
    });
    if (!result.valid) throw new InputError('There is a problem', result.errors);
    const links = await this.resolveLinks(input.linkedTo ?? [], scope);
    return {
      plugin,
      form,
      answers: result.answers,
      state: firstState(workflowOf(plugin.manifest), form, result.answers),
      teamId: owningTeam(plugin, result.answers, scope),
      links,
      now,
      key: {
        ...(await this.keys.forDay(now)),
        // A form showing its reference at the top reserved a key for its draft: the case takes it.
        reserved:
          form.caseReference && input.draftId
            ? ((await this.drafts.find(scope.userId, input.draftId))?.businessKey ?? null)
            : null,
      },
    };
  }

  private async store(a: Accepted, scope: AccessScope, input: SubmitInput): Promise<CaseView> {
    return this.transactions.run((manager) => this.storeWith(manager, a, scope, input));
  }

  /** Stores an accepted submission inside the caller's transaction (integrations add their own rows). */
  async storeWith(manager: EntityManager, a: Accepted, scope: AccessScope, input: SubmitInput): Promise<CaseView> {
    const pluginId = a.plugin.id;
    const terms = indexedTerms(a.form, a.answers);
    const workflow = workflowOf(a.plugin.manifest);
    const firstTasks = tasksOnEntering(workflow, a.state, { id: '', pluginId, teamId: a.teamId }, a.now);
    const created = await this.cases.insertWithIndex(
      manager,
      {
        keyPrefix: a.key.keyPrefix,
        keyBase: a.key.base,
        ...(a.key.reserved ? { businessKey: a.key.reserved } : {}),
        pluginId,
        formId: a.form.id,
        formVersion: a.form.version,
        answers: a.answers,
        state: a.state,
        teamId: a.teamId,
        createdBy: scope.userId,
        idempotencyKey: input.idempotencyKey ?? null,
        idempotencyFingerprint: input.fingerprint ?? null,
      },
      terms,
      firstTasks,
      {
        actor: scope.username,
        ip: input.ip ?? null,
        detail: { pluginId, formId: a.form.id, formVersion: a.form.version, state: a.state, after: a.answers },
      },
    );
    const record: CaseRecord = {
      id: created.id,
      businessKey: created.businessKey,
      createdAt: created.createdAt,
      updatedAt: created.updatedAt,
      pluginId,
      formId: a.form.id,
      formVersion: a.form.version,
      answers: a.answers,
      state: a.state,
      teamId: a.teamId,
      assigneeId: null,
      createdBy: scope.userId,
      createdByName: scope.displayName,
      version: 1,
    };
    const links = [...a.links];
    await this.attachments.claimDraft(
      manager,
      { draftId: input.draftId, userId: scope.userId },
      created.id,
      a.form,
      a.answers,
    );
    if (input.draftId) await this.drafts.remove(manager, input.draftId, scope.userId);
    await this.readModels.sync(manager, pluginId, created.id);
    await this.runSubmitHook(manager, a.plugin, record, scope, links);
    for (const link of links) await this.cases.insertLink(manager, link.id, created.id, 'led-to');
    await this.takeLinkedActions(manager, links, record, scope, input.ip);
    return this.views.fresh(
      record,
      created.tasks,
      scope,
      links.map((l) => ({
        id: l.id,
        businessKey: l.businessKey,
        pluginId: l.pluginId,
        kind: 'led-to',
        direction: 'from' as const,
      })),
    );
  }

  /**
   * A linked case whose workflow has an action done by starting a case of this plugin (a target's
   * "Record the outcome") takes it now, in this transaction; from any other state it is refused.
   */
  private async takeLinkedActions(
    manager: EntityManager,
    links: CaseRecord[],
    created: CaseRecord,
    scope: AccessScope,
    ip: string | undefined,
  ): Promise<void> {
    for (const link of links) {
      const plugin = this.plugins.any(link.pluginId);
      const workflow = plugin && workflowOf(plugin.manifest);
      const action = workflow?.actions.find((x) => x.startsCase === created.pluginId);
      if (!plugin || !workflow || !action) continue;
      const current = await this.cases.lockForAction(manager, link.id);
      if (!current) continue;
      assertActionAllowed(workflow, action, { ...link, ...current }, scope, link.businessKey);
      await this.actions.transitionWithin(manager, { ...link, ...current }, plugin, action, scope, {
        version: current.version,
        actionAnswers: null,
        ip,
        detail: { byCase: created.businessKey },
      });
    }
  }

  private async runSubmitHook(
    manager: EntityManager,
    plugin: UsablePlugin,
    c: CaseRecord,
    scope: AccessScope,
    links: CaseRecord[],
  ): Promise<void> {
    const hook = plugin.manifest.hooks?.onSubmit;
    if (!hook) return;
    const related = (r: CaseRecord): RelatedCase => ({
      id: r.id,
      businessKey: r.businessKey,
      pluginId: r.pluginId,
      state: r.state,
      teamId: r.teamId,
      answers: r.answers,
    });
    await runHook(plugin.id, 'onSubmit', () =>
      hook({
        pluginId: plugin.id,
        logger: plugin.logger,
        manager,
        linked: links.map(related),
        received: async (message, id) => {
          const caseId = await this.received.caseId(manager, message, id);
          const found = caseId ? await this.cases.findVisible(manager, caseId, scope) : undefined;
          return found && related(found);
        },
        link: async (caseId) => {
          if (links.some((l) => l.id === caseId)) return;
          const found = await this.cases.findVisible(manager, caseId, scope);
          if (!found) throw new Error(`there is no case ${caseId} that the officer can see`);
          links.push(found);
        },
        emit: (event) => this.outbox.enqueue(manager, [{ ...event, caseId: c.id }]),
        case: {
          id: c.id,
          businessKey: c.businessKey,
          pluginId: c.pluginId,
          formId: c.formId,
          formVersion: c.formVersion,
          state: c.state,
          version: 1,
          teamId: c.teamId,
          createdBy: c.createdBy,
          createdAt: c.createdAt,
          answers: c.answers,
        },
      }),
    );
  }

  private async resolveLinks(keys: string[], scope: AccessScope): Promise<Accepted['links']> {
    const links: Accepted['links'] = [];
    for (const [i, key] of keys.entries()) {
      const found = await this.cases.findVisibleByKey(key, scope);
      if (!found)
        throw new InputError('There is a problem', [
          { path: `linkedTo[${i}]`, message: `There is no case ${key} that you can see` },
        ]);
      if (!links.some((l) => l.id === found.id)) links.push(found);
    }
    return links;
  }
}

/**
 * The team that owns a new case: the team named in the manifest's `teamFrom` answer; else the
 * submitter's shift team (while they may work on it); else their own team, which is what a case
 * submitted over the API without a shift gets. A submitter with none of these would leave the
 * case, and its tasks, to no team: refused (409) before anything is stored.
 */
export function owningTeam(plugin: UsablePlugin, answers: Record<string, unknown>, scope: AccessScope): string {
  const named = plugin.manifest.teamFrom ? answers[plugin.manifest.teamFrom] : undefined;
  const team = typeof named === 'string' ? named : scope.workingTeam;
  if (!team)
    throw new ConflictError(
      `Start a shift before you submit a ${plugin.manifest.title}: your account has no team, so the case would belong to nobody`,
      { reason: 'no-team' },
    );
  return team;
}
