import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  AccountDraft,
  DocumentType,
  MerchantDetail,
  MerchantDraft,
  MerchantPage,
  MerchantQuery,
  ReviewDecision,
  ShopDraft,
} from '../data/merchants.models';

export const MerchantListPageActions = createActionGroup({
  source: 'Merchant List Page',
  events: {
    Opened: props<{ query: MerchantQuery }>(),
    'Query Changed': props<{ query: MerchantQuery }>(),
  },
});

export const NewMerchantPageActions = createActionGroup({
  source: 'New Merchant Page',
  events: {
    Opened: emptyProps(),
    Submitted: props<{ draft: MerchantDraft }>(),
  },
});

export const EditMerchantPageActions = createActionGroup({
  source: 'Edit Merchant Page',
  events: {
    Opened: props<{ id: string }>(),
    Submitted: props<{ id: string; changes: Readonly<Record<string, unknown>> }>(),
    Cancelled: props<{ id: string }>(),
  },
});

export const MerchantDetailPageActions = createActionGroup({
  source: 'Merchant Detail Page',
  events: {
    Opened: props<{ id: string }>(),
    'Shop Added': props<{ id: string; shop: ShopDraft }>(),
    'Shop Removed': props<{ id: string; shopId: string }>(),
    'Account Added': props<{ id: string; account: AccountDraft }>(),
    'Account Removed': props<{ id: string; accountId: string }>(),
    'Primary Chosen': props<{ id: string; accountId: string }>(),
    'Document Uploaded': props<{ id: string; typeCode: string; file: File }>(),
    'Document Reviewed': props<{ id: string; documentId: string; decision: ReviewDecision }>(),
  },
});

export const MerchantsApiActions = createActionGroup({
  source: 'Merchants API',
  events: {
    'List Loaded': props<{ page: MerchantPage }>(),
    'List Failed': props<{ error: ApiError }>(),
    'Detail Loaded': props<{ merchant: MerchantDetail }>(),
    'Detail Failed': props<{ error: ApiError }>(),
    'Document Types Loaded': props<{ types: readonly DocumentType[] }>(),
    'Create Succeeded': props<{ merchant: MerchantDetail }>(),
    'Create Failed': props<{ error: ApiError }>(),
    'Update Succeeded': props<{ merchant: MerchantDetail }>(),
    'Update Failed': props<{ error: ApiError }>(),
    /** A change on the merchant page went through; the page reloads the merchant. */
    'Change Succeeded': props<{ id: string; kind: string }>(),
    'Change Failed': props<{ kind: string; error: ApiError }>(),
  },
});
