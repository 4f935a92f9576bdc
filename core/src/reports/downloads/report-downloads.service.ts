import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '../../audit/audit.repository.js';
import { ForbiddenError, NotFoundError } from '../../common/errors.js';
import type { AccessScope } from '../../identity/access.js';
import type { ReferenceCatalogue } from '../../terms/reference-catalogue.js';
import { REFERENCE } from '../../tokens.js';
import { DEFAULT_MARKING } from '../pipeline/index.js';
import { mayRun, ReportCatalogue } from '../report-catalogue.js';
import { checkParameters } from '../report-parameters.js';
import { ReportRenderer } from '../report-renderer.js';
import { ReportRunsRepository } from '../report-runs.repository.js';
import { writeCsv, writeXlsx, type DownloadResult } from './download-writers.js';
import { reportTables } from './report-tables.js';

/** The spreadsheet formats a report downloads as. */
export type DownloadFormat = 'csv' | 'xlsx';

export const CONTENT_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A file ready to send: its name and type, and a way to write it. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  write: (out: NodeJS.WritableStream) => Promise<DownloadResult>;
}

/**
 * A report's figures as CSV or XLSX: the same parameters, roles, scope and query as its PDF
 * (`GET /api/reports/:id/pdf`), laid out from the same template, audited the same way.
 */
@Injectable()
export class ReportDownloadsService {
  constructor(
    private readonly catalogue: ReportCatalogue,
    private readonly renderer: ReportRenderer,
    private readonly runs: ReportRunsRepository,
    private readonly audits: AuditRepository,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  /** Checks the request (404, 403, 400 per parameter), audits it, and returns the file to stream. */
  async file(
    key: string,
    format: DownloadFormat,
    input: Record<string, unknown>,
    scope: AccessScope,
    ip: string,
  ): Promise<ReportFile> {
    const definition = this.catalogue.get(key);
    if (!definition) throw new NotFoundError(`There is no report ${key}`);
    if (!mayRun(definition, scope.roles)) throw new ForbiddenError('You do not have permission to run this report');
    const checked = checkParameters(definition.report.parameters ?? [], input, scope, this.reference);
    const request = {
      parameters: checked.values,
      printed: checked.printed,
      scopeTeams: checked.scopeTeams,
      generatedBy: (await this.runs.displayName(scope.userId)) ?? scope.username,
      generatedAt: new Date(),
    };
    await this.audits.append(undefined, [
      {
        actorId: scope.userId,
        actor: scope.username,
        action: 'report.downloaded',
        entityType: 'report-run',
        entityId: definition.key,
        ip,
        detail: { report: definition.key, parameters: checked.values, direct: true, format },
      },
    ]);
    const meta = this.renderer.metaOf(definition, request);
    const marking = meta.marking ?? DEFAULT_MARKING;
    return {
      fileName: fileName(definition.key, checked.values, format),
      contentType: CONTENT_TYPES[format],
      write: (out) =>
        this.renderer.withReportData(definition, request, (data) => {
          const blocks = definition.compiled.buildDocument(data.data, meta);
          const report = { meta, marking, tables: reportTables(blocks, data.rows, meta.title) };
          return format === 'csv' ? writeCsv(report, out) : writeXlsx(report, out);
        }),
    };
  }
}

function fileName(key: string, parameters: Record<string, string>, format: DownloadFormat): string {
  const period = [parameters.from, parameters.to].filter(Boolean).join('-to-') || parameters.month || '';
  return [key.replace(/\./g, '-'), period, parameters.team].filter(Boolean).join('_') + `.${format}`;
}
