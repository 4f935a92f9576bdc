import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import type { Logger } from 'pino';
import { AuditRepository } from '../audit/audit.repository.js';
import { InputError, NotFoundError } from '../common/errors.js';
import type { PgEvents } from '../database/pg-events.js';
import { Transactions } from '../database/transactions.js';
import type { AccessScope } from '../identity/access.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { LOGGER, PG_EVENTS, PLUGIN_REGISTRY, REFERENCE } from '../tokens.js';
import {
  toRowAdminView,
  type AddReferenceRowDto,
  type ChangeReferenceRowDto,
  type ReferenceRowAdminView,
  type ReferenceSetAdminView,
} from './reference-admin.dto.js';
import { ReferenceAdminRepository, type AdminRowRecord } from './reference-admin.repository.js';
import { changeProblems, newRowProblems, type SetFacts } from './reference-admin.rules.js';
import type { ReferenceCatalogue } from './reference-catalogue.js';
import { findReferenceSet } from './reference-data/index.js';

const CHANNEL = 'cop_reference_changed';
/** How stale an instance's catalogue may get if a change notification is missed. */
export const REFERENCE_REFRESH_MS = 30_000;

/** Today as reference validity counts it (UTC dates, as the catalogue and the form engine do). */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Admins add reference rows and end-date them at runtime. Each change is one transaction with its
 * audit entry; then this instance reloads its catalogue at once and the others when PostgreSQL's
 * NOTIFY reaches them (at the latest on their next check, every {@link REFERENCE_REFRESH_MS}).
 */
