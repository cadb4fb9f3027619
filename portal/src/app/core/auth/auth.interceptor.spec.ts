import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';

import { RUNTIME_CONFIG } from '../config/runtime-config';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  const accessToken = vi.fn<() => Promise<string | null>>();

  beforeEach(() => {
    accessToken.mockReset().mockResolvedValue('token-1');
    TestBed.configureTestingModule({
      providers: [
        { provide: RUNTIME_CONFIG, useValue: { keycloakUrl: 'http://kc', clientId: 'kartabl-portal', apiBase: '/api' } },
        { provide: AuthService, useValue: { accessToken } },
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('when calling the API, then sends the (refreshed) bearer token', async () => {
    const answer = firstValueFrom(http.get('/api/me'));
    // The token comes from a promise, so the request leaves a moment later.
    const request = await vi.waitFor(() => backend.expectOne('/api/me'));
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-1');
    request.flush({});
    await answer;
    expect(accessToken).toHaveBeenCalled();
  });

  it('when calling a public endpoint or another host, then sends no token', () => {
    http.get('/api/public/agents').subscribe();
    http.get('/config.json').subscribe();
    expect(backend.expectOne('/api/public/agents').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('/config.json').request.headers.has('Authorization')).toBe(false);
    expect(accessToken).not.toHaveBeenCalled();
  });
});
