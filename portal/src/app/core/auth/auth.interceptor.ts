import { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { from, switchMap } from 'rxjs';

import { RUNTIME_CONFIG } from '../config/runtime-config';
import { AuthService } from './auth.service';

/** Adds `Authorization: Bearer …` (refreshed first when about to expire) to the API's non-public calls. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const { apiBase } = inject(RUNTIME_CONFIG);
  const isApiCall = request.url === apiBase || request.url.startsWith(`${apiBase}/`);
  if (!isApiCall || request.url.startsWith(`${apiBase}/public/`)) return next(request);

  const auth = inject(AuthService);
  return from(auth.accessToken()).pipe(
    switchMap((token) => next(token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request)),
  );
};
