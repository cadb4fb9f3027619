import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';
import { dayEnd, dayStart } from '../state/audit-helpers';
import { AuditEntry, AuditQuery, AuditVerification, EventsQuery, Page, SystemEvent } from './audit.models';

function params(values: Record<string, string | number | undefined>): HttpParams {
  let p = new HttpParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') p = p.set(key, value);
  return p;
}

/** The change audit and system events (`/api/audit`, `/api/audit/verify`, `/api/events`). */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  audit(query: AuditQuery): Observable<Page<AuditEntry>> {
    return this.http.get<Page<AuditEntry>>(`${this.base}/audit`, {
      params: params({
        entityType: query.entityType,
        entityId: query.entityId,
        action: query.action,
        from: dayStart(query.fromDate),
        to: dayEnd(query.toDate),
        page: query.page,
        pageSize: query.pageSize,
      }),
    });
  }

  verify(): Observable<AuditVerification> {
    return this.http.get<AuditVerification>(`${this.base}/audit/verify`);
  }

  events(query: EventsQuery): Observable<Page<SystemEvent>> {
    return this.http.get<Page<SystemEvent>>(`${this.base}/events`, {
      params: params({
        type: query.type,
        severity: query.severity,
        from: dayStart(query.fromDate),
        to: dayEnd(query.toDate),
        page: query.page,
        pageSize: query.pageSize,
      }),
    });
  }
}
