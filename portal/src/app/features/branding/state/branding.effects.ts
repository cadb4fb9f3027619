import { inject } from '@angular/core';
import { Actions, createEffect, ofType } from '@ngrx/effects';
import { Store } from '@ngrx/store';
import { Observable, catchError, concatMap, filter, map, of, switchMap, tap, withLatestFrom } from 'rxjs';

import { toApiError } from '../../../core/api/api-error';
import { BrandingService } from '../../../core/branding/branding.service';
import { NotificationService } from '../../../core/notifications/notification.service';
import { selectAgent } from '../../../core/session/session.feature';
import { PublicApi } from '../../auth/data/public-api.service';
import { AgentBranding, BrandingApi } from '../data/branding-api.service';
import { BrandingApiActions, BrandingPageActions } from './branding.actions';
import { brandingFeature } from './branding.feature';

export const loadAgents = createEffect(
  (actions$ = inject(Actions), api = inject(PublicApi)) =>
    actions$.pipe(
      ofType(BrandingPageActions.opened),
      filter(({ isBroker }) => isBroker),
      switchMap(() =>
        api.agents().pipe(
          map((agents) => BrandingApiActions.agentsLoaded({ agents })),
          catchError(() => of(BrandingApiActions.agentsLoaded({ agents: [] }))),
        ),
      ),
    ),
  { functional: true },
);

/** The chosen agent's branding; a newer choice cancels the older request. */
export const load = createEffect(
  (actions$ = inject(Actions), store = inject(Store), api = inject(BrandingApi)) =>
    actions$.pipe(
      ofType(BrandingPageActions.opened, BrandingPageActions.agentChosen),
      withLatestFrom(store.select(brandingFeature.selectAgent)),
      filter(([, agent]) => agent !== ''),
      switchMap(([, agent]) =>
        api.get(agent).pipe(
          map((branding) => BrandingApiActions.loaded({ branding })),
          catchError((error: unknown) => of(BrandingApiActions.loadFailed({ error: toApiError(error) }))),
        ),
      ),
    ),
  { functional: true },
);

/** Saves, logo and domain changes run one after another; each answers with the stored branding. */
export const change = createEffect(
  (actions$ = inject(Actions), api = inject(BrandingApi)) =>
    actions$.pipe(
      ofType(
        BrandingPageActions.saveSubmitted,
        BrandingPageActions.logoChosen,
        BrandingPageActions.logoRemoved,
        BrandingPageActions.domainAdded,
        BrandingPageActions.domainRemoved,
      ),
      concatMap((action) => {
        let call: Observable<AgentBranding>;
        switch (action.type) {
          case BrandingPageActions.saveSubmitted.type:
            call = api.save(action.agent, action.change);
            break;
          case BrandingPageActions.logoChosen.type:
            call = api.uploadLogo(action.agent, action.file);
            break;
          case BrandingPageActions.logoRemoved.type:
            call = api.removeLogo(action.agent);
            break;
          case BrandingPageActions.domainAdded.type:
            call = api.addDomain(action.agent, action.domain);
            break;
          default:
            call = api.removeDomain(action.agent, action.domain);
        }
        return call.pipe(
          map((branding) => BrandingApiActions.changed({ branding })),
          catchError((error: unknown) => of(BrandingApiActions.changeFailed({ error: toApiError(error) }))),
        );
      }),
    ),
  { functional: true },
);

/** A confirmation, and the shell takes the new look at once when the agent branded itself. */
export const applyOwn = createEffect(
  (actions$ = inject(Actions), store = inject(Store), shell = inject(BrandingService), notify = inject(NotificationService)) =>
    actions$.pipe(
      ofType(BrandingApiActions.changed),
      withLatestFrom(store.select(selectAgent)),
      tap(([{ branding }, me]) => {
        notify.success('toast.actionDone');
        if (branding.agent.code === me?.code) shell.reload(branding.agent.code);
      }),
    ),
  { functional: true, dispatch: false },
);
