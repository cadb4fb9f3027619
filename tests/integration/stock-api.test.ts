import { addDays } from '../../domain/calendar';
import { formatJalali, tehranToday } from '../../domain/jalali';
import { toPersianDigits } from '../../domain/text';
import { startStack, type ApiResponse, type Stack } from './harness';

/**
 * Device stock through the real API, Keycloak tokens and the database named by DB_DIALECT: entry
 * imports of thousands of serials with progress, per-line errors, stock now and at a date, device
 * history, transfers to a sub-agent, subtree scope and the audit chain.
 */
let stack: Stack;
const tok: Record<string, string> = {};
let alphaWh: string;
let mainWh: string;

beforeAll(async () => {
  stack = await startStack();
  const people: [string, string][] = [
    ['agent-alpha', 'alpha-admin'],
    ['agent-alpha', 'alpha-user'],
    ['agent-beta', 'beta-admin'],
    ['kartabl', 'broker-admin'],
    ['kartabl', 'auditor'],
  ];
  const tokens = await Promise.all(people.map(([realm, user]) => stack.token(realm, user)));
  people.forEach(([, user], i) => (tok[user] = tokens[i]));
});

afterAll(async () => {
  await stack?.stop();
});

const call = (user: string, method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
  stack.call(method, url, { token: tok[user], body, headers });

/** Polls a document until its import ends; returns every `processed` seen and the final document. */
async function untilImported(user: string, id: string): Promise<{ seen: number[]; doc: ApiResponse['body'] }> {
  const seen: number[] = [];
  for (let i = 0; i < 600; i += 1) {
    const res = await call(user, 'GET', `/api/stock-documents/${id}`);
    expect(res.status).toBe(200);
    seen.push(res.body.processed);
    if (res.body.status !== 'importing') return { seen, doc: res.body };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`document ${id} is still importing`);
}

function csvUpload(csv: string, fields: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'serials.csv');
  return form;
}

