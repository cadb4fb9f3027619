import { HttpErrorResponse } from '@angular/common/http';
import { Action, Store } from '@ngrx/store';
import { Observable, firstValueFrom, of, throwError } from 'rxjs';

import { ApiError } from '../../../core/api/api-error';
import { BaseDataApi, BaseItem } from '../data/basedata-api.service';
import { BaseDataApiActions, BaseDataPageActions, MappingApiActions, MappingPageActions } from './basedata.actions';
import { loadItems, saveItem, saveMappings, testConnection } from './basedata.effects';
import { basedataFeature, initialBaseDataState } from './basedata.feature';
import { mappingFeature } from './mapping.feature';

const guild = (code: string, active = true): BaseItem => ({
  kind: 'guild',
  code,
  nameFa: 'سوپرمارکت',
  nameEn: 'Supermarket',
  active,
  sortOrder: 0,
  attributes: { categoryCode: '50', guildCode: '5411' },
  updatedAt: '2026-01-01T00:00:00Z',
});

const invalid = (fields: ApiError['fields']): ApiError => ({
  status: 400,
  code: 'VALIDATION_FAILED',
  message: { fa: 'نامعتبر', en: 'Invalid' },
  fields,
});

const storeWith = (state: object) => ({ select: () => of(state) }) as unknown as Store;

describe('base data reducer', () => {
  const reduce = basedataFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when another kind is chosen, then the open form, the old rows and the import report go away', () => {
    let state = reduce(initial, BaseDataApiActions.listLoaded({ kind: 'guild', items: [guild('supermarket')] }));
    state = reduce(state, BaseDataPageActions.newStarted());
    state = reduce(
      state,
      BaseDataApiActions.importSucceeded({ report: { dryRun: false, created: 1, updated: 0, unchanged: 0 } }),
    );
    state = reduce(state, BaseDataPageActions.kindChosen({ kind: 'bank' }));
    expect(state.kind).toBe('bank');
    expect(state.items).toEqual([]);
    expect(state.draft).toBeNull();
    expect(state.importReport).toBeNull();
    expect(state.loading).toBe(true);
  });

  it('when a late answer for the previous kind arrives, then it does not overwrite the rows of the chosen kind', () => {
    let state = reduce(initial, BaseDataPageActions.kindChosen({ kind: 'bank' }));
    state = reduce(state, BaseDataApiActions.listLoaded({ kind: 'guild', items: [guild('supermarket')] }));
    expect(state.items).toEqual([]);
    expect(state.loading).toBe(true);
  });

  it('when a save is refused, then the form stays open with its error and the button is enabled again', () => {
    let state = reduce(initial, BaseDataPageActions.newStarted());
    state = reduce(state, BaseDataPageActions.saveSubmitted({ kind: 'guild', code: null, item: {} as never }));
    expect(state.saving).toBe(true);
    const error = invalid([{ field: 'attributes.guildCode', code: 'invalid', message: { fa: '۴ رقم', en: '4 digits' } }]);
    state = reduce(state, BaseDataApiActions.saveFailed({ error }));
    expect(state.saving).toBe(false);
    expect(state.draft).not.toBeNull();
    expect(state.formError).toBe(error);
  });

  it('when an item is edited, then the form opens with its values and its code is locked', () => {
    const state = reduce(initial, BaseDataPageActions.editStarted({ item: guild('supermarket') }));
    expect(state.editing).toBe('supermarket');
    expect(state.draft?.attributes['guildCode']).toBe('5411');
  });

  it('when an item is deactivated while inactive ones are hidden, then its row leaves the list', () => {
    let state = reduce(initial, BaseDataApiActions.listLoaded({ kind: 'guild', items: [guild('a'), guild('b')] }));
    state = reduce(state, BaseDataApiActions.toggleSucceeded({ item: guild('a', false) }));
    expect(state.items.map((i) => i.code)).toEqual(['b']);
    state = reduce({ ...state, includeInactive: true }, BaseDataApiActions.toggleSucceeded({ item: guild('b', false) }));
    expect(state.items[0].active).toBe(false);
  });

  it('when a CSV import is refused, then the report lists each problem by line and column', () => {
    const error = invalid([
      { field: 'rows.3.guildCode', code: 'invalid', message: { fa: 'کد صنف', en: 'guild code' } },
      { field: 'rows.1.colour', code: 'unknown_column', message: { fa: 'ستون', en: 'column' } },
    ]);
    const state = reduce(initial, BaseDataApiActions.importFailed({ error }));
    expect(basedataFeature.selectImportProblems.projector(state.importError)).toEqual([
      { line: '3', column: 'guildCode', message: { fa: 'کد صنف', en: 'guild code' } },
      { line: '1', column: 'colour', message: { fa: 'ستون', en: 'column' } },
    ]);
  });
});

