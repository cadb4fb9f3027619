import { createHash, randomUUID } from 'node:crypto';
import { Op, UniqueConstraintError, fn, col, type Transaction, type WhereOptions } from 'sequelize';
import { bi } from '../../domain/i18n';
import {
  ENTRY_LINE_ERRORS,
  NoStockError,
  NothingReservedError,
  SerialNotFoundError,
  SerialStateError,
  TerminalOccupiedError,
  TransferError,
  assertDeviceMove,
  checkEntryLines,
  normalizeSerial,
  stockDocumentDay,
  stockDocumentNumber,
  STOCK_DOCUMENT_PREFIX,
  type DeviceEvent,
  type DeviceState,
  type EntryLineError,
  type EntryLineInput,
  type StockDocumentKind,
  type WarehouseKind,
} from '../../domain/stock';
import { appendAudit, SYSTEM_ACTOR, type Actor } from '../audit';
import { chunkForParams } from '../connection';
import type { Database } from '../index';
import type { DeviceHistoryRow, DeviceRow, StockDocumentRow, WarehouseRow } from '../schema/stock';
import { createBaseDataRepository } from './basedata';

/** The hidden state of devices written by an entry still importing (not stock yet; their serials are taken). */
const IMPORTING = 'importing';
/** Per-line errors kept on a failed entry document. */
const MAX_STORED_ERRORS = 1000;
/** Serials checked against the system per progress step of an entry import. */
const DEFAULT_IMPORT_CHUNK = 500;

export interface WarehouseInfo {
  id: string;
  kind: WarehouseKind;
  agentId: string;
  userId: string | null;
  nameFa: string;
  nameEn: string;
  active: boolean;
  createdAt: Date;
}

export interface StockDocumentRef {
  documentId: string;
  documentNumber: string;
}

export interface ModelStock {
  deviceModel: string;
  inStock: number;
  reserved: number;
  /** In the warehouse: in stock + reserved. */
  total: number;
}

const toWarehouse = (w: WarehouseRow): WarehouseInfo => ({
  id: w.id,
  kind: w.kind as WarehouseKind,
  agentId: w.agentId,
  userId: w.userId,
  nameFa: w.nameFa,
  nameEn: w.nameEn,
  active: Boolean(w.active),
  createdAt: new Date(w.createdAt),
});

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** The idempotency key of an automatic document: kind + request + serial set. */
function documentKey(kind: StockDocumentKind, requestId: string, serials: readonly string[]): string {
  const set = serials.length === 1 ? serials[0] : sha([...serials].sort().join(',')).slice(0, 40);
  return `${kind}:${requestId}:${set}`.slice(0, 200);
}

/** What the audit keeps of a device. */
const deviceSnapshot = (d: Pick<DeviceRow, 'state' | 'warehouseId' | 'terminalId' | 'reservedForRequestId' | 'deviceModel'>) => ({
  deviceModel: d.deviceModel,
  state: d.state,
  warehouseId: d.warehouseId,
  terminalId: d.terminalId,
  requestId: d.reservedForRequestId,
});

/** Events that bring a device into a warehouse, and those that take it out (stock at a date counts them). */
const IN_EVENTS: DeviceEvent[] = ['entry', 'return', 'transfer'];
const OUT_EVENTS: DeviceEvent[] = ['exit', 'transfer', 'scrap'];

/**
 * Device stock (R-WH). Besides what the API needs, the request workflows' contract: allocateSerial,
 * releaseSerial, installSerial, returnSerial and serialOnTerminal — each idempotent by requestId,
 * each in one transaction with its audit entry and automatic document. Moves of one request (and of
 * one terminal) are serialised by a row lock in `stock_locks`; a device moves only by a conditional
 * update on its state, so two requests never get the same serial.
 */
