import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as settingsEffects from './state/settings.effects';
import { settingsFeature } from './state/settings.feature';

/** `/admin/settings`; the store is provided with the area. */
export const SETTINGS_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard('settings.manage')],
    providers: [provideState(settingsFeature), provideEffects(settingsEffects)],
    loadComponent: () => import('./pages/settings-page.component').then((m) => m.SettingsPageComponent),
  },
];
