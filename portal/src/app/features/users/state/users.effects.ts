import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, map, of, switchMap, tap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { AgentsApi } from '../../agents/data/agents-api.service';
import { UsersApi } from '../data/users-api.service';
import { NewUserPageActions, UserDetailPageActions, UserListPageActions, UsersApiActions } from './users.actions';

/** Searches replace each other: switchMap. */
export const loadList = createEffect(
  (actions$ = inject(Actions), api = inject(UsersApi)) =>
    actions$.pipe(
      ofType(UserListPageActions.opened, UserListPageActions.queryChanged),
      switchMap(({ query }) =>
        api.list(query).pipe(
          map((page) => UsersApiActions.listLoaded({ page })),
          catchError((err: unknown) => of(UsersApiActions.listFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The agents of the subtree for the filter and the chooser; without agents.read the list stays empty. */
export const loadAgents = createEffect(
  (actions$ = inject(Actions), api = inject(AgentsApi)) =>
    actions$.pipe(
      ofType(UserListPageActions.opened, NewUserPageActions.opened),
      switchMap(() =>
        api.list().pipe(
          map(({ items }) => UsersApiActions.agentsLoaded({ agents: items })),
          catchError(() => of(UsersApiActions.agentsLoaded({ agents: [] }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDetail = createEffect(
  (actions$ = inject(Actions), api = inject(UsersApi)) =>
    actions$.pipe(
      ofType(UserDetailPageActions.opened),
      switchMap(({ id }) =>
        api.get(id).pipe(
          map((detail) => UsersApiActions.detailLoaded({ detail })),
          catchError((err: unknown) => of(UsersApiActions.detailFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** A submit is not repeated while one is running: exhaustMap. */
export const create = createEffect(
  (actions$ = inject(Actions), api = inject(UsersApi)) =>
    actions$.pipe(
      ofType(NewUserPageActions.submitted),
      exhaustMap(({ user }) =>
        api.create(user).pipe(
          map(({ user: created, temporaryPassword }) => UsersApiActions.createSucceeded({ user: created, temporaryPassword })),
          catchError((err: unknown) => of(UsersApiActions.createFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The new user's page shows the temporary password (kept in the store for that user only). */
export const openCreated = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(UsersApiActions.createSucceeded),
      tap(({ user }) => void router.navigate(['/users', user.id])),
    ),
  { functional: true, dispatch: false },
);

export const saveProfile = createEffect(
  (actions$ = inject(Actions), api = inject(UsersApi)) =>
    actions$.pipe(
      ofType(UserDetailPageActions.profileSaved),
      exhaustMap(({ id, changes }) =>
        api.update(id, changes).pipe(
          map((user) => UsersApiActions.userChanged({ user, kind: 'profile' })),
          catchError((err: unknown) => of(UsersApiActions.changeFailed({ kind: 'profile', error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const setActive = createEffect(
  (actions$ = inject(Actions), api = inject(UsersApi)) =>
    actions$.pipe(
      ofType(UserDetailPageActions.disableConfirmed, UserDetailPageActions.enableConfirmed),
      exhaustMap(({ id, type }) =>
        api.setActive(id, type === UserDetailPageActions.enableConfirmed.type).pipe(
          map((user) => UsersApiActions.userChanged({ user, kind: 'status' })),
          catchError((err: unknown) => of(UsersApiActions.changeFailed({ kind: 'status', error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const resetPassword = createEffect(
  (actions$ = inject(Actions), api = inject(UsersApi)) =>
    actions$.pipe(
      ofType(UserDetailPageActions.resetPasswordConfirmed),
      exhaustMap(({ id }) =>
        api.resetPassword(id).pipe(
          map(({ temporaryPassword }) => UsersApiActions.passwordReset({ id, temporaryPassword })),
          catchError((err: unknown) => of(UsersApiActions.changeFailed({ kind: 'password', error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);
