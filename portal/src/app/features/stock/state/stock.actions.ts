import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  Device,
  DeviceDetail,
  DeviceModelOption,
  DeviceQuery,
  DocumentQuery,
  EntryDraft,
  Page,
  StockAt,
  StockDocument,
  StockDocumentSummary,
  Warehouse,
} from '../data/stock.models';

export const WarehousesPageActions = createActionGroup({
  source: 'Warehouses Page',
  events: { Opened: emptyProps() },
});

export const WarehousePageActions = createActionGroup({
  source: 'Warehouse Page',
  events: {
    Opened: props<{ id: string }>(),
    'Stock At Asked': props<{ id: string; day: string }>(),
    'Entry Submitted': props<{ warehouseId: string; draft: EntryDraft }>(),
  },
});

export const DocumentsPageActions = createActionGroup({
  source: 'Stock Documents Page',
  events: {
    Opened: props<{ query: DocumentQuery }>(),
    'Query Changed': props<{ query: DocumentQuery }>(),
  },
});

export const DocumentPageActions = createActionGroup({
  source: 'Stock Document Page',
  events: {
    Opened: props<{ id: string }>(),
    'Lines Page Changed': props<{ id: string; page: number }>(),
  },
});

export const DevicesPageActions = createActionGroup({
  source: 'Devices Page',
  events: {
    Opened: props<{ query: DeviceQuery }>(),
    'Query Changed': props<{ query: DeviceQuery }>(),
  },
});

export const DevicePageActions = createActionGroup({
  source: 'Device Page',
  events: { Opened: props<{ serial: string }>() },
});

export const StockApiActions = createActionGroup({
  source: 'Stock API',
  events: {
    'Warehouses Loaded': props<{ warehouses: readonly Warehouse[] }>(),
    'Warehouses Failed': props<{ error: ApiError }>(),
    'Warehouse Loaded': props<{ warehouse: Warehouse }>(),
    'Warehouse Failed': props<{ error: ApiError }>(),
    'Stock At Loaded': props<{ stockAt: StockAt }>(),
    'Stock At Failed': props<{ error: ApiError }>(),
    'Models Loaded': props<{ models: readonly DeviceModelOption[] }>(),
    'Entry Accepted': props<{ document: StockDocumentSummary }>(),
    'Entry Failed': props<{ error: ApiError }>(),
    'Import Progressed': props<{ document: StockDocument }>(),
    'Import Finished': props<{ document: StockDocument }>(),
    'Documents Loaded': props<{ page: Page<StockDocumentSummary> }>(),
    'Documents Failed': props<{ error: ApiError }>(),
    'Document Loaded': props<{ document: StockDocument }>(),
    'Document Failed': props<{ error: ApiError }>(),
    'Devices Loaded': props<{ page: Page<Device> }>(),
    'Devices Failed': props<{ error: ApiError }>(),
    'Device Loaded': props<{ device: DeviceDetail }>(),
    'Device Failed': props<{ error: ApiError }>(),
  },
});
