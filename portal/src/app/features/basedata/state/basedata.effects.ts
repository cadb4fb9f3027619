import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import {
  catchError,
  concatMap,
  exhaustMap,
  filter,
  groupBy,
  map,
  merge,
  mergeMap,
  of,
  switchMap,
  tap,
  withLatestFrom,
} from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { NotificationService } from '../../../core/notifications/notification.service';
import { saveBlob } from '../../tickets/data/save-blob';
import { BaseDataApi } from '../data/basedata-api.service';
import { BaseDataApiActions, BaseDataPageActions, MappingApiActions, MappingPageActions } from './basedata.actions';
import { basedataFeature } from './basedata.feature';
import { mappingFeature } from './mapping.feature';

/** The list follows the kind, the search and the inactive switch, and refreshes after a save or an import. */
export const loadItems = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(
        BaseDataPageActions.opened,
        BaseDataPageActions.kindChosen,
        BaseDataPageActions.searchChanged,
        BaseDataPageActions.inactiveToggled,
        BaseDataApiActions.saveSucceeded,
        BaseDataApiActions.importSucceeded,
      ),
      withLatestFrom(store.select(basedataFeature.selectBasedataState)),
      switchMap(([, { kind, q, includeInactive }]) =>
        api.list(kind, q.trim(), includeInactive).pipe(
          map((page) => BaseDataApiActions.listLoaded({ kind, items: page.items })),
          catchError((error: unknown) => of(BaseDataApiActions.listFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** A submit is not repeated while one is running: exhaustMap. */
export const saveItem = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(BaseDataPageActions.saveSubmitted),
      exhaustMap(({ kind, code, item }) => {
        const { code: newCode, ...rest } = item;
        const call = code ? api.update(kind, code, rest) : api.create(kind, { ...rest, code: newCode });
        return call.pipe(
          map((saved) => BaseDataApiActions.saveSucceeded({ item: saved })),
          catchError((error: unknown) => of(BaseDataApiActions.saveFailed({ error: toApiError(error) }))),
        );
      }),
    ),
  { functional: true },
);

/** Toggles on different rows all go through, one after another. */
export const toggleItem = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(BaseDataPageActions.activeToggled),
      concatMap(({ kind, code, active }) =>
        api.setActive(kind, code, active).pipe(
          map((item) => BaseDataApiActions.toggleSucceeded({ item })),
          catchError((error: unknown) => of(BaseDataApiActions.toggleFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** One test per PSP at a time (a second click while it runs is ignored); different PSPs run side by side. */
export const testConnection = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(BaseDataPageActions.connectionTestClicked),
      groupBy(({ psp }) => psp),
      mergeMap((perPsp$) =>
        perPsp$.pipe(
          exhaustMap(({ psp }) =>
            api.testConnection(psp).pipe(
              map((result) => BaseDataApiActions.connectionTested({ psp, result })),
              catchError((error: unknown) => of(BaseDataApiActions.connectionTestFailed({ psp, error: toApiError(error) }))),
            ),
          ),
        ),
      ),
    ),
  { functional: true },
);

export const exportItems = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(BaseDataPageActions.exportClicked),
      exhaustMap(({ kind }) =>
        api.exportCsv(kind).pipe(
          tap((blob) => saveBlob(blob, `${kind}.csv`)),
          map(() => BaseDataApiActions.exportDone()),
          catchError((error: unknown) => of(BaseDataApiActions.exportFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const importItems = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(BaseDataPageActions.importChosen),
      exhaustMap(({ kind, file }) =>
        api.importCsv(kind, file).pipe(
          map((report) => BaseDataApiActions.importSucceeded({ report })),
          catchError((error: unknown) => of(BaseDataApiActions.importFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadPsps = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(MappingPageActions.opened),
      switchMap(() =>
        api.list('psp', '', false).pipe(
          map((page) => MappingApiActions.pspsLoaded({ psps: page.items })),
          catchError((error: unknown) => of(MappingApiActions.loadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** The PSP's codes of the chosen kind and its unmapped view, after every choice and every change. */
export const loadMappings = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(
        MappingApiActions.pspsLoaded,
        MappingPageActions.pspChosen,
        MappingPageActions.kindChosen,
        MappingApiActions.changesSaved,
        MappingApiActions.importSucceeded,
      ),
      withLatestFrom(store.select(mappingFeature.selectMappingState)),
      filter(([, { psp }]) => psp !== ''),
      switchMap(([, { psp, kind }]) =>
        merge(
          api.mappings(psp, kind).pipe(map(({ items }) => MappingApiActions.mappingsLoaded({ items }))),
          api.unmapped(psp).pipe(map(({ kinds }) => MappingApiActions.unmappedLoaded({ kinds }))),
        ).pipe(catchError((error: unknown) => of(MappingApiActions.loadFailed({ error: toApiError(error) })))),
      ),
    ),
  { functional: true },
);

export const saveMappings = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(MappingPageActions.changesSubmitted),
      exhaustMap(({ psp, changes }) =>
        api.bulkMappings(psp, changes).pipe(
          map((report) => MappingApiActions.changesSaved({ report })),
          catchError((error: unknown) => of(MappingApiActions.changesFailed({ error: toApiError(error), changes }))),
        ),
      ),
    ),
  { functional: true },
);

export const exportMappings = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(MappingPageActions.exportClicked),
      exhaustMap(({ psp }) =>
        api.exportMappingsCsv(psp).pipe(
          tap((blob) => saveBlob(blob, `mapping-${psp}.csv`)),
          map(() => MappingApiActions.exportDone()),
          catchError((error: unknown) => of(MappingApiActions.loadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

export const importMappings = createEffect(
  (actions$ = inject(Actions), api = inject(BaseDataApi)) =>
    actions$.pipe(
      ofType(MappingPageActions.importChosen),
      exhaustMap(({ psp, file }) =>
        api.importMappingsCsv(psp, file).pipe(
          map((report) => MappingApiActions.importSucceeded({ report })),
          catchError((error: unknown) => of(MappingApiActions.importFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** A confirmation toast after each change that went through. */
export const confirm = createEffect(
  (actions$ = inject(Actions), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(BaseDataApiActions.saveSucceeded, BaseDataApiActions.toggleSucceeded, MappingApiActions.changesSaved),
      tap(() => notify.success('toast.actionDone')),
    ),
  { functional: true, dispatch: false },
);