@Injectable()
export class ReferenceAdminService implements OnApplicationBootstrap {
  private loadedVersion = '';
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly rowsRepository: ReferenceAdminRepository,
    private readonly transactions: Transactions,
    private readonly audits: AuditRepository,
    @Inject(REFERENCE) private readonly catalogue: ReferenceCatalogue,
    @Inject(PLUGIN_REGISTRY) private readonly registry: PluginRegistry,
    @Inject(PG_EVENTS) private readonly events: PgEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.events.listen(
      CHANNEL,
      () => void this.refresh(),
      () => this.refresh(),
    );
    // The boot loaded the catalogue a moment ago; a change made since then is picked up here.
    await this.refresh();
  }

  /** Every row of the set, retired ones too, with the workflows an added row may be offered to. */
  async list(setId: string): Promise<ReferenceSetAdminView> {
    const summary = this.catalogue.summary(setId);
    if (!summary) throw new NotFoundError(`There is no reference data set "${setId}"`);
    const facts = this.facts(setId, []);
    const now = today();
    return {
      set: summary,
      locked: facts.locked ?? null,
      workflows: facts.workflows.map((id) => ({ id, title: this.registry.get(id)?.manifest?.title ?? id })),
      rows: (await this.rowsRepository.rows(setId)).map((row) => toRowAdminView(row, now)),
    };
  }

  async add(scope: AccessScope, setId: string, dto: AddReferenceRowDto, ip: string): Promise<ReferenceRowAdminView> {
    if (!this.catalogue.summary(setId))
      throw new InputError('Check the row', [{ path: 'set', message: `There is no reference data set "${setId}"` }]);
    const facts = this.facts(setId, await this.rowsRepository.rows(setId));
    const errors = newRowProblems(dto, facts, today());
    if (errors.length > 0) throw new InputError('Check the row', errors);
    const row = {
      setId,
      id: dto.id,
      label: dto.label,
      validFrom: dto.validFrom ?? today(),
      validTo: dto.validTo ?? null,
      parent: dto.parent ?? null,
      attributes: (dto.attributes as Record<string, string | number | boolean> | undefined) ?? null,
      flags: facts.perWorkflow ? [...dto.workflows!].sort() : null,
      addedBy: scope.userId,
    };
    await this.transactions.run(async (manager) => {
      if (!(await this.rowsRepository.insert(manager, row)))
        throw new InputError('Check the row', [
          { path: 'id', message: `The set already has a row with the id ${row.id}` },
        ]);
      await this.rowsRepository.touch(manager, setId);
      const { id, label, validFrom, validTo, parent, attributes, flags } = row;
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'reference-row.added',
          entityType: 'reference-row',
          entityId: `${setId}/${id}`,
          ip,
          detail: { set: setId, row: { id, label, validFrom, validTo, parent, attributes, workflows: flags } },
        },
      ]);
    });
    await this.changed();
    return this.viewOf(setId, row.id);
  }

  async change(
    scope: AccessScope,
    setId: string,
    rowId: string,
    dto: ChangeReferenceRowDto,
    ip: string,
  ): Promise<ReferenceRowAdminView> {
    if (!this.catalogue.summary(setId)) throw new NotFoundError(`There is no reference data set "${setId}"`);
    const facts = this.facts(setId, []);
    await this.transactions.run(async (manager) => {
      const row = await this.rowsRepository.lockRow(manager, setId, rowId);
      if (!row) throw new NotFoundError(`There is no row "${rowId}" in the set "${setId}"`);
      const errors = changeProblems(dto, row, facts);
      if (errors.length > 0) throw new InputError('Check the change', errors);
      const validTo = dto.validTo === undefined ? row.validTo : dto.validTo;
      if (row.source === 'seed') {
        if (dto.validTo !== undefined) await this.rowsRepository.endSeedRow(manager, setId, rowId, dto.validTo);
      } else {
        await this.rowsRepository.updateAdminRow(manager, setId, rowId, {
          label: dto.label ?? row.label,
          validTo,
          flags: dto.workflows ? [...dto.workflows].sort() : row.flags,
        });
      }
      await this.rowsRepository.touch(manager, setId);
      const after = await this.rowsRepository.row(setId, rowId, manager);
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'reference-row.changed',
          entityType: 'reference-row',
          entityId: `${setId}/${rowId}`,
          ip,
          detail: { set: setId, id: rowId, source: row.source, ...difference(row, after!) },
        },
      ]);
    });
    await this.changed();
    return this.viewOf(setId, rowId);
  }

  /** Reloads the catalogue if any set changed since it was loaded (on notification, and as a fallback). */
  @Interval('reference-refresh', REFERENCE_REFRESH_MS)
  refresh(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      try {
        const version = await this.rowsRepository.version();
        if (version === this.loadedVersion) return;
        await this.catalogue.load(this.rowsRepository.catalogueSource());
        this.loadedVersion = version;
      } catch (error: unknown) {
        this.logger.warn({ err: error }, 'reference data reload failed');
      }
    });
    return this.reloading;
  }

  /** After a change: this instance's catalogue at once, the others on notification. */
  private async changed(): Promise<void> {
    await this.refresh();
    await this.events
      .notify(CHANNEL, '')
      .catch((error: unknown) => this.logger.warn({ err: error }, 'reference change announce failed'));
  }

  private facts(setId: string, rows: readonly AdminRowRecord[]): SetFacts {
    const locked = findReferenceSet(setId)?.adminLocked;
    return {
      perWorkflow: this.catalogue.summary(setId)?.perWorkflow ?? false,
      ...(locked ? { locked } : {}),
      workflows: this.registry
        .usable()
        .filter((p) => p.manifest.reference?.uses?.[setId] !== undefined)
        .map((p) => p.id)
        .sort(),
      rows: new Map(rows.map((r) => [r.id, r])),
    };
  }

  private async viewOf(setId: string, rowId: string): Promise<ReferenceRowAdminView> {
    return toRowAdminView((await this.rowsRepository.row(setId, rowId))!, today());
  }
}

/** The audit's before and after: only what the change altered. */
function difference(before: AdminRowRecord, after: AdminRowRecord): Record<string, unknown> {
  const keys = ['label', 'validTo', 'flags'] as const;
  const changed = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}
