import { Routes } from '@angular/router';

export const COMMAND_DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: 'Command dashboard',
    loadComponent: () => import('./command-dashboard.page').then((m) => m.CommandDashboardPage),
  },
  {
    path: 'cases',
    title: 'Cases',
    loadComponent: () => import('./dashboard-cases.page').then((m) => m.DashboardCasesPage),
  },
];
