import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

export interface IpRanges {
  readonly yourIp: string | null;
  readonly global: readonly string[];
  readonly agents: readonly { agent: { id: string; code: string; nameFa: string; nameEn: string }; ranges: readonly string[] }[];
}

export interface ServiceSwitch {
  readonly key: string;
  readonly labelFa: string;
  readonly labelEn: string;
  readonly enabled: boolean;
}

/** `/api/settings/…` (main broker only). */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  ipRanges(): Observable<IpRanges> {
    return this.http.get<IpRanges>(`${this.base}/settings/ip-ranges`);
  }

  saveGlobal(ranges: readonly string[], force: boolean): Observable<unknown> {
    return this.http.put(`${this.base}/settings/ip-ranges/global`, { ranges, force });
  }

  saveAgent(agent: string, ranges: readonly string[]): Observable<unknown> {
    return this.http.put(`${this.base}/settings/ip-ranges/agents/${encodeURIComponent(agent)}`, { ranges });
  }

  services(): Observable<{ items: readonly ServiceSwitch[] }> {
    return this.http.get<{ items: readonly ServiceSwitch[] }>(`${this.base}/settings/services`);
  }

  setService(key: string, enabled: boolean): Observable<{ items: readonly ServiceSwitch[] }> {
    return this.http.put<{ items: readonly ServiceSwitch[] }>(`${this.base}/settings/services`, { items: [{ key, enabled }] });
  }
}
