import { ReadModelSync } from '../read-model/read-model-sync.js';
import { Inject, Injectable } from '@nestjs/common';
import { AttachmentsService } from '../attachments/attachments.service.js';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import { ConflictError, ForbiddenError, InputError, NotFoundError } from '../common/errors.js';
import { Transactions } from '../database/transactions.js';
import { validateSubmission } from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import type { UsablePlugin } from '../plugins/plugin-registry.js';
import type { WorkflowAction, WorkflowDefinition } from '../sdk/workflow.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { REFERENCE } from '../tokens.js';
import { runHook } from './case-errors.js';
import { CaseViewService } from './case-view.service.js';
import type { CaseView } from './case-view.dto.js';
import type { CaseRecord } from './case.types.js';
import { CasesRepository } from './cases.repository.js';
import { DraftsService } from './drafts.service.js';
import { OutboxRepository } from './outbox.repository.js';
import { PluginLookup } from './plugin-lookup.js';
import { mayTakeAction } from './role-rules.js';
import { TasksRepository } from './tasks.repository.js';
import { indexedTerms } from './term-index.js';
import { stateOf, tasksOnEntering, workflowOf } from './workflow-runtime.js';

export interface ActionInput {
  /** The case version the officer saw; a stale one gets 409. */
  version: number;
  answers?: unknown;
  ip?: string;
}

