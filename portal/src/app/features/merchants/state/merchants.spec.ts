import { HttpErrorResponse } from '@angular/common/http';
import { Action } from '@ngrx/store';
import { Observable, firstValueFrom, of, throwError } from 'rxjs';

import { MerchantsApi } from '../data/merchants-api.service';
import { MerchantDetail } from '../data/merchants.models';
import { EditMerchantPageActions, MerchantListPageActions, MerchantsApiActions } from './merchants.actions';
import { update } from './merchants.effects';
import { merchantsFeature } from './merchants.feature';

const merchant = { id: 'm1', kind: 'natural' } as MerchantDetail;

describe('merchants reducer', () => {
  const reduce = merchantsFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the list is searched, then the query is kept and loading shows until the page arrives', () => {
    let state = reduce(initial, MerchantListPageActions.queryChanged({ query: { q: 'رضا', page: 1, pageSize: 20 } }));
    expect(state.query.q).toBe('رضا');
    expect(state.listLoading).toBe(true);
    state = reduce(state, MerchantsApiActions.listLoaded({ page: { items: [], total: 0, page: 1, pageSize: 20 } }));
    expect(state.listLoading).toBe(false);
  });

  it('when the edit page opens for another merchant, then the previous merchant is not shown in the form', () => {
    let state = reduce(initial, MerchantsApiActions.detailLoaded({ merchant }));
    state = reduce(state, EditMerchantPageActions.opened({ id: 'm2' }));
    expect(state.detail).toBeNull();
    expect(state.detailLoading).toBe(true);
  });

  it('when an edit is refused, then the error reaches the form and saving stops; a success replaces the merchant', () => {
    let state = reduce(initial, EditMerchantPageActions.submitted({ id: 'm1', changes: {} }));
    expect(state.updating).toBe(true);
    const error = { status: 400, code: 'VALIDATION_FAILED', message: { fa: 'x', en: 'x' }, fields: [] };
    state = reduce(state, MerchantsApiActions.updateFailed({ error }));
    expect(state.updating).toBe(false);
    expect(state.updateError).toBe(error);
    state = reduce(state, EditMerchantPageActions.submitted({ id: 'm1', changes: {} }));
    state = reduce(state, MerchantsApiActions.updateSucceeded({ merchant: { ...merchant, mobile: '09120000000' } }));
    expect(state.updateError).toBeNull();
    expect(state.detail?.mobile).toBe('09120000000');
  });
});

describe('merchant update effect', () => {
  it('when an edit is submitted, then the changes are PATCHed and the stored merchant comes back', async () => {
    const apiUpdate = vi.fn().mockReturnValue(of(merchant));
    const result = await firstValueFrom(
      update(of(EditMerchantPageActions.submitted({ id: 'm1', changes: { mobile: '09120000000' } })), {
        update: apiUpdate,
      } as unknown as MerchantsApi) as Observable<Action>,
    );
    expect(apiUpdate).toHaveBeenCalledWith('m1', { mobile: '09120000000' });
    expect(result).toEqual(MerchantsApiActions.updateSucceeded({ merchant }));
  });

  it('when the API refuses a field, then the failure carries the field error in both languages', async () => {
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        error: {
          code: 'VALIDATION_FAILED',
          message: { fa: 'نامعتبر', en: 'Invalid' },
          fields: [{ field: 'mobile', code: 'mobile_prefix', message: { fa: 'شمارهٔ همراه', en: 'Mobile' } }],
        },
      },
    });
    const result = (await firstValueFrom(
      update(of(EditMerchantPageActions.submitted({ id: 'm1', changes: {} })), {
        update: vi.fn().mockReturnValue(throwError(() => refusal)),
      } as unknown as MerchantsApi) as Observable<Action>,
    )) as ReturnType<typeof MerchantsApiActions.updateFailed>;
    expect(result.type).toBe(MerchantsApiActions.updateFailed.type);
    expect(result.error.fields[0]).toEqual({
      field: 'mobile',
      code: 'mobile_prefix',
      message: { fa: 'شمارهٔ همراه', en: 'Mobile' },
    });
  });
});
