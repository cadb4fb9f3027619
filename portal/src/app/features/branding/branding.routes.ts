import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as brandingEffects from './state/branding.effects';
import { brandingFeature } from './state/branding.feature';

/** `/admin/branding`; the store is provided with the area. */
export const BRANDING_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard('branding.manage')],
    providers: [provideState(brandingFeature), provideEffects(brandingEffects)],
    loadComponent: () => import('./pages/branding-page.component').then((m) => m.BrandingPageComponent),
  },
];
