import { openDatabase, type Database } from '../../db';
import { verifyAuditChain, type Actor } from '../../db/audit';
import { createStockRepository, type StockRepository } from '../../db/repositories/stock';
import { seedBase } from '../../db/seed';
import { NoStockError, NothingReservedError, SerialStateError, TerminalOccupiedError } from '../../domain/stock';
import { seedTestAgents } from '../helpers/app';
import { freshDatabase } from './harness';

/**
 * The stock repository's contract with the request workflows, on the database named by DB_DIALECT:
 * idempotency by request id, no serial given to two requests, the automatic documents, history
 * and stock at a date, and the audit chain still whole.
 */
let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;
let stock: StockRepository;
let alpha: string;
let beta: string;
let broker: string;

const actor: Actor = { issuer: null, subject: null, userId: null, name: 'contract test', agentId: null, ip: null };

async function agentId(code: string): Promise<string> {
  return (await db.models.Agent.findOne({ where: { code } }))!.id;
}

/** Imports `count` serials `<prefix>-0001…` of a model into an agent's warehouse. */
async function importSerials(agent: string, prefix: string, count: number, model = 'pax-s90') {
  const warehouse = await stock.warehouseOfAgent(agent);
  const lines = Array.from({ length: count }, (_, i) => ({
    line: i + 1,
    serial: `${prefix}-${String(i + 1).padStart(4, '0')}`,
    deviceModel: model,
  }));
  const doc = await stock.createEntry({ warehouse, lines, actor });
  return stock.importEntry(doc.id);
}

beforeAll(async () => {
  database = await freshDatabase(process.env.DB_DIALECT ?? 'sqlite');
  const env = database.env;
  db = await openDatabase({
    dialect: env.DB_DIALECT as 'sqlite' | 'postgres',
    storage: env.DB_STORAGE,
    url: env.DATABASE_URL,
  });
  await seedBase(db);
  await seedTestAgents(db);
  stock = createStockRepository(db);
  [alpha, beta, broker] = await Promise.all([agentId('alpha'), agentId('beta'), agentId('broker')]);
});

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

describe('entry import', () => {
  it('when 1,200 serials are imported in chunks of 500, then progress is written per chunk and all are in stock', async () => {
    const warehouse = await stock.warehouseOfAgent(broker);
    expect(warehouse.kind).toBe('main');
    const lines = Array.from({ length: 1200 }, (_, i) => ({ line: i + 2, serial: ` mn-${i}۱ `, deviceModel: 'PAX-D210' }));
    const doc = await stock.createEntry({ warehouse, lines, actor });
    expect(doc.status).toBe('importing');
    expect(doc.number).toMatch(/^ENT-\d{8}-\d{4}$/);
    const seen: number[] = [];
    const done = await stock.importEntry(doc.id, { chunkSize: 500, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([500, 1000, 1200, 1200]);
    expect(done.status).toBe('done');
    expect(done.processed).toBe(1200);
    const device = await stock.device('MN-01');
    expect(device?.state).toBe('in_stock');
    expect(device?.deviceModel).toBe('pax-d210');
    expect((await stock.stockByModel([warehouse.id])).get(warehouse.id)).toEqual([
      { deviceModel: 'pax-d210', inStock: 1200, reserved: 0, total: 1200 },
    ]);
    // Importing again changes nothing.
    expect((await stock.importEntry(doc.id)).status).toBe('done');
    expect(await db.models.Device.count({ where: { entryDocumentId: doc.id } })).toBe(1200);
  });

  it('when a list has a duplicate, a known serial, an unknown model and a bad serial, then nothing is imported and each line is named', async () => {
    const warehouse = await stock.warehouseOfAgent(alpha);
    const doc = await stock.createEntry({
      warehouse,
      actor,
      lines: [
        { line: 1, serial: 'OK-0001', deviceModel: 'pax-s90' },
        { line: 2, serial: 'ok-0001', deviceModel: 'pax-s90' },
        { line: 3, serial: 'MN-01', deviceModel: 'pax-s90' },
        { line: 4, serial: 'OK-0002', deviceModel: 'no-such-model' },
        { line: 5, serial: 'سریال', deviceModel: 'pax-s90' },
      ],
    });
    const failed = await stock.importEntry(doc.id);
    expect(failed.status).toBe('failed');
    const errors = JSON.parse(failed.errors!) as { line: number; code: string }[];
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'duplicate_in_file'],
      [3, 'serial_exists'],
      [4, 'unknown_model'],
      [5, 'serial_chars'],
    ]);
    expect(await stock.device('OK-0001')).toBeNull();
  });
});

