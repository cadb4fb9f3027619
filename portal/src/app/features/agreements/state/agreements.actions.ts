import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { Agreement, AgreementPage, AgreementQuery, AgreementStatus, NewAgreement } from '../data/agreements-api.service';

export const AgreementListPageActions = createActionGroup({
  source: 'Agreement List Page',
  events: { opened: props<{ query: AgreementQuery }>(), queryChanged: props<{ query: AgreementQuery }>() },
});

export const AgreementDetailPageActions = createActionGroup({
  source: 'Agreement Detail Page',
  events: {
    opened: props<{ id: string }>(),
    statusChosen: props<{ id: string; status: AgreementStatus }>(),
    fileChosen: props<{ id: string; file: File }>(),
  },
});

export const NewAgreementPageActions = createActionGroup({
  source: 'New Agreement Page',
  events: { opened: emptyProps(), submitted: props<{ agreement: NewAgreement }>() },
});

export const AgreementsApiActions = createActionGroup({
  source: 'Agreements API',
  events: {
    listLoaded: props<{ page: AgreementPage }>(),
    listFailed: props<{ error: ApiError }>(),
    loaded: props<{ agreement: Agreement }>(),
    loadFailed: props<{ error: ApiError }>(),
    changeFailed: props<{ error: ApiError }>(),
    created: props<{ agreement: Agreement }>(),
    createFailed: props<{ error: ApiError }>(),
  },
});
