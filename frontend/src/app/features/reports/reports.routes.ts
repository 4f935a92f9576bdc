import { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guards';
import { SCHEDULE_ROLES } from '../../core/reports/reports.model';

/** The manager reports area, loaded only when opened. */
export const REPORT_ROUTES: Routes = [
  { path: '', title: 'Reports', loadComponent: () => import('./reports.page').then((m) => m.ReportsPage) },
  {
    path: 'runs/:runId',
    title: 'Report progress',
    loadComponent: () => import('./report-run.page').then((m) => m.ReportRunPage),
  },
  {
    path: ':reportId/schedule',
    title: 'Change schedule',
    canActivate: [roleGuard(SCHEDULE_ROLES)],
    loadComponent: () => import('./report-schedule.page').then((m) => m.ReportSchedulePage),
  },
  {
    path: ':reportId',
    title: 'Run a report',
    loadComponent: () => import('./report-parameters.page').then((m) => m.ReportParametersPage),
  },
];
