import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Observable, catchError, concatMap, exhaustMap, filter, map, of, switchMap, tap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { MerchantsApi } from '../data/merchants-api.service';
import {
  EditMerchantPageActions,
  MerchantDetailPageActions,
  MerchantListPageActions,
  MerchantsApiActions,
  NewMerchantPageActions,
} from './merchants.actions';

/** Searches replace each other: switchMap. */
export const loadList = createEffect(
  (actions$ = inject(Actions), api = inject(MerchantsApi)) =>
    actions$.pipe(
      ofType(MerchantListPageActions.opened, MerchantListPageActions.queryChanged),
      switchMap(({ query }) =>
        api.list(query).pipe(
          map((page) => MerchantsApiActions.listLoaded({ page })),
          catchError((err: unknown) => of(MerchantsApiActions.listFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDetail = createEffect(
  (actions$ = inject(Actions), api = inject(MerchantsApi)) =>
    actions$.pipe(
      ofType(MerchantDetailPageActions.opened, EditMerchantPageActions.opened, MerchantsApiActions.changeSucceeded),
      switchMap(({ id }) =>
        api.get(id).pipe(
          map((merchant) => MerchantsApiActions.detailLoaded({ merchant })),
          catchError((err: unknown) => of(MerchantsApiActions.detailFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDocumentTypes = createEffect(
  (actions$ = inject(Actions), api = inject(MerchantsApi)) =>
    actions$.pipe(
      ofType(MerchantDetailPageActions.opened),
      exhaustMap(() =>
        api.documentTypes().pipe(
          map((types) => MerchantsApiActions.documentTypesLoaded({ types })),
          catchError(() => of(MerchantsApiActions.documentTypesLoaded({ types: [] }))),
        ),
      ),
    ),
  { functional: true },
);

/** A submit is not repeated while one is running: exhaustMap. */
export const create = createEffect(
  (actions$ = inject(Actions), api = inject(MerchantsApi)) =>
    actions$.pipe(
      ofType(NewMerchantPageActions.submitted),
      exhaustMap(({ draft }) =>
        api.create(draft).pipe(
          map((merchant) => MerchantsApiActions.createSucceeded({ merchant })),
          catchError((err: unknown) => of(MerchantsApiActions.createFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const openCreated = createEffect(
  (actions$ = inject(Actions), router = inject(Router)) =>
    actions$.pipe(
      ofType(MerchantsApiActions.createSucceeded),
      tap(({ merchant }) => void router.navigate(['/merchants', merchant.id])),
    ),
  { functional: true, dispatch: false },
);

export const update = createEffect(
  (actions$ = inject(Actions), api = inject(MerchantsApi)) =>
    actions$.pipe(
      ofType(EditMerchantPageActions.submitted),
      exhaustMap(({ id, changes }) =>
        api.update(id, changes).pipe(
          map((merchant) => MerchantsApiActions.updateSucceeded({ merchant })),
          catchError((err: unknown) => of(MerchantsApiActions.updateFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** After a save or a cancel the merchant page shows again. */
export const leaveEdit = createEffect(
  (actions$ = inject(Actions), router = inject(Router), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(MerchantsApiActions.updateSucceeded, EditMerchantPageActions.cancelled),
      tap((action) => {
        if (action.type === MerchantsApiActions.updateSucceeded.type) notify.success('toast.actionDone');
        void router.navigate(['/merchants', 'merchant' in action ? action.merchant.id : action.id]);
      }),
    ),
  { functional: true, dispatch: false },
);

/** Changes on the merchant page run one after another (concatMap), each followed by a reload. */
export const change = createEffect(
  (actions$ = inject(Actions), api = inject(MerchantsApi)) =>
    actions$.pipe(
      ofType(
        MerchantDetailPageActions.shopAdded,
        MerchantDetailPageActions.shopRemoved,
        MerchantDetailPageActions.accountAdded,
        MerchantDetailPageActions.accountRemoved,
        MerchantDetailPageActions.primaryChosen,
        MerchantDetailPageActions.documentUploaded,
        MerchantDetailPageActions.documentReviewed,
      ),
      concatMap((action) => {
        let call: Observable<unknown> | null = null;
        let kind = 'shop';
        switch (action.type) {
          case MerchantDetailPageActions.shopAdded.type:
            call = api.addShop(action.id, action.shop);
            break;
          case MerchantDetailPageActions.shopRemoved.type:
            call = api.removeShop(action.id, action.shopId);
            break;
          case MerchantDetailPageActions.accountAdded.type:
            [call, kind] = [api.addAccount(action.id, action.account), 'account'];
            break;
          case MerchantDetailPageActions.accountRemoved.type:
            [call, kind] = [api.removeAccount(action.id, action.accountId), 'account'];
            break;
          case MerchantDetailPageActions.primaryChosen.type:
            [call, kind] = [api.setPrimary(action.id, action.accountId), 'account'];
            break;
          case MerchantDetailPageActions.documentUploaded.type:
            [call, kind] = [api.uploadDocument(action.id, action.typeCode, action.file), 'document'];
            break;
          case MerchantDetailPageActions.documentReviewed.type:
            [call, kind] = [api.review(action.id, action.documentId, action.decision), 'review'];
            break;
        }
        return (call ?? of(null)).pipe(
          filter(() => call !== null),
          map(() => MerchantsApiActions.changeSucceeded({ id: action.id, kind })),
          catchError((err: unknown) => of(MerchantsApiActions.changeFailed({ kind, error: toApiError(err) }))),
        );
      }),
    ),
  { functional: true },
);