describe('the request workflows’ contract', () => {
  it('when allocation is asked twice for one request, then the same serial comes back and one reservation is written', async () => {
    await importSerials(alpha, 'AL', 3);
    const first = await stock.allocateSerial({ requestId: 'req-1', agentId: alpha, deviceModel: 'pax-s90' });
    const again = await stock.allocateSerial({ requestId: 'req-1', agentId: alpha, deviceModel: 'pax-s90' });
    expect(again).toEqual(first);
    expect(first.serial).toBe('AL-0001');
    expect((await stock.device(first.serial))?.state).toBe('reserved');
    const events = (await stock.history(first.serial)).map((h) => h.event);
    expect(events).toEqual(['entry', 'reserve']);
  });

  it('when a given serial is asked for, then that one is reserved; one not in stock there is refused', async () => {
    const got = await stock.allocateSerial({ requestId: 'req-2', agentId: alpha, deviceModel: 'pax-s90', serial: ' al-0003 ' });
    expect(got.serial).toBe('AL-0003');
    await expect(
      stock.allocateSerial({ requestId: 'req-3', agentId: alpha, deviceModel: 'pax-s90', serial: 'AL-0001' }),
    ).rejects.toBeInstanceOf(SerialStateError);
    await expect(
      stock.allocateSerial({ requestId: 'req-3', agentId: beta, deviceModel: 'pax-s90', serial: 'AL-0002' }),
    ).rejects.toMatchObject({
      code: 'SERIAL_STATE',
    });
  });

  it('when the agent has no free serial of the model, then NoStockError names the agent and the model', async () => {
    const err = await stock
      .allocateSerial({ requestId: 'req-4', agentId: beta, deviceModel: 'pax-s90' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoStockError);
    expect(err).toMatchObject({ code: 'NO_STOCK', name: 'NoStockError' });
    expect((err as NoStockError).text.fa).toContain('نمایندگی بتا');
    expect((err as NoStockError).text.en).toContain('PAX S90');
  });

  it('when twelve requests race for five serials, then five get distinct serials and seven get NoStockError', async () => {
    await importSerials(beta, 'RC', 5, 'pax-a930');
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        stock.allocateSerial({ requestId: `race-${i}`, agentId: beta, deviceModel: 'pax-a930' }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled').map((r) => r.value.serial);
    const lost = results.filter((r) => r.status === 'rejected').map((r) => (r.reason as Error).name);
    expect(new Set(won).size).toBe(5);
    expect(won).toHaveLength(5);
    expect(lost).toEqual(Array(7).fill('NoStockError'));
  });

  it('when one request asks five times at once, then it holds one serial', async () => {
    await importSerials(beta, 'SM', 3, 'centerm-k9');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => stock.allocateSerial({ requestId: 'same-req', agentId: beta, deviceModel: 'centerm-k9' })),
    );
    expect(new Set(results.map((r) => r.serial)).size).toBe(1);
    expect(await db.models.Device.count({ where: { reservedForRequestId: 'same-req' } })).toBe(1);
  });

  it('when a reservation is released, then the serial is in stock again; releasing again is a no-op', async () => {
    const { serial } = await stock.allocateSerial({ requestId: 'req-rel', agentId: alpha, deviceModel: 'pax-s90' });
    expect(await stock.releaseSerial({ requestId: 'req-rel' })).toEqual({ serial });
    expect(await stock.releaseSerial({ requestId: 'req-rel' })).toEqual({ serial: null });
    expect((await stock.device(serial))?.state).toBe('in_stock');
    expect((await stock.history(serial)).map((h) => h.event)).toEqual(['entry', 'reserve', 'release']);
  });

  it('when a reserved serial is installed, then an EXIT document is written once and the terminal shows the serial', async () => {
    await expect(stock.installSerial({ requestId: 'nothing', terminalId: 'T-1' })).rejects.toBeInstanceOf(NothingReservedError);
    await importSerials(alpha, 'AX', 2);
    const { serial, warehouseId } = await stock.allocateSerial({
      requestId: 'req-inst',
      agentId: alpha,
      deviceModel: 'pax-s90',
      actor,
    });
    const installed = await stock.installSerial({ requestId: 'req-inst', terminalId: 'T-1', actor });
    const again = await stock.installSerial({ requestId: 'req-inst', terminalId: 'T-1', actor });
    expect(again).toEqual(installed);
    expect(installed.documentNumber).toMatch(/^EXT-\d{8}-\d{4}$/);
    expect(await stock.serialOnTerminal('T-1')).toBe(serial);
    const doc = await stock.document(installed.documentId);
    expect(doc).toMatchObject({ kind: 'exit', fromWarehouseId: warehouseId, terminalId: 'T-1', requestId: 'req-inst', total: 1 });
    expect(await db.models.StockDocument.count({ where: { requestId: 'req-inst' } })).toBe(1);
    // The allocation is still answered the same after installation (a retried activity).
    expect(await stock.allocateSerial({ requestId: 'req-inst', agentId: alpha, deviceModel: 'pax-s90' })).toEqual({
      serial,
      warehouseId,
    });
    // A second device on the same terminal is refused until the first is returned.
    await stock.allocateSerial({ requestId: 'req-inst-2', agentId: alpha, deviceModel: 'pax-s90' });
    await expect(stock.installSerial({ requestId: 'req-inst-2', terminalId: 'T-1' })).rejects.toBeInstanceOf(
      TerminalOccupiedError,
    );
  });

  it('when an installed serial is returned, then a RETURN document puts it in the agent’s warehouse, once', async () => {
    const serial = (await stock.serialOnTerminal('T-1'))!;
    const wh = await stock.warehouseOfAgent(alpha);
    const returned = await stock.returnSerial({
      requestId: 'req-col',
      serial: serial.toLowerCase(),
      terminalId: 'T-1',
      agentId: alpha,
    });
    const again = await stock.returnSerial({ requestId: 'req-col', serial, terminalId: 'T-1', agentId: alpha });
    expect(again).toEqual(returned);
    expect(returned).toMatchObject({ serial, warehouseId: wh.id });
    expect(returned.documentNumber).toMatch(/^RET-/);
    expect(await stock.serialOnTerminal('T-1')).toBeNull();
    const device = await stock.device(serial);
    expect(device).toMatchObject({ state: 'in_stock', warehouseId: wh.id, terminalId: null, reservedForRequestId: null });
    const history = await stock.history(serial);
    expect(history.map((h) => [h.seq, h.event, h.terminalId])).toEqual([
      [1, 'entry', null],
      // The serial was reserved and released by an earlier request, then taken by this one.
      [2, 'reserve', null],
      [3, 'release', null],
      [4, 'reserve', null],
      [5, 'exit', 'T-1'],
      [6, 'return', 'T-1'],
    ]);
    await expect(
      stock.returnSerial({ requestId: 'req-col-2', serial, terminalId: 'T-1', agentId: alpha }),
    ).rejects.toBeInstanceOf(SerialStateError);
  });

  it('when devices are transferred from the main warehouse, then a TRANSFER document moves them once and stock at a date follows', async () => {
    const main = await stock.warehouseOfAgent(broker);
    const alphaWh = await stock.warehouseOfAgent(alpha);
    const beforeTransfer = new Date();
    const first = await stock.transfer({
      requestId: 'buy-1',
      fromWarehouseId: main.id,
      toWarehouseId: alphaWh.id,
      deviceModel: 'pax-d210',
      quantity: 25,
      actor,
    });
    const again = await stock.transfer({
      requestId: 'buy-1',
      fromWarehouseId: main.id,
      toWarehouseId: alphaWh.id,
      deviceModel: 'pax-d210',
      quantity: 25,
      actor,
    });
    expect(again).toEqual(first);
    expect(first.serials).toHaveLength(25);
    expect(first.documentNumber).toMatch(/^TRF-/);
    const stockNow = await stock.stockByModel([main.id, alphaWh.id]);
    expect(stockNow.get(main.id)).toEqual([{ deviceModel: 'pax-d210', inStock: 1175, reserved: 0, total: 1175 }]);
    expect(stockNow.get(alphaWh.id)?.find((s) => s.deviceModel === 'pax-d210')).toEqual({
      deviceModel: 'pax-d210',
      inStock: 25,
      reserved: 0,
      total: 25,
    });
    expect(await stock.stockAt(main.id, beforeTransfer)).toEqual([{ deviceModel: 'pax-d210', total: 1200 }]);
    expect(await stock.stockAt(main.id, new Date(Date.now() + 1000))).toEqual([{ deviceModel: 'pax-d210', total: 1175 }]);
    // Alpha: 3 AL + 2 AX serials (one installed then returned) + 25 transferred.
    expect(await stock.stockAt(alphaWh.id, new Date(Date.now() + 1000))).toEqual([
      { deviceModel: 'pax-d210', total: 25 },
      { deviceModel: 'pax-s90', total: 5 },
    ]);
    await expect(
      stock.transfer({ fromWarehouseId: main.id, toWarehouseId: alphaWh.id, serials: ['AL-0001'] }),
    ).rejects.toMatchObject({ code: 'TRANSFER_NOT_POSSIBLE' });
  });

  it('when everything above is done, then the audit chain still verifies', async () => {
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: true, firstBroken: null });
    const entries = await db.models.Audit.count({ where: { entityType: ['device', 'stock-document', 'warehouse'] } });
    expect(entries).toBeGreaterThan(10);
  });
});
