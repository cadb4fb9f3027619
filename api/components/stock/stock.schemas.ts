import { z } from 'zod';
import { parseCalendarDay } from '../../../domain/calendar';
import { DEVICE_EVENTS, DEVICE_STATES, IMPORT_STATUSES, STOCK_DOCUMENT_KINDS, WAREHOUSE_KINDS } from '../../../domain/stock';
import { Code, PageQuery, text } from '../../lib/schemas';
import { AgentRefSchema } from '../../lib/scope';

/** Entries larger than this are refused (split the file). */
export const MAX_ENTRY_LINES = 20_000;

const Bi = z.object({ fa: z.string(), en: z.string() });
const AgentRef = z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() });
const WarehouseRef = z.object({ id: z.string(), kind: z.enum(WAREHOUSE_KINDS), nameFa: z.string(), nameEn: z.string() });

export const ModelStock = z
  .object({
    deviceModel: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    inStock: z.number(),
    reserved: z.number(),
    total: z.number().meta({ description: 'In the warehouse: in stock + reserved' }),
  })
  .meta({ id: 'ModelStock' });

export const Warehouse = z
  .object({
    id: z.uuid(),
    kind: z.enum(WAREHOUSE_KINDS),
    agent: AgentRef,
    user: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    nameFa: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    stock: z.array(ModelStock),
    totals: z.object({ inStock: z.number(), reserved: z.number(), total: z.number() }),
    createdAt: z.string(),
  })
  .meta({ id: 'Warehouse' });

export type WarehouseDto = z.output<typeof Warehouse>;

export const WarehouseQuery = z.object({ kind: z.enum(WAREHOUSE_KINDS).optional(), agentId: z.uuid().optional() });

/** `?at=` a Jalali (`1405/09/01`) or ISO (`2026-11-22`) day; any digits. */
export const CalendarDay = z
  .string()
  .transform((input, ctx) => {
    const day = parseCalendarDay(input);
    if (day) return day;
    ctx.addIssue({
      code: 'custom',
      message: 'not a calendar day',
      params: {
        code: 'calendar_day',
        fa: 'روز را به شکل سال/ماه/روز خورشیدی (مانند ۱۴۰۵/۰۹/۰۱) یا میلادی (2026-11-22) بنویسید.',
        en: 'Write the day as a Jalali year/month/day (e.g. 1405/09/01) or an ISO date (2026-11-22).',
      },
    });
    return z.NEVER;
  })
  .meta({ description: 'A calendar day: Jalali 1405/09/01 or ISO 2026-11-22', example: '1405/09/01' });

export const StockAtQuery = z.object({ at: CalendarDay });

export const StockAt = z
  .object({
    warehouseId: z.string(),
    day: z.string(),
    dayJalali: z.string(),
    items: z.array(z.object({ deviceModel: z.string(), nameFa: z.string(), nameEn: z.string(), total: z.number() })),
    total: z.number(),
  })
  .meta({ id: 'StockAt' });

const EntryLine = z.strictObject({
  serial: z.string().max(100),
  deviceModel: z.string().max(64).optional(),
});

export const CreateEntry = z
  .strictObject({
    /** The model of every line that names none. */
    deviceModel: Code.optional(),
    /** Serials, one a line (pasted). */
    serials: z.array(z.string().max(100)).max(MAX_ENTRY_LINES).optional(),
    /** Or lines with their own model. */
    lines: z.array(EntryLine).max(MAX_ENTRY_LINES).optional(),
    note: text(0, 1000).optional(),
  })
  .meta({ id: 'CreateEntry' });

export const EntryCsvFields = z.object({
  file: z
    .any()
    .meta({ type: 'string', format: 'binary', description: 'CSV: a `serial` (and `model`) column, or serials one a line' }),
  deviceModel: z.string().optional(),
  note: z.string().optional(),
});

export const LineError = z.object({ line: z.number(), serial: z.string(), code: z.string(), message: Bi });

export const StockDocumentSummary = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ example: 'ENT-14050901-0001' }),
    kind: z.enum(STOCK_DOCUMENT_KINDS),
    kindName: Bi,
    from: WarehouseRef.nullable(),
    to: WarehouseRef.nullable(),
    terminalId: z.string().nullable(),
    requestId: z.string().nullable(),
    status: z.enum(IMPORT_STATUSES),
    total: z.number(),
    processed: z.number(),
    errorCount: z.number(),
    note: z.string().nullable(),
    createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
    createdAt: z.string(),
    createdAtJalali: z.string(),
  })
  .meta({ id: 'StockDocumentSummary' });

export const StockDocument = StockDocumentSummary.extend({
  errors: z.array(LineError).meta({ description: 'Per-line errors of a failed entry (at most 1,000)' }),
  lines: z.array(z.object({ line: z.number(), serial: z.string(), deviceModel: z.string() })),
  linesTotal: z.number(),
  linesPage: z.number(),
  linesPageSize: z.number(),
}).meta({ id: 'StockDocument' });

export type StockDocumentSummaryDto = z.output<typeof StockDocumentSummary>;

export const DocumentQuery = PageQuery.extend({
  kind: z.enum(STOCK_DOCUMENT_KINDS).optional(),
  status: z.enum(IMPORT_STATUSES).optional(),
  warehouseId: z.uuid().optional(),
  requestId: z.string().max(100).optional(),
});

export const DocumentDetailQuery = z.object({
  linesPage: z.coerce.number().int().min(1).default(1),
  linesPageSize: z.coerce.number().int().min(1).max(1000).default(200),
});

export const Device = z
  .object({
    serial: z.string(),
    deviceModel: z.string(),
    modelName: Bi,
    state: z.enum(DEVICE_STATES),
    stateName: Bi,
    warehouse: WarehouseRef.nullable(),
    agent: AgentRef,
    terminalId: z.string().nullable(),
    requestId: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Device' });

export const DeviceHistoryEntry = z.object({
  seq: z.number(),
  at: z.string(),
  atJalali: z.string(),
  event: z.enum(DEVICE_EVENTS),
  eventName: Bi,
  state: z.enum(DEVICE_STATES),
  from: WarehouseRef.nullable(),
  to: WarehouseRef.nullable(),
  terminalId: z.string().nullable(),
  document: z.object({ id: z.string(), number: z.string(), kind: z.enum(STOCK_DOCUMENT_KINDS) }).nullable(),
  requestId: z.string().nullable(),
  actor: z.object({ id: z.string().nullable(), name: z.string() }),
});

export const DeviceDetail = Device.extend({ history: z.array(DeviceHistoryEntry) }).meta({ id: 'DeviceDetail' });

export const DeviceQuery = PageQuery.extend({
  q: z.string().max(30).optional().meta({ description: 'Part of a serial (any digits, any case)' }),
  state: z.enum(DEVICE_STATES).optional(),
  deviceModel: z.string().max(64).optional(),
  warehouseId: z.uuid().optional(),
});

export const SerialParams = z.object({ serial: z.string().min(1).max(100) });

export const CreateTransfer = z
  .strictObject({
    toWarehouseId: z.uuid().optional(),
    /** Or the agent (id or code) whose warehouse receives the devices. */
    toAgentId: AgentRefSchema.optional(),
    serials: z.array(z.string().max(100)).min(1).max(5000).optional(),
    deviceModel: Code.optional(),
    quantity: z.coerce.number().int().min(1).max(5000).optional(),
    note: text(0, 1000).optional(),
  })
  .meta({ id: 'CreateTransfer' });

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(80)
    .optional()
    .meta({ description: 'Repeating a transfer with the same key returns the first document.' }),
});
