import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { LocalizedText } from '../../../core/api/api.models';
import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

export interface AgentBranding {
  readonly agent: { id: string; code: string; realm: string; nameFa: string; nameEn: string };
  readonly titleFa: string | null;
  readonly titleEn: string | null;
  readonly primaryColor: string | null;
  readonly accentColor: string | null;
  readonly logoUrl: string | null;
  readonly domains: readonly string[];
  readonly defaults: { titleFa: string; titleEn: string; primaryColor: string; accentColor: string };
  readonly warnings?: readonly { field: string; code: string; message: LocalizedText }[];
}

export interface BrandingChange {
  readonly titleFa: string | null;
  readonly titleEn: string | null;
  readonly primaryColor: string | null;
  readonly accentColor: string | null;
}

/** `/api/agents/:id/branding` (id or agent code). */
@Injectable({ providedIn: 'root' })
export class BrandingApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;
  private url = (agent: string) => `${this.base}/agents/${encodeURIComponent(agent)}/branding`;

  get(agent: string): Observable<AgentBranding> {
    return this.http.get<AgentBranding>(this.url(agent));
  }

  save(agent: string, change: BrandingChange): Observable<AgentBranding> {
    return this.http.put<AgentBranding>(this.url(agent), change);
  }

  uploadLogo(agent: string, file: File): Observable<AgentBranding> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AgentBranding>(`${this.url(agent)}/logo`, form);
  }

  /** The parent's logo (or none) shows again. */
  removeLogo(agent: string): Observable<AgentBranding> {
    return this.http.delete<AgentBranding>(`${this.url(agent)}/logo`);
  }

  addDomain(agent: string, domain: string): Observable<AgentBranding> {
    return this.http.post<AgentBranding>(`${this.url(agent)}/domains`, { domain });
  }

  removeDomain(agent: string, domain: string): Observable<AgentBranding> {
    return this.http.delete<AgentBranding>(`${this.url(agent)}/domains/${encodeURIComponent(domain)}`);
  }
}
