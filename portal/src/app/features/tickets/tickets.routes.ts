import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

const TICKET_READERS = ['tickets.read-own', 'tickets.read-agent', 'tickets.inbox', 'tickets.escalations', 'tickets.read-all'];

const listPage = () => import('./pages/ticket-list-page.component').then((m) => m.TicketListPageComponent);

export const TICKETS_ROUTES: Routes = [
  // `/tickets` (the menu's "My tickets") and `/tickets/mine` show the same list.
  {
    path: '',
    pathMatch: 'full',
    canActivate: [permissionGuard('tickets.read-own')],
    loadComponent: listPage,
    data: { view: 'mine' },
  },
  { path: 'mine', canActivate: [permissionGuard('tickets.read-own')], loadComponent: listPage, data: { view: 'mine' } },
  { path: 'agent', canActivate: [permissionGuard('tickets.read-agent')], loadComponent: listPage, data: { view: 'agent' } },
  { path: 'all', canActivate: [permissionGuard('tickets.read-all')], loadComponent: listPage, data: { view: 'all' } },
  {
    path: 'new',
    canActivate: [permissionGuard('tickets.create')],
    loadComponent: () => import('./pages/new-ticket-page.component').then((m) => m.NewTicketPageComponent),
  },
  {
    path: ':id',
    canActivate: [permissionGuard(...TICKET_READERS)],
    loadComponent: () => import('./pages/ticket-detail-page.component').then((m) => m.TicketDetailPageComponent),
  },
];
