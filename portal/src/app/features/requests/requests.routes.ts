import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as inboxEffects from './state/inbox.effects';
import { inboxFeature } from './state/inbox.feature';
import * as requestsEffects from './state/requests.effects';
import { requestsFeature } from './state/requests.feature';
import * as terminalsEffects from './state/terminals.effects';
import { terminalsFeature } from './state/terminals.feature';

const READ = permissionGuard('requests.read', 'requests.read-all');

/** The stores of the area, shared by `/inbox`, `/requests` and `/terminals` (provided once, on the shell's child). */
export const REQUESTS_PROVIDERS = [
  provideState(requestsFeature),
  provideState(inboxFeature),
  provideState(terminalsFeature),
  provideEffects(requestsEffects, inboxEffects, terminalsEffects),
];

/** `/inbox` */
export const INBOX_ROUTES: Routes = [
  {
    path: '',
    providers: REQUESTS_PROVIDERS,
    canActivate: [permissionGuard('requests.read')],
    loadComponent: () => import('./pages/inbox-page.component').then((m) => m.InboxPageComponent),
  },
];

/** `/requests`, `/requests/new`, `/requests/:id`, `/requests/:id/edit` (a draft), `/requests/:id/correct` (returned). */
export const REQUESTS_ROUTES: Routes = [
  {
    path: '',
    providers: REQUESTS_PROVIDERS,
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [READ],
        loadComponent: () => import('./pages/request-list-page.component').then((m) => m.RequestListPageComponent),
      },
      {
        path: 'new',
        canActivate: [permissionGuard('requests.create')],
        data: { mode: 'new' },
        loadComponent: () => import('./pages/new-request-page.component').then((m) => m.NewRequestPageComponent),
      },
      {
        path: ':id/edit',
        canActivate: [permissionGuard('requests.create')],
        data: { mode: 'edit' },
        loadComponent: () => import('./pages/new-request-page.component').then((m) => m.NewRequestPageComponent),
      },
      {
        path: ':id/correct',
        canActivate: [permissionGuard('requests.create')],
        data: { mode: 'correct' },
        loadComponent: () => import('./pages/new-request-page.component').then((m) => m.NewRequestPageComponent),
      },
      {
        path: ':id',
        canActivate: [READ],
        loadComponent: () => import('./pages/request-page.component').then((m) => m.RequestPageComponent),
      },
    ],
  },
];

/** `/terminals`, `/terminals/:id` */
export const TERMINALS_ROUTES: Routes = [
  {
    path: '',
    providers: REQUESTS_PROVIDERS,
    canActivate: [permissionGuard('terminals.read')],
    children: [
      {
        path: '',
        pathMatch: 'full',
        loadComponent: () => import('./pages/terminal-list-page.component').then((m) => m.TerminalListPageComponent),
      },
      {
        path: ':id',
        loadComponent: () => import('./pages/terminal-page.component').then((m) => m.TerminalPageComponent),
      },
    ],
  },
];
