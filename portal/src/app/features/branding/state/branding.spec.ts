import { Action, Store } from '@ngrx/store';
import { Observable, firstValueFrom, of } from 'rxjs';

import { AgentBranding, BrandingApi } from '../data/branding-api.service';
import { brandingChange, previewColour } from '../data/branding-form';
import { BrandingApiActions, BrandingPageActions } from './branding.actions';
import { change, load } from './branding.effects';
import { brandingFeature, initialBrandingState } from './branding.feature';

const branding = (code: string, over: Partial<AgentBranding> = {}): AgentBranding => ({
  agent: { id: `id-${code}`, code, realm: `agent-${code}`, nameFa: 'آلفا', nameEn: 'Alpha' },
  titleFa: null,
  titleEn: null,
  primaryColor: null,
  accentColor: null,
  logoUrl: null,
  domains: [],
  defaults: { titleFa: 'کارتابل', titleEn: 'Kartabl', primaryColor: '#0f766e', accentColor: '#0f1f2e' },
  ...over,
});

describe('branding reducer', () => {
  const reduce = brandingFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the page opens, then it edits the signed-in agent and shows loading', () => {
    const state = reduce(initial, BrandingPageActions.opened({ agent: 'broker', isBroker: true }));
    expect(state.agent).toBe('broker');
    expect(state.loading).toBe(true);
  });

  it('when the broker switches agent before the old answer arrives, then the old branding is not shown', () => {
    let state = reduce(initial, BrandingPageActions.opened({ agent: 'broker', isBroker: true }));
    state = reduce(state, BrandingPageActions.agentChosen({ agent: 'alpha' }));
    state = reduce(state, BrandingApiActions.loaded({ branding: branding('broker') }));
    expect(state.branding).toBeNull();
    state = reduce(state, BrandingApiActions.loaded({ branding: branding('alpha') }));
    expect(state.branding?.agent.code).toBe('alpha');
  });

  it('when a save is refused (low contrast), then the stored branding stays and the error reaches the fields', () => {
    let state = reduce(initial, BrandingPageActions.agentChosen({ agent: 'alpha' }));
    state = reduce(state, BrandingApiActions.loaded({ branding: branding('alpha', { primaryColor: '#123456' }) }));
    state = reduce(state, BrandingPageActions.saveSubmitted({ agent: 'alpha', change: brandingChange('', '', '#fde68a', '') }));
    expect(state.saving).toBe(true);
    const error = { status: 400, code: 'VALIDATION_FAILED', message: { fa: 'x', en: 'x' }, fields: [] };
    state = reduce(state, BrandingApiActions.changeFailed({ error }));
    expect(state.saving).toBe(false);
    expect(state.branding?.primaryColor).toBe('#123456');
    expect(state.error).toBe(error);
  });

  it('when the logo is removed, then the answer without a logo replaces the branding', () => {
    let state = reduce(initial, BrandingPageActions.agentChosen({ agent: 'alpha' }));
    state = reduce(state, BrandingApiActions.loaded({ branding: branding('alpha', { logoUrl: '/logo' }) }));
    state = reduce(state, BrandingPageActions.logoRemoved({ agent: 'alpha' }));
    state = reduce(state, BrandingApiActions.changed({ branding: branding('alpha') }));
    expect(state.branding?.logoUrl).toBeNull();
  });
});

describe('branding effects', () => {
  it('when the logo is removed, then the API is asked to delete it and the answer becomes the branding', async () => {
    const removeLogo = vi.fn().mockReturnValue(of(branding('alpha')));
    const result = await firstValueFrom(
      change(of(BrandingPageActions.logoRemoved({ agent: 'alpha' })), {
        removeLogo,
      } as unknown as BrandingApi) as Observable<Action>,
    );
    expect(removeLogo).toHaveBeenCalledWith('alpha');
    expect(result).toEqual(BrandingApiActions.changed({ branding: branding('alpha') }));
  });

  it('when an agent is chosen, then that agent’s branding is read', async () => {
    const get = vi.fn().mockReturnValue(of(branding('alpha')));
    const store = { select: () => of('alpha') } as unknown as Store;
    await firstValueFrom(
      load(of(BrandingPageActions.agentChosen({ agent: 'alpha' })), store, {
        get,
      } as unknown as BrandingApi) as Observable<Action>,
    );
    expect(get).toHaveBeenCalledWith('alpha');
    expect(initialBrandingState.agent).toBe('');
  });
});

describe('branding form helpers', () => {
  it('when a colour is half typed, then the preview keeps the default until it is a full #rrggbb', () => {
    expect(previewColour('#12', '#0f766e')).toBe('#0f766e');
    expect(previewColour(' #1D4ED8 ', '#0f766e')).toBe('#1D4ED8');
  });

  it('when a field is left blank, then the API gets null (use the default)', () => {
    expect(brandingChange('  ', 'Alpha', '#1d4ed8', '')).toEqual({
      titleFa: null,
      titleEn: 'Alpha',
      primaryColor: '#1d4ed8',
      accentColor: null,
    });
  });
});
