import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';

export type BaseKind =
  | 'psp'
  | 'document-type'
  | 'device-model'
  | 'guild'
  | 'collect-reason'
  | 'swap-reason'
  | 'bank'
  | 'bank-branch'
  | 'holiday';

export const BASE_KINDS: readonly BaseKind[] = [
  'psp',
  'document-type',
  'device-model',
  'guild',
  'collect-reason',
  'swap-reason',
  'bank',
  'bank-branch',
  'holiday',
];

export const MAPPABLE_KINDS: readonly BaseKind[] = BASE_KINDS.filter((k) => k !== 'psp' && k !== 'holiday');

export interface BaseItem {
  kind: BaseKind;
  code: string;
  nameFa: string;
  nameEn: string;
  active: boolean;
  sortOrder: number;
  attributes: Record<string, unknown>;
  updatedAt: string;
}

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

/** Kind-specific fields of the edit form (the API validates them with the kind's schema). */
export interface AttributeField {
  key: string;
  type: 'text' | 'select' | 'boolean' | 'jalali';
  options?: readonly string[];
}

export const ATTRIBUTE_FIELDS: Record<BaseKind, AttributeField[]> = {
  psp: [
    { key: 'protocol', type: 'select', options: ['rest', 'soap'] },
    { key: 'endpointUrl', type: 'text' },
  ],
  'document-type': [
    { key: 'appliesTo', type: 'select', options: ['natural', 'legal', 'both'] },
    { key: 'required', type: 'boolean' },
  ],
  'device-model': [
    { key: 'manufacturer', type: 'text' },
    { key: 'model', type: 'text' },
    { key: 'connection', type: 'select', options: ['dialup', 'gprs', 'lan', 'wifi', 'android'] },
  ],
  guild: [
    { key: 'categoryCode', type: 'text' },
    { key: 'guildCode', type: 'text' },
  ],
  'collect-reason': [],
  'swap-reason': [],
  bank: [],
  'bank-branch': [
    { key: 'bankCode', type: 'text' },
    { key: 'branchCode', type: 'text' },
    { key: 'city', type: 'text' },
  ],
  holiday: [{ key: 'date', type: 'jalali' }],
};

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
export function isoToJalali(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', {
    timeZone: 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(`${iso}T12:00:00Z`));
  const get = (t: string) => (parts.find((p) => p.type === t)?.value ?? '').replace(/\D/g, '');
  return `${get('year')}/${get('month')}/${get('day')}`;
}
