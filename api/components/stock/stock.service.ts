import type { z } from 'zod';
import { createBaseDataRepository } from '../../../db/repositories/basedata';
import { createStockRepository, type ModelStock, type WarehouseInfo } from '../../../db/repositories/stock';
import type { DeviceRow, StockDocumentRow } from '../../../db/schema/stock';
import { CsvSyntaxError, parseCsv } from '../../../domain/csv';
import { bi } from '../../../domain/i18n';
import { formatJalali, tehranToday } from '../../../domain/jalali';
import {
  DEVICE_EVENT_NAMES,
  DEVICE_STATE_NAMES,
  STOCK_DOCUMENT_NAMES,
  StockError,
  endOfTehranDay,
  entryLinesFromCsv,
  normalizeSerial,
  type DeviceEvent,
  type DeviceState,
  type EntryLineError,
  type EntryLineInput,
  type ImportStatus,
  type StockDocumentKind,
} from '../../../domain/stock';
import { toAsciiDigits } from '../../../domain/text';
import type { ApiContext } from '../../app';
import type { AuthContext } from '../../lib/auth';
import { assertInBaseData } from '../../lib/basedata-refs';
import { AppError } from '../../lib/errors';
import { agentIdOf, assertInSubtree, visibleAgentIds } from '../../lib/scope';
import {
  MAX_ENTRY_LINES,
  type CreateEntry,
  type CreateTransfer,
  type DeviceQuery,
  type DocumentQuery,
  type StockDocumentSummaryDto,
  type WarehouseDto,
} from './stock.schemas';

const WAREHOUSE_NOT_FOUND = bi('انبار یافت نشد.', 'Warehouse not found.');
const DOCUMENT_NOT_FOUND = bi('سند انبار یافت نشد.', 'Stock document not found.');
const DEVICE_NOT_FOUND = bi('دستگاه یافت نشد.', 'Device not found.');

/** A domain stock error as the API's error (404/409 with its stable code). */
function asAppError(err: unknown): unknown {
  return err instanceof StockError ? new AppError(err.status, err.code, err.text) : err;
}

async function mapErrors<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    throw asAppError(err);
  }
}

const iso = (d: Date | string) => new Date(d).toISOString();
const jalaliOf = (d: Date | string) => formatJalali(tehranToday(new Date(d)));

