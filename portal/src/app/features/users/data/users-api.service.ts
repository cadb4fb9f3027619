import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { TicketState } from '../../../core/api/api.models';
import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

/** An agent or a role as the API names it: id, code and both names. */
export interface AgentRef {
  readonly id: string;
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly email: string | null;
  readonly mobile: string | null;
  readonly active: boolean;
  readonly agent: AgentRef;
  readonly lastSeenAt: string | null;
  readonly createdAt: string;
}

export interface UserPage {
  readonly items: readonly UserSummary[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** `GET /users/:id`: everything attached to one person (requests, devices, documents come later). */
export interface UserDetail {
  readonly user: UserSummary & {
    readonly issuer: string;
    readonly subject: string;
    readonly createdBy: { readonly id: string; readonly displayName: string } | null;
  };
  readonly agent: AgentRef & { readonly status: string };
  readonly roles: readonly AgentRef[];
  readonly createdAgents: readonly (AgentRef & { readonly status: string })[];
  readonly createdUsers: readonly { readonly id: string; readonly username: string; readonly displayName: string }[];
  readonly tickets: readonly {
    readonly id: string;
    readonly number: string;
    readonly subject: string;
    readonly state: TicketState;
    readonly createdAt: string;
  }[];
  readonly requests: readonly unknown[];
  readonly devices: readonly unknown[];
  readonly documents: readonly unknown[];
}

export interface UserQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly q?: string;
  readonly agentId?: string;
  readonly active?: boolean;
}

export interface NewUser {
  readonly agentId?: string;
  readonly username: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email?: string;
  readonly mobile?: string;
}

/** What the profile form sends: empty e-mail/mobile clear the value. */
export interface UserChanges {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string | null;
  readonly mobile?: string | null;
}

/** `/api/users`: the caller's subtree of users; writes go to the agent's Keycloak realm too. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  list(query: UserQuery): Observable<UserPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.q) params = params.set('q', query.q);
    if (query.agentId) params = params.set('agentId', query.agentId);
    if (query.active !== undefined) params = params.set('active', String(query.active));
    return this.http.get<UserPage>(`${this.base}/users`, { params });
  }

  get(id: string): Observable<UserDetail> {
    return this.http.get<UserDetail>(`${this.base}/users/${encodeURIComponent(id)}`);
  }

  create(user: NewUser): Observable<{ user: UserSummary; temporaryPassword: string }> {
    return this.http.post<{ user: UserSummary; temporaryPassword: string }>(`${this.base}/users`, user);
  }

  update(id: string, changes: UserChanges): Observable<UserSummary> {
    return this.http.patch<UserSummary>(`${this.base}/users/${encodeURIComponent(id)}`, changes);
  }

  setActive(id: string, active: boolean): Observable<UserSummary> {
    return this.http.post<UserSummary>(`${this.base}/users/${encodeURIComponent(id)}/${active ? 'enable' : 'disable'}`, {});
  }

  resetPassword(id: string): Observable<{ temporaryPassword: string }> {
    return this.http.post<{ temporaryPassword: string }>(`${this.base}/users/${encodeURIComponent(id)}/reset-password`, {});
  }
}
