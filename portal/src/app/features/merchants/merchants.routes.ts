import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as merchantsEffects from './state/merchants.effects';
import { merchantsFeature } from './state/merchants.feature';

/** `/merchants` (list), `/merchants/new`, `/merchants/:id`, `/merchants/:id/edit`; the store is provided with the area. */
export const MERCHANTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(merchantsFeature), provideEffects(merchantsEffects)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [permissionGuard('merchants.read')],
        loadComponent: () => import('./pages/merchant-list-page.component').then((m) => m.MerchantListPageComponent),
      },
      {
        path: 'new',
        canActivate: [permissionGuard('merchants.create')],
        loadComponent: () => import('./pages/new-merchant-page.component').then((m) => m.NewMerchantPageComponent),
      },
      {
        path: ':id/edit',
        canActivate: [permissionGuard('merchants.update')],
        loadComponent: () => import('./pages/edit-merchant-page.component').then((m) => m.EditMerchantPageComponent),
      },
      {
        path: ':id',
        canActivate: [permissionGuard('merchants.read')],
        loadComponent: () => import('./pages/merchant-detail-page.component').then((m) => m.MerchantDetailPageComponent),
      },
    ],
  },
];
