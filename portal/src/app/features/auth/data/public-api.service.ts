import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { PublicAgent } from '../../../core/api/api.models';
import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

/** Public endpoints (no token). */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  /** The main broker and the agents one can sign in to (broker first). */
  agents(): Observable<readonly PublicAgent[]> {
    return this.http
      .get<{ items: readonly PublicAgent[] }>(`${this.base}/public/agents`)
      .pipe(map(({ items }) => [...items].sort((a, b) => Number(b.isBroker) - Number(a.isBroker))));
  }
}