describe('mapping reducer', () => {
  const reduce = mappingFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the PSPs arrive, then the first one is chosen', () => {
    const state = reduce(initial, MappingApiActions.pspsLoaded({ psps: [{ ...guild('psp-a'), kind: 'psp' }] }));
    expect(state.psp).toBe('psp-a');
  });

  it('when opened from the "fix the mapping" link of a parked request, then its PSP and kind are the ones shown', () => {
    let state = reduce(initial, MappingPageActions.opened({ psp: 'psp-b', kind: 'swap-reason' }));
    expect(state.kind).toBe('swap-reason');
    const psps = ['psp-a', 'psp-b'].map((code) => ({ ...guild(code), kind: 'psp' as const }));
    state = reduce(state, MappingApiActions.pspsLoaded({ psps }));
    expect(state.psp).toBe('psp-b');
    // Opened again without parameters: what was chosen stays.
    state = reduce(state, MappingPageActions.opened({ psp: null, kind: null }));
    expect([state.psp, state.kind]).toEqual(['psp-b', 'swap-reason']);
  });

  it('when a bulk save is refused, then the problems name the item codes, not the row numbers', () => {
    const changes = [
      { kind: 'guild' as const, code: 'supermarket', pspCode: '5411' },
      { kind: 'guild' as const, code: 'bookshop', pspCode: 'x' },
    ];
    let state = reduce(initial, MappingPageActions.changesSubmitted({ psp: 'psp-a', changes }));
    const error = invalid([{ field: 'items.1.pspCode', code: 'invalid', message: { fa: 'کد', en: 'code' } }]);
    state = reduce(state, MappingApiActions.changesFailed({ error, changes }));
    expect(state.saving).toBe(false);
    expect(mappingFeature.selectProblems.projector(state.error, state.refused)).toEqual([
      { line: 'bookshop', column: 'pspCode', message: { fa: 'کد', en: 'code' } },
    ]);
  });

  it('when the unmapped view arrives, then kinds with nothing missing are left out', () => {
    const state = reduce(
      initial,
      MappingApiActions.unmappedLoaded({
        kinds: [
          { kind: 'guild', total: 3, unmapped: 1, items: [] },
          { kind: 'bank', total: 2, unmapped: 0, items: [] },
        ],
      }),
    );
    expect(state.unmapped.map((k) => k.kind)).toEqual(['guild']);
  });
});

