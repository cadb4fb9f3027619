import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

/** `/audit/...`: the change audit and system events. */
export const AUDIT_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'log' },
  {
    path: 'log',
    canActivate: [permissionGuard('audit.read')],
    loadComponent: () => import('./pages/audit-log-page.component').then((m) => m.AuditLogPageComponent),
  },
  {
    path: 'events',
    canActivate: [permissionGuard('events.read')],
    loadComponent: () => import('./pages/events-page.component').then((m) => m.EventsPageComponent),
  },
];
