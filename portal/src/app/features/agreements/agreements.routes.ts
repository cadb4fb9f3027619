import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as effects from './state/agreements.effects';
import { agreementsFeature } from './state/agreements.feature';

export const AGREEMENTS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(agreementsFeature), provideEffects(effects)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [permissionGuard('agreements.read', 'agreements.manage')],
        loadComponent: () => import('./pages/agreement-list-page.component').then((m) => m.AgreementListPageComponent),
      },
      {
        path: 'new',
        canActivate: [permissionGuard('agreements.manage')],
        loadComponent: () => import('./pages/new-agreement-page.component').then((m) => m.NewAgreementPageComponent),
      },
      {
        path: ':id/edit',
        canActivate: [permissionGuard('agreements.manage')],
        loadComponent: () => import('./pages/edit-agreement-page.component').then((m) => m.EditAgreementPageComponent),
      },
      {
        path: ':id',
        canActivate: [permissionGuard('agreements.read', 'agreements.manage')],
        loadComponent: () => import('./pages/agreement-detail-page.component').then((m) => m.AgreementDetailPageComponent),
      },
    ],
  },
];
