import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

const inboxPage = () => import('./pages/support-inbox-page.component').then((m) => m.SupportInboxPageComponent);

export const SUPPORT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'inbox' },
  { path: 'inbox', canActivate: [permissionGuard('tickets.inbox')], loadComponent: inboxPage, data: { mode: 'inbox' } },
  {
    path: 'escalations',
    canActivate: [permissionGuard('tickets.escalations')],
    loadComponent: inboxPage,
    data: { mode: 'escalations' },
  },
];