export function createStockRepository(db: Database, options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const m = db.models;
  const { Warehouse, Device, StockDocument, StockDocumentLine, DeviceHistory, StockLock, Sequence, Agent, User } = m;

  // -------------------------------------------------------------------------------------------
  // Locks and sequences: rows created outside the transaction (a unique violation would abort a
  // PostgreSQL transaction), then updated inside it to hold the row lock until commit.

  async function ensureRow(create: (tx: Transaction) => Promise<unknown>, exists: () => Promise<boolean>): Promise<void> {
    if (await exists()) return;
    try {
      // Through db.transaction: on SQLite that queues it behind this process's writers instead of
      // busy-waiting on the database lock.
      await db.transaction((tx) => create(tx));
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
    }
  }

  async function prepareLocks(keys: string[]): Promise<void> {
    for (const key of keys) {
      await ensureRow(
        (tx) => StockLock.create({ key, at: now() }, { transaction: tx }),
        async () => !!(await StockLock.findByPk(key)),
      );
    }
  }

  async function takeLocks(keys: string[], tx: Transaction): Promise<void> {
    for (const key of keys) await StockLock.update({ at: now() }, { where: { key }, transaction: tx });
  }

  const sequenceName = (kind: StockDocumentKind, at: Date) => `stock:${STOCK_DOCUMENT_PREFIX[kind]}:${stockDocumentDay(at)}`;

  async function prepareSequence(kind: StockDocumentKind, at: Date): Promise<void> {
    const name = sequenceName(kind, at);
    await ensureRow(
      (tx) => Sequence.create({ name, value: 0 }, { transaction: tx }),
      async () => !!(await Sequence.findByPk(name)),
    );
  }

  async function nextNumber(kind: StockDocumentKind, at: Date, tx: Transaction): Promise<string> {
    const name = sequenceName(kind, at);
    await Sequence.increment('value', { by: 1, where: { name }, transaction: tx });
    const row = await Sequence.findByPk(name, { transaction: tx });
    if (!row) throw new Error(`sequence ${name} is missing`);
    return stockDocumentNumber(kind, at, Number(row.value));
  }

  // -------------------------------------------------------------------------------------------
  // Warehouses.

  async function ensureWarehouse(
    ownerKey: string,
    values: { kind: WarehouseKind; agentId: string; userId: string | null; nameFa: string; nameEn: string },
    actor: Actor,
  ): Promise<WarehouseInfo> {
    const found = await Warehouse.findOne({ where: { ownerKey } });
    if (found) return toWarehouse(found);
    try {
      return await db.transaction(async (tx) => {
        const row = await Warehouse.create(
          { id: randomUUID(), ownerKey, ...values, active: true, createdAt: now() },
          { transaction: tx },
        );
        await appendAudit(db, tx, actor, {
          action: 'create',
          entityType: 'warehouse',
          entityId: row.id,
          scopeAgentId: values.agentId,
          after: { kind: values.kind, agentId: values.agentId, userId: values.userId, nameFa: values.nameFa },
        });
        return toWarehouse(row);
      });
    } catch (err) {
      if (!(err instanceof UniqueConstraintError)) throw err;
      const row = await Warehouse.findOne({ where: { ownerKey } });
      if (!row) throw err;
      return toWarehouse(row);
    }
  }

  /** The agent's warehouse (the main warehouse for the main broker), created on first need. */
  async function warehouseOfAgent(agentId: string, actor: Actor = SYSTEM_ACTOR): Promise<WarehouseInfo> {
    const agent = await Agent.findByPk(agentId);
    if (!agent) throw new Error(`agent ${agentId} does not exist`);
    if (agent.isBroker) {
      return ensureWarehouse(
        'main',
        { kind: 'main', agentId, userId: null, nameFa: 'انبار مرکزی', nameEn: 'Main warehouse' },
        actor,
      );
    }
    return ensureWarehouse(
      `agent:${agentId}`,
      { kind: 'agent', agentId, userId: null, nameFa: `انبار ${agent.nameFa}`, nameEn: `${agent.nameEn} warehouse` },
      actor,
    );
  }

  /** A user's own warehouse (technicians and marketers who hold devices), created on first need. */
  async function warehouseOfUser(userId: string, actor: Actor = SYSTEM_ACTOR): Promise<WarehouseInfo> {
    const user = await User.findByPk(userId);
    if (!user) throw new Error(`user ${userId} does not exist`);
    return ensureWarehouse(
      `user:${userId}`,
      {
        kind: 'user',
        agentId: user.agentId,
        userId,
        nameFa: `انبار ${user.displayName}`,
        nameEn: `${user.displayName}'s warehouse`,
      },
      actor,
    );
  }

  async function namedAgent(agentId: string) {
    const a = await Agent.findByPk(agentId);
    return { id: agentId, nameFa: a?.nameFa ?? agentId, nameEn: a?.nameEn ?? agentId };
  }

  async function namedModel(code: string) {
    const item = (await createBaseDataRepository(db).byCodes('device-model', [code])).get(code);
    return { code, nameFa: item?.nameFa ?? code, nameEn: item?.nameEn ?? code };
  }

  // -------------------------------------------------------------------------------------------
  // Writing moves.

  interface Move {
    device: DeviceRow;
    event: DeviceEvent;
    to: {
      state: DeviceState;
      warehouseId: string | null;
      terminalId: string | null;
      reservedForRequestId: string | null;
      agentId: string;
    };
    documentId: string | null;
    requestId: string | null;
  }

  /**
   * Moves one device if it is still as it was read (state and version): false when another
   * transaction got there first. Writes the history row (seq = the new version).
   */
  async function moveDevice(mv: Move, actor: Actor, tx: Transaction): Promise<boolean> {
    const d = mv.device;
    // A transfer moves an in-stock device without changing its state.
    if (d.state !== mv.to.state) assertDeviceMove(d.serial, d.state as DeviceState, mv.to.state);
    const at = now();
    const [n] = await Device.update(
      { ...mv.to, version: d.version + 1, updatedAt: at },
      { where: { serial: d.serial, state: d.state, version: d.version }, transaction: tx },
    );
    if (n !== 1) return false;
    await DeviceHistory.create(
      {
        id: randomUUID(),
        serial: d.serial,
        seq: d.version + 1,
        at,
        event: mv.event,
        deviceModel: d.deviceModel,
        state: mv.to.state,
        fromWarehouseId: d.warehouseId,
        toWarehouseId: mv.to.warehouseId,
        terminalId: mv.to.terminalId ?? d.terminalId,
        documentId: mv.documentId,
        requestId: mv.requestId,
        actorUserId: actor.userId,
        actorName: actor.name,
      },
      { transaction: tx },
    );
    return true;
  }

  async function createDocument(
    tx: Transaction,
    doc: {
      kind: StockDocumentKind;
      at: Date;
      from: WarehouseInfo | null;
      to: WarehouseInfo | null;
      terminalId?: string | null;
      requestId: string | null;
      idempotencyKey: string;
      devices: { serial: string; deviceModel: string }[];
      note?: string | null;
      actor: Actor;
    },
  ): Promise<StockDocumentRow> {
    const id = randomUUID();
    const row = await StockDocument.create(
      {
        id,
        number: await nextNumber(doc.kind, doc.at, tx),
        kind: doc.kind,
        fromWarehouseId: doc.from?.id ?? null,
        toWarehouseId: doc.to?.id ?? null,
        terminalId: doc.terminalId ?? null,
        requestId: doc.requestId,
        idempotencyKey: doc.idempotencyKey,
        fromAgentId: doc.from?.agentId ?? null,
        toAgentId: doc.to?.agentId ?? null,
        status: 'done',
        total: doc.devices.length,
        processed: doc.devices.length,
        errors: null,
        errorCount: 0,
        note: doc.note ?? null,
        createdByUserId: doc.actor.userId,
        createdByName: doc.actor.name,
        createdAt: doc.at,
        updatedAt: doc.at,
      },
      { transaction: tx },
    );
    const lines = doc.devices.map((d, i) => ({
      id: randomUUID(),
      documentId: id,
      lineNo: i + 1,
      serial: d.serial,
      deviceModel: d.deviceModel,
    }));
    for (const chunk of chunkForParams(lines, 5)) await StockDocumentLine.bulkCreate(chunk, { transaction: tx });
    return row;
  }

  const docRef = (d: StockDocumentRow): StockDocumentRef => ({ documentId: d.id, documentNumber: d.number });

  async function warehouseById(id: string | null, tx?: Transaction): Promise<WarehouseInfo | null> {
    if (!id) return null;
    const w = await Warehouse.findByPk(id, { transaction: tx });
    return w ? toWarehouse(w) : null;
  }

  const lockKeys = (requestId: string, terminalId?: string) =>
    [`request:${requestId}`, ...(terminalId ? [`terminal:${terminalId}`] : [])].map((k) => k.slice(0, 120));

  // -------------------------------------------------------------------------------------------
  // Entry import.

  async function failEntry(doc: StockDocumentRow, errors: EntryLineError[], actor: Actor): Promise<void> {
    const sorted = [...errors].sort((a, b) => a.line - b.line);
    await db.transaction(async (tx) => {
      const [n] = await StockDocument.update(
        {
          status: 'failed',
          processed: doc.total,
          errors: JSON.stringify(sorted.slice(0, MAX_STORED_ERRORS)),
          errorCount: sorted.length,
          updatedAt: now(),
        },
        { where: { id: doc.id, status: 'importing' }, transaction: tx },
      );
      if (n !== 1) return;
      await appendAudit(db, tx, actor, {
        action: 'import-failed',
        entityType: 'stock-document',
        entityId: doc.id,
        scopeAgentId: doc.toAgentId,
        after: { number: doc.number, status: 'failed', errorCount: sorted.length, firstErrors: sorted.slice(0, 5) },
      });
    });
  }

  /** Serials of `serials` already in the system. */
  async function existingSerials(serials: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const chunk of chunkForParams(serials, 1, 1000)) {
      for (const d of await Device.findAll({ where: { serial: chunk }, attributes: ['serial'], raw: true })) out.add(d.serial);
    }
    return out;
  }

  const repo = {
    warehouseOfAgent,
    warehouseOfUser,

    async warehouse(id: string): Promise<WarehouseInfo | null> {
      return warehouseById(id);
    },

    /** Warehouses of the given agents (all when undefined), the main one first. */
    async warehouses(agentIds: string[] | undefined, filter: { kind?: WarehouseKind } = {}): Promise<WarehouseInfo[]> {
      const where: WhereOptions = {};
      if (agentIds) Object.assign(where, { agentId: agentIds });
      if (filter.kind) Object.assign(where, { kind: filter.kind });
      const rows = await Warehouse.findAll({ where, order: [['createdAt', 'ASC']] });
      const order = { main: 0, agent: 1, user: 2 } as Record<string, number>;
      return rows.map(toWarehouse).sort((a, b) => order[a.kind] - order[b.kind]);
    },

    // ---------------------------------------------------------------------------------------
    // The request workflows' contract.

    /**
     * Reserves a serial of `deviceModel` in the agent's warehouse (a given `serial` must be in stock
     * there): in_stock → reserved. Throws NoStockError when there is none. Idempotent by requestId:
     * a serial already reserved (or installed) for the request is returned again.
     */
    async allocateSerial(input: {
      requestId: string;
      agentId: string;
      deviceModel: string;
      serial?: string;
      actor?: Actor;
    }): Promise<{ serial: string; warehouseId: string }> {
      const actor = input.actor ?? SYSTEM_ACTOR;
      const wanted = input.serial === undefined ? undefined : normalizeSerial(input.serial);
      if (wanted && !wanted.ok) throw new SerialNotFoundError(input.serial!.trim());
      const wh = await warehouseOfAgent(input.agentId, actor);
      const keys = lockKeys(input.requestId);
      await prepareLocks(keys);
      return db.transaction(async (tx) => {
        await takeLocks(keys, tx);
        const held = await Device.findOne({
          where: { reservedForRequestId: input.requestId, state: ['reserved', 'installed'] },
          transaction: tx,
        });
        if (held) {
          const reserve = await DeviceHistory.findOne({
            where: { serial: held.serial, requestId: input.requestId, event: 'reserve' },
            order: [['seq', 'DESC']],
            transaction: tx,
          });
          return { serial: held.serial, warehouseId: held.warehouseId ?? reserve?.toWarehouseId ?? wh.id };
        }
        const where: WhereOptions = { warehouseId: wh.id, deviceModel: input.deviceModel, state: 'in_stock' };
        if (wanted?.ok) Object.assign(where, { serial: wanted.serial });
        for (let round = 0; round < 20; round += 1) {
          const candidates = await Device.findAll({
            where,
            order: [
              ['createdAt', 'ASC'],
              ['serial', 'ASC'],
            ],
            limit: 10,
            transaction: tx,
          });
          if (!candidates.length) break;
          for (const device of candidates) {
            const before = deviceSnapshot(device);
            const to = {
              state: 'reserved' as const,
              warehouseId: wh.id,
              terminalId: null,
              reservedForRequestId: input.requestId,
              agentId: wh.agentId,
            };
            const ok = await moveDevice(
              { device, event: 'reserve', to, documentId: null, requestId: input.requestId },
              actor,
              tx,
            );
            if (!ok) continue;
            await appendAudit(db, tx, actor, {
              action: 'reserve',
              entityType: 'device',
              entityId: device.serial,
              scopeAgentId: wh.agentId,
              before,
              after: deviceSnapshot({ ...to, deviceModel: device.deviceModel }),
            });
            return { serial: device.serial, warehouseId: wh.id };
          }
        }
        if (wanted?.ok) {
          const device = await Device.findByPk(wanted.serial, { transaction: tx });
          if (!device) throw new SerialNotFoundError(wanted.serial);
          if (device.warehouseId !== wh.id) {
            throw new SerialStateError(
              device.serial,
              device.state as DeviceState,
              'reserved',
              bi(
                `دستگاه «${device.serial}» در انبار این نماینده نیست.`,
                `Device ${device.serial} is not in this agent's warehouse.`,
              ),
            );
          }
          if (device.deviceModel !== input.deviceModel) {
            throw new SerialStateError(
              device.serial,
              device.state as DeviceState,
              'reserved',
              bi(
                `دستگاه «${device.serial}» از مدل «${device.deviceModel}» است، نه «${input.deviceModel}».`,
                `Device ${device.serial} is of model ${device.deviceModel}, not ${input.deviceModel}.`,
              ),
            );
          }
          throw new SerialStateError(device.serial, device.state as DeviceState, 'reserved');
        }
        throw new NoStockError(await namedAgent(input.agentId), await namedModel(input.deviceModel));
      });
    },

    /** Compensation: the serial reserved for the request goes back in stock; a no-op when none is reserved. */
    async releaseSerial(input: { requestId: string; actor?: Actor }): Promise<{ serial: string | null }> {
      const actor = input.actor ?? SYSTEM_ACTOR;
      const keys = lockKeys(input.requestId);
      await prepareLocks(keys);
      return db.transaction(async (tx) => {
        await takeLocks(keys, tx);
        const device = await Device.findOne({
          where: { reservedForRequestId: input.requestId, state: 'reserved' },
          transaction: tx,
        });
        if (!device) return { serial: null };
        const before = deviceSnapshot(device);
        const to = {
          state: 'in_stock' as const,
          warehouseId: device.warehouseId,
          terminalId: null,
          reservedForRequestId: null,
          agentId: device.agentId,
        };
        if (!(await moveDevice({ device, event: 'release', to, documentId: null, requestId: input.requestId }, actor, tx))) {
          throw new Error(`device ${device.serial} changed during release; try again`);
        }
        await appendAudit(db, tx, actor, {
          action: 'release',
          entityType: 'device',
          entityId: device.serial,
          scopeAgentId: device.agentId,
          before,
          after: deviceSnapshot({ ...to, deviceModel: device.deviceModel }),
        });
        return { serial: device.serial };
      });
    },

    /**
     * The serial reserved for the request is installed on the terminal (reserved → installed) and the
     * EXIT document (warehouse → terminal) is written. A terminal holds one device at a time.
     */
    async installSerial(input: {
      requestId: string;
      terminalId: string;
      actor?: Actor;
    }): Promise<{ serial: string; terminalId: string } & StockDocumentRef> {
      const actor = input.actor ?? SYSTEM_ACTOR;
      const at = now();
      const keys = lockKeys(input.requestId, input.terminalId);
      await prepareLocks(keys);
      await prepareSequence('exit', at);
      return db.transaction(async (tx) => {
        await takeLocks(keys, tx);
        const device = await Device.findOne({
          where: { reservedForRequestId: input.requestId, state: ['reserved', 'installed'] },
          transaction: tx,
        });
        if (!device) throw new NothingReservedError(input.requestId);
        const key = documentKey('exit', input.requestId, [device.serial]);
        if (device.state === 'installed') {
          const doc = await StockDocument.findOne({ where: { idempotencyKey: key }, transaction: tx });
          if (doc && device.terminalId === input.terminalId)
            return { serial: device.serial, terminalId: input.terminalId, ...docRef(doc) };
          throw new SerialStateError(device.serial, 'installed', 'installed');
        }
        const occupant = await Device.findOne({ where: { terminalId: input.terminalId, state: 'installed' }, transaction: tx });
        if (occupant) throw new TerminalOccupiedError(input.terminalId, occupant.serial);
        const from = await warehouseById(device.warehouseId, tx);
        const doc = await createDocument(tx, {
          kind: 'exit',
          at,
          from,
          to: null,
          terminalId: input.terminalId,
          requestId: input.requestId,
          idempotencyKey: key,
          devices: [device],
          actor,
        });
        const before = deviceSnapshot(device);
        const to = {
          state: 'installed' as const,
          warehouseId: null,
          terminalId: input.terminalId,
          reservedForRequestId: input.requestId,
          agentId: device.agentId,
        };
        if (!(await moveDevice({ device, event: 'exit', to, documentId: doc.id, requestId: input.requestId }, actor, tx))) {
          throw new Error(`device ${device.serial} changed during installation; try again`);
        }
        await appendAudit(db, tx, actor, [
          {
            action: 'create',
            entityType: 'stock-document',
            entityId: doc.id,
            scopeAgentId: device.agentId,
            after: {
              number: doc.number,
              kind: 'exit',
              serials: [device.serial],
              terminalId: input.terminalId,
              requestId: input.requestId,
            },
          },
          {
            action: 'install',
            entityType: 'device',
            entityId: device.serial,
            scopeAgentId: device.agentId,
            before,
            after: deviceSnapshot({ ...to, deviceModel: device.deviceModel }),
          },
        ]);
        return { serial: device.serial, terminalId: input.terminalId, ...docRef(doc) };
      });
    },

    /** A device collected from a terminal goes back in stock in the agent's warehouse; writes the RETURN document. */
    async returnSerial(input: {
      requestId: string;
      serial: string;
      terminalId: string;
      agentId: string;
      actor?: Actor;
    }): Promise<{ serial: string; warehouseId: string } & StockDocumentRef> {
      const actor = input.actor ?? SYSTEM_ACTOR;
      const checked = normalizeSerial(input.serial);
      if (!checked.ok) throw new SerialNotFoundError(input.serial.trim());
      const serial = checked.serial;
      const at = now();
      const wh = await warehouseOfAgent(input.agentId, actor);
      const keys = lockKeys(input.requestId, input.terminalId);
      await prepareLocks(keys);
      await prepareSequence('return', at);
      return db.transaction(async (tx) => {
        await takeLocks(keys, tx);
        const key = documentKey('return', input.requestId, [serial]);
        const done = await StockDocument.findOne({ where: { idempotencyKey: key }, transaction: tx });
        if (done) return { serial, warehouseId: done.toWarehouseId ?? wh.id, ...docRef(done) };
        const device = await Device.findByPk(serial, { transaction: tx });
        if (!device) throw new SerialNotFoundError(serial);
        if (device.state !== 'installed' || device.terminalId !== input.terminalId) {
          throw new SerialStateError(
            serial,
            device.state as DeviceState,
            'in_stock',
            bi(`دستگاه «${serial}» روی این پایانه نصب نیست.`, `Device ${serial} is not installed on this terminal.`),
          );
        }
        const doc = await createDocument(tx, {
          kind: 'return',
          at,
          from: null,
          to: wh,
          terminalId: input.terminalId,
          requestId: input.requestId,
          idempotencyKey: key,
          devices: [device],
          actor,
        });
        const before = deviceSnapshot(device);
        const to = {
          state: 'in_stock' as const,
          warehouseId: wh.id,
          terminalId: null,
          reservedForRequestId: null,
          agentId: wh.agentId,
        };
        // The history row keeps the terminal it came from (moveDevice falls back to the device's terminal).
        const moved = await moveDevice(
          { device, event: 'return', to, documentId: doc.id, requestId: input.requestId },
          actor,
          tx,
        );
        if (!moved) throw new Error(`device ${serial} changed during return; try again`);
        await appendAudit(db, tx, actor, [
          {
            action: 'create',
            entityType: 'stock-document',
            entityId: doc.id,
            scopeAgentId: wh.agentId,
            after: {
              number: doc.number,
              kind: 'return',
              serials: [serial],
              terminalId: input.terminalId,
              requestId: input.requestId,
            },
          },
          {
            action: 'return',
            entityType: 'device',
            entityId: serial,
            scopeAgentId: wh.agentId,
            before,
            after: deviceSnapshot({ ...to, deviceModel: device.deviceModel }),
          },
        ]);
        return { serial, warehouseId: wh.id, ...docRef(doc) };
      });
    },

    /** The serial installed on the terminal, or null. */
    async serialOnTerminal(terminalId: string): Promise<string | null> {
      const d = await Device.findOne({ where: { terminalId, state: 'installed' }, attributes: ['serial'] });
      return d?.serial ?? null;
    },

    /**
     * Moves in-stock devices between warehouses and writes the TRANSFER document: the given serials,
     * or `quantity` devices of `deviceModel` (oldest first). Idempotent by requestId (one transfer
     * per request).
     */
    async transfer(input: {
      requestId?: string;
      fromWarehouseId: string;
      toWarehouseId: string;
      serials?: string[];
      deviceModel?: string;
      quantity?: number;
      note?: string | null;
      actor?: Actor;
    }): Promise<StockDocumentRef & { serials: string[] }> {
      const actor = input.actor ?? SYSTEM_ACTOR;
      const requestId = input.requestId ?? `transfer-${randomUUID()}`;
      const at = now();
      const from = await warehouseById(input.fromWarehouseId);
      const to = await warehouseById(input.toWarehouseId);
      if (!from || !to)
        throw new TransferError(bi('انبار مبدأ یا مقصد یافت نشد.', 'The source or target warehouse does not exist.'));
      if (from.id === to.id)
        throw new TransferError(bi('انبار مبدأ و مقصد یکی است.', 'The source and target warehouse are the same.'));
      if (!to.active) throw new TransferError(bi('انبار مقصد غیرفعال است.', 'The target warehouse is inactive.'));
      const keys = lockKeys(requestId);
      await prepareLocks(keys);
      await prepareSequence('transfer', at);
      return db.transaction(async (tx) => {
        await takeLocks(keys, tx);
        const previous = await StockDocument.findOne({ where: { kind: 'transfer', requestId }, transaction: tx });
        if (previous) {
          const lines = await StockDocumentLine.findAll({
            where: { documentId: previous.id },
            order: [['lineNo', 'ASC']],
            transaction: tx,
          });
          return { ...docRef(previous), serials: lines.map((l) => l.serial) };
        }
        let devices: DeviceRow[];
        if (input.serials?.length) {
          const serials = [
            ...new Set(input.serials.map((s) => normalizeSerial(s)).map((c, i) => (c.ok ? c.serial : input.serials![i]))),
          ];
          devices = [];
          for (const chunk of chunkForParams(serials, 1, 1000))
            devices.push(...(await Device.findAll({ where: { serial: chunk }, transaction: tx })));
          const found = new Map(devices.map((d) => [d.serial, d]));
          const wrong = serials.filter((s) => {
            const d = found.get(s);
            return !d || d.warehouseId !== from.id || d.state !== 'in_stock';
          });
          if (wrong.length) {
            const list = wrong.slice(0, 10).join(', ');
            throw new TransferError(
              bi(
                `این سریال‌ها در انبار مبدأ آزاد و موجود نیستند: ${list}${wrong.length > 10 ? ' …' : ''}`,
                `These serials are not free in the source warehouse: ${list}${wrong.length > 10 ? ' …' : ''}`,
              ),
            );
          }
        } else {
          if (!input.deviceModel || !input.quantity) {
            throw new TransferError(bi('سریال‌ها یا مدل و تعداد را بدهید.', 'Give the serials, or a model and a quantity.'));
          }
          devices = await Device.findAll({
            where: { warehouseId: from.id, deviceModel: input.deviceModel, state: 'in_stock' },
            order: [
              ['createdAt', 'ASC'],
              ['serial', 'ASC'],
            ],
            limit: input.quantity,
            transaction: tx,
          });
          if (devices.length < input.quantity) {
            throw new TransferError(
              bi(
                `در انبار مبدأ تنها ${devices.length} دستگاه آزاد از مدل «${input.deviceModel}» هست.`,
                `The source warehouse has only ${devices.length} free devices of model ${input.deviceModel}.`,
              ),
            );
          }
        }
        const doc = await createDocument(tx, {
          kind: 'transfer',
          at,
          from,
          to,
          requestId,
          idempotencyKey: documentKey(
            'transfer',
            requestId,
            devices.map((d) => d.serial),
          ),
          devices,
          note: input.note ?? null,
          actor,
        });
        for (const device of devices) {
          const moved = await moveDevice(
            {
              device,
              event: 'transfer',
              to: { state: 'in_stock', warehouseId: to.id, terminalId: null, reservedForRequestId: null, agentId: to.agentId },
              documentId: doc.id,
              requestId: input.requestId ?? null,
            },
            actor,
            tx,
          );
          if (!moved) {
            throw new TransferError(
              bi(
                `دستگاه «${device.serial}» هم‌زمان جابه‌جا شد؛ دوباره تلاش کنید.`,
                `Device ${device.serial} moved meanwhile; try again.`,
              ),
            );
          }
        }
        const serials = devices.map((d) => d.serial);
        await appendAudit(db, tx, actor, {
          action: 'create',
          entityType: 'stock-document',
          entityId: doc.id,
          scopeAgentId: from.agentId,
          after: {
            number: doc.number,
            kind: 'transfer',
            from: from.id,
            to: to.id,
            count: serials.length,
            serials: serials.slice(0, 100),
          },
        });
        return { ...docRef(doc), serials };
      });
    },

    // ---------------------------------------------------------------------------------------
    // Entries: accepted at once (document + raw lines), imported in the background in chunks.

    /** Stores an entry document (status importing) with its lines as typed; `importEntry` does the rest. */
    async createEntry(input: {
      warehouse: WarehouseInfo;
      lines: EntryLineInput[];
      note?: string | null;
      actor: Actor;
    }): Promise<StockDocumentRow> {
      const at = now();
      await prepareSequence('entry', at);
      return db.transaction(async (tx) => {
        const id = randomUUID();
        const row = await StockDocument.create(
          {
            id,
            number: await nextNumber('entry', at, tx),
            kind: 'entry',
            fromWarehouseId: null,
            toWarehouseId: input.warehouse.id,
            terminalId: null,
            requestId: null,
            idempotencyKey: `entry:${id}`,
            fromAgentId: null,
            toAgentId: input.warehouse.agentId,
            status: 'importing',
            total: input.lines.length,
            processed: 0,
            errors: null,
            errorCount: 0,
            note: input.note ?? null,
            createdByUserId: input.actor.userId,
            createdByName: input.actor.name,
            createdAt: at,
            updatedAt: at,
          },
          { transaction: tx },
        );
        const lines = input.lines.map((l) => ({
          id: randomUUID(),
          documentId: id,
          lineNo: l.line,
          serial: l.serial.slice(0, 100),
          deviceModel: l.deviceModel.slice(0, 64),
        }));
        for (const chunk of chunkForParams(lines, 5)) await StockDocumentLine.bulkCreate(chunk, { transaction: tx });
        await appendAudit(db, tx, input.actor, {
          action: 'create',
          entityType: 'stock-document',
          entityId: id,
          scopeAgentId: input.warehouse.agentId,
          after: { number: row.number, kind: 'entry', warehouseId: input.warehouse.id, total: lines.length, note: row.note },
        });
        return row;
      });
    },

    /**
     * Imports an entry: checks every line (format, duplicates, model, serial already in the system)
     * in chunks, writing progress (`processed`) after each; then all devices in one transaction, or
     * none with per-line errors (status failed). Safe to call again: only an `importing` document
     * is imported, and only once.
     */
    async importEntry(
      documentId: string,
      opts: { chunkSize?: number; actor?: Actor; onProgress?: (processed: number, total: number) => void } = {},
    ): Promise<StockDocumentRow> {
      const actor = opts.actor ?? SYSTEM_ACTOR;
      const chunkSize = opts.chunkSize ?? DEFAULT_IMPORT_CHUNK;
      const doc = await StockDocument.findByPk(documentId);
      if (!doc) throw new Error(`stock document ${documentId} does not exist`);
      if (doc.status !== 'importing') return doc;
      const warehouse = await warehouseById(doc.toWarehouseId);
      if (!warehouse) throw new Error(`warehouse ${doc.toWarehouseId} does not exist`);
      const raw = await StockDocumentLine.findAll({ where: { documentId }, order: [['lineNo', 'ASC']], raw: true });
      const { lines, errors } = checkEntryLines(
        raw.map((l) => ({ line: l.lineNo, serial: l.serial, deviceModel: l.deviceModel })),
      );
      const models = [...new Set(lines.map((l) => l.deviceModel))].filter(Boolean);
      const known = await createBaseDataRepository(db).byCodes('device-model', models);
      const good: EntryLineInput[] = [];
      for (const l of lines) {
        if (!known.get(l.deviceModel)?.active) errors.push(ENTRY_LINE_ERRORS.unknownModel(l.line, l.serial, l.deviceModel));
        else good.push(l);
      }
      const progress = async (processed: number) => {
        await db.transaction((tx) =>
          StockDocument.update(
            { processed, updatedAt: now() },
            { where: { id: documentId, status: 'importing' }, transaction: tx },
          ),
        );
        opts.onProgress?.(processed, doc.total);
      };
      // Devices are written chunk by chunk in the hidden state `importing` (the serial is taken, the
      // device is not stock yet); the last transaction makes them all in_stock, or they are removed.
      const mine = new Set(
        (
          await Device.findAll({ where: { entryDocumentId: documentId, state: IMPORTING }, attributes: ['serial'], raw: true })
        ).map((d) => d.serial),
      );
      const at = now();
      const deviceRow = (l: EntryLineInput) => ({
        serial: l.serial,
        deviceModel: l.deviceModel,
        state: IMPORTING,
        warehouseId: warehouse.id,
        terminalId: null,
        agentId: warehouse.agentId,
        reservedForRequestId: null,
        entryDocumentId: documentId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
      let processed = doc.total - good.length;
      for (let i = 0; i < good.length; i += chunkSize) {
        const chunk = good.slice(i, i + chunkSize).filter((l) => !mine.has(l.serial));
        let inserted = false;
        if (!errors.length && chunk.length) {
          try {
            await db.transaction(async (tx) => {
              for (const part of chunkForParams(chunk.map(deviceRow), 11)) await Device.bulkCreate(part, { transaction: tx });
            });
            inserted = true;
          } catch (err) {
            if (!(err instanceof UniqueConstraintError)) throw err;
          }
        }
        if (!inserted) {
          const taken = await existingSerials(chunk.map((l) => l.serial));
          for (const l of chunk) if (taken.has(l.serial)) errors.push(ENTRY_LINE_ERRORS.alreadyInSystem(l.line, l.serial));
        }
        processed += good.slice(i, i + chunkSize).length;
        await progress(processed);
      }
      if (errors.length) {
        await db.transaction((tx) =>
          Device.destroy({ where: { entryDocumentId: documentId, state: IMPORTING }, transaction: tx }),
        );
        await failEntry(doc, errors, actor);
        return (await StockDocument.findByPk(documentId))!;
      }
      await db.transaction(async (tx) => {
        const [n] = await StockDocument.update(
          { status: 'done', processed: doc.total, updatedAt: now() },
          { where: { id: documentId, status: 'importing' }, transaction: tx },
        );
        if (n !== 1) return;
        await Device.update(
          { state: 'in_stock', createdAt: at, updatedAt: at },
          { where: { entryDocumentId: documentId, state: IMPORTING }, transaction: tx },
        );
        // The lines as accepted: normalised serials and models.
        await StockDocumentLine.destroy({ where: { documentId }, transaction: tx });
        const lineRows = good.map((l) => ({
          id: randomUUID(),
          documentId,
          lineNo: l.line,
          serial: l.serial,
          deviceModel: l.deviceModel,
        }));
        for (const chunk of chunkForParams(lineRows, 5)) await StockDocumentLine.bulkCreate(chunk, { transaction: tx });
        const history = good.map((l) => ({
          id: randomUUID(),
          serial: l.serial,
          seq: 1,
          at,
          event: 'entry',
          deviceModel: l.deviceModel,
          state: 'in_stock',
          fromWarehouseId: null,
          toWarehouseId: warehouse.id,
          terminalId: null,
          documentId,
          requestId: null,
          actorUserId: doc.createdByUserId,
          actorName: doc.createdByName,
        }));
        for (const chunk of chunkForParams(history, 14)) await DeviceHistory.bulkCreate(chunk, { transaction: tx });
        const perModel: Record<string, number> = {};
        for (const l of good) perModel[l.deviceModel] = (perModel[l.deviceModel] ?? 0) + 1;
        await appendAudit(db, tx, actor, {
          action: 'import',
          entityType: 'stock-document',
          entityId: documentId,
          scopeAgentId: warehouse.agentId,
          after: { number: doc.number, status: 'done', warehouseId: warehouse.id, count: good.length, perModel },
        });
      });
      opts.onProgress?.(doc.total, doc.total);
      return (await StockDocument.findByPk(documentId))!;
    },

    /** Entries left `importing` by a stopped process (no progress for `staleMs`). */
    async staleImports(staleMs = 60_000): Promise<string[]> {
      const rows = await StockDocument.findAll({
        where: { kind: 'entry', status: 'importing', updatedAt: { [Op.lt]: new Date(now().getTime() - staleMs) } },
        attributes: ['id'],
      });
      return rows.map((r) => r.id);
    },

    // ---------------------------------------------------------------------------------------
    // Reads.

    /** Devices in a warehouse now, per model. */
    async stockByModel(warehouseIds: string[]): Promise<Map<string, ModelStock[]>> {
      const out = new Map<string, ModelStock[]>();
      if (!warehouseIds.length) return out;
      const rows = (await Device.findAll({
        attributes: ['warehouseId', 'deviceModel', 'state', [fn('COUNT', col('serial')), 'n']],
        where: { warehouseId: warehouseIds, state: ['in_stock', 'reserved'] },
        group: ['warehouseId', 'deviceModel', 'state'],
        raw: true,
      })) as unknown as { warehouseId: string; deviceModel: string; state: string; n: number | string }[];
      for (const r of rows) {
        const list = out.get(r.warehouseId) ?? [];
        let item = list.find((i) => i.deviceModel === r.deviceModel);
        if (!item) {
          item = { deviceModel: r.deviceModel, inStock: 0, reserved: 0, total: 0 };
          list.push(item);
        }
        if (r.state === 'in_stock') item.inStock += Number(r.n);
        else item.reserved += Number(r.n);
        item.total += Number(r.n);
        out.set(r.warehouseId, list);
      }
      for (const list of out.values()) list.sort((a, b) => a.deviceModel.localeCompare(b.deviceModel));
      return out;
    },

    /** Devices in the warehouse just before `before`, per model, counted from the history (documents). */
    async stockAt(warehouseId: string, before: Date): Promise<{ deviceModel: string; total: number }[]> {
      const count = async (side: 'toWarehouseId' | 'fromWarehouseId', events: DeviceEvent[]) =>
        (await DeviceHistory.findAll({
          attributes: ['deviceModel', [fn('COUNT', col('id')), 'n']],
          where: { [side]: warehouseId, event: events, at: { [Op.lt]: before } },
          group: ['deviceModel'],
          raw: true,
        })) as unknown as { deviceModel: string; n: number | string }[];
      const totals = new Map<string, number>();
      for (const r of await count('toWarehouseId', IN_EVENTS))
        totals.set(r.deviceModel, (totals.get(r.deviceModel) ?? 0) + Number(r.n));
      for (const r of await count('fromWarehouseId', OUT_EVENTS))
        totals.set(r.deviceModel, (totals.get(r.deviceModel) ?? 0) - Number(r.n));
      return [...totals]
        .filter(([, n]) => n !== 0)
        .map(([deviceModel, total]) => ({ deviceModel, total }))
        .sort((a, b) => a.deviceModel.localeCompare(b.deviceModel));
    },

    /** A device (null while its entry is still importing). */
    async device(serial: string): Promise<DeviceRow | null> {
      const d = await Device.findByPk(serial);
      return d && d.state !== IMPORTING ? d : null;
    },

    /** A serial's complete history, oldest first. */
    async history(serial: string): Promise<DeviceHistoryRow[]> {
      return DeviceHistory.findAll({ where: { serial }, order: [['seq', 'ASC']] });
    },

    async devices(filter: {
      agentIds?: string[];
      q?: string;
      state?: DeviceState;
      deviceModel?: string;
      warehouseId?: string;
      page: number;
      pageSize: number;
    }): Promise<{ rows: DeviceRow[]; total: number }> {
      const where: WhereOptions = {};
      if (filter.agentIds) Object.assign(where, { agentId: filter.agentIds });
      Object.assign(where, { state: filter.state ?? { [Op.ne]: IMPORTING } });
      if (filter.deviceModel) Object.assign(where, { deviceModel: filter.deviceModel });
      if (filter.warehouseId) Object.assign(where, { warehouseId: filter.warehouseId });
      if (filter.q) Object.assign(where, { serial: { [Op.like]: `%${filter.q.replace(/[%_]/g, '')}%` } });
      const [rows, total] = await Promise.all([
        Device.findAll({
          where,
          order: [['serial', 'ASC']],
          offset: (filter.page - 1) * filter.pageSize,
          limit: filter.pageSize,
        }),
        Device.count({ where }),
      ]);
      return { rows, total };
    },

    async document(id: string): Promise<StockDocumentRow | null> {
      return StockDocument.findByPk(id);
    },

    async documentLines(documentId: string, page: number, pageSize: number) {
      const [rows, total] = await Promise.all([
        StockDocumentLine.findAll({
          where: { documentId },
          order: [['lineNo', 'ASC']],
          offset: (page - 1) * pageSize,
          limit: pageSize,
          raw: true,
        }),
        StockDocumentLine.count({ where: { documentId } }),
      ]);
      return { rows, total };
    },

    async documents(filter: {
      agentIds?: string[];
      kind?: StockDocumentKind;
      status?: string;
      warehouseId?: string;
      requestId?: string;
      page: number;
      pageSize: number;
    }): Promise<{ rows: StockDocumentRow[]; total: number }> {
      const and: WhereOptions[] = [];
      if (filter.agentIds) and.push({ [Op.or]: [{ fromAgentId: filter.agentIds }, { toAgentId: filter.agentIds }] });
      if (filter.kind) and.push({ kind: filter.kind });
      if (filter.status) and.push({ status: filter.status });
      if (filter.requestId) and.push({ requestId: filter.requestId });
      if (filter.warehouseId)
        and.push({ [Op.or]: [{ fromWarehouseId: filter.warehouseId }, { toWarehouseId: filter.warehouseId }] });
      const where: WhereOptions = and.length ? { [Op.and]: and } : {};
      const [rows, total] = await Promise.all([
        StockDocument.findAll({
          where,
          order: [
            ['createdAt', 'DESC'],
            ['number', 'DESC'],
          ],
          offset: (filter.page - 1) * filter.pageSize,
          limit: filter.pageSize,
        }),
        StockDocument.count({ where }),
      ]);
      return { rows, total };
    },

    async warehousesByIds(ids: string[]): Promise<Map<string, WarehouseInfo>> {
      const unique = [...new Set(ids.filter(Boolean))];
      if (!unique.length) return new Map();
      const rows = await Warehouse.findAll({ where: { id: unique } });
      return new Map(rows.map((w) => [w.id, toWarehouse(w)]));
    },
  };
  return repo;
}

export type StockRepository = ReturnType<typeof createStockRepository>;
