import { Routes } from '@angular/router';
import { roleGuard } from './core/session/role.guard';
import { signedInGuard } from './core/session/signed-in.guard';

const notAllowed = () =>
  import('./features/not-allowed/not-allowed').then((m) => m.NotAllowed);

export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Tailor your résumé to every job',
    loadComponent: () => import('./features/landing/landing').then((m) => m.Landing),
  },
  {
    path: 'sign-in',
    title: 'Sign in',
    data: { mode: 'sign-in' },
    loadComponent: () => import('./features/auth/auth-page').then((m) => m.AuthPage),
  },
  {
    path: 'register',
    title: 'Create account',
    data: { mode: 'register' },
    loadComponent: () => import('./features/auth/auth-page').then((m) => m.AuthPage),
  },
  {
    path: 'try',
    title: 'Try without an account',
    loadComponent: () => import('./features/try/try-page').then((m) => m.TryPage),
  },
  {
    path: 'drafts',
    title: 'My drafts',
    loadComponent: () => import('./features/drafts-list/drafts-list').then((m) => m.DraftsList),
  },
  {
    path: 'drafts/new',
    title: 'New draft',
    loadComponent: () => import('./features/new-draft/new-draft').then((m) => m.NewDraft),
  },
  {
    path: 'drafts/:id',
    title: 'Draft',
    loadComponent: () => import('./features/draft/draft-page').then((m) => m.DraftPage),
  },
  {
    path: 'jobs',
    title: 'Job search',
    loadComponent: () => import('./features/job-search/job-search').then((m) => m.JobSearch),
  },
  {
    path: 'tracker',
    title: 'Application tracker',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/tracker/tracker-page').then((m) => m.TrackerPage),
  },
  {
    path: 'tracker/:id',
    title: 'Application',
    canActivate: [signedInGuard],
    loadComponent: () =>
      import('./features/tracker/application-detail').then((m) => m.ApplicationDetail),
  },
  {
    path: 'account',
    title: 'Your account',
    canActivate: [signedInGuard],
    loadComponent: () => import('./features/account/account-page').then((m) => m.AccountPage),
  },
  // Staff consoles: the guard matches only for the role; anyone else falls through to the
  // friendly "not allowed" page at the same address (the console's chunk is never loaded).
  {
    path: 'support',
    title: 'Support',
    canMatch: [roleGuard('SUPPORT', 'ADMIN')],
    loadComponent: () =>
      import('./features/support/support-console').then((m) => m.SupportConsole),
  },
  { path: 'support', title: 'Not allowed', data: { area: 'support console' }, loadComponent: notAllowed },
  {
    path: 'admin',
    title: 'Admin',
    canMatch: [roleGuard('ADMIN')],
    loadComponent: () => import('./features/admin/admin-console').then((m) => m.AdminConsole),
  },
  { path: 'admin', title: 'Not allowed', data: { area: 'admin console' }, loadComponent: notAllowed },
  {
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
  },
];
