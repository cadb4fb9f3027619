import { Routes } from '@angular/router';

import { anonymousGuard, authGuard, homeGuard } from './core/auth/auth.guards';
import { ShellComponent } from './core/layout/shell.component';
import { ForbiddenPageComponent, HomePageComponent, NotFoundPageComponent } from './core/layout/status-pages.component';

/**
 * `/welcome` is the organisation chooser; everything else lives in the signed-in shell. The menu of
 * `GET /api/me` (db/seed.ts) links to `/tickets` (= `/tickets/mine`), `/tickets/new`, `/tickets/agent`,
 * `/tickets/all`, `/support/inbox`, `/support/escalations`, `/admin/access`, `/admin/menu`, `/audit/log` and
 * `/audit/events`; `/api/...` items open outside the portal.
 */
export const routes: Routes = [
  {
    path: 'welcome',
    canActivate: [anonymousGuard],
    loadComponent: () => import('./features/auth/pages/org-chooser-page.component').then((m) => m.OrgChooserPageComponent),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeGuard], component: HomePageComponent },
      { path: 'tickets', loadChildren: () => import('./features/tickets/tickets.routes').then((m) => m.TICKETS_ROUTES) },
      { path: 'support', loadChildren: () => import('./features/support/support.routes').then((m) => m.SUPPORT_ROUTES) },
      { path: 'admin', loadChildren: () => import('./features/access/access.routes').then((m) => m.ADMIN_ROUTES) },
      { path: 'audit', loadChildren: () => import('./features/audit/audit.routes').then((m) => m.AUDIT_ROUTES) },
      { path: 'forbidden', component: ForbiddenPageComponent },
      { path: '**', component: NotFoundPageComponent },
    ],
  },
];
