import { Routes } from '@angular/router';
import { provideEffects } from '@ngrx/effects';
import { provideState } from '@ngrx/store';

import { permissionGuard } from '../../core/auth/auth.guards';
import * as usersEffects from './state/users.effects';
import { usersFeature } from './state/users.feature';

/** `/users` (list; `?agentId=` filters), `/users/new`, `/users/:id`; the store is provided with the area. */
export const USERS_ROUTES: Routes = [
  {
    path: '',
    providers: [provideState(usersFeature), provideEffects(usersEffects)],
    children: [
      {
        path: '',
        pathMatch: 'full',
        canActivate: [permissionGuard('users.read')],
        loadComponent: () => import('./pages/user-list-page.component').then((m) => m.UserListPageComponent),
      },
      {
        path: 'new',
        canActivate: [permissionGuard('users.create')],
        loadComponent: () => import('./pages/new-user-page.component').then((m) => m.NewUserPageComponent),
      },
      {
        path: ':id',
        canActivate: [permissionGuard('users.read')],
        loadComponent: () => import('./pages/user-detail-page.component').then((m) => m.UserDetailPageComponent),
      },
    ],
  },
];
