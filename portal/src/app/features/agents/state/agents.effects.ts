import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { catchError, map, of, switchMap } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { AgentsApi } from '../data/agents-api.service';
import { AgentTreePageActions, AgentsApiActions } from './agents.actions';

export const loadAgents = createEffect(
  (actions$ = inject(Actions), api = inject(AgentsApi)) =>
    actions$.pipe(
      ofType(AgentTreePageActions.opened, AgentTreePageActions.refreshClicked),
      switchMap(() =>
        api.list().pipe(
          map(({ items }) => AgentsApiActions.agentsLoaded({ items })),
          catchError((error: unknown) => of(AgentsApiActions.agentsLoadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);
