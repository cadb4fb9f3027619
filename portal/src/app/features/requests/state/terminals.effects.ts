import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, map, of, switchMap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { RequestsApi } from '../data/requests-api.service';
import { TerminalsApiActions, TerminalsPageActions } from './requests.actions';

export const loadTerminals = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(TerminalsPageActions.opened, TerminalsPageActions.queryChanged),
      switchMap(({ query }) =>
        api.terminals(query).pipe(
          map((page) => TerminalsApiActions.listLoaded({ page })),
          catchError((err: unknown) => of(TerminalsApiActions.listFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);

export const loadTerminal = createEffect(
  (actions$ = inject(Actions), api = inject(RequestsApi)) =>
    actions$.pipe(
      ofType(TerminalsPageActions.terminalOpened),
      switchMap(({ id }) =>
        api.terminal(id).pipe(
          map((terminal) => TerminalsApiActions.detailLoaded({ terminal })),
          catchError((err: unknown) => of(TerminalsApiActions.detailFailed({ error: toApiError(err) }))),
        ),
      ),
    ),
  { functional: true },
);
