import { Action } from '@ngrx/store';
import { Observable, firstValueFrom, of } from 'rxjs';

import { parseRanges, rangesText } from '../data/ip-ranges';
import { SettingsApi } from '../data/settings-api.service';
import { SettingsApiActions, SettingsPageActions } from './settings.actions';
import { saveRanges } from './settings.effects';
import { settingsFeature } from './settings.feature';

const agent = (code: string, isBroker = false) => ({ code, realm: code, nameFa: code, nameEn: code, isBroker });

describe('settings reducer and selectors', () => {
  const reduce = settingsFeature.reducer;
  const initial = reduce(undefined, { type: '@@init' });

  it('when the agents arrive, then the broker is not among them and the first agent is chosen', () => {
    const state = reduce(
      initial,
      SettingsApiActions.agentsLoaded({ agents: [agent('broker', true), agent('alpha'), agent('beta')] }),
    );
    expect(state.agents.map((a) => a.code)).toEqual(['alpha', 'beta']);
    expect(state.agent).toBe('alpha');
  });

  it('when an agent is chosen, then its own ranges show', () => {
    let state = reduce(
      initial,
      SettingsApiActions.rangesLoaded({
        ranges: {
          yourIp: '127.0.0.1',
          global: [],
          agents: [
            { agent: { id: '1', code: 'alpha', nameFa: '', nameEn: '' }, ranges: ['10.0.0.0/8'] },
            { agent: { id: '2', code: 'beta', nameFa: '', nameEn: '' }, ranges: ['192.168.1.1'] },
          ],
        },
      }),
    );
    state = reduce(state, SettingsPageActions.agentChosen({ agent: 'beta' }));
    expect(settingsFeature.selectAgentRanges.projector(state.ranges, state.agent)).toEqual(['192.168.1.1']);
  });

  it('when the global list would lock the caller out, then "save anyway" is offered', () => {
    let state = reduce(initial, SettingsPageActions.globalRangesSubmitted({ ranges: ['10.0.0.0/8'], force: false }));
    expect(state.saving).toBe(true);
    const error = { status: 409, code: 'IP_LOCKOUT', message: { fa: 'x', en: 'x' }, fields: [] };
    state = reduce(state, SettingsApiActions.rangesFailed({ error }));
    expect(state.saving).toBe(false);
    expect(settingsFeature.selectLockout.projector(state.error)).toBe(true);
  });

  it('when a service is switched, then the switch flips at once', () => {
    let state = reduce(
      initial,
      SettingsApiActions.servicesLoaded({ items: [{ key: 'psp', labelFa: '', labelEn: '', enabled: true }] }),
    );
    state = reduce(state, SettingsPageActions.serviceToggled({ key: 'psp', enabled: false }));
    expect(state.services[0].enabled).toBe(false);
  });
});

describe('settings effects', () => {
  it('when "save anyway" is pressed, then the global list is sent with force', async () => {
    const saveGlobal = vi.fn().mockReturnValue(of({}));
    const result = await firstValueFrom(
      saveRanges(of(SettingsPageActions.globalRangesSubmitted({ ranges: ['10.0.0.0/8'], force: true })), {
        saveGlobal,
      } as unknown as SettingsApi) as Observable<Action>,
    );
    expect(saveGlobal).toHaveBeenCalledWith(['10.0.0.0/8'], true);
    expect(result).toEqual(SettingsApiActions.rangesSaved());
  });

  it('when an agent’s list is saved, then it goes to that agent', async () => {
    const saveAgent = vi.fn().mockReturnValue(of({}));
    await firstValueFrom(
      saveRanges(of(SettingsPageActions.agentRangesSubmitted({ agent: 'alpha', ranges: [] })), {
        saveAgent,
      } as unknown as SettingsApi) as Observable<Action>,
    );
    expect(saveAgent).toHaveBeenCalledWith('alpha', []);
  });
});

describe('IP range boxes', () => {
  it('when ranges are typed with Persian digits and commas, then the API gets one ASCII range each', () => {
    expect(parseRanges('۱۰.۰.۰.۰/۸، 192.168.1.1\n\n 172.16.0.0/12 ,')).toEqual(['10.0.0.0/8', '192.168.1.1', '172.16.0.0/12']);
  });

  it('when ranges are shown, then one per line', () => {
    expect(rangesText(['a', 'b'])).toBe('a\nb');
    expect(rangesText(undefined)).toBe('');
  });
});
