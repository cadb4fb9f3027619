import { inject } from '@angular/core';
import { CanActivateFn, Router, UrlTree } from '@angular/router';
import { Store } from '@ngrx/store';
import { Observable, filter, map, take } from 'rxjs';

import { isExternalRoute } from '../api/api.models';
import { SessionState, sessionFeature } from '../session/session.feature';

/**
 * The session once it is settled (not while keycloak-js or `GET /api/me` are still busy). One selector, so
 * status, permissions and menu always come from the same state.
 */
function settledSession(store: Store): Observable<SessionState> {
  return store.select(sessionFeature.selectSessionState).pipe(
    filter((session) => session.status !== 'starting' && session.status !== 'loading'),
    take(1),
  );
}

/** Signed-in area: anonymous visitors go to the organisation chooser. */
export const authGuard: CanActivateFn = (): Observable<boolean | UrlTree> => {
  const router = inject(Router);
  return settledSession(inject<Store<object>>(Store)).pipe(
    map(({ status }) => (status === 'anonymous' ? router.createUrlTree(['/welcome']) : true)),
  );
};

/** The organisation chooser is for anonymous visitors only. */
export const anonymousGuard: CanActivateFn = (): Observable<boolean | UrlTree> => {
  const router = inject(Router);
  return settledSession(inject<Store<object>>(Store)).pipe(
    map(({ status }) => (status === 'anonymous' ? true : router.createUrlTree(['/']))),
  );
};

/** Allows a route when the person holds any of the permissions (from `GET /api/me`). */
export function permissionGuard(...permissions: string[]): CanActivateFn {
  return () => {
    const router = inject(Router);
    return settledSession(inject<Store<object>>(Store)).pipe(
      map(({ status, me }) => {
        if (status === 'anonymous') return router.createUrlTree(['/welcome']);
        if (status === 'failed') return true; // the shell shows the session error with a retry button
        const held = me?.permissions ?? [];
        return permissions.some((permission) => held.includes(permission)) ? true : router.createUrlTree(['/forbidden']);
      }),
    );
  };
}

/** `/` goes to the first item of the person's menu that lives in the portal. */
export const homeGuard: CanActivateFn = (): Observable<boolean | UrlTree> => {
  const router = inject(Router);
  return settledSession(inject<Store<object>>(Store)).pipe(
    map(({ status, me }) => {
      if (status === 'anonymous') return router.createUrlTree(['/welcome']);
      const first = me?.menu.find((item) => !isExternalRoute(item.route));
      return first ? router.parseUrl(first.route.startsWith('/') ? first.route : `/${first.route}`) : true;
    }),
  );
};
