import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AttachmentsService } from '../attachments/attachments.service.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { CaseViewService } from '../cases/case-view.service.js';
import type { CaseView } from '../cases/case-view.dto.js';
import type { EnvConfig } from '../config/env.config.js';
import type { AccessScope } from '../identity/access.js';
import type { ReferenceCatalogue } from '../terms/reference-catalogue.js';
import { CONFIG, REFERENCE } from '../tokens.js';
import { compileReportTemplate, renderReportPdf, type CompiledReport } from './pipeline/index.js';
import { reportsRoot } from './pipeline/report-assets.js';
import { ReportRunsRepository } from './report-runs.repository.js';
import type { PdfDownload } from './reports.service.js';

const TEMPLATE = 'case/evidence-pack.hbs';

/** One case as an evidence-pack PDF: answers, photos, state, tasks, timeline and comments. */
@Injectable()
export class CasePdfService {
  private compiled?: CompiledReport;

  constructor(
    private readonly views: CaseViewService,
    private readonly attachments: AttachmentsService,
    private readonly runs: ReportRunsRepository,
    private readonly audits: AuditRepository,
    @Inject(CONFIG) private readonly config: EnvConfig,
    @Inject(REFERENCE) private readonly reference: ReferenceCatalogue,
  ) {}

  /** The case's PDF if the caller may see the case (404 otherwise), the download audited. */
  async pdf(caseId: string, scope: AccessScope, ip: string): Promise<PdfDownload> {
    const record = await this.views.findOr404(caseId, scope);
    const view = await this.views.build(record, scope);
    // Photos whose scan is clean (or that no scanner could check), never one still quarantined.
    const { pictures, unreadable } = await this.attachments.casePictures(record.id);
    await this.audits.append(undefined, [
      {
        actorId: scope.userId,
        actor: scope.username,
        action: 'case.pdf-downloaded',
        entityType: 'case',
        entityId: record.id,
        caseId: record.id,
        ip,
        detail: { photos: pictures.map((p) => p.ref) },
      },
    ]);
    const generatedBy = (await this.runs.displayName(scope.userId)) ?? scope.username;
    const compiled = (this.compiled ??= compileReportTemplate(readFileSync(join(reportsRoot(), TEMPLATE), 'utf8'), {
      name: `reports/${TEMPLATE}`,
    }));
    return {
      fileName: `${view.businessKey}.pdf`,
      render: (out) =>
        renderReportPdf(
          compiled,
          {
            data: {
              ...this.data(view),
              photos: pictures.map((p) => ({ ref: p.ref, caption: p.caption })),
              unreadablePhotos: unreadable,
            },
            images: new Map(pictures.map((p) => [p.ref, p.image])),
            meta: {
              title: `${view.pluginTitle} ${view.businessKey}`,
              subject: 'Case evidence pack',
              author: 'Border Force',
              generatedBy,
              generatedAt: new Date(),
              parameters: [{ label: 'Case', value: view.businessKey }],
              marking: this.config.SECURITY_MARKING,
            },
          },
          out,
        ),
    };
  }

  private data(view: CaseView): Record<string, unknown> {
    const team = (id: string | null) => (id ? (this.reference.label('teams', id) ?? id) : '');
    return {
      case: {
        businessKey: view.businessKey,
        pluginTitle: view.pluginTitle,
        stateLabel: view.stateLabel,
        teamName: view.teamName ?? '',
        createdBy: view.createdBy.name,
        createdAt: view.createdAt,
        updatedAt: view.updatedAt,
      },
      summary: view.summary.map((row) => ({ label: row.label, displayValue: row.displayValue })),
      tasks: view.tasks.map((t) => ({
        title: t.title,
        status: humanise(t.status),
        priority: humanise(t.priority),
        team: team(t.teamId),
        assignee: t.assignee?.name ?? 'Not assigned',
        dueAt: t.dueAt,
      })),
      links: view.links,
      timeline: view.timeline.map((e) => ({ at: e.at, actor: e.actor, what: describe(e.action, e.detail) })),
      comments: view.comments,
    };
  }
}

function humanise(value: string): string {
  const words = value.replace(/[._-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "case.transitioned" with `{ to: 'reviewed' }` → "Case transitioned (to reviewed)". */
function describe(action: string, detail: Record<string, unknown>): string {
  const to = typeof detail.to === 'string' ? ` (to ${humanise(detail.to).toLowerCase()})` : '';
  return `${humanise(action)}${to}`;
}
