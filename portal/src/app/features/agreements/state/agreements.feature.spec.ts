import { shade } from '../../../core/branding/branding.service';
import { AgreementListPageActions, AgreementsApiActions, NewAgreementPageActions } from './agreements.actions';
import { agreementsFeature } from './agreements.feature';

describe('agreements feature', () => {
  const reduce = agreementsFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the list page asks for current agreements, then the query is kept and loading shows', () => {
    const query = { status: '' as const, agentId: '', current: true, page: 1 };
    const state = reduce(initial, AgreementListPageActions.queryChanged({ query }));
    expect(state.query.current).toBe(true);
    expect(state.listLoading).toBe(true);
  });

  it('when a create is refused, then the field errors reach the form and the button is enabled again', () => {
    const error = { status: 400, code: 'VALIDATION_FAILED', message: { fa: 'x', en: 'x' }, fields: [] };
    let state = reduce(initial, NewAgreementPageActions.submitted({ agreement: {} as never }));
    expect(state.busy).toBe(true);
    state = reduce(state, AgreementsApiActions.createFailed({ error }));
    expect(state.busy).toBe(false);
    expect(state.formError).toBe(error);
  });
});

describe('shade', () => {
  it('mixes a colour towards white or black', () => {
    expect(shade('#000000', 0.5)).toBe('#808080');
    expect(shade('#ffffff', -0.5)).toBe('#808080');
    expect(shade('#0f766e', 0)).toBe('#0f766e');
  });
});
