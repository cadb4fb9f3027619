import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';
import { MerchantDetail, MerchantPage } from '../../merchants/data/merchants.models';
import { queryParams } from './queries';
import {
  ActionBody,
  AgentOption,
  BulkAction,
  BulkResult,
  CreateRequestBody,
  InboxPage,
  InboxQuery,
  Option,
  Page,
  RequestDetail,
  RequestDocument,
  RequestQuery,
  RequestSummary,
  SavedFilter,
  TerminalDetail,
  TerminalQuery,
  TerminalSummary,
  UserOption,
} from './requests.models';

/** Requests, inbox, terminals (docs/REQUESTS.md) and the lookups the request forms need. */
@Injectable({ providedIn: 'root' })
export class RequestsApi {
  private readonly http = inject(HttpClient);
  readonly apiBase = inject(RUNTIME_CONFIG).apiBase;

  // Requests
  list(query: RequestQuery): Observable<Page<RequestSummary>> {
    return this.http.get<Page<RequestSummary>>(`${this.apiBase}/requests`, { params: queryParams({ ...query }) });
  }

  get(id: string): Observable<RequestDetail> {
    return this.http.get<RequestDetail>(this.url(id));
  }

  create(body: CreateRequestBody): Observable<RequestDetail> {
    return this.http.post<RequestDetail>(`${this.apiBase}/requests`, body);
  }

  updateDraft(id: string, body: Pick<CreateRequestBody, 'pspCode' | 'payload'>): Observable<RequestDetail> {
    return this.http.put<RequestDetail>(this.url(id), body);
  }

  deleteDraft(id: string): Observable<void> {
    return this.http.delete<void>(this.url(id));
  }

  submit(id: string): Observable<RequestDetail> {
    return this.http.post<RequestDetail>(`${this.url(id)}/submit`, {});
  }

  act(id: string, body: ActionBody): Observable<RequestDetail> {
    return this.http.post<RequestDetail>(`${this.url(id)}/actions`, body);
  }

  // Documents attached to a request
  uploadDocument(id: string, typeCode: string, file: File): Observable<RequestDocument> {
    const form = new FormData();
    form.append('typeCode', typeCode);
    form.append('file', file, file.name);
    return this.http.post<RequestDocument>(`${this.url(id)}/documents`, form);
  }

  removeDocument(id: string, documentId: string): Observable<void> {
    return this.http.delete<void>(this.documentUrl(id, documentId));
  }

  /** The file's address (for the link); downloaded through `documentFile` with the person's token. */
  documentFileUrl(id: string, documentId: string): string {
    return `${this.documentUrl(id, documentId)}/file`;
  }

  documentFile(id: string, documentId: string): Observable<Blob> {
    return this.http.get(this.documentFileUrl(id, documentId), { responseType: 'blob' });
  }

  timelineCsvUrl(id: string): string {
    return `${this.url(id)}/timeline.csv`;
  }

  // Inbox
  inbox(query: InboxQuery): Observable<InboxPage> {
    return this.http.get<InboxPage>(`${this.apiBase}/inbox`, { params: queryParams({ ...query }) });
  }

  bulk(action: BulkAction, items: readonly { requestId: string; taskId: string }[], reason?: string): Observable<readonly BulkResult[]> {
    return this.http
      .post<{ results: BulkResult[] }>(`${this.apiBase}/inbox/bulk`, { action, items, ...(reason ? { reason } : {}) })
      .pipe(map((r) => r.results));
  }

  savedFilters(): Observable<readonly SavedFilter[]> {
    return this.http
      .get<{ items: SavedFilter[] } | SavedFilter[]>(`${this.apiBase}/inbox/filters`)
      .pipe(map((r) => (Array.isArray(r) ? r : r.items)));
  }

  saveFilter(name: string, query: Partial<InboxQuery>): Observable<SavedFilter> {
    return this.http.post<SavedFilter>(`${this.apiBase}/inbox/filters`, { name, query });
  }

  deleteFilter(id: string): Observable<void> {
    return this.http.delete<void>(`${this.apiBase}/inbox/filters/${encodeURIComponent(id)}`);
  }

  // Terminals
  terminals(query: TerminalQuery): Observable<Page<TerminalSummary>> {
    return this.http.get<Page<TerminalSummary>>(`${this.apiBase}/terminals`, { params: queryParams({ ...query }) });
  }

  terminal(id: string): Observable<TerminalDetail> {
    return this.http.get<TerminalDetail>(`${this.apiBase}/terminals/${encodeURIComponent(id)}`);
  }

  // Lookups for the forms
  /** Active items of a base-data kind (`psp`, `device-model`, `swap-reason`, `collect-reason`). */
  baseData(kind: string): Observable<readonly Option[]> {
    return this.http
      .get<{ items: Option[] }>(`${this.apiBase}/basedata/${encodeURIComponent(kind)}`, { params: { pageSize: 1000 } })
      .pipe(map((r) => r.items.map(({ code, nameFa, nameEn }) => ({ code, nameFa, nameEn }))));
  }

  /** The agents of the caller's subtree (filters); empty without agents.read. */
  agents(): Observable<readonly AgentOption[]> {
    return this.http
      .get<{ items: AgentOption[] }>(`${this.apiBase}/agents`)
      .pipe(map((r) => r.items.map(({ id, code, nameFa, nameEn }) => ({ id, code, nameFa, nameEn }))));
  }

  /** Merchants by national code / legal ID (or name, mobile, Sheba). */
  findMerchants(q: string): Observable<MerchantPage> {
    return this.http.get<MerchantPage>(`${this.apiBase}/merchants`, { params: { q, page: 1, pageSize: 10 } });
  }

  merchant(id: string): Observable<MerchantDetail> {
    return this.http.get<MerchantDetail>(`${this.apiBase}/merchants/${encodeURIComponent(id)}`);
  }

  /** Active users of an agent (the reassign picker). */
  usersOf(agentId: string): Observable<readonly UserOption[]> {
    return this.http
      .get<{ items: UserOption[] }>(`${this.apiBase}/users`, { params: { agentId, active: 'true', pageSize: 100 } })
      .pipe(map((r) => r.items.map(({ id, displayName, username }) => ({ id, displayName, username }))));
  }

  private documentUrl(id: string, documentId: string): string {
    return `${this.url(id)}/documents/${encodeURIComponent(documentId)}`;
  }

  private url(id: string): string {
    return `${this.apiBase}/requests/${encodeURIComponent(id)}`;
  }
}
