import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, concatMap, exhaustMap, map, of, switchMap, tap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { AgreementsApi } from '../data/agreements-api.service';
import {
  AgreementDetailPageActions,
  AgreementListPageActions,
  AgreementsApiActions,
  EditAgreementPageActions,
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
      ofType(AgreementDetailPageActions.opened, EditAgreementPageActions.opened, EditAgreementPageActions.reloadClicked),
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

export const removeFile = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(AgreementDetailPageActions.fileRemoved),
      concatMap(({ id, fileId }) =>
        api.removeFile(id, fileId).pipe(
          switchMap(() => api.get(id)),
          map((agreement) => AgreementsApiActions.loaded({ agreement })),
          catchError((error: unknown) => of(AgreementsApiActions.changeFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const update = createEffect(
  (actions$ = inject(Actions), api = inject(AgreementsApi)) =>
    actions$.pipe(
      ofType(EditAgreementPageActions.submitted),
      exhaustMap(({ id, change }) =>
        api.update(id, change).pipe(
          map((agreement) => AgreementsApiActions.updated({ agreement })),
          catchError((error: unknown) => of(AgreementsApiActions.updateFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const openUpdated = createEffect(
  (actions$ = inject(Actions), router = inject(Router), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(AgreementsApiActions.updated),
      tap(({ agreement }) => {
        notify.success('toast.actionDone');
        void router.navigate(['/agreements', agreement.id]);
      }),
    ),
  { functional: true, dispatch: false },
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
