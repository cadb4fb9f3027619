import { Me } from '../api/api.models';
import { AuthActions, MeApiActions } from './session.actions';
import { menuGroupsOf, selectHasAnyPermission, selectMenu, sessionFeature } from './session.feature';

const me: Me = {
  user: {
    id: 'u1',
    issuer: 'http://kc/realms/agent-alpha',
    subject: 's',
    username: 'alpha-user',
    displayName: 'سارا',
    email: null,
  },
  agent: { id: 'a2', code: 'alpha', nameFa: 'آلفا', nameEn: 'Alpha', isBroker: false },
  roles: ['agent-user'],
  permissions: ['tickets.create', 'tickets.read-own'],
  menu: [{ key: 'tickets-mine', route: '/tickets/mine', icon: 'ticket', labelFa: 'تیکت‌های من', labelEn: 'My tickets' }],
};

describe('session', () => {
  const reducer = sessionFeature.reducer;

  it('when keycloak-js finds no session, then the visitor is anonymous', () => {
    expect(reducer(undefined, AuthActions.notSignedIn()).status).toBe('anonymous');
  });

  it('when signed in, then loads and then holds the person from GET /api/me', () => {
    const loading = reducer(undefined, AuthActions.sessionRestored());
    expect(loading.status).toBe('loading');
    const ready = reducer(loading, MeApiActions.meLoaded({ me }));
    expect(ready.status).toBe('ready');
    expect(selectMenu.projector(ready.me)).toEqual(me.menu);
  });

  it('answers permission questions from the permissions of GET /api/me', () => {
    const held = new Set(me.permissions);
    expect(selectHasAnyPermission('tickets.inbox', 'tickets.create').projector(held)).toBe(true);
    expect(selectHasAnyPermission('tickets.read-all').projector(held)).toBe(false);
  });

  it('shows the menu in its module groups, leaving out empty groups', () => {
    const grouped: Me = {
      ...me,
      menuGroups: [
        { key: 'support', icon: 'headset', labelFa: 'پشتیبانی', labelEn: 'Support', items: me.menu },
        { key: 'audit', icon: 'shield', labelFa: 'ممیزی', labelEn: 'Audit', items: [] },
      ],
    };
    expect(menuGroupsOf(grouped).map((g) => g.key)).toEqual(['support']);
  });

  it('when two items lead to the same page (read and read-all), then the menu shows it once', () => {
    const requests = { key: 'requests.list', route: '/requests', icon: 'list', labelFa: 'درخواست‌ها', labelEn: 'Requests' };
    const all = { ...requests, key: 'requests.all', labelFa: 'همهٔ درخواست‌ها', labelEn: 'All requests' };
    const grouped: Me = {
      ...me,
      menu: [requests, all],
      menuGroups: [{ key: 'requests', icon: 'inbox', labelFa: 'درخواست‌ها', labelEn: 'Requests', items: [requests, all] }],
    };
    expect(menuGroupsOf(grouped)[0]?.items.map((i) => i.key)).toEqual(['requests.list']);
    expect(menuGroupsOf({ ...grouped, menuGroups: undefined })[0]?.items.map((i) => i.key)).toEqual(['requests.list']);
    expect(menuGroupsOf({ ...me, menuGroups: [{ ...grouped.menuGroups![0], items: [all] }] })[0]?.items).toEqual([all]);
  });

  it('an API without menu groups still shows every item, in one unnamed section', () => {
    expect(menuGroupsOf(me)).toEqual([{ key: '', icon: '', labelFa: '', labelEn: '', items: me.menu }]);
    expect(menuGroupsOf(null)).toEqual([]);
  });

  it('a background refresh that fails keeps the person signed in with what they had', () => {
    const ready = reducer(reducer(undefined, AuthActions.sessionRestored()), MeApiActions.meLoaded({ me }));
    const after = reducer(
      ready,
      MeApiActions.meRefreshFailed({ error: { status: 0, code: 'NETWORK', message: { fa: '', en: '' }, fields: [] } }),
    );
    expect(after.status).toBe('ready');
    expect(after.me).toBe(me);
  });
});
