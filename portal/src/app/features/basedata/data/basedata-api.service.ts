import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { ATTRIBUTE_COLUMNS, type BaseItem, type BaseKind } from '../../../../../../domain/basedata-kinds';
import { formatJalali } from '../../../../../../domain/jalali';
import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

// The kinds and the item's shape are base data's own vocabulary (domain/basedata-kinds.ts), shared with the API.
export { BASE_KINDS, MAPPABLE_KINDS, type BaseItem, type BaseKind } from '../../../../../../domain/basedata-kinds';

export interface BaseItemInput {
  code?: string;
  nameFa: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
  attributes: Record<string, unknown>;
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
}

/** What a mapping import or bulk save changed. */
export interface MappingReport {
  dryRun: boolean;
  set: number;
  cleared: number;
  unchanged: number;
}

/** One mapping to set (`pspCode`) or clear (`null`). */
export interface MappingChange {
  kind: BaseKind;
  code: string;
  pspCode: string | null;
}

export interface MappingItem {
  kind: BaseKind;
  code: string;
  nameFa: string;
  nameEn: string;
  active: boolean;
  pspCode: string | null;
}

export interface UnmappedKind {
  kind: BaseKind;
  total: number;
  unmapped: number;
  items: { code: string; nameFa: string; nameEn: string }[];
}

/** `POST /api/basedata/psps/:code/test-connection`: the PSP answered (ok) or why not. */
export interface PspConnectionTest {
  ok: boolean;
  pspCode: string;
  requestId: string;
  latencyMs: number;
  detail: string | null;
  failure: { class: 'retryable' | 'rejected' | 'credentials'; code: string; message: { fa: string; en: string } } | null;
}

/** Kind-specific fields of the edit form (the API validates them with the kind's schema). */
export interface AttributeField {
  key: string;
  type: 'text' | 'select' | 'boolean' | 'jalali';
  options?: readonly string[];
}

/** The form's fields follow the kind's attribute columns: enumerations are selects, days are Jalali inputs. */
export const ATTRIBUTE_FIELDS = Object.fromEntries(
  Object.entries(ATTRIBUTE_COLUMNS).map(([kind, columns]) => [
    kind,
    columns.map(
      (c): AttributeField => ({
        key: c.key,
        type: c.type === 'day' ? 'jalali' : c.type === 'boolean' ? 'boolean' : c.options ? 'select' : 'text',
        ...(c.options ? { options: c.options } : {}),
      }),
    ),
  ]),
) as Record<BaseKind, AttributeField[]>;

/** `/api/basedata/...` and `/api/mappings/...`. */
@Injectable({ providedIn: 'root' })
export class BaseDataApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  list(kind: BaseKind, q: string, includeInactive: boolean): Observable<{ items: BaseItem[]; total: number }> {
    let params = new HttpParams().set('pageSize', 1000).set('includeInactive', includeInactive);
    if (q) params = params.set('q', q);
    return this.http.get<{ items: BaseItem[]; total: number }>(`${this.base}/basedata/${kind}`, { params });
  }

  create(kind: BaseKind, item: BaseItemInput): Observable<BaseItem> {
    return this.http.post<BaseItem>(`${this.base}/basedata/${kind}`, item);
  }

  update(kind: BaseKind, code: string, item: BaseItemInput): Observable<BaseItem> {
    return this.http.put<BaseItem>(`${this.base}/basedata/${kind}/${encodeURIComponent(code)}`, item);
  }

  setActive(kind: BaseKind, code: string, active: boolean): Observable<BaseItem> {
    const action = active ? 'activate' : 'deactivate';
    return this.http.post<BaseItem>(`${this.base}/basedata/${kind}/${encodeURIComponent(code)}/${action}`, {});
  }

  /** Logs in to the PSP with the stored credentials of its credential owner; changes nothing. */
  testConnection(psp: string): Observable<PspConnectionTest> {
    return this.http.post<PspConnectionTest>(`${this.base}/basedata/psps/${encodeURIComponent(psp)}/test-connection`, {});
  }

  exportCsv(kind: BaseKind): Observable<Blob> {
    return this.http.get(`${this.base}/basedata/${kind}/export.csv`, { responseType: 'blob' });
  }

  importCsv(kind: BaseKind, file: File): Observable<ImportReport> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportReport>(`${this.base}/basedata/${kind}/import`, form);
  }

  mappings(psp: string, kind: BaseKind): Observable<{ items: MappingItem[] }> {
    return this.http.get<{ items: MappingItem[] }>(`${this.base}/mappings/${psp}`, { params: { kind } });
  }

  unmapped(psp: string): Observable<{ psp: string; kinds: UnmappedKind[] }> {
    return this.http.get<{ psp: string; kinds: UnmappedKind[] }>(`${this.base}/mappings/${psp}/unmapped`);
  }

  /** All or none: the API refuses the whole batch when one line is wrong (`items.<n>.…`). */
  bulkMappings(psp: string, items: readonly MappingChange[]): Observable<MappingReport> {
    return this.http.post<MappingReport>(`${this.base}/mappings/${encodeURIComponent(psp)}/bulk`, { items });
  }

  exportMappingsCsv(psp: string): Observable<Blob> {
    return this.http.get(`${this.base}/mappings/${encodeURIComponent(psp)}/export.csv`, { responseType: 'blob' });
  }

  importMappingsCsv(psp: string, file: File): Observable<MappingReport> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<MappingReport>(`${this.base}/mappings/${encodeURIComponent(psp)}/import`, form);
  }
}

/** `2026-03-21` → `1405/01/01` (the holiday's day as people read and type it). */
export const isoToJalali = (iso: string): string => formatJalali(iso);
