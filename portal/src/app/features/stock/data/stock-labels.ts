import { MessageKey } from '../../../core/i18n/messages.fa';
import { DeviceState, DocumentKind, ImportStatus, WarehouseKind } from './stock.models';

export const IMPORT_STATUS_KEY: Record<ImportStatus, MessageKey> = {
  importing: 'stock.status.importing',
  done: 'stock.status.done',
  failed: 'stock.status.failed',
};

export const WAREHOUSE_KIND_KEY: Record<WarehouseKind, MessageKey> = {
  main: 'stock.kind.main',
  agent: 'stock.kind.agent',
  user: 'stock.kind.user',
};

export const DEVICE_STATE_KEY: Record<DeviceState, MessageKey> = {
  in_stock: 'stock.state.in_stock',
  reserved: 'stock.state.reserved',
  installed: 'stock.state.installed',
  repair: 'stock.state.repair',
  scrapped: 'stock.state.scrapped',
};

export const DOCUMENT_KIND_KEY: Record<DocumentKind, MessageKey> = {
  entry: 'stock.doc.entry',
  exit: 'stock.doc.exit',
  return: 'stock.doc.return',
  transfer: 'stock.doc.transfer',
  repair: 'stock.doc.repair',
  scrap: 'stock.doc.scrap',
};