/** Warehouses, entries, transfers, documents and devices for people (R-WH), confined to the caller's subtree. */
export function createStockService(ctx: Pick<ApiContext, 'db' | 'agents' | 'logger'>) {
  const { db, agents, logger } = ctx;
  const repo = createStockRepository(db);
  const basedata = createBaseDataRepository(db);
  /** Imports running in this process (tests and shutdown may wait for them). */
  const running = new Map<string, Promise<void>>();

  async function modelNames(codes: string[]) {
    const items = await basedata.byCodes('device-model', [...new Set(codes)]);
    return (code: string) => {
      const i = items.get(code);
      return { fa: i?.nameFa ?? code, en: i?.nameEn ?? code };
    };
  }

  const warehouseRef = (w: WarehouseInfo | undefined | null) =>
    w ? { id: w.id, kind: w.kind, nameFa: w.nameFa, nameEn: w.nameEn } : null;

  async function toWarehouseDtos(list: WarehouseInfo[]): Promise<WarehouseDto[]> {
    const stock = await repo.stockByModel(list.map((w) => w.id));
    const agentMap = await agents.byIds(list.map((w) => w.agentId));
    const userIds = list.map((w) => w.userId).filter((u): u is string => !!u);
    const users = new Map(
      (userIds.length ? await db.models.User.findAll({ where: { id: userIds } }) : []).map((u) => [u.id, u] as const),
    );
    const name = await modelNames([...stock.values()].flat().map((s) => s.deviceModel));
    return list.map((w) => {
      const items: ModelStock[] = stock.get(w.id) ?? [];
      const a = agentMap.get(w.agentId);
      const u = w.userId ? users.get(w.userId) : undefined;
      return {
        id: w.id,
        kind: w.kind,
        agent: { id: w.agentId, code: a?.code ?? '', nameFa: a?.nameFa ?? '', nameEn: a?.nameEn ?? '' },
        user: u ? { id: u.id, displayName: u.displayName } : null,
        nameFa: w.nameFa,
        nameEn: w.nameEn,
        active: w.active,
        stock: items.map((s) => ({ ...s, nameFa: name(s.deviceModel).fa, nameEn: name(s.deviceModel).en })),
        totals: {
          inStock: items.reduce((n, s) => n + s.inStock, 0),
          reserved: items.reduce((n, s) => n + s.reserved, 0),
          total: items.reduce((n, s) => n + s.total, 0),
        },
        createdAt: iso(w.createdAt),
      };
    });
  }

  /** The warehouse, if its agent lies in the caller's subtree (404 otherwise). */
  async function findWarehouse(auth: AuthContext, id: string): Promise<WarehouseInfo> {
    const w = await repo.warehouse(id);
    if (!w) throw AppError.notFound(WAREHOUSE_NOT_FOUND);
    await assertInSubtree(agents, auth, w.agentId, WAREHOUSE_NOT_FOUND);
    return w;
  }

  async function toDocumentSummaries(rows: StockDocumentRow[]): Promise<StockDocumentSummaryDto[]> {
    const houses = await repo.warehousesByIds(rows.flatMap((r) => [r.fromWarehouseId ?? '', r.toWarehouseId ?? '']));
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      kind: r.kind as StockDocumentKind,
      kindName: STOCK_DOCUMENT_NAMES[r.kind as StockDocumentKind],
      from: warehouseRef(r.fromWarehouseId ? houses.get(r.fromWarehouseId) : null),
      to: warehouseRef(r.toWarehouseId ? houses.get(r.toWarehouseId) : null),
      terminalId: r.terminalId,
      requestId: r.requestId,
      status: r.status as ImportStatus,
      total: r.total,
      processed: r.processed,
      errorCount: r.errorCount,
      note: r.note,
      createdBy: { id: r.createdByUserId, name: r.createdByName },
      createdAt: iso(r.createdAt),
      createdAtJalali: jalaliOf(r.createdAt),
    }));
  }

  /** A document is visible when one of the warehouses it touches belongs to the caller's subtree. */
  async function findDocument(auth: AuthContext, id: string): Promise<StockDocumentRow> {
    const doc = await repo.document(id);
    if (!doc) throw AppError.notFound(DOCUMENT_NOT_FOUND);
    const scope = await visibleAgentIds(agents, auth);
    if (scope && !scope.includes(doc.fromAgentId ?? '') && !scope.includes(doc.toAgentId ?? '')) {
      throw AppError.notFound(DOCUMENT_NOT_FOUND);
    }
    return doc;
  }

  async function toDevices(rows: DeviceRow[]) {
    const houses = await repo.warehousesByIds(rows.map((r) => r.warehouseId ?? ''));
    const agentMap = await agents.byIds(rows.map((r) => r.agentId));
    const name = await modelNames(rows.map((r) => r.deviceModel));
    return rows.map((r) => {
      const a = agentMap.get(r.agentId);
      return {
        serial: r.serial,
        deviceModel: r.deviceModel,
        modelName: name(r.deviceModel),
        state: r.state as DeviceState,
        stateName: DEVICE_STATE_NAMES[r.state as DeviceState],
        warehouse: warehouseRef(r.warehouseId ? houses.get(r.warehouseId) : null),
        agent: { id: r.agentId, code: a?.code ?? '', nameFa: a?.nameFa ?? '', nameEn: a?.nameEn ?? '' },
        terminalId: r.terminalId,
        requestId: r.reservedForRequestId,
        updatedAt: iso(r.updatedAt),
      };
    });
  }

  /** Starts (or joins) the background import of an entry document. */
  function runImport(documentId: string): Promise<void> {
    const current = running.get(documentId);
    if (current) return current;
    const job = repo
      .importEntry(documentId)
      .then((doc) => logger.info({ documentId, status: doc.status, total: doc.total }, 'stock entry imported'))
      .catch((err: unknown) => logger.error({ err, documentId }, 'stock entry import failed'))
      .finally(() => running.delete(documentId));
    running.set(documentId, job);
    return job;
  }

  async function startEntry(
    auth: AuthContext,
    warehouseId: string,
    lines: EntryLineInput[],
    defaultModel: string | undefined,
    note: string | undefined,
  ) {
    const warehouse = await findWarehouse(auth, warehouseId);
    if (!warehouse.active) {
      throw new AppError(409, 'WAREHOUSE_INACTIVE', bi('این انبار غیرفعال است.', 'This warehouse is inactive.'));
    }
    if (!lines.length) {
      throw AppError.validation([
        { field: 'serials', code: 'required', message: bi('دست‌کم یک سریال بدهید.', 'Give at least one serial.') },
      ]);
    }
    if (lines.length > MAX_ENTRY_LINES) {
      throw AppError.validation([
        {
          field: 'serials',
          code: 'too_many',
          message: bi(
            `یک سند حداکثر ${MAX_ENTRY_LINES.toLocaleString('fa-IR')} سطر دارد؛ فایل را بخش کنید.`,
            `A document holds at most ${MAX_ENTRY_LINES} lines; split the file.`,
          ),
        },
      ]);
    }
    if (lines.some((l) => !l.deviceModel) && !defaultModel) {
      throw AppError.validation([
        {
          field: 'deviceModel',
          code: 'required',
          message: bi('مدل دستگاه را برای سطرهای بی‌مدل انتخاب کنید.', 'Choose the device model of the lines that name none.'),
        },
      ]);
    }
    if (defaultModel) await assertInBaseData(db, [{ kind: 'device-model', code: defaultModel, field: 'deviceModel' }]);
    const withModel = lines.map((l) => ({ ...l, deviceModel: l.deviceModel || defaultModel || '' }));
    const doc = await repo.createEntry({ warehouse, lines: withModel, note: note ?? null, actor: auth.who });
    void runImport(doc.id);
    return (await toDocumentSummaries([doc]))[0];
  }

  return {
    /** Waits for the imports this process is running (tests, shutdown). */
    async settled(): Promise<void> {
      await Promise.all([...running.values()]);
    },

    /** Entries a stopped process left half-imported are taken up again. */
    async resumeImports(): Promise<void> {
      for (const id of await repo.staleImports()) void runImport(id);
    },

    async warehouses(auth: AuthContext, q: { kind?: WarehouseDto['kind']; agentId?: string }) {
      // The caller's own warehouse exists from its first look.
      await repo.warehouseOfAgent(auth.agent.id, auth.who);
      const scope = await visibleAgentIds(agents, auth);
      if (q.agentId && scope && !scope.includes(q.agentId)) return { items: [] };
      const ids = q.agentId ? [q.agentId] : scope;
      return { items: await toWarehouseDtos(await repo.warehouses(ids, { kind: q.kind })) };
    },

    async warehouse(auth: AuthContext, id: string): Promise<WarehouseDto> {
      return (await toWarehouseDtos([await findWarehouse(auth, id)]))[0];
    },

    async stockAt(auth: AuthContext, id: string, day: string) {
      const w = await findWarehouse(auth, id);
      const items = await repo.stockAt(w.id, endOfTehranDay(day));
      const name = await modelNames(items.map((i) => i.deviceModel));
      return {
        warehouseId: w.id,
        day,
        dayJalali: formatJalali(day),
        items: items.map((i) => ({ ...i, nameFa: name(i.deviceModel).fa, nameEn: name(i.deviceModel).en })),
        total: items.reduce((n, i) => n + i.total, 0),
      };
    },

    async createEntry(auth: AuthContext, warehouseId: string, body: z.output<typeof CreateEntry>) {
      const lines: EntryLineInput[] = body.lines
        ? body.lines.map((l, i) => ({ line: i + 1, serial: l.serial, deviceModel: (l.deviceModel ?? '').trim().toLowerCase() }))
        : (body.serials ?? [])
            .map((serial, i) => ({ line: i + 1, serial, deviceModel: '' }))
            .filter((l) => l.serial.trim() !== '');
      return startEntry(auth, warehouseId, lines, body.deviceModel, body.note);
    },

    async createEntryFromCsv(
      auth: AuthContext,
      warehouseId: string,
      file: Express.Multer.File | undefined,
      fields: { deviceModel?: string; note?: string },
    ) {
      if (!file || file.size === 0) {
        throw AppError.validation([
          { field: 'file', code: 'required', message: bi('فایلی فرستاده نشده است.', 'No file was sent.') },
        ]);
      }
      let records;
      try {
        records = parseCsv(file.buffer.toString('utf8'));
      } catch (err) {
        if (!(err instanceof CsvSyntaxError)) throw err;
        throw AppError.validation([
          {
            field: 'file',
            code: 'csv_syntax',
            message: bi(
              `فایل CSV در سطر ${err.line} خراب است.`,
              `The CSV file is malformed on line ${err.line}: ${err.message}.`,
            ),
          },
        ]);
      }
      const model = fields.deviceModel ? toAsciiDigits(fields.deviceModel).trim().toLowerCase() || undefined : undefined;
      const lines = entryLinesFromCsv(records, undefined).filter((l) => l.serial.trim() !== '');
      const note = fields.note?.trim().slice(0, 1000) || undefined;
      return startEntry(auth, warehouseId, lines, model, note);
    },

    async documents(auth: AuthContext, q: z.output<typeof DocumentQuery>) {
      const scope = await visibleAgentIds(agents, auth);
      if (q.warehouseId) await findWarehouse(auth, q.warehouseId);
      const { rows, total } = await repo.documents({ ...q, agentIds: scope });
      return { items: await toDocumentSummaries(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async document(auth: AuthContext, id: string, q: { linesPage: number; linesPageSize: number }) {
      const doc = await findDocument(auth, id);
      const [summary] = await toDocumentSummaries([doc]);
      const lines = await repo.documentLines(doc.id, q.linesPage, q.linesPageSize);
      return {
        ...summary,
        errors: doc.errors ? (JSON.parse(doc.errors) as EntryLineError[]) : [],
        lines: lines.rows.map((l) => ({ line: l.lineNo, serial: l.serial, deviceModel: l.deviceModel })),
        linesTotal: lines.total,
        linesPage: q.linesPage,
        linesPageSize: q.linesPageSize,
      };
    },

    async devices(auth: AuthContext, q: z.output<typeof DeviceQuery>) {
      const scope = await visibleAgentIds(agents, auth);
      if (q.warehouseId) await findWarehouse(auth, q.warehouseId);
      const search = q.q ? toAsciiDigits(q.q).trim().toUpperCase() : undefined;
      const { rows, total } = await repo.devices({ ...q, q: search, agentIds: scope });
      return { items: await toDevices(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async device(auth: AuthContext, rawSerial: string) {
      const checked = normalizeSerial(rawSerial);
      const row = checked.ok ? await repo.device(checked.serial) : null;
      if (!row) throw AppError.notFound(DEVICE_NOT_FOUND);
      await assertInSubtree(agents, auth, row.agentId, DEVICE_NOT_FOUND);
      const [device] = await toDevices([row]);
      const history = await repo.history(row.serial);
      const houses = await repo.warehousesByIds(history.flatMap((h) => [h.fromWarehouseId ?? '', h.toWarehouseId ?? '']));
      const docIds = [...new Set(history.map((h) => h.documentId).filter((d): d is string => !!d))];
      const docs = new Map(
        (docIds.length
          ? await db.models.StockDocument.findAll({ where: { id: docIds }, attributes: ['id', 'number', 'kind'] })
          : []
        ).map((d) => [d.id, d] as const),
      );
      return {
        ...device,
        history: history.map((h) => {
          const doc = h.documentId ? docs.get(h.documentId) : undefined;
          return {
            seq: h.seq,
            at: iso(h.at),
            atJalali: jalaliOf(h.at),
            event: h.event as DeviceEvent,
            eventName: DEVICE_EVENT_NAMES[h.event as DeviceEvent],
            state: h.state as DeviceState,
            from: warehouseRef(h.fromWarehouseId ? houses.get(h.fromWarehouseId) : null),
            to: warehouseRef(h.toWarehouseId ? houses.get(h.toWarehouseId) : null),
            terminalId: h.terminalId,
            document: doc ? { id: doc.id, number: doc.number, kind: doc.kind as StockDocumentKind } : null,
            requestId: h.requestId,
            actor: { id: h.actorUserId, name: h.actorName },
          };
        }),
      };
    },

    async transfer(auth: AuthContext, fromId: string, body: z.output<typeof CreateTransfer>, idempotencyKey: string | undefined) {
      const from = await findWarehouse(auth, fromId);
      if (!!body.toWarehouseId === !!body.toAgentId) {
        throw AppError.validation([
          {
            field: 'toWarehouseId',
            code: 'one_target',
            message: bi(
              'یا انبار مقصد یا نمایندهٔ مقصد را بدهید (یکی).',
              'Give either the target warehouse or the target agent (one).',
            ),
          },
        ]);
      }
      if (!body.serials?.length && !(body.deviceModel && body.quantity)) {
        throw AppError.validation([
          {
            field: 'serials',
            code: 'required',
            message: bi('سریال‌ها، یا مدل و تعداد را بدهید.', 'Give the serials, or a device model and a quantity.'),
          },
        ]);
      }
      let to: WarehouseInfo;
      if (body.toWarehouseId) {
        to = await findWarehouse(auth, body.toWarehouseId);
      } else {
        const agentId = await agentIdOf(db, body.toAgentId!);
        await assertInSubtree(agents, auth, agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
        to = await repo.warehouseOfAgent(agentId, auth.who);
      }
      const result = await mapErrors(
        repo.transfer({
          requestId: idempotencyKey ? `api:${auth.agent.id}:${idempotencyKey}` : undefined,
          fromWarehouseId: from.id,
          toWarehouseId: to.id,
          serials: body.serials,
          deviceModel: body.deviceModel,
          quantity: body.quantity,
          note: body.note ?? null,
          actor: auth.who,
        }),
      );
      const doc = await repo.document(result.documentId);
      return (await toDocumentSummaries([doc!]))[0];
    },
  };
}

export type StockService = ReturnType<typeof createStockService>;