/** Moves cases through their workflow and records comments, each in one transaction. */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly audits: AuditRepository,
    private readonly outbox: OutboxRepository,
    private readonly plugins: PluginLookup,
    private readonly views: CaseViewService,
    private readonly readModels: ReadModelSync,
    private readonly attachments: AttachmentsService,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
    private readonly drafts: DraftsService,
  ) {}

  async act(caseId: string, actionId: string, scope: AccessScope, input: ActionInput): Promise<CaseView> {
    const record = await this.views.findOr404(caseId, scope);
    const plugin = this.plugins.enabled(record.pluginId);
    const workflow = workflowOf(plugin.manifest);
    const action = workflow.actions.find((a) => a.id === actionId);
    if (!action) throw new NotFoundError(`${plugin.manifest.title} has no action "${actionId}"`);
    if (action.startsCase !== undefined) {
      assertMayTake(action, scope);
      const starts = this.plugins.any(action.startsCase)?.manifest.title ?? action.startsCase;
      throw new InputError('There is a problem', [
        { path: 'action', message: `"${action.label}" is done by starting a ${starts} from this case` },
      ]);
    }
    assertActionAllowed(workflow, action, record, scope, 'This case');
    let actionAnswers: Record<string, unknown> | null = null;
    const form = action.form ? this.plugins.form(plugin, action.form) : undefined;
    if (form) {
      const result = validateSubmission(form, input.answers ?? {}, {
        terms: termDictionary,
        reference: this.reference.lookup,
        now: new Date(),
        workflow: plugin.id,
        attachments: await this.attachments.caseLookup(scope.userId, record.id, form),
        prefilled: await this.drafts.readonlyAnswers(plugin.id, form, scope),
      });
      if (!result.valid) throw new InputError('There is a problem', result.errors);
      actionAnswers = result.answers;
    } else if (input.answers !== undefined && Object.keys(input.answers as object).length > 0) {
      throw new InputError('There is a problem', [{ path: 'answers', message: `"${action.label}" takes no answers` }]);
    }
    await this.transactions.run(async (manager) => {
      await this.transitionWithin(manager, record, plugin, action, scope, {
        version: input.version,
        actionAnswers,
        ip: input.ip,
      });
      if (form && actionAnswers) await this.attachments.attachToCase(manager, record.id, form, actionAnswers);
    });
    return this.views.build((await this.cases.findVisible(undefined, record.id, { ...scope, all: true }))!, scope);
  }

  /**
   * Moves a case along one action inside the caller's transaction: the state (if still at
   * `opts.version`), its open tasks completed, the new state's tasks, the audit entry, the case
   * event and the plugin's onTransition hook. A stale version is a 409.
   */
  async transitionWithin(
    manager: EntityManager,
    record: CaseRecord,
    plugin: UsablePlugin,
    action: WorkflowAction,
    scope: AccessScope,
    opts: {
      version: number;
      actionAnswers: Record<string, unknown> | null;
      ip?: string;
      detail?: Record<string, unknown>;
    },
  ): Promise<void> {
    const { actionAnswers } = opts;
    const workflow = workflowOf(plugin.manifest);
    const now = new Date();
    const version = await this.cases.updateState(manager, record.id, opts.version, action.to, actionAnswers);
    if (version === undefined) {
      const current = await this.cases.currentVersion(manager, record.id);
      throw new ConflictError('Someone else changed this case since you opened it. Reload it and try again', {
        currentVersion: current,
      });
    }
    await this.readModels.sync(manager, plugin.id, record.id);
    if (action.form && actionAnswers) {
      const terms = indexedTerms(this.plugins.form(plugin, action.form), actionAnswers);
      await this.cases.indexActionTerms(manager, record.id, action.id, terms);
    }
    const closed = await this.tasks.completeOpenForCase(manager, record.id);
    await this.tasks.insert(manager, tasksOnEntering(workflow, action.to, record, now), {
      businessKey: record.businessKey,
      state: action.to,
    });
    await this.audits.append(manager, [
      {
        actorId: scope.userId,
        actor: scope.username,
        action: 'case.transitioned',
        entityType: 'case',
        entityId: record.id,
        caseId: record.id,
        ip: opts.ip,
        detail: {
          ...opts.detail,
          action: action.id,
          label: action.label,
          before: { state: record.state },
          after: { state: action.to },
          answers: actionAnswers,
          tasksCompleted: closed.length,
        },
      },
    ]);
    await this.outbox.enqueue(manager, [
      {
        topic: 'case.transitioned',
        status: 'delivered',
        key: `case.transitioned:${record.id}:${version}`,
        caseId: record.id,
        payload: {
          caseId: record.id,
          businessKey: record.businessKey,
          pluginId: plugin.id,
          action: action.id,
          from: record.state,
          to: action.to,
          answers: actionAnswers,
        },
      },
    ]);
    const hook = plugin.manifest.hooks?.onTransition;
    if (hook) {
      await runHook(plugin.id, 'onTransition', () =>
        hook({
          pluginId: plugin.id,
          logger: plugin.logger,
          manager,
          emit: (event) => this.outbox.enqueue(manager, [{ ...event, caseId: record.id }]),
          case: { ...record, state: action.to, version },
          action: { id: action.id, from: record.state, to: action.to },
          actionAnswers,
        }),
      );
    }
  }

  async comment(
    caseId: string,
    body: string,
    scope: AccessScope,
    ip?: string,
  ): Promise<{ id: string; createdAt: Date }> {
    const record = await this.views.findOr404(caseId, scope);
    this.plugins.enabled(record.pluginId);
    const created = await this.transactions.run(async (manager) => {
      const comment = await this.cases.addComment(manager, record.id, scope.userId, body);
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'case.commented',
          entityType: 'comment',
          entityId: comment.id,
          caseId: record.id,
          ip,
          detail: { body },
        },
      ]);
      return comment;
    });
    return created;
  }
}

/** The caller's role may take the action (403 otherwise). */
function assertMayTake(action: WorkflowAction, scope: AccessScope, of = ''): void {
  if (!mayTakeAction(action, scope.roles))
    throw new ForbiddenError(`Your role cannot ${action.label.toLowerCase()}${of}`);
}

/**
 * The caller's role may take the action (403) and the case's state allows it (409 with the
 * current state and version, so the shell can reload). `subject` names the case in the message.
 */
export function assertActionAllowed(
  workflow: WorkflowDefinition,
  action: WorkflowAction,
  c: { id: string; businessKey: string; state: string; version: number },
  scope: AccessScope,
  subject: string,
): void {
  assertMayTake(action, scope, subject === 'This case' ? '' : ` of ${c.businessKey}`);
  if (!action.from.includes(c.state)) {
    const label = stateOf(workflow, c.state)?.label ?? c.state;
    throw new ConflictError(`${subject} is "${label}": "${action.label}" is not possible now`, {
      caseId: c.id,
      currentState: c.state,
      currentVersion: c.version,
    });
  }
}
