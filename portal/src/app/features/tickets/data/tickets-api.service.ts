import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  Attachment,
  NewTicket,
  TicketCategory,
  TicketDetail,
  TicketPage,
  TicketQuery,
} from '../../../core/api/api.models';
import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

/** The tickets part of the REST contract (`/api/tickets`, `/api/ticket-categories`, `/api/attachments`). */
@Injectable({ providedIn: 'root' })
export class TicketsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  list(query: TicketQuery): Observable<TicketPage> {
    let params = new HttpParams()
      .set('view', query.view)
      .set('page', query.page)
      .set('pageSize', query.pageSize);
    if (query.state) params = params.set('state', query.state);
    if (query.escalated) params = params.set('escalated', 'true');
    if (query.assigned) params = params.set('assigned', query.assigned);
    if (query.q) params = params.set('q', query.q);
    return this.http.get<TicketPage>(`${this.base}/tickets`, { params });
  }

  get(id: string): Observable<TicketDetail> {
    return this.http.get<TicketDetail>(`${this.base}/tickets/${encodeURIComponent(id)}`);
  }

  create(ticket: NewTicket, idempotencyKey: string): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${this.base}/tickets`, ticket, {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
  }

  claim(id: string): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${this.ticketUrl(id)}/claim`, {});
  }

  release(id: string): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${this.ticketUrl(id)}/release`, {});
  }

  addMessage(id: string, body: string, attachmentIds: readonly string[]): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${this.ticketUrl(id)}/messages`, {
      body,
      ...(attachmentIds.length ? { attachmentIds } : {}),
    });
  }

  close(id: string): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${this.ticketUrl(id)}/close`, {});
  }

  rate(id: string, score: number, comment: string): Observable<TicketDetail> {
    return this.http.post<TicketDetail>(`${this.ticketUrl(id)}/rating`, {
      score,
      ...(comment ? { comment } : {}),
    });
  }

  categories(): Observable<readonly TicketCategory[]> {
    return this.http
      .get<{ items: readonly TicketCategory[] }>(`${this.base}/ticket-categories`)
      .pipe(map((answer) => answer.items));
  }

  upload(file: File): Observable<Attachment> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<Attachment>(`${this.base}/attachments`, form);
  }

  download(id: string): Observable<Blob> {
    return this.http.get(`${this.base}/attachments/${encodeURIComponent(id)}`, { responseType: 'blob' });
  }

  private ticketUrl(id: string): string {
    return `${this.base}/tickets/${encodeURIComponent(id)}`;
  }
}
