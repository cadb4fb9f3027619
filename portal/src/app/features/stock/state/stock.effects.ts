import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, exhaustMap, filter, map, of, switchMap, takeWhile, timer } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { StockApi } from '../data/stock-api.service';
import {
  DevicePageActions,
  DevicesPageActions,
  DocumentPageActions,
  DocumentsPageActions,
  StockApiActions,
  WarehousePageActions,
  WarehousesPageActions,
} from './stock.actions';

/** How often a running import's progress is read. */
const IMPORT_POLL_MS = 600;

export const loadWarehouses = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(WarehousesPageActions.opened),
      switchMap(() =>
        api.warehouses().pipe(
          map((warehouses) => StockApiActions.warehousesLoaded({ warehouses })),
          catchError((err: unknown) => of(StockApiActions.warehousesFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The warehouse page, and again when an import into it has finished (its stock changed). */
export const loadWarehouse = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(WarehousePageActions.opened, StockApiActions.importFinished),
      map((a) => ('id' in a ? a.id : (a.document.to?.id ?? ''))),
      filter((id) => id !== ''),
      switchMap((id) =>
        api.warehouse(id).pipe(
          map((warehouse) => StockApiActions.warehouseLoaded({ warehouse })),
          catchError((err: unknown) => of(StockApiActions.warehouseFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadModels = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(WarehousePageActions.opened),
      exhaustMap(() =>
        api.deviceModels().pipe(
          map((models) => StockApiActions.modelsLoaded({ models })),
          catchError(() => of(StockApiActions.modelsLoaded({ models: [] }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadStockAt = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(WarehousePageActions.stockAtAsked),
      switchMap(({ id, day }) =>
        api.stockAt(id, day).pipe(
          map((stockAt) => StockApiActions.stockAtLoaded({ stockAt })),
          catchError((err: unknown) => of(StockApiActions.stockAtFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** A submit is not repeated while one is running: exhaustMap. */
export const submitEntry = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(WarehousePageActions.entrySubmitted),
      exhaustMap(({ warehouseId, draft }) =>
        api.createEntry(warehouseId, draft).pipe(
          map((document) => StockApiActions.entryAccepted({ document })),
          catchError((err: unknown) => of(StockApiActions.entryFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Follows an accepted entry until its import ends (a newer entry replaces the one followed). */
export const followImport = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(StockApiActions.entryAccepted),
      switchMap(({ document }) =>
        timer(0, IMPORT_POLL_MS).pipe(
          exhaustMap(() => api.document(document.id)),
          takeWhile((doc) => doc.status === 'importing', true),
          map((doc) =>
            doc.status === 'importing'
              ? StockApiActions.importProgressed({ document: doc })
              : StockApiActions.importFinished({ document: doc }),
          ),
          catchError((err: unknown) => of(StockApiActions.entryFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDocuments = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(DocumentsPageActions.opened, DocumentsPageActions.queryChanged),
      switchMap(({ query }) =>
        api.documents(query).pipe(
          map((page) => StockApiActions.documentsLoaded({ page })),
          catchError((err: unknown) => of(StockApiActions.documentsFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDocument = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(DocumentPageActions.opened, DocumentPageActions.linesPageChanged),
      switchMap((a) =>
        api.document(a.id, 'page' in a ? a.page : 1).pipe(
          map((document) => StockApiActions.documentLoaded({ document })),
          catchError((err: unknown) => of(StockApiActions.documentFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDevices = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(DevicesPageActions.opened, DevicesPageActions.queryChanged),
      switchMap(({ query }) =>
        api.devices(query).pipe(
          map((page) => StockApiActions.devicesLoaded({ page })),
          catchError((err: unknown) => of(StockApiActions.devicesFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadDevice = createEffect(
  (actions$ = inject(Actions), api = inject(StockApi)) =>
    actions$.pipe(
      ofType(DevicePageActions.opened),
      switchMap(({ serial }) =>
        api.device(serial).pipe(
          map((device) => StockApiActions.deviceLoaded({ device })),
          catchError((err: unknown) => of(StockApiActions.deviceFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);
