import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

export const AGENTS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [permissionGuard('agents.read')],
    loadComponent: () => import('./pages/agent-tree-page.component').then((m) => m.AgentTreePageComponent),
  },
  {
    path: 'new',
    canActivate: [permissionGuard('agents.create')],
    loadComponent: () => import('./pages/new-agent-page.component').then((m) => m.NewAgentPageComponent),
  },
  {
    path: ':id',
    canActivate: [permissionGuard('agents.read')],
    loadComponent: () => import('./pages/agent-detail-page.component').then((m) => m.AgentDetailPageComponent),
  },
];
