import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';
import {
  Account,
  AccountDraft,
  DocumentType,
  MerchantDetail,
  MerchantDocument,
  MerchantDraft,
  MerchantPage,
  MerchantQuery,
  ReviewDecision,
  Shop,
  ShopDraft,
} from './merchants.models';

/** A guild of base data, as the shop form suggests it. */
export interface GuildOption {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

/** The merchants part of the REST contract (`/api/merchants/...`). */
@Injectable({ providedIn: 'root' })
export class MerchantsApi {
  private readonly http = inject(HttpClient);
  private readonly apiBase = inject(RUNTIME_CONFIG).apiBase;
  private readonly base = `${this.apiBase}/merchants`;

  /** Active guilds of base data (`GET /api/basedata/guild`), offered as suggestions for a shop's guild. */
  guilds(): Observable<readonly GuildOption[]> {
    return this.http
      .get<{ items: GuildOption[] }>(`${this.apiBase}/basedata/guild`, { params: { pageSize: 1000 } })
      .pipe(map((r) => r.items.map(({ code, nameFa, nameEn }) => ({ code, nameFa, nameEn }))));
  }

  list(query: MerchantQuery): Observable<MerchantPage> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.q) params = params.set('q', query.q);
    if (query.kind) params = params.set('kind', query.kind);
    return this.http.get<MerchantPage>(this.base, { params });
  }

  get(id: string): Observable<MerchantDetail> {
    return this.http.get<MerchantDetail>(this.url(id));
  }

  create(draft: MerchantDraft): Observable<MerchantDetail> {
    return this.http.post<MerchantDetail>(this.base, draft);
  }

  /** `PATCH /api/merchants/:id`: kind and national code / legal ID are fixed; lists sent replace the stored ones. */
  update(id: string, changes: Readonly<Record<string, unknown>>): Observable<MerchantDetail> {
    return this.http.patch<MerchantDetail>(this.url(id), changes);
  }

  documentTypes(): Observable<readonly DocumentType[]> {
    return this.http.get<{ items: DocumentType[] }>(`${this.base}/document-types`).pipe(map((r) => r.items));
  }

  addShop(id: string, shop: ShopDraft): Observable<Shop> {
    return this.http.post<Shop>(`${this.url(id)}/shops`, shop);
  }

  removeShop(id: string, shopId: string): Observable<void> {
    return this.http.delete<void>(`${this.url(id)}/shops/${encodeURIComponent(shopId)}`);
  }

  addAccount(id: string, account: AccountDraft): Observable<Account> {
    return this.http.post<Account>(`${this.url(id)}/accounts`, account);
  }

  removeAccount(id: string, accountId: string): Observable<void> {
    return this.http.delete<void>(`${this.url(id)}/accounts/${encodeURIComponent(accountId)}`);
  }

  setPrimary(id: string, accountId: string): Observable<unknown> {
    return this.http.post(`${this.url(id)}/accounts/${encodeURIComponent(accountId)}/primary`, {});
  }

  uploadDocument(id: string, typeCode: string, file: File): Observable<MerchantDocument> {
    const form = new FormData();
    form.append('typeCode', typeCode);
    form.append('file', file, file.name);
    return this.http.post<MerchantDocument>(`${this.url(id)}/documents`, form);
  }

  documentFile(id: string, documentId: string): Observable<Blob> {
    return this.http.get(`${this.url(id)}/documents/${encodeURIComponent(documentId)}/file`, { responseType: 'blob' });
  }

  review(id: string, documentId: string, decision: ReviewDecision): Observable<MerchantDocument> {
    return this.http.post<MerchantDocument>(`${this.url(id)}/documents/${encodeURIComponent(documentId)}/review`, decision);
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
