import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as basedataEffects from './state/basedata.effects';
import { basedataFeature } from './state/basedata.feature';
import { mappingFeature } from './state/mapping.feature';

/** `/admin/basedata` (items per kind) and `/admin/basedata/mapping`; the store is provided with the area. */
export const BASEDATA_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(basedataFeature), provideState(mappingFeature), provideEffects(basedataEffects)],
    children: [
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
    ],
  },
];
