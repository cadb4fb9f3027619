import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as stockEffects from './state/stock.effects';
import { stockFeature } from './state/stock.feature';

/** `/stock/warehouses[/:id]`, `/stock/documents[/:id]`, `/stock/devices[/:serial]`; the store comes with the area. */
export const STOCK_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(stockFeature), provideEffects(stockEffects)],
    canActivate: [permissionGuard('warehouse.read', 'warehouse.manage')],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'warehouses' },
      {
        path: 'warehouses',
        loadComponent: () => import('./pages/warehouses-page.component').then((m) => m.WarehousesPageComponent),
      },
      {
        path: 'warehouses/:id',
        loadComponent: () => import('./pages/warehouse-page.component').then((m) => m.WarehousePageComponent),
      },
      {
        path: 'documents',
        loadComponent: () => import('./pages/documents-page.component').then((m) => m.DocumentsPageComponent),
      },
      {
        path: 'documents/:id',
        loadComponent: () => import('./pages/document-page.component').then((m) => m.DocumentPageComponent),
      },
      {
        path: 'devices',
        loadComponent: () => import('./pages/devices-page.component').then((m) => m.DevicesPageComponent),
      },
      {
        path: 'devices/:serial',
        loadComponent: () => import('./pages/device-page.component').then((m) => m.DevicePageComponent),
      },
    ],
  },
];
