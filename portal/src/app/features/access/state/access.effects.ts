import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { Observable, catchError, concatMap, exhaustMap, forkJoin, from, last, map, mergeMap, of, switchMap, take } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { selectAgent } from '../../../core/session/session.feature';
import { SessionRefreshActions } from '../../../core/session/session.actions';
import { AccessApi } from '../data/access-api.service';
import { MenuAdmin } from '../data/access.models';
import {
  AccessApiActions,
  AccessPageActions,
  CeilingApiActions,
  CeilingPageActions,
  MenuAdminApiActions,
  MenuAdminPageActions,
  MenuChange,
  UserAccessActions,
  UserAccessApiActions,
} from './access.actions';

/** The catalogue, packages, roles and the caller's own ceiling (to disable what they cannot grant). */
export const loadAccess = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi), store = inject(Store)) =>
    actions$.pipe(
      ofType(AccessPageActions.opened, AccessPageActions.refreshClicked),
      switchMap(() =>
        store.select(selectAgent).pipe(
          take(1),
          switchMap((agent) =>
            forkJoin({
              catalog: api.permissions(),
              packages: api.packages(),
              roles: api.roles(),
              ceiling:
                !agent || agent.isBroker
                  ? of(agent ? null : undefined)
                  : api.ceiling(agent.id).pipe(
                      map((c) => c.permissions),
                      // Unknown ceiling: only broker-only permissions are disabled; the API still refuses the rest.
                      catchError(() => of(undefined)),
                    ),
            }),
          ),
          map((loaded) => AccessApiActions.accessLoaded(loaded)),
          catchError((error: unknown) => of(AccessApiActions.accessLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const savePackage = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(AccessPageActions.packageSubmitted),
      exhaustMap(({ id, input }) => {
        const { code, ...changes } = input;
        const call = id ? api.updatePackage(id, changes) : api.createPackage({ code, ...changes });
        return call.pipe(
          map((pkg) => AccessApiActions.packageSaved({ pkg })),
          catchError((error: unknown) => of(AccessApiActions.saveFailed({ error: toApiError(error) }))),
        );
      }),
    ),
  { functional: true },
);

export const saveRole = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(AccessPageActions.roleSubmitted),
      exhaustMap(({ id, input }) => {
        const { code, ...changes } = input;
        const call = id ? api.updateRole(id, changes) : api.createRole({ code, ...changes });
        return call.pipe(
          map((role) => AccessApiActions.roleSaved({ role })),
          catchError((error: unknown) => of(AccessApiActions.saveFailed({ error: toApiError(error) }))),
        );
      }),
    ),
  { functional: true },
);

export const deletePackage = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(AccessPageActions.packageDeleteConfirmed),
      mergeMap(({ id }) =>
        api.deletePackage(id).pipe(
          map(() => AccessApiActions.packageDeleted({ id })),
          catchError((error: unknown) => of(AccessApiActions.deleteFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const deleteRole = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(AccessPageActions.roleDeleteConfirmed),
      mergeMap(({ id }) =>
        api.deleteRole(id).pipe(
          map(() => AccessApiActions.roleDeleted({ id })),
          catchError((error: unknown) => of(AccessApiActions.deleteFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** After a save or delete: a short confirmation. */
export const confirmAccessChange = createEffect(
  (actions$ = inject(Actions), notifications = inject(NotificationService)) =>
    actions$.pipe(
      ofType(
        AccessApiActions.packageSaved,
        AccessApiActions.roleSaved,
        AccessApiActions.packageDeleted,
        AccessApiActions.roleDeleted,
        UserAccessApiActions.saved,
        CeilingApiActions.saved,
        MenuAdminApiActions.menuSaved,
      ),
      map(() => notifications.success('toast.actionDone')),
    ),
  { functional: true, dispatch: false },
);

export const loadUserAccess = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(UserAccessActions.opened),
      switchMap(({ userId }) =>
        forkJoin({ access: api.userAccess(userId), catalog: api.permissions() }).pipe(
          map(({ access, catalog }) => UserAccessApiActions.loaded({ access, catalog })),
          catchError((error: unknown) => of(UserAccessApiActions.loadFailed({ userId, error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const saveUserRoles = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(UserAccessActions.rolesSubmitted),
      exhaustMap(({ userId, roleIds }) =>
        api.setUserRoles(userId, roleIds).pipe(
          map((access) => UserAccessApiActions.saved({ access })),
          catchError((error: unknown) => of(UserAccessApiActions.saveFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadCeiling = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(CeilingPageActions.opened),
      switchMap(({ agentId }) =>
        forkJoin({ ceiling: api.ceiling(agentId), packages: api.packages(), catalog: api.permissions() }).pipe(
          map((loaded) => CeilingApiActions.loaded(loaded)),
          catchError((error: unknown) => of(CeilingApiActions.loadFailed({ agentId, error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const saveCeiling = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(CeilingPageActions.submitted),
      exhaustMap(({ agentId, packageIds }) =>
        api.setCeiling(agentId, packageIds).pipe(
          map((ceiling) => CeilingApiActions.saved({ ceiling })),
          catchError((error: unknown) => of(CeilingApiActions.saveFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadMenuAdmin = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(MenuAdminPageActions.opened, MenuAdminPageActions.refreshClicked),
      switchMap(() =>
        api.menu().pipe(
          map((menu) => MenuAdminApiActions.menuLoaded({ menu })),
          catchError((error: unknown) => of(MenuAdminApiActions.menuLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Saves the rows of one change in order (an up/down move is two rows); the last answer is the whole menu. */
export const saveMenu = createEffect(
  (actions$ = inject(Actions), api = inject(AccessApi)) =>
    actions$.pipe(
      ofType(MenuAdminPageActions.changesSubmitted),
      exhaustMap(({ key, changes }) =>
        from(changes).pipe(
          concatMap((change: MenuChange): Observable<MenuAdmin> =>
            change.kind === 'group' ? api.saveMenuGroup(change.key, change.input) : api.saveMenuItem(change.key, change.input),
          ),
          last(),
          map((menu) => MenuAdminApiActions.menuSaved({ menu })),
          catchError((error: unknown) => of(MenuAdminApiActions.menuSaveFailed({ key, error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The admin's own menu shows a menu change at once (GET /api/me again). */
export const refreshOwnMenu = createEffect(
  (actions$ = inject(Actions)) =>
    actions$.pipe(
      ofType(MenuAdminApiActions.menuSaved, UserAccessApiActions.saved),
      map(() => SessionRefreshActions.refreshDue()),
    ),
  { functional: true },
);
