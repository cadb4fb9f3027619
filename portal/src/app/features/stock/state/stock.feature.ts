import { createFeature, createReducer, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  Device,
  DeviceDetail,
  DeviceModelOption,
  DeviceQuery,
  DocumentQuery,
  Page,
  StockAt,
  StockDocument,
  StockDocumentSummary,
  Warehouse,
} from '../data/stock.models';
import {
  DevicePageActions,
  DevicesPageActions,
  DocumentPageActions,
  DocumentsPageActions,
  StockApiActions,
  WarehousePageActions,
  WarehousesPageActions,
} from './stock.actions';

export interface StockState {
  readonly warehouses: readonly Warehouse[];
  readonly warehousesLoading: boolean;
  readonly warehousesError: ApiError | null;
  readonly warehouse: Warehouse | null;
  readonly warehouseError: ApiError | null;
  readonly stockAt: StockAt | null;
  readonly stockAtError: ApiError | null;
  readonly models: readonly DeviceModelOption[];
  /** The entry being submitted, then followed while it imports. */
  readonly entrySubmitting: boolean;
  readonly entryError: ApiError | null;
  readonly importing: StockDocumentSummary | StockDocument | null;
  readonly documentQuery: DocumentQuery;
  readonly documents: Page<StockDocumentSummary> | null;
  readonly documentsLoading: boolean;
  readonly documentsError: ApiError | null;
  readonly document: StockDocument | null;
  readonly documentError: ApiError | null;
  readonly deviceQuery: DeviceQuery;
  readonly devices: Page<Device> | null;
  readonly devicesLoading: boolean;
  readonly devicesError: ApiError | null;
  readonly device: DeviceDetail | null;
  readonly deviceError: ApiError | null;
}

export const initialStockState: StockState = {
  warehouses: [],
  warehousesLoading: false,
  warehousesError: null,
  warehouse: null,
  warehouseError: null,
  stockAt: null,
  stockAtError: null,
  models: [],
  entrySubmitting: false,
  entryError: null,
  importing: null,
  documentQuery: { page: 1, pageSize: 20 },
  documents: null,
  documentsLoading: false,
  documentsError: null,
  document: null,
  documentError: null,
  deviceQuery: { page: 1, pageSize: 20 },
  devices: null,
  devicesLoading: false,
  devicesError: null,
  device: null,
  deviceError: null,
};

export const stockFeature = createFeature({
  name: 'stock',
  reducer: createReducer(
    initialStockState,
    on(WarehousesPageActions.opened, (s) => ({ ...s, warehousesLoading: true, warehousesError: null })),
    on(StockApiActions.warehousesLoaded, (s, { warehouses }) => ({ ...s, warehouses, warehousesLoading: false })),
    on(StockApiActions.warehousesFailed, (s, { error }) => ({ ...s, warehousesLoading: false, warehousesError: error })),
    on(WarehousePageActions.opened, (s, { id }) => ({
      ...s,
      warehouse: s.warehouse?.id === id ? s.warehouse : null,
      warehouseError: null,
      stockAt: null,
      stockAtError: null,
      entryError: null,
      importing: null,
    })),
    on(StockApiActions.warehouseLoaded, (s, { warehouse }) => ({ ...s, warehouse })),
    on(StockApiActions.warehouseFailed, (s, { error }) => ({ ...s, warehouseError: error })),
    on(WarehousePageActions.stockAtAsked, (s) => ({ ...s, stockAtError: null })),
    on(StockApiActions.stockAtLoaded, (s, { stockAt }) => ({ ...s, stockAt })),
    on(StockApiActions.stockAtFailed, (s, { error }) => ({ ...s, stockAt: null, stockAtError: error })),
    on(StockApiActions.modelsLoaded, (s, { models }) => ({ ...s, models })),
    on(WarehousePageActions.entrySubmitted, (s) => ({ ...s, entrySubmitting: true, entryError: null, importing: null })),
    on(StockApiActions.entryAccepted, (s, { document }) => ({ ...s, entrySubmitting: false, importing: document })),
    on(StockApiActions.entryFailed, (s, { error }) => ({ ...s, entrySubmitting: false, entryError: error })),
    on(StockApiActions.importProgressed, StockApiActions.importFinished, (s, { document }) => ({
      ...s,
      importing: s.importing?.id === document.id ? document : s.importing,
    })),
    on(DocumentsPageActions.opened, DocumentsPageActions.queryChanged, (s, { query }) => ({
      ...s,
      documentQuery: query,
      documentsLoading: true,
      documentsError: null,
    })),
    on(StockApiActions.documentsLoaded, (s, { page }) => ({ ...s, documents: page, documentsLoading: false })),
    on(StockApiActions.documentsFailed, (s, { error }) => ({ ...s, documentsLoading: false, documentsError: error })),
    on(DocumentPageActions.opened, (s, { id }) => ({
      ...s,
      document: s.document?.id === id ? s.document : null,
      documentError: null,
    })),
    on(StockApiActions.documentLoaded, (s, { document }) => ({ ...s, document })),
    on(StockApiActions.documentFailed, (s, { error }) => ({ ...s, documentError: error })),
    on(DevicesPageActions.opened, DevicesPageActions.queryChanged, (s, { query }) => ({
      ...s,
      deviceQuery: query,
      devicesLoading: true,
      devicesError: null,
    })),
    on(StockApiActions.devicesLoaded, (s, { page }) => ({ ...s, devices: page, devicesLoading: false })),
    on(StockApiActions.devicesFailed, (s, { error }) => ({ ...s, devicesLoading: false, devicesError: error })),
    on(DevicePageActions.opened, (s, { serial }) => ({
      ...s,
      device: s.device?.serial === serial ? s.device : null,
      deviceError: null,
    })),
    on(StockApiActions.deviceLoaded, (s, { device }) => ({ ...s, device })),
    on(StockApiActions.deviceFailed, (s, { error }) => ({ ...s, device: null, deviceError: error })),
  ),
});

export const {
  selectWarehouses,
  selectWarehousesLoading,
  selectWarehousesError,
  selectWarehouse,
  selectWarehouseError,
  selectStockAt,
  selectStockAtError,
  selectModels,
  selectEntrySubmitting,
  selectEntryError,
  selectImporting,
  selectDocumentQuery,
  selectDocuments,
  selectDocumentsLoading,
  selectDocumentsError,
  selectDocument,
  selectDocumentError,
  selectDeviceQuery,
  selectDevices,
  selectDevicesLoading,
  selectDevicesError,
  selectDevice,
  selectDeviceError,
} = stockFeature;
