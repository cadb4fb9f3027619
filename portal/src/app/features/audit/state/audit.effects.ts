import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, map, of, switchMap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { AuditApi } from '../data/audit-api.service';
import { AuditApiActions, AuditLogPageActions, EventsApiActions, EventsPageActions } from './audit.actions';

export const loadAudit = createEffect(
  (actions$ = inject(Actions), api = inject(AuditApi)) =>
    actions$.pipe(
      ofType(AuditLogPageActions.opened, AuditLogPageActions.queryChanged, AuditLogPageActions.refreshClicked),
      switchMap(({ query }) =>
        api.audit(query).pipe(
          map((page) => AuditApiActions.auditLoaded({ page })),
          catchError((error: unknown) => of(AuditApiActions.auditLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const verifyChain = createEffect(
  (actions$ = inject(Actions), api = inject(AuditApi)) =>
    actions$.pipe(
      ofType(AuditLogPageActions.verifyClicked),
      exhaustMap(() =>
        api.verify().pipe(
          map((verification) => AuditApiActions.chainVerified({ verification })),
          catchError((error: unknown) => of(AuditApiActions.verifyFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadEvents = createEffect(
  (actions$ = inject(Actions), api = inject(AuditApi)) =>
    actions$.pipe(
      ofType(EventsPageActions.opened, EventsPageActions.queryChanged, EventsPageActions.refreshClicked),
      switchMap(({ query }) =>
        api.events(query).pipe(
          map((page) => EventsApiActions.eventsLoaded({ page })),
          catchError((error: unknown) => of(EventsApiActions.eventsLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);
