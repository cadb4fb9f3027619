import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  Agreement,
  AgreementChange,
  AgreementPage,
  AgreementQuery,
  AgreementStatus,
  NewAgreement,
} from '../data/agreements-api.service';

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
    fileRemoved: props<{ id: string; fileId: string }>(),
  },
});

export const EditAgreementPageActions = createActionGroup({
  source: 'Edit Agreement Page',
  events: {
    opened: props<{ id: string }>(),
    /** `change.version` is the version the form was filled from; a newer one in the database answers 409. */
    submitted: props<{ id: string; change: AgreementChange }>(),
    /** After a conflict: read the newest version (the form is filled again from it). */
    reloadClicked: props<{ id: string }>(),
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
    updated: props<{ agreement: Agreement }>(),
    updateFailed: props<{ error: ApiError }>(),
  },
});
