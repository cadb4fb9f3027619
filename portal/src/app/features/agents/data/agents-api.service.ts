import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

export type AgentStatus = 'provisioning' | 'active' | 'suspended';

export interface AgentSummary {
  readonly id: string;
  readonly code: string;
  readonly realm: string;
  readonly parentId: string | null;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly status: AgentStatus;
  readonly isBroker: boolean;
  readonly createdAt: string;
}

export interface AgentDetail extends AgentSummary {
  readonly legal: Record<string, string | null>;
  readonly contacts: readonly { name: string; role: string | null; mobile: string | null; email: string | null }[];
  readonly domains: readonly string[];
  readonly psps: readonly {
    pspCode: string;
    direct: boolean;
    credentials: { stored: boolean; setAt: string | null; setBy: string | null };
  }[];
  readonly firstAdmin: { username: string; firstName: string; lastName: string } | null;
  readonly parent: { id: string; code: string; nameFa: string; nameEn: string } | null;
  readonly createdBy: { id: string; displayName: string } | null;
  readonly provisionError: string | null;
  readonly provisionedAt: string | null;
}

/** `PATCH /agents/:id`: contacts and domains are replaced as a whole. */
export interface AgentChanges {
  nameFa?: string;
  nameEn?: string;
  legal?: Record<string, string | undefined>;
  contacts?: { name: string; role?: string; mobile?: string; email?: string }[];
  domains?: string[];
}

export interface NewAgent {
  parentId?: string;
  code: string;
  nameFa: string;
  nameEn: string;
  legal: Record<string, string | undefined>;
  contacts: { name: string; role?: string; mobile?: string; email?: string }[];
  domains: string[];
  firstAdmin: { username: string; firstName: string; lastName: string; email?: string };
}

/** `/api/agents`: the agent tree, details, suspension and PSP credentials (write-only). */
@Injectable({ providedIn: 'root' })
export class AgentsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  list(): Observable<{ items: AgentSummary[] }> {
    return this.http.get<{ items: AgentSummary[] }>(`${this.base}/agents`);
  }

  get(id: string): Observable<AgentDetail> {
    return this.http.get<AgentDetail>(`${this.base}/agents/${encodeURIComponent(id)}`);
  }

  create(agent: NewAgent): Observable<{ agent: AgentDetail; firstAdminPassword: string }> {
    return this.http.post<{ agent: AgentDetail; firstAdminPassword: string }>(`${this.base}/agents`, agent);
  }

  update(id: string, changes: AgentChanges): Observable<AgentDetail> {
    return this.http.patch<AgentDetail>(`${this.base}/agents/${encodeURIComponent(id)}`, changes);
  }

  move(id: string, parentId: string): Observable<AgentDetail> {
    return this.http.post<AgentDetail>(`${this.base}/agents/${encodeURIComponent(id)}/move`, { parentId });
  }

  setSuspended(id: string, suspend: boolean): Observable<AgentDetail> {
    return this.http.post<AgentDetail>(`${this.base}/agents/${encodeURIComponent(id)}/${suspend ? 'suspend' : 'activate'}`, {});
  }

  provision(id: string): Observable<AgentDetail> {
    return this.http.post<AgentDetail>(`${this.base}/agents/${encodeURIComponent(id)}/provision`, {});
  }

  putPsp(id: string, pspCode: string, body: { direct: boolean; credentials?: Record<string, string> }): Observable<AgentDetail> {
    return this.http.put<AgentDetail>(`${this.base}/agents/${encodeURIComponent(id)}/psps/${encodeURIComponent(pspCode)}`, body);
  }
}
