import { TestBed } from '@angular/core/testing';
import { Router, UrlTree, provideRouter } from '@angular/router';
import { MockStore, provideMockStore } from '@ngrx/store/testing';
import { Observable, firstValueFrom } from 'rxjs';

import { Me } from '../api/api.models';
import { SessionState, initialSessionState, sessionFeature } from '../session/session.feature';
import { authGuard, homeGuard, permissionGuard } from './auth.guards';

const me: Me = {
  user: { id: 'u2', issuer: 'i', subject: 's', username: 'supporter', displayName: 'علی محمدی', email: null },
  agent: { id: 'a1', code: 'broker', nameFa: 'کارگزار', nameEn: 'Broker', isBroker: true },
  roles: ['supporter'],
  permissions: ['tickets.inbox', 'tickets.answer'],
  menu: [
    { key: 'docs.api', route: '/api/docs', icon: 'book', labelFa: 'مستندات', labelEn: 'Docs' },
    { key: 'support.inbox', route: '/support/inbox', icon: 'headset', labelFa: 'کارتابل', labelEn: 'Inbox' },
  ],
};

describe('route guards', () => {
  let store: MockStore;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideMockStore({ initialState: { [sessionFeature.name]: initialSessionState } })],
    });
    store = TestBed.inject(MockStore);
  });

  function setSession(session: SessionState): void {
    store.setState({ [sessionFeature.name]: session });
  }

  async function run(guard: () => unknown): Promise<string | boolean> {
    const result = await firstValueFrom(TestBed.runInInjectionContext(guard) as Observable<boolean | UrlTree>);
    return result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;
  }

  it('when nobody is signed in, then the signed-in area sends to the organisation chooser', async () => {
    setSession({ status: 'anonymous', me: null, error: null });
    expect(await run(() => authGuard({} as never, {} as never))).toBe('/welcome');
  });

  it('waits while GET /api/me is under way', async () => {
    setSession({ status: 'loading', me: null, error: null });
    const decision = run(() => permissionGuard('tickets.inbox')({} as never, {} as never));
    setSession({ status: 'ready', me, error: null });
    expect(await decision).toBe(true);
  });

  it('when the permission is missing, then shows the forbidden page', async () => {
    setSession({ status: 'ready', me, error: null });
    expect(await run(() => permissionGuard('tickets.read-all')({} as never, {} as never))).toBe('/forbidden');
  });

  it('sends / to the first menu item inside the portal', async () => {
    setSession({ status: 'ready', me, error: null });
    expect(await run(() => homeGuard({} as never, {} as never))).toBe('/support/inbox');
  });
});
