import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { AuditRepository } from '../audit/audit.repository.js';
import { ForbiddenError, InputError } from '../common/errors.js';
import type { EnvConfig } from '../config/env.config.js';
import { termValues, validateSubmission } from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { standardTerms } from '../terms/standard-terms.js';
import { CONFIG, LOGGER, REFERENCE } from '../tokens.js';
import { runHook } from './case-errors.js';
import { nextBusinessKey } from './case-key.js';
import type { CaseRecord } from './case.types.js';
import { CasesRepository } from './cases.repository.js';
import { CaseEvents } from './case-events.js';
import { DraftsRepository } from './drafts.repository.js';
import { OutboxRepository } from './outbox.repository.js';
import { PluginLookup } from './plugin-lookup.js';
import { TasksRepository } from './tasks.repository.js';
import { firstState, tasksOnEntering, workflowOf } from './workflow-runtime.js';

export interface SubmitInput {
  answers: unknown;
  draftId?: string;
  /** Business keys of cases this one follows from (e.g. the target an event came from). */
  linkedTo?: string[];
  idempotencyKey?: string;
  ip?: string;
}

/**
 * A submission is one transaction: case row, term index, tasks, audit entry, outbox event,
 * the plugin's own records (its onSubmit hook) and the draft's removal commit together or not at all.
 */
@Injectable()
export class SubmissionService {
  constructor(
    private readonly plugins: PluginLookup,
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly drafts: DraftsRepository,
    private readonly events: CaseEvents,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async submit(pluginId: string, scope: AccessScope, input: SubmitInput): Promise<{ record: CaseRecord; replayed: boolean }> {
    const plugin = this.plugins.enabled(pluginId);
    const startRoles = plugin.manifest.startRoles ?? ['officer'];
    if (!scope.roles.some((r) => startRoles.includes(r))) throw new ForbiddenError(`Your role cannot start a ${plugin.manifest.title}`);
    if (input.idempotencyKey) {
      const earlier = await this.cases.findByIdempotencyKey(scope.userId, input.idempotencyKey);
      if (earlier) return { record: earlier, replayed: true };
    }
    const form = this.plugins.startForm(plugin);
    const now = new Date();
    const result = validateSubmission(form, input.answers, { terms: standardTerms, reference: this.reference.lookup, now, workflow: pluginId });
    if (!result.valid) throw new InputError('There is a problem', result.errors);
    const links = await this.resolveLinks(input.linkedTo ?? [], scope);
    const businessKey = await nextBusinessKey(this.cases.dataSource, this.config.CASE_KEY_PREFIX, now);
    const workflow = workflowOf(plugin.manifest);
    const state = firstState(workflow, form, result.answers);
    const teamFrom = plugin.manifest.teamFrom ? result.answers[plugin.manifest.teamFrom] : undefined;
    const teamId = typeof teamFrom === 'string' ? teamFrom : scope.workingTeam;
    try {
      const caseId = await this.cases.transaction(async (manager) => {
        const created = await this.cases.insert(manager, {
          businessKey,
          pluginId,
          formId: form.id,
          formVersion: form.version,
          answers: result.answers,
          state,
          teamId,
          createdBy: scope.userId,
          idempotencyKey: input.idempotencyKey ?? null,
        });
        const terms = termValues(form, result.answers, standardTerms).map((t) => ({
          ...t,
          value: typeof t.value === 'string' ? t.value : JSON.stringify(t.value),
        }));
        await this.cases.insertTerms(manager, created.id, terms);
        for (const link of links) await this.cases.insertLink(manager, link, created.id, 'led-to');
        await this.tasks.insert(manager, tasksOnEntering(workflow, state, { id: created.id, pluginId, teamId }, now));
        await AuditRepository.append(manager, [
          {
            actorId: scope.userId,
            actor: scope.username,
            action: 'case.created',
            entityType: 'case',
            entityId: created.id,
            caseId: created.id,
            ip: input.ip,
            detail: { businessKey, pluginId, formId: form.id, formVersion: form.version, state, after: result.answers },
          },
        ]);
        await OutboxRepository.enqueue(manager, [
          { topic: 'case.submitted', key: `case.submitted:${created.id}`, caseId: created.id, payload: { caseId: created.id, businessKey, pluginId, teamId } },
        ]);
        if (input.draftId) await this.drafts.remove(manager, input.draftId, scope.userId);
        const hook = plugin.manifest.hooks?.onSubmit;
        if (hook) {
          await runHook(pluginId, 'onSubmit', () =>
            hook({
              pluginId,
              logger: plugin.logger,
              manager,
              case: {
                id: created.id,
                businessKey,
                pluginId,
                formId: form.id,
                formVersion: form.version,
                state,
                teamId,
                createdBy: scope.userId,
                createdAt: created.createdAt,
                answers: result.answers,
              },
            }),
          );
        }
        return created.id;
      });
      this.events.caseChanged({ caseId, pluginId, teamId, kind: 'created' });
      const record = await this.cases.findVisible(caseId, { ...scope, all: true });
      return { record: record!, replayed: false };
    } catch (error: unknown) {
      // Two requests with one Idempotency-Key raced: the loser answers with the winner's case.
      if (input.idempotencyKey && (error as { constraint?: string }).constraint === 'case_idempotency') {
        const earlier = await this.cases.findByIdempotencyKey(scope.userId, input.idempotencyKey);
        if (earlier) return { record: earlier, replayed: true };
      }
      this.logger.debug({ err: error, pluginId }, 'submission rolled back');
      throw error;
    }
  }

  private async resolveLinks(keys: string[], scope: AccessScope): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, key] of keys.entries()) {
      const found = await this.cases.findVisibleByKey(key, scope);
      if (!found) throw new InputError('There is a problem', [{ path: `linkedTo[${i}]`, message: `There is no case ${key} that you can see` }]);
      ids.push(found.id);
    }
    return ids;
  }
}
