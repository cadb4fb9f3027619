import { Routes } from '@angular/router';

import { permissionGuard } from '../../core/auth/auth.guards';

export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard('settings.manage')],
    loadComponent: () => import('./pages/settings-page.component').then((m) => m.SettingsPageComponent),
  },
];
