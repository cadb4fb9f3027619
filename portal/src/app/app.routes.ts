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
      { path: 'merchants', loadChildren: () => import('./features/merchants/merchants.routes').then((m) => m.MERCHANTS_ROUTES) },
      { path: 'inbox', loadChildren: () => import('./features/requests/requests.routes').then((m) => m.INBOX_ROUTES) },
      { path: 'requests', loadChildren: () => import('./features/requests/requests.routes').then((m) => m.REQUESTS_ROUTES) },
      { path: 'terminals', loadChildren: () => import('./features/requests/requests.routes').then((m) => m.TERMINALS_ROUTES) },
      { path: 'stock', loadChildren: () => import('./features/stock/stock.routes').then((m) => m.STOCK_ROUTES) },
      { path: 'support', loadChildren: () => import('./features/support/support.routes').then((m) => m.SUPPORT_ROUTES) },
      {
        path: 'admin/basedata',
        loadChildren: () => import('./features/basedata/basedata.routes').then((m) => m.BASEDATA_ROUTES),
      },
      { path: 'users', loadChildren: () => import('./features/users/users.routes').then((m) => m.USERS_ROUTES) },
      { path: 'agents', loadChildren: () => import('./features/agents/agents.routes').then((m) => m.AGENTS_ROUTES) },
      {
        path: 'agreements',
        loadChildren: () => import('./features/agreements/agreements.routes').then((m) => m.AGREEMENTS_ROUTES),
      },
      {
        path: 'admin/branding',
        loadChildren: () => import('./features/branding/branding.routes').then((m) => m.BRANDING_ROUTES),
      },
      {
        path: 'admin/settings',
        loadChildren: () => import('./features/settings/settings.routes').then((m) => m.SETTINGS_ROUTES),
      },
      { path: 'admin', loadChildren: () => import('./features/access/access.routes').then((m) => m.ADMIN_ROUTES) },
      { path: 'audit', loadChildren: () => import('./features/audit/audit.routes').then((m) => m.AUDIT_ROUTES) },
      { path: 'forbidden', component: ForbiddenPageComponent },
      { path: '**', component: NotFoundPageComponent },
    ],
  },
];
