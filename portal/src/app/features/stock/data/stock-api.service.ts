import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';
import {
  DeviceDetail,
  Device,
  DeviceModelOption,
  DeviceQuery,
  DocumentQuery,
  EntryDraft,
  Page,
  StockAt,
  StockDocument,
  StockDocumentSummary,
  Warehouse,
} from './stock.models';

/** The stock part of the REST contract (`/api/warehouses`, `/api/stock-documents`, `/api/devices`). */
@Injectable({ providedIn: 'root' })
export class StockApi {
  private readonly http = inject(HttpClient);
  private readonly apiBase = inject(RUNTIME_CONFIG).apiBase;

  warehouses(): Observable<readonly Warehouse[]> {
    return this.http.get<{ items: Warehouse[] }>(`${this.apiBase}/warehouses`).pipe(map((r) => r.items));
  }

  warehouse(id: string): Observable<Warehouse> {
    return this.http.get<Warehouse>(`${this.apiBase}/warehouses/${encodeURIComponent(id)}`);
  }

  stockAt(id: string, day: string): Observable<StockAt> {
    return this.http.get<StockAt>(`${this.apiBase}/warehouses/${encodeURIComponent(id)}/stock`, { params: { at: day } });
  }

  /** Active device models of base data, for the entry form. */
  deviceModels(): Observable<readonly DeviceModelOption[]> {
    return this.http
      .get<{ items: DeviceModelOption[] }>(`${this.apiBase}/basedata/device-model`, { params: { pageSize: 1000 } })
      .pipe(map((r) => r.items.map(({ code, nameFa, nameEn }) => ({ code, nameFa, nameEn }))));
  }

  createEntry(warehouseId: string, draft: EntryDraft): Observable<StockDocumentSummary> {
    const base = `${this.apiBase}/warehouses/${encodeURIComponent(warehouseId)}/entries`;
    if (draft.file) {
      const form = new FormData();
      if (draft.deviceModel) form.append('deviceModel', draft.deviceModel);
      if (draft.note) form.append('note', draft.note);
      form.append('file', draft.file, draft.file.name);
      return this.http.post<StockDocumentSummary>(`${base}/csv`, form);
    }
    return this.http.post<StockDocumentSummary>(base, {
      deviceModel: draft.deviceModel || undefined,
      serials: draft.serials ?? [],
      ...(draft.note ? { note: draft.note } : {}),
    });
  }

  documents(query: DocumentQuery): Observable<Page<StockDocumentSummary>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.kind) params = params.set('kind', query.kind);
    if (query.warehouseId) params = params.set('warehouseId', query.warehouseId);
    return this.http.get<Page<StockDocumentSummary>>(`${this.apiBase}/stock-documents`, { params });
  }

  document(id: string, linesPage = 1): Observable<StockDocument> {
    return this.http.get<StockDocument>(`${this.apiBase}/stock-documents/${encodeURIComponent(id)}`, {
      params: { linesPage, linesPageSize: 100 },
    });
  }

  devices(query: DeviceQuery): Observable<Page<Device>> {
    let params = new HttpParams().set('page', query.page).set('pageSize', query.pageSize);
    if (query.q) params = params.set('q', query.q);
    if (query.state) params = params.set('state', query.state);
    return this.http.get<Page<Device>>(`${this.apiBase}/devices`, { params });
  }

  device(serial: string): Observable<DeviceDetail> {
    return this.http.get<DeviceDetail>(`${this.apiBase}/devices/${encodeURIComponent(serial)}`);
  }
}
