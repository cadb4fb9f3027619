import { HttpErrorResponse } from '@angular/common/http';
import { Action } from '@ngrx/store';
import { Observable, firstValueFrom, of, throwError } from 'rxjs';

import { agreementChange, agreementFormValues, codesFrom } from '../data/agreement-form';
import { Agreement, AgreementsApi } from '../data/agreements-api.service';
import { AgreementDetailPageActions, AgreementsApiActions, EditAgreementPageActions } from './agreements.actions';
import { removeFile, update } from './agreements.effects';
import { agreementsFeature } from './agreements.feature';

const stored = (): Agreement =>
  ({
    id: 'ag1',
    title: 'قرارداد ۱۴۰۵',
    validFromJalali: '1405/01/01',
    validToJalali: '1405/12/29',
    signedBy: null,
    signedOnJalali: null,
    status: 'active',
    version: 3,
    terms: {
      currency: 'IRR',
      prices: [{ item: 'pos-a', amount: 1000 }],
      commissions: [{ service: 'terminal-registration', kind: 'percent', value: 2.5 }],
      allowedPsps: ['sep'],
      allowedDeviceModels: [],
      quotas: [],
    },
    attachments: [],
  }) as unknown as Agreement;

const conflict = new HttpErrorResponse({
  status: 409,
  error: {
    error: {
      code: 'AGREEMENT_VERSION_CONFLICT',
      message: { fa: 'نسخهٔ تازه‌تری هست', en: 'A newer version exists' },
    },
  },
});

describe('agreement edit', () => {
  const reduce = agreementsFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the form is saved, then dates are sent in ASCII digits, the other terms stay and the read version goes along', () => {
    const values = { ...agreementFormValues(stored()), validTo: '۱۴۰۶/۰۶/۳۱', psps: 'sep، pec', signedBy: ' ' };
    const change = agreementChange(stored(), values);
    expect(change.validTo).toBe('1406/06/31');
    expect(change.terms.allowedPsps).toEqual(['sep', 'pec']);
    expect(change.terms.commissions).toEqual(stored().terms.commissions);
    expect(change.signedBy).toBeNull();
    expect(change.version).toBe(3);
  });

  it('when someone saved a newer version, then the 409 becomes a conflict the page shows (not a field error)', async () => {
    const result = (await firstValueFrom(
      update(
        of(EditAgreementPageActions.submitted({ id: 'ag1', change: agreementChange(stored(), agreementFormValues(stored())) })),
        {
          update: vi.fn().mockReturnValue(throwError(() => conflict)),
        } as unknown as AgreementsApi,
      ) as Observable<Action>,
    )) as ReturnType<typeof AgreementsApiActions.updateFailed>;
    expect(result.type).toBe(AgreementsApiActions.updateFailed.type);
    const state = reduce(reduce(initial, EditAgreementPageActions.submitted({ id: 'ag1', change: {} as never })), result);
    expect(state.busy).toBe(false);
    expect(agreementsFeature.selectVersionConflict.projector(state.formError)).toBe(true);
  });

  it('when the newest version is loaded after a conflict, then the conflict banner goes away', () => {
    let state = reduce(
      initial,
      AgreementsApiActions.updateFailed({
        error: { status: 409, code: 'AGREEMENT_VERSION_CONFLICT', message: { fa: '', en: '' }, fields: [] },
      }),
    );
    state = reduce(state, EditAgreementPageActions.reloadClicked({ id: 'ag1' }));
    expect(agreementsFeature.selectVersionConflict.projector(state.formError)).toBe(false);
    expect(state.detailLoading).toBe(true);
  });

  it('when a file is removed, then the agreement is read again without it', async () => {
    const removeFileApi = vi.fn().mockReturnValue(of(undefined));
    const get = vi.fn().mockReturnValue(of(stored()));
    const result = await firstValueFrom(
      removeFile(of(AgreementDetailPageActions.fileRemoved({ id: 'ag1', fileId: 'f1' })), {
        removeFile: removeFileApi,
        get,
      } as unknown as AgreementsApi) as Observable<Action>,
    );
    expect(removeFileApi).toHaveBeenCalledWith('ag1', 'f1');
    expect(result).toEqual(AgreementsApiActions.loaded({ agreement: stored() }));
  });

  it('when the form opens in Persian, then the Jalali days read in Persian digits', () => {
    const values = agreementFormValues(stored(), 'fa');
    expect(values.validFrom).toBe('۱۴۰۵/۰۱/۰۱');
    expect(values.signedOn).toBe('');
    expect(agreementChange(stored(), values).validFrom).toBe('1405/01/01');
  });

  it('when codes are typed with Persian commas or spaces, then each is one code', () => {
    expect(codesFrom('sep، pec  ,ikc')).toEqual(['sep', 'pec', 'ikc']);
  });
});
