import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { InputError, NotFoundError } from '../common/errors.js';
import { summarise } from '../forms/engine/index.js';
import type { AccessScope } from '../identity/access.js';
import { UserRepository } from '../identity/user.repository.js';
import { OutboxDeliveryRepository } from '../integrations/outbox.repository.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { termDictionary } from '../terms/term-dictionary.js';
import { REFERENCE } from '../tokens.js';
import type { CaseListFilter, CaseRecord } from './case.types.js';
import { CasesRepository } from './cases.repository.js';
import { PluginLookup } from './plugin-lookup.js';
import { TasksRepository } from './tasks.repository.js';
import { toTaskView } from './task-view.js';
import type { TaskRecord } from './task.types.js';
import { toDeliveryView, type DeliveryView } from '../integrations/delivery-label.js';
import type { CaseAuditEntry, CaseListPage, CaseView } from './case-view.dto.js';
import { availableActions, stateOf, workflowOf } from './workflow-runtime.js';

/** Builds case views and lists; every view of a case is itself audited. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly tasks: TasksRepository,
    private readonly audits: AuditRepository,
    private readonly users: UserRepository,
    private readonly outbox: OutboxDeliveryRepository,
    private readonly plugins: PluginLookup,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  /** The case if the caller may see it (404 otherwise, so existence does not leak), recording the view. */
  async view(caseId: string, scope: AccessScope, ip?: string): Promise<CaseView> {
    const record = await this.findOr404(caseId, scope);
    await this.audits.append(undefined, [
      {
        actorId: scope.userId,
        actor: scope.username,
        action: 'case.viewed',
        entityType: 'case',
        entityId: record.id,
        caseId: record.id,
        ip,
      },
    ]);
    return this.build(record, scope);
  }

  /**
   * The case's whole audit trail, oldest first: views, changes with what was there before and
   * after, who and from where. Looking at it is itself recorded (and left out of the history).
   */
  async audit(caseId: string, scope: AccessScope, ip?: string): Promise<CaseAuditEntry[]> {
    const record = await this.findOr404(caseId, scope);
    const rows: CaseAuditEntry[] = await this.audits.forCase(record.id);
    await this.audits.append(undefined, [
      {
        actorId: scope.userId,
        actor: scope.username,
        action: 'case.audit-viewed',
        entityType: 'case',
        entityId: record.id,
        caseId: record.id,
        ip,
      },
    ]);
    return this.withAssigneeNames(rows);
  }

  /** Task (re)assignments name the officer, "Morgan Manager (manager)", rather than their account id. */
  private async withAssigneeNames(rows: CaseAuditEntry[]): Promise<CaseAuditEntry[]> {
    const ids = new Set(
      rows
        .flatMap((r) => [r.before?.assigneeId, r.after?.assigneeId])
        .filter((id): id is string => typeof id === 'string'),
    );
    if (!ids.size) return rows;
    const users = await this.users.names([...ids]);
    const names = new Map(users.map((u) => [u.id, `${u.displayName} (${u.username})`]));
    const named = (side: CaseAuditEntry['before']) => {
      if (!side || !('assigneeId' in side)) return side;
      const { assigneeId, ...rest } = side;
      return { assignee: typeof assigneeId === 'string' ? (names.get(assigneeId) ?? assigneeId) : null, ...rest };
    };
    return rows.map((r) => ({ ...r, before: named(r.before), after: named(r.after) }));
  }

  /** Cases the caller may see, newest first, keyset-paged. */
  async list(
    scope: AccessScope,
    filter: Omit<CaseListFilter, 'limit' | 'after'>,
    limit: number,
    cursor?: string,
  ): Promise<CaseListPage> {
    const rows = await this.cases.list(scope, {
      ...filter,
      limit: limit + 1,
      after: cursor ? decodeCursor(cursor) : undefined,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      cases: page.map(({ answers: _answers, ...c }) => c),
      nextCursor:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify([last.createdAt, last.id])).toString('base64url')
          : null,
    };
  }

  async findOr404(caseId: string, scope: AccessScope): Promise<CaseRecord> {
    const record = /^[0-9a-f-]{36}$/i.test(caseId)
      ? await this.cases.findVisible(undefined, caseId, scope)
      : await this.cases.findVisibleByKey(caseId, scope);
    if (!record) throw new NotFoundError(`There is no case ${caseId}`);
    if (!this.plugins.any(record.pluginId)) throw new NotFoundError(`There is no case ${caseId}`);
    return record;
  }

  async build(record: CaseRecord, scope: AccessScope): Promise<CaseView> {
    const [tasks, links, comments, timeline, deliveries] = await Promise.all([
      this.tasks.forCase(record.id),
      this.cases.links(record.id, scope),
      this.cases.comments(record.id),
      this.audits.timeline(record.id),
      this.deliveries(record.id),
    ]);
    return this.assemble(record, scope, { tasks, links, comments, timeline, deliveries });
  }

  /** The view of a case just created, from what the submission holds: no further queries. */
  fresh(record: CaseRecord, tasks: TaskRecord[], scope: AccessScope, links: CaseView['links']): CaseView {
    const created = {
      at: record.createdAt,
      actor: scope.username,
      action: 'case.created',
      detail: { businessKey: record.businessKey, state: record.state },
    };
    return this.assemble(record, scope, { tasks, links, comments: [], timeline: [created], deliveries: [] });
  }

  /** The case's own fields, state and answers as the shell shows them, plus its related records. */
  private assemble(
    record: CaseRecord,
    scope: AccessScope,
    related: Pick<CaseView, 'links' | 'comments' | 'timeline' | 'deliveries'> & { tasks: TaskRecord[] },
  ): CaseView {
    const plugin = this.plugins.any(record.pluginId)!;
    const workflow = workflowOf(plugin.manifest);
    const state = stateOf(workflow, record.state);
    const form = this.plugins.forms.version(record.pluginId, record.formId, record.formVersion);
    return {
      id: record.id,
      businessKey: record.businessKey,
      pluginId: record.pluginId,
      pluginTitle: plugin.manifest.title,
      formId: record.formId,
      formVersion: record.formVersion,
      state: record.state,
      stateLabel: state?.label ?? record.state,
      terminal: state?.terminal ?? false,
      teamId: record.teamId,
      teamName: record.teamId ? (this.reference.label('teams', record.teamId) ?? record.teamId) : null,
      createdBy: { id: record.createdBy, name: record.createdByName },
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
      version: record.version,
      answers: record.answers,
      summary: form ? summarise(form, record.answers, { terms: termDictionary, reference: this.reference.lookup }) : [],
      actions: availableActions(workflow, record.state, scope.roles)
        .filter((a) => a.startsCase === undefined || this.canStart(a.startsCase, scope))
        .map((a) => ({
          id: a.id,
          label: a.label,
          form: a.form ?? null,
          ...(a.startsCase === undefined ? {} : { startsCase: a.startsCase }),
        })),
      ...related,
      tasks: related.tasks.map((t) => toTaskView(t, scope)),
    };
  }

  /** Whether the caller may start a case of an enabled plugin (an action done by starting one). */
  private canStart(pluginId: string, scope: AccessScope): boolean {
    const plugin = this.plugins.any(pluginId);
    if (!plugin || !this.plugins.isEnabled(pluginId)) return false;
    const roles = plugin.manifest.startRoles ?? ['officer'];
    return scope.roles.some((r) => roles.includes(r));
  }

  private async deliveries(caseId: string): Promise<DeliveryView[]> {
    return (await this.outbox.forCase(caseId)).map(toDeliveryView);
  }
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // not a cursor of ours
  }
  throw new InputError('Check the request', [
    { path: 'cursor', message: 'The page cursor is not valid; start from the first page' },
  ]);
}
