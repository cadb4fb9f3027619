import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, map, of, switchMap, tap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { AgreementsApi } from '../data/agreements-api.service';
import {
  AgreementDetailPageActions,
  AgreementListPageActions,
  AgreementsApiActions,
  NewAgreementPageActions,
} from './agreements.actions';

export const loadList = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(AgreementListPageActions.opened, AgreementListPageActions.queryChanged),
      switchMap(({ query }) =>
        api.list(query).pipe(
          map((page) => AgreementsApiActions.listLoaded({ page })),
          catchError((error: unknown) => of(AgreementsApiActions.listFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadOne = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(AgreementDetailPageActions.opened),
      switchMap(({ id }) =>
        api.get(id).pipe(
          map((agreement) => AgreementsApiActions.loaded({ agreement })),
          catchError((error: unknown) => of(AgreementsApiActions.loadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const changeStatus = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(AgreementDetailPageActions.statusChosen),
      exhaustMap(({ id, status }) =>
        api.changeStatus(id, status).pipe(
          map((agreement) => AgreementsApiActions.loaded({ agreement })),
          catchError((error: unknown) => of(AgreementsApiActions.changeFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const upload = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(AgreementDetailPageActions.fileChosen),
      exhaustMap(({ id, file }) =>
        api.upload(id, file).pipe(
          switchMap(() => api.get(id)),
          map((agreement) => AgreementsApiActions.loaded({ agreement })),
          catchError((error: unknown) => of(AgreementsApiActions.changeFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const create = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(NewAgreementPageActions.submitted),
      exhaustMap(({ agreement }) =>
        api.create(agreement).pipe(
          map((created) => AgreementsApiActions.created({ agreement: created })),
          catchError((error: unknown) => of(AgreementsApiActions.createFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const openCreated = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(AgreementsApiActions.created),
      tap(({ agreement }) => void router.navigate(['/agreements', agreement.id])),
    ),
  { functional: true, dispatch: false },
);
