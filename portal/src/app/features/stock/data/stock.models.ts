import { LocalizedText } from '../../../core/api/api.models';

export type WarehouseKind = 'main' | 'agent' | 'user';
export type DeviceState = 'in_stock' | 'reserved' | 'installed' | 'repair' | 'scrapped';
export type DocumentKind = 'entry' | 'exit' | 'return' | 'transfer' | 'repair' | 'scrap';
export type ImportStatus = 'importing' | 'done' | 'failed';

export interface ModelStock {
  readonly deviceModel: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly inStock: number;
  readonly reserved: number;
  readonly total: number;
}

export interface Warehouse {
  readonly id: string;
  readonly kind: WarehouseKind;
  readonly agent: { readonly id: string; readonly code: string; readonly nameFa: string; readonly nameEn: string };
  readonly user: { readonly id: string; readonly displayName: string } | null;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly active: boolean;
  readonly stock: readonly ModelStock[];
  readonly totals: { readonly inStock: number; readonly reserved: number; readonly total: number };
  readonly createdAt: string;
}

export interface StockAt {
  readonly warehouseId: string;
  readonly day: string;
  readonly dayJalali: string;
  readonly items: readonly { readonly deviceModel: string; readonly nameFa: string; readonly nameEn: string; readonly total: number }[];
  readonly total: number;
}

export interface WarehouseRef {
  readonly id: string;
  readonly kind: WarehouseKind;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface LineError {
  readonly line: number;
  readonly serial: string;
  readonly code: string;
  readonly message: LocalizedText;
}

export interface StockDocumentSummary {
  readonly id: string;
  readonly number: string;
  readonly kind: DocumentKind;
  readonly kindName: LocalizedText;
  readonly from: WarehouseRef | null;
  readonly to: WarehouseRef | null;
  readonly terminalId: string | null;
  readonly requestId: string | null;
  readonly status: ImportStatus;
  readonly total: number;
  readonly processed: number;
  readonly errorCount: number;
  readonly note: string | null;
  readonly createdBy: { readonly id: string | null; readonly name: string };
  readonly createdAt: string;
  readonly createdAtJalali: string;
}

export interface StockDocument extends StockDocumentSummary {
  readonly errors: readonly LineError[];
  readonly lines: readonly { readonly line: number; readonly serial: string; readonly deviceModel: string }[];
  readonly linesTotal: number;
  readonly linesPage: number;
  readonly linesPageSize: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export interface Device {
  readonly serial: string;
  readonly deviceModel: string;
  readonly modelName: LocalizedText;
  readonly state: DeviceState;
  readonly stateName: LocalizedText;
  readonly warehouse: WarehouseRef | null;
  readonly agent: { readonly id: string; readonly code: string; readonly nameFa: string; readonly nameEn: string };
  readonly terminalId: string | null;
  readonly requestId: string | null;
  readonly updatedAt: string;
}

export interface DeviceHistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly atJalali: string;
  readonly event: string;
  readonly eventName: LocalizedText;
  readonly state: DeviceState;
  readonly from: WarehouseRef | null;
  readonly to: WarehouseRef | null;
  readonly terminalId: string | null;
  readonly document: { readonly id: string; readonly number: string; readonly kind: DocumentKind } | null;
  readonly requestId: string | null;
  readonly actor: { readonly id: string | null; readonly name: string };
}

export interface DeviceDetail extends Device {
  readonly history: readonly DeviceHistoryEntry[];
}

/** What the entry form sends: pasted serials or a CSV file, with the model of lines that name none. */
export interface EntryDraft {
  readonly deviceModel: string;
  readonly serials?: readonly string[];
  readonly file?: File;
  readonly note?: string;
}

export interface DeviceModelOption {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
}

export interface DeviceQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly q?: string;
  readonly state?: DeviceState;
}

export interface DocumentQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly kind?: DocumentKind;
  readonly warehouseId?: string;
}

/** Pasted text → serials: one a line, or separated by commas, semicolons, tabs or spaces. */
export function serialsFromText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
