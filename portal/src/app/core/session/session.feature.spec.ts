import { Me } from '../api/api.models';
import { AuthActions, MeApiActions } from './session.actions';
import { selectHasAnyPermission, selectMenu, sessionFeature } from './session.feature';

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
});
