import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { Transactions } from '../database/transactions.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';
import { ForbiddenError, InputError, NotFoundError, type FieldError } from '../common/errors.js';
import type { AccessScope } from '../identity/access.js';
import type { ReportParameterDefinition } from '../sdk/manifest.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { REFERENCE } from '../tokens.js';
import { mayRun, ReportCatalogue } from './report-catalogue.js';
import type { ReportDefinition } from './report-definition.js';
import { checkParameters } from './report-parameters.js';
import { cronProblem, nextRunOf, SCHEDULE_TIME_ZONE } from './report-schedule-cron.js';
import { effectiveSchedule, ReportSchedulesService, type StoredSchedule } from './report-schedules.service.js';
import type { ReportScheduleDto } from './report-schedule.dto.js';

const BODY_FIELDS = new Set(['cron', 'enabled', 'parameters']);
/** Parameters every scheduled run fills in itself. */
const FILLED: ReportParameterDefinition['type'][] = ['date', 'month', 'command'];

/**
 * Reading and setting report schedules (cron, enabled, fixed parameters). Writes are audited
 * and announced to every instance, which rebuild their cron job from the table without a restart.
 */
@Injectable()
export class ReportScheduleSettingsService {
  constructor(
    private readonly catalogue: ReportCatalogue,
    private readonly schedules: ReportSchedulesService,
    private readonly scheduleRows: ReportSchedulesRepository,
    private readonly audits: AuditRepository,
    private readonly transactions: Transactions,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  async get(key: string, scope: AccessScope): Promise<ReportScheduleDto> {
    const definition = this.runnable(key, scope);
    const [stored] = await this.schedules.stored(definition.key);
    return toDto(definition, stored);
  }

  /**
   * Sets a report's schedule. Fields left out keep their value; `cron: null` goes back to the
   * report's own schedule. 400 with `{ path, message }` per bad field; nothing is written then.
   */
  async put(key: string, body: unknown, scope: AccessScope, ip: string): Promise<ReportScheduleDto> {
    const definition = this.runnable(key, scope);
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new InputError('There is a problem', [{ path: 'body', message: 'Send the schedule as a JSON object' }]);
    const input = body as Record<string, unknown>;
    const errors: FieldError[] = [];
    for (const field of Object.keys(input))
      if (!BODY_FIELDS.has(field)) errors.push({ path: field, message: `${field} is not a known field` });

    const [before] = await this.schedules.stored(definition.key);
    const current = effectiveSchedule(definition, before);
    let cron = before?.cron ?? null;
    if ('cron' in input) {
      if (input.cron === null) cron = null;
      else {
        const problem = cronProblem(input.cron);
        if (problem) errors.push({ path: 'cron', message: problem });
        else cron = (input.cron as string).trim().replace(/\s+/g, ' ');
      }
    }
    let enabled = current.enabled;
    if ('enabled' in input) {
      if (typeof input.enabled !== 'boolean')
        errors.push({ path: 'enabled', message: 'enabled must be true or false' });
      else enabled = input.enabled;
    }
    let parameters = current.parameters;
    if ('parameters' in input) parameters = this.fixedParameters(definition, input.parameters, scope, errors);
    if (enabled && (cron ?? definition.report.schedule ?? null) === null && !errors.some((e) => e.path === 'cron'))
      errors.push({ path: 'cron', message: 'Enter a cron expression: this report has no schedule of its own' });
    if (enabled && !errors.some((e) => e.path.startsWith('parameters'))) {
      for (const p of definition.report.parameters ?? [])
        if (p.required && !FILLED.includes(p.type) && parameters[p.name] === undefined)
          errors.push({
            path: `parameters.${p.name}`,
            message: `Enter ${p.label.toLowerCase()}: every scheduled run needs it`,
          });
    }
    if (errors.length > 0) throw new InputError('There is a problem', errors);

    await this.transactions.run(async (manager) => {
      await this.scheduleRows.save(manager, {
        reportId: definition.key,
        cron,
        enabled,
        parameters,
        updatedBy: scope.username,
      });
      await this.audits.append(manager, [
        {
          actorId: scope.userId,
          actor: scope.username,
          action: 'report.schedule-changed',
          entityType: 'report-schedule',
          entityId: definition.key,
          ip,
          detail: {
            report: definition.key,
            before: { cron: before?.cron ?? null, enabled: current.enabled, parameters: current.parameters },
            after: { cron, enabled, parameters },
          },
        },
      ]);
    });
    // This instance does not wait for its own notification to answer with the new state.
    await this.schedules.reload(definition.key);
    const [after] = await this.schedules.stored(definition.key);
    return toDto(definition, after);
  }

  /** Fixed values for a schedule: only parameters a run does not fill in, checked by the report's own rules. */
  private fixedParameters(
    definition: ReportDefinition,
    raw: unknown,
    scope: AccessScope,
    errors: FieldError[],
  ): Record<string, string> {
    if (raw === null || raw === undefined) return {};
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ path: 'parameters', message: 'parameters must be an object' });
      return {};
    }
    const input = raw as Record<string, unknown>;
    const definitions = definition.report.parameters ?? [];
    const fixable: ReportParameterDefinition[] = [];
    for (const p of definitions) {
      if (!(p.name in input)) continue;
      if (FILLED.includes(p.type))
        errors.push({
          path: `parameters.${p.name}`,
          message: `${p.label} is filled in for each scheduled run (the previous month, each command)`,
        });
      else if (p.type === 'team')
        errors.push({
          path: `parameters.${p.name}`,
          message: `${p.label} cannot be fixed in a schedule: scheduled runs cover each command in full`,
        });
      else fixable.push({ ...p, required: false });
    }
    const unknown = Object.fromEntries(
      Object.entries(input).filter(([name]) => !definitions.some((d) => d.name === name)),
    );
    const fixableInput = Object.fromEntries(
      Object.entries(input).filter(([name]) => fixable.some((p) => p.name === name)),
    );
    try {
      return checkParameters(fixable, { ...unknown, ...fixableInput }, scope, this.reference).values;
    } catch (error: unknown) {
      if (error instanceof InputError) errors.push(...error.errors);
      else throw error;
      return {};
    }
  }

  private runnable(key: string, scope: AccessScope): ReportDefinition {
    const definition = this.catalogue.get(key);
    if (!definition) throw new NotFoundError(`There is no report ${key}`);
    if (!mayRun(definition, scope.roles)) throw new ForbiddenError('You do not have permission to run this report');
    return definition;
  }
}

function toDto(definition: ReportDefinition, stored: StoredSchedule | undefined): ReportScheduleDto {
  const { cron, enabled, parameters } = effectiveSchedule(definition, stored);
  const next = enabled ? nextRunOf(cron) : null;
  return {
    reportId: definition.key,
    cron,
    defaultCron: definition.report.schedule ?? null,
    enabled,
    parameters,
    timeZone: SCHEDULE_TIME_ZONE,
    nextRun: next ? next.toISOString() : null,
    source: stored ? 'custom' : 'default',
    updatedAt: stored?.updatedAt ?? null,
    updatedBy: stored?.updatedBy ?? null,
  };
}
