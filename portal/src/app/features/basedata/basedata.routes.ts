import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

export const BASEDATA_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    canActivate: [permissionGuard('basedata.manage')],
    loadComponent: () => import('./pages/basedata-page.component').then((m) => m.BaseDataPageComponent),
  },
  {
    path: 'mapping',
    canActivate: [permissionGuard('basedata.manage')],
    loadComponent: () => import('./pages/mapping-page.component').then((m) => m.MappingPageComponent),
  },
];