describe('base data effects', () => {
  it('when the search changes, then the list is asked for the current kind, text and inactive switch', async () => {
    const list = vi.fn().mockReturnValue(of({ items: [guild('supermarket')], total: 1 }));
    const state = { ...initialBaseDataState, kind: 'bank', q: ' ملت ', includeInactive: true };
    const result = await firstValueFrom(
      loadItems(of(BaseDataPageActions.searchChanged({ q: ' ملت ' })), storeWith(state), {
        list,
      } as unknown as BaseDataApi) as Observable<Action>,
    );
    expect(list).toHaveBeenCalledWith('bank', 'ملت', true);
    expect(result).toEqual(BaseDataApiActions.listLoaded({ kind: 'bank', items: [guild('supermarket')] }));
  });

  it('when an edited item is saved, then it is PUT under its code (without sending the code again)', async () => {
    const update = vi.fn().mockReturnValue(of(guild('supermarket')));
    const create = vi.fn();
    const item = { code: 'supermarket', nameFa: 'الف', nameEn: 'A', active: true, sortOrder: 0, attributes: {} };
    await firstValueFrom(
      saveItem(of(BaseDataPageActions.saveSubmitted({ kind: 'guild', code: 'supermarket', item })), {
        update,
        create,
      } as unknown as BaseDataApi) as Observable<Action>,
    );
    expect(create).not.toHaveBeenCalled();
    expect(update).toHaveBeenCalledWith('guild', 'supermarket', {
      nameFa: 'الف',
      nameEn: 'A',
      active: true,
      sortOrder: 0,
      attributes: {},
    });
  });

  it('when the API refuses a save, then a failure action carries its field errors', async () => {
    const refusal = new HttpErrorResponse({
      status: 400,
      error: {
        error: {
          code: 'VALIDATION_FAILED',
          message: { fa: 'x', en: 'x' },
          fields: [{ field: 'code', code: 'taken', message: { fa: 'x', en: 'x' } }],
        },
      },
    });
    const create = vi.fn().mockReturnValue(throwError(() => refusal));
    const item = { code: 'a', nameFa: 'الف', nameEn: 'A', active: true, sortOrder: 0, attributes: {} };
    const result = (await firstValueFrom(
      saveItem(of(BaseDataPageActions.saveSubmitted({ kind: 'guild', code: null, item })), {
        create,
      } as unknown as BaseDataApi) as Observable<Action>,
    )) as ReturnType<typeof BaseDataApiActions.saveFailed>;
    expect(result.type).toBe(BaseDataApiActions.saveFailed.type);
    expect(result.error.fields[0].field).toBe('code');
  });

  it('when mapping changes are submitted, then they go to the bulk route in one call', async () => {
    const bulkMappings = vi.fn().mockReturnValue(of({ dryRun: false, set: 1, cleared: 1, unchanged: 0 }));
    const changes = [
      { kind: 'guild' as const, code: 'a', pspCode: '5411' },
      { kind: 'guild' as const, code: 'b', pspCode: null },
    ];
    const result = await firstValueFrom(
      saveMappings(of(MappingPageActions.changesSubmitted({ psp: 'psp-a', changes })), {
        bulkMappings,
      } as unknown as BaseDataApi) as Observable<Action>,
    );
    expect(bulkMappings).toHaveBeenCalledWith('psp-a', changes);
    expect(result).toEqual(MappingApiActions.changesSaved({ report: { dryRun: false, set: 1, cleared: 1, unchanged: 0 } }));
  });

  it('when a PSP connection test is refused by the API, then the failure keeps its bilingual message for that PSP', async () => {
    const refusal = new HttpErrorResponse({
      status: 503,
      error: { error: { code: 'PSP_ADAPTER_MISSING', message: { fa: 'نشانی سرویس وارد نشده است.', en: 'No endpoint URL.' } } },
    });
    const api = { testConnection: vi.fn().mockReturnValue(throwError(() => refusal)) } as unknown as BaseDataApi;
    const result = (await firstValueFrom(
      testConnection(of(BaseDataPageActions.connectionTestClicked({ psp: 'psp-b' })), api) as Observable<Action>,
    )) as ReturnType<typeof BaseDataApiActions.connectionTestFailed>;
    expect(result.type).toBe(BaseDataApiActions.connectionTestFailed.type);
    expect(result.psp).toBe('psp-b');
    expect(result.error.message.en).toBe('No endpoint URL.');
  });
});

describe('PSP connection test state', () => {
  const reduce = basedataFeature.reducer;
  it('when a test runs and answers, then only that PSP shows running and then its result', () => {
    let state = reduce(initialBaseDataState, BaseDataPageActions.connectionTestClicked({ psp: 'psp-a' }));
    expect(state.connectionTests['psp-a']).toEqual({ running: true, result: null, error: null });
    expect(state.connectionTests['psp-b']).toBeUndefined();
    const result = { ok: true, pspCode: 'psp-a', requestId: 'r', latencyMs: 12, detail: 'ok', failure: null };
    state = reduce(state, BaseDataApiActions.connectionTested({ psp: 'psp-a', result }));
    expect(state.connectionTests['psp-a']).toEqual({ running: false, result, error: null });
  });
});
