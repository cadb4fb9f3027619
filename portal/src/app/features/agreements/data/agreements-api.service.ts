import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

export type AgreementStatus = 'draft' | 'active' | 'suspended' | 'terminated';
export type EffectiveStatus = AgreementStatus | 'expired';

export interface AgreementTerms {
  readonly currency: 'IRR';
  readonly prices: readonly { item: string; label?: string; amount: number }[];
  readonly commissions: readonly { service: string; kind: 'percent' | 'fixed'; value: number }[];
  readonly allowedPsps: readonly string[];
  readonly allowedDeviceModels: readonly string[];
  readonly quotas: readonly { key: string; limit: number; period: 'day' | 'month' | 'year' | 'total' }[];
  readonly notes?: string;
}

export interface AgreementFile {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  readonly createdAt: string;
}

export interface Agreement {
  readonly id: string;
  readonly party: 'agent' | 'user';
  readonly agent: { id: string; code: string; nameFa: string; nameEn: string };
  readonly user: { id: string; username: string; displayName: string } | null;
  readonly title: string;
  readonly terms: AgreementTerms;
  readonly validFromJalali: string;
  readonly validToJalali: string;
  readonly status: AgreementStatus;
  readonly effectiveStatus: EffectiveStatus;
  readonly inForce: boolean;
  readonly allowedTransitions: readonly AgreementStatus[];
  readonly signedBy: string | null;
  readonly signedOnJalali: string | null;
  readonly createdBy: { id: string | null; name: string };
  readonly attachments: readonly AgreementFile[];
  readonly version: number;
  readonly createdAt: string;
}

export interface AgreementPage {
  readonly items: readonly Agreement[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface AgreementQuery {
  readonly status: EffectiveStatus | '';
  readonly agentId: string;
  readonly current: boolean;
  readonly page: number;
}

/** What the create form sends (dates as typed, in Jalali). */
export interface NewAgreement {
  readonly agentId: string;
  readonly title: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly signedBy?: string;
  readonly status: 'draft' | 'active';
  readonly terms: Partial<AgreementTerms>;
}

/** What the edit form sends (`PUT /api/agreements/:id`): dates in Jalali, the version it was filled from. */
export interface AgreementChange {
  readonly title: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly signedBy: string | null;
  readonly signedOn: string | null;
  readonly terms: AgreementTerms;
  readonly version: number;
}

/** `/api/agreements` and `/api/agents/:id/agreements/current`. */
@Injectable({ providedIn: 'root' })
export class AgreementsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  list(query: AgreementQuery): Observable<AgreementPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', 50);
    if (query.status) params = params.set('status', query.status);
    if (query.agentId) params = params.set('agentId', query.agentId);
    if (query.current) params = params.set('current', 'true');
    return this.http.get<AgreementPage>(`${this.base}/agreements`, { params });
  }

  get(id: string): Observable<Agreement> {
    return this.http.get<Agreement>(`${this.base}/agreements/${encodeURIComponent(id)}`);
  }

  create(body: NewAgreement): Observable<Agreement> {
    return this.http.post<Agreement>(`${this.base}/agreements`, body);
  }

  changeStatus(id: string, status: AgreementStatus): Observable<Agreement> {
    return this.http.post<Agreement>(`${this.base}/agreements/${encodeURIComponent(id)}/status`, { status });
  }

  update(id: string, change: AgreementChange): Observable<Agreement> {
    return this.http.put<Agreement>(`${this.base}/agreements/${encodeURIComponent(id)}`, change);
  }

  removeFile(id: string, fileId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/agreements/${encodeURIComponent(id)}/attachments/${encodeURIComponent(fileId)}`);
  }

  upload(id: string, file: File): Observable<AgreementFile> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AgreementFile>(`${this.base}/agreements/${encodeURIComponent(id)}/attachments`, form);
  }

  download(id: string, fileId: string): Observable<Blob> {
    return this.http.get(`${this.base}/agreements/${encodeURIComponent(id)}/attachments/${encodeURIComponent(fileId)}`, {
      responseType: 'blob',
    });
  }
}