describe('warehouses and entries', () => {
  it('when an agent admin first looks, then its own warehouse exists; an agent user without the package is refused', async () => {
    const res = await call('alpha-admin', 'GET', '/api/warehouses');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ kind: 'agent', agent: { code: 'alpha' }, totals: { total: 0 } });
    alphaWh = res.body.items[0].id;
    expect((await call('alpha-user', 'GET', '/api/warehouses')).status).toBe(403);
  });

  it('when 3,000 pasted serials are entered, then the document imports them with progress and the stock shows them', async () => {
    const serials = Array.from({ length: 3000 }, (_, i) => `a1-${toPersianDigits(String(i).padStart(5, '0'))}`);
    const res = await call('alpha-admin', 'POST', `/api/warehouses/${alphaWh}/entries`, {
      deviceModel: 'pax-s90',
      serials,
      note: 'محمولهٔ آذر',
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ kind: 'entry', status: 'importing', total: 3000, to: { id: alphaWh } });
    expect(res.body.number).toMatch(/^ENT-1[34]\d{6}-0001$/);
    const { seen, doc } = await untilImported('alpha-admin', res.body.id);
    expect(doc).toMatchObject({ status: 'done', processed: 3000, total: 3000, errorCount: 0, errors: [], linesTotal: 3000 });
    expect(doc.lines[0]).toEqual({ line: 1, serial: 'A1-00000', deviceModel: 'pax-s90' });
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // The progress bar moves: a poll saw the import half-way.
    expect(seen.some((p) => p > 0 && p < 3000)).toBe(true);
    const wh = (await call('alpha-admin', 'GET', `/api/warehouses/${alphaWh}`)).body;
    expect(wh.stock).toEqual([
      { deviceModel: 'pax-s90', nameFa: 'پکس S90', nameEn: 'PAX S90', inStock: 3000, reserved: 0, total: 3000 },
    ]);
  });

  it('when a CSV holds a duplicate, a known serial, an unknown model and a bad serial, then nothing enters and each line is named', async () => {
    const csv =
      'serial,model\r\nCSV-0001,pax-d210\r\nCSV-0002,pax-d210\r\ncsv-0001,pax-d210\r\nA1-00007,pax-d210\r\nCSV-0003,nokia-3310\r\nCSV/4,pax-d210\r\n';
    const res = await stack.call('POST', `/api/warehouses/${alphaWh}/entries/csv`, {
      token: tok['alpha-admin'],
      raw: csvUpload(csv),
    });
    expect(res.status).toBe(202);
    const { doc } = await untilImported('alpha-admin', res.body.id);
    expect(doc.status).toBe('failed');
    expect(doc.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [4, 'duplicate_in_file'],
      [5, 'serial_exists'],
      [6, 'unknown_model'],
      [7, 'serial_chars'],
    ]);
    expect(doc.errors[1].message.fa).toContain('A1-00007');
    const found = await call('alpha-admin', 'GET', '/api/devices?q=csv');
    expect(found.body.total).toBe(0);
  });

  it('when a clean CSV with a model column is uploaded, then its serials enter with their own models', async () => {
    const csv = 'serial,model\nCSV-0001,pax-d210\nCSV-0002,verifone-vx520\n';
    const res = await stack.call('POST', `/api/warehouses/${alphaWh}/entries/csv`, {
      token: tok['alpha-admin'],
      raw: csvUpload(csv),
    });
    expect(res.status).toBe(202);
    expect((await untilImported('alpha-admin', res.body.id)).doc.status).toBe('done');
    const found = await call('alpha-admin', 'GET', '/api/devices?q=csv-');
    expect(found.body.items.map((d: { serial: string; deviceModel: string }) => [d.serial, d.deviceModel])).toEqual([
      ['CSV-0001', 'pax-d210'],
      ['CSV-0002', 'verifone-vx520'],
    ]);
  });

  it('when an entry names no model or an unknown one, then it is refused with the field named', async () => {
    const none = await call('alpha-admin', 'POST', `/api/warehouses/${alphaWh}/entries`, { serials: ['X-0001'] });
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0]).toMatchObject({ field: 'deviceModel', code: 'required' });
    const unknown = await call('alpha-admin', 'POST', `/api/warehouses/${alphaWh}/entries`, {
      serials: ['X-0001'],
      deviceModel: 'nokia',
    });
    expect(unknown.body.error.fields[0]).toMatchObject({ field: 'deviceModel', code: 'not_in_basedata' });
    const empty = await call('alpha-admin', 'POST', `/api/warehouses/${alphaWh}/entries`, {
      serials: [' '],
      deviceModel: 'pax-s90',
    });
    expect(empty.body.error.fields[0]).toMatchObject({ field: 'serials', code: 'required' });
  });

  it('when stock is asked at a day, then yesterday had none and today (Persian digits) has all, counted from the documents', async () => {
    const today = tehranToday();
    const yesterday = await call(
      'alpha-admin',
      'GET',
      `/api/warehouses/${alphaWh}/stock?at=${encodeURIComponent(formatJalali(addDays(today, -1)))}`,
    );
    expect(yesterday.status).toBe(200);
    expect(yesterday.body).toMatchObject({ day: addDays(today, -1), total: 0, items: [] });
    const now = await call(
      'alpha-admin',
      'GET',
      `/api/warehouses/${alphaWh}/stock?at=${encodeURIComponent(formatJalali(today, 'fa'))}`,
    );
    expect(now.body.total).toBe(3002);
    expect(now.body.dayJalali).toBe(formatJalali(today));
    const iso = await call('alpha-admin', 'GET', `/api/warehouses/${alphaWh}/stock?at=${today}`);
    expect(iso.body.total).toBe(3002);
    const bad = await call('alpha-admin', 'GET', `/api/warehouses/${alphaWh}/stock?at=1405/13/01`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'at', code: 'calendar_day' });
  });
});

