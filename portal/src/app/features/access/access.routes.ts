import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

/** `/admin/...`: access packages and roles, a user's grants, an agent's ceiling, and the menu. */
export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'access' },
  {
    path: 'access',
    canActivate: [permissionGuard('access.read', 'access.manage')],
    loadComponent: () => import('./pages/access-page.component').then((m) => m.AccessPageComponent),
  },
  {
    path: 'access/users/:id',
    canActivate: [permissionGuard('access.read', 'access.manage')],
    loadComponent: () => import('./pages/user-access-page.component').then((m) => m.UserAccessPageComponent),
  },
  {
    path: 'access/agents/:id/ceiling',
    canActivate: [permissionGuard('access.read', 'access.ceilings')],
    loadComponent: () => import('./pages/agent-ceiling-page.component').then((m) => m.AgentCeilingPageComponent),
  },
  {
    path: 'menu',
    canActivate: [permissionGuard('menu.manage')],
    loadComponent: () => import('./pages/menu-admin-page.component').then((m) => m.MenuAdminPageComponent),
  },
];
