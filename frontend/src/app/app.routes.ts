import { Routes } from '@angular/router';
import { roleGuard, shiftGuard, signOutGuard, signedInGuard, signedOutGuard } from './core/auth/auth.guards';
import {
  ADMIN_ROLES,
  DASHBOARD_ROLES,
  PLUGIN_ADMIN_ROLES,
  REPORT_ROLES,
  TEAM_COVER_ROLES,
} from './core/auth/user.model';

/** Every page is lazy; the shell learns which workflows exist from the API, never from here. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Dashboard',
    canActivate: [signedInGuard, shiftGuard],
    loadComponent: () => import('./features/dashboard/dashboard.page').then((m) => m.DashboardPage),
  },
  {
    path: 'sign-in',
    title: 'Sign in',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./features/sign-in/sign-in.page').then((m) => m.SignInPage),
  },
  {
    path: 'auth/callback',
    title: 'Signing in',
    loadComponent: () => import('./features/auth-callback/auth-callback.page').then((m) => m.AuthCallbackPage),
  },
  { path: 'sign-out', canActivate: [signOutGuard], children: [] },
  {
    path: 'shift/start',
    title: 'Start your shift',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/shift/start-shift.page').then((m) => m.StartShiftPage),
  },
  {
    path: 'admin/plugins',
    title: 'Manage plugins',
    canActivate: [signedInGuard, roleGuard(PLUGIN_ADMIN_ROLES)],
    loadComponent: () => import('./features/admin/plugins-admin.page').then((m) => m.PluginsAdminPage),
  },
  {
    path: 'admin/deliveries',
    title: 'Failed deliveries',
    canActivate: [signedInGuard, roleGuard(ADMIN_ROLES)],
    loadComponent: () => import('./features/admin/deliveries-admin.page').then((m) => m.DeliveriesAdminPage),
  },
  {
    path: 'admin/reference',
    title: 'Reference data',
    canActivate: [signedInGuard, roleGuard(ADMIN_ROLES)],
    loadComponent: () => import('./features/reference-admin/reference-admin.page').then((m) => m.ReferenceAdminPage),
  },
  {
    path: 'team-cover',
    title: 'Team cover',
    canActivate: [signedInGuard, roleGuard(TEAM_COVER_ROLES)],
    loadComponent: () => import('./features/team-cover/team-cover.page').then((m) => m.TeamCoverPage),
  },
  {
    path: 'notifications',
    title: 'Notifications',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/notifications/notifications.page').then((m) => m.NotificationsPage),
  },
  {
    path: 'reports',
    canActivate: [signedInGuard, roleGuard(REPORT_ROLES)],
    loadChildren: () => import('./features/reports/reports.routes').then((m) => m.REPORT_ROUTES),
  },
  {
    path: 'command-dashboard',
    canActivate: [signedInGuard, roleGuard(DASHBOARD_ROLES)],
    loadChildren: () =>
      import('./features/command-dashboard/command-dashboard.routes').then((m) => m.COMMAND_DASHBOARD_ROUTES),
  },
  {
    path: 'forms/:pluginId',
    title: 'Start a form',
    canActivate: [signedInGuard, shiftGuard],
    loadComponent: () => import('./features/forms/form-start.page').then((m) => m.FormStartPage),
  },
  {
    path: 'tasks',
    title: 'Tasks',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/tasks/tasks.page').then((m) => m.TasksPage),
  },
  {
    path: 'search',
    title: 'Search cases',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/search/search.page').then((m) => m.SearchPage),
  },
  {
    path: 'cases/:id',
    title: 'Case',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/cases/case.page').then((m) => m.CasePage),
  },
  {
    path: 'cases/:id/actions/:actionId',
    title: 'Case action',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/cases/case-action.page').then((m) => m.CaseActionPage),
  },
  {
    path: 'forbidden',
    title: 'You do not have permission to view this page',
    loadComponent: () => import('./features/not-found/forbidden.page').then((m) => m.ForbiddenPage),
  },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./features/not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
