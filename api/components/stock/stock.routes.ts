import { z } from 'zod';
import type { ApiContext } from '../../app';
import { IdParams, type RouteTable } from '../../lib/routes';
import { pageOf } from '../../lib/schemas';
import { singleFile } from '../../lib/uploads';
import {
  CreateEntry,
  CreateTransfer,
  Device,
  DeviceDetail,
  DeviceQuery,
  DocumentDetailQuery,
  DocumentQuery,
  EntryCsvFields,
  IdempotencyHeaders,
  SerialParams,
  StockAt,
  StockAtQuery,
  StockDocument,
  StockDocumentSummary,
  Warehouse,
  WarehouseQuery,
} from './stock.schemas';
import { createStockService, type StockService } from './stock.service';

const READ = { anyOf: ['warehouse.read', 'warehouse.manage'] } as const;
const MANAGE = { anyOf: ['warehouse.manage'] } as const;
/** A CSV of 20,000 serials with models stays well below this. */
const CSV_MAX_BYTES = 2 * 1024 * 1024;

/** Warehouses, entry documents, transfers, stock and device history (R-WH). */
export function stockRoutes(routes: RouteTable, ctx: ApiContext): StockService {
  const service = createStockService(ctx);
  void service.resumeImports().catch((err: unknown) => ctx.logger.error({ err }, 'could not resume stock imports'));
  const tag = 'stock';

  routes.add({
    method: 'get',
    path: '/warehouses',
    tag,
    summary: 'Warehouses in your subtree with their stock per model (your own is created on first look)',
    access: READ,
    query: WarehouseQuery,
    response: { status: 200, description: 'Warehouses', schema: z.object({ items: z.array(Warehouse) }) },
    handler: ({ auth, query }) => service.warehouses(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/warehouses/:id',
    tag,
    summary: 'One warehouse with its stock per model now',
    access: READ,
    params: IdParams,
    response: { status: 200, description: 'The warehouse', schema: Warehouse },
    handler: ({ auth, params }) => service.warehouse(auth!, params.id),
  });

  routes.add({
    method: 'get',
    path: '/warehouses/:id/stock',
    tag,
    summary: 'Stock per model at the end of a day (Jalali or ISO), counted from the documents',
    access: READ,
    params: IdParams,
    query: StockAtQuery,
    response: { status: 200, description: 'Stock at that day', schema: StockAt },
    handler: ({ auth, params, query }) => service.stockAt(auth!, params.id, query.at),
  });

  routes.add({
    method: 'post',
    path: '/warehouses/:id/entries',
    tag,
    summary: 'Entry document: serials received into the warehouse (JSON list); imported in the background',
    access: MANAGE,
    params: IdParams,
    body: CreateEntry,
    response: {
      status: 202,
      description: 'The document, status importing; follow GET /api/stock-documents/:id for progress and per-line errors',
      schema: StockDocumentSummary,
    },
    handler: ({ auth, params, body }) => service.createEntry(auth!, params.id, body),
  });

  routes.add({
    method: 'post',
    path: '/warehouses/:id/entries/csv',
    tag,
    summary: 'Entry document from a CSV upload (serial[,model] per line; thousands of lines)',
    access: MANAGE,
    params: IdParams,
    bodyContentType: 'multipart/form-data',
    body: EntryCsvFields,
    before: [singleFile(CSV_MAX_BYTES, 2)],
    response: { status: 202, description: 'The document, status importing', schema: StockDocumentSummary },
    handler: ({ auth, params, req }) => {
      const fields = req.body as { deviceModel?: unknown; note?: unknown } | undefined;
      return service.createEntryFromCsv(auth!, params.id, req.file, {
        deviceModel: typeof fields?.deviceModel === 'string' ? fields.deviceModel : undefined,
        note: typeof fields?.note === 'string' ? fields.note : undefined,
      });
    },
  });

  routes.add({
    method: 'post',
    path: '/warehouses/:id/transfers',
    tag,
    summary: "Transfer in-stock devices to another warehouse in your subtree (e.g. a sub-agent's): writes the TRANSFER document",
    access: MANAGE,
    params: IdParams,
    headers: IdempotencyHeaders,
    body: CreateTransfer,
    response: { status: 201, description: 'The transfer document', schema: StockDocumentSummary },
    handler: ({ auth, params, body, req }) => service.transfer(auth!, params.id, body, req.get('idempotency-key') || undefined),
  });

  routes.add({
    method: 'get',
    path: '/stock-documents',
    tag,
    summary: 'Stock documents touching your subtree (entry, exit, return, transfer…), newest first',
    access: READ,
    query: DocumentQuery,
    response: { status: 200, description: 'A page of documents', schema: pageOf(StockDocumentSummary) },
    handler: ({ auth, query }) => service.documents(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/stock-documents/:id',
    tag,
    summary: 'One document: import progress (processed/total, status), per-line errors and its lines (paged)',
    access: READ,
    params: IdParams,
    query: DocumentDetailQuery,
    response: { status: 200, description: 'The document', schema: StockDocument },
    handler: ({ auth, params, query }) => service.document(auth!, params.id, query),
  });

  routes.add({
    method: 'get',
    path: '/devices',
    tag,
    summary: 'Devices in your subtree; search by part of a serial, filter by state, model, warehouse',
    access: READ,
    query: DeviceQuery,
    response: { status: 200, description: 'A page of devices', schema: pageOf(Device) },
    handler: ({ auth, query }) => service.devices(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/devices/:serial',
    tag,
    summary: "A device's state and complete history, oldest first",
    access: READ,
    params: SerialParams,
    response: { status: 200, description: 'The device', schema: DeviceDetail },
    handler: ({ auth, params }) => service.device(auth!, params.serial),
  });

  return service;
}
