import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

export const BRANDING_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard('branding.manage')],
    loadComponent: () => import('./pages/branding-page.component').then((m) => m.BrandingPageComponent),
  },
];