describe('transfers and history', () => {
  let transferred: string[];

  it('when the broker transfers devices to an agent with an idempotency key, then one TRANSFER document moves them', async () => {
    const list = await call('broker-admin', 'GET', '/api/warehouses?kind=main');
    expect(list.body.items).toHaveLength(1);
    mainWh = list.body.items[0].id;
    const entry = await call('broker-admin', 'POST', `/api/warehouses/${mainWh}/entries`, {
      lines: Array.from({ length: 10 }, (_, i) => ({ serial: `MW-${1000 + i}`, deviceModel: 'pax-a930' })),
    });
    expect((await untilImported('broker-admin', entry.body.id)).doc.status).toBe('done');
    const body = { toAgentId: 'alpha', deviceModel: 'pax-a930', quantity: 4, note: 'سفارش آنلاین' };
    const first = await call('broker-admin', 'POST', `/api/warehouses/${mainWh}/transfers`, body, {
      'idempotency-key': 'order-0001',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'transfer', total: 4, from: { id: mainWh, kind: 'main' }, to: { id: alphaWh } });
    expect(first.body.number).toMatch(/^TRF-/);
    const again = await call('broker-admin', 'POST', `/api/warehouses/${mainWh}/transfers`, body, {
      'idempotency-key': 'order-0001',
    });
    expect(again.body.id).toBe(first.body.id);
    const detail = await call('alpha-admin', 'GET', `/api/stock-documents/${first.body.id}`);
    expect(detail.status).toBe(200);
    transferred = detail.body.lines.map((l: { serial: string }) => l.serial);
    expect(transferred).toEqual(['MW-1000', 'MW-1001', 'MW-1002', 'MW-1003']);
    const main = await call('broker-admin', 'GET', `/api/warehouses/${mainWh}`);
    expect(main.body.totals).toEqual({ inStock: 6, reserved: 0, total: 6 });
    const tooMany = await call('broker-admin', 'POST', `/api/warehouses/${mainWh}/transfers`, { ...body, quantity: 7 });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.code).toBe('TRANSFER_NOT_POSSIBLE');
  });

  it('when a device is opened by a serial typed in lower case, then its whole history shows, oldest first', async () => {
    const res = await call('alpha-admin', 'GET', `/api/devices/${encodeURIComponent('mw-۱۰۰۰')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      serial: 'MW-1000',
      state: 'in_stock',
      warehouse: { id: alphaWh },
      agent: { code: 'alpha' },
    });
    expect(
      res.body.history.map((h: { event: string; document: { number: string } }) => [h.event, h.document.number.slice(0, 3)]),
    ).toEqual([
      ['entry', 'ENT'],
      ['transfer', 'TRF'],
    ]);
    expect(res.body.history[1].from).toMatchObject({ kind: 'main' });
    expect(res.body.history[0].atJalali).toBe(formatJalali(tehranToday()));
    expect(res.body.history[0].actor.name).not.toBe('');
  });

  it('when documents are listed, then an agent sees the ones touching its warehouses, newest first', async () => {
    const alpha = await call('alpha-admin', 'GET', '/api/stock-documents');
    expect(alpha.body.items.map((d: { kind: string; status: string }) => `${d.kind}/${d.status}`)).toEqual([
      'transfer/done',
      'entry/done',
      'entry/failed',
      'entry/done',
    ]);
    const beta = await call('beta-admin', 'GET', '/api/stock-documents');
    expect(beta.body.total).toBe(0);
  });
});

describe('scope, access and audit', () => {
  it('when a sibling agent names Alpha’s warehouse, documents or devices, then every route answers 404', async () => {
    const docs = (await call('alpha-admin', 'GET', '/api/stock-documents')).body.items;
    const answers = await Promise.all([
      call('beta-admin', 'GET', `/api/warehouses/${alphaWh}`),
      call('beta-admin', 'GET', `/api/warehouses/${alphaWh}/stock?at=${tehranToday()}`),
      call('beta-admin', 'POST', `/api/warehouses/${alphaWh}/entries`, { serials: ['BETA-0001'], deviceModel: 'pax-s90' }),
      call('beta-admin', 'POST', `/api/warehouses/${alphaWh}/transfers`, { toAgentId: 'beta', serials: ['A1-00001'] }),
      call('beta-admin', 'GET', `/api/stock-documents/${docs[0].id}`),
      call('beta-admin', 'GET', `/api/devices/A1-00001`),
      call('beta-admin', 'GET', `/api/stock-documents?warehouseId=${alphaWh}`),
      call('beta-admin', 'GET', `/api/devices?warehouseId=${alphaWh}`),
    ]);
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(404));
    const list = await call('beta-admin', 'GET', '/api/warehouses');
    expect(list.body.items.map((w: { agent: { code: string } }) => w.agent.code)).toEqual(['beta']);
    expect((await call('beta-admin', 'GET', '/api/devices?q=A1')).body.total).toBe(0);
    // Alpha cannot push its devices into a sibling's warehouse either.
    const push = await call('alpha-admin', 'POST', `/api/warehouses/${alphaWh}/transfers`, {
      toAgentId: 'beta',
      serials: ['A1-00001'],
    });
    expect(push.status).toBe(404);
  });

  it('when the auditor looks, then it reads devices but cannot enter any', async () => {
    expect((await call('auditor', 'GET', '/api/devices/A1-00001')).status).toBe(200);
    expect(
      (await call('auditor', 'POST', `/api/warehouses/${alphaWh}/entries`, { serials: ['AU-0001'], deviceModel: 'pax-s90' }))
        .status,
    ).toBe(403);
  });

  it('when all of this is done, then every change is in the audit chain and the chain verifies', async () => {
    const audit = await call('broker-admin', 'GET', '/api/audit?entityType=stock-document&pageSize=50');
    expect(audit.status).toBe(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['create', 'import', 'import-failed']));
    const verify = await call('broker-admin', 'GET', '/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
  });
});
