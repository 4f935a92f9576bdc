import type { Provider, Type } from '@nestjs/common';
import { CasePdfController } from './case-pdf.controller.js';
import { CasePdfService } from './case-pdf.service.js';
import { DashboardController } from '../dashboard/dashboard.controller.js';
import { DashboardRepository } from '../dashboard/dashboard.repository.js';
import { DashboardService } from '../dashboard/dashboard.service.js';
import { ReportDownloadsController } from './downloads/report-downloads.controller.js';
import { ReportDownloadsService } from './downloads/report-downloads.service.js';
import { ReportCatalogue } from './report-catalogue.js';
import { ReportJobsService } from './report-jobs.service.js';
import { ReportRenderer } from './report-renderer.js';
import { ReportDatabase } from './report-database.js';
import { ReportRunsRepository } from './report-runs.repository.js';
import { ReportScheduleSettingsService } from './report-schedule-settings.service.js';
import { ReportSchedulesRepository } from './report-schedules.repository.js';
import { ReportSchedulesService } from './report-schedules.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

/** Controllers of the reports feature (downloads and the dashboard built on it too), for the root module. */
export const REPORT_CONTROLLERS: Type<unknown>[] = [
  ReportsController,
  ReportDownloadsController,
  CasePdfController,
  DashboardController,
];

/** Providers of the reports feature; the catalogue is built at boot (app.ts). */
export function reportProviders(catalogue: ReportCatalogue): Provider[] {
  return [
    { provide: ReportCatalogue, useValue: catalogue },
    ReportRunsRepository,
    ReportSchedulesRepository,
    ReportRenderer,
    ReportDatabase,
    ReportJobsService,
    ReportSchedulesService,
    ReportScheduleSettingsService,
    ReportsService,
    CasePdfService,
    ReportDownloadsService,
    DashboardRepository,
    DashboardService,
  ];
}
