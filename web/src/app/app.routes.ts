import { Routes } from '@angular/router';

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
    path: '**',
    title: 'Page not found',
    loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
  },
];
