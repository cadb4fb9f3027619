import { BASE_KINDS, UnmappedValueError } from '../../domain/basedata';
import { resolvePspCode } from '../../db/repositories/basedata';
import { startStack, type Stack } from './harness';

/** Base data and the per-PSP mapping through the real API, Keycloak tokens and the DB of DB_DIALECT. */
let stack: Stack;
let admin: string;
let auditor: string;
let alphaAdmin: string;
let alphaUser: string;

beforeAll(async () => {
  stack = await startStack();
  [admin, auditor, alphaAdmin, alphaUser] = await Promise.all([
    stack.token('kartabl', 'broker-admin'),
    stack.token('kartabl', 'auditor'),
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-alpha', 'alpha-user'),
  ]);
});

afterAll(async () => {
  await stack?.stop();
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const csvPost = (url: string, csv: string, token = admin) =>
  stack.call('POST', url, { token, raw: csv, headers: { 'content-type': 'text/csv' } });

async function auditOf(entityType: string, entityId: string): Promise<Json[]> {
  const res = await stack.call('GET', `/api/audit?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`, {
    token: auditor,
  });
  expect(res.status).toBe(200);
  return (res.body as Json).items as Json[];
}

const guild = (code: string, over: Json = {}) => ({
  code,
  nameFa: 'کتاب‌فروشی',
  nameEn: 'Bookshop',
  sortOrder: 50,
  attributes: { categoryCode: '50', guildCode: '5942' },
  ...over,
});

describe('seeded base data', () => {
  test('when the API starts, then banks of DOMAIN.md, both PSPs, document types and holidays are there', async () => {
    const banks = await stack.call('GET', '/api/basedata/bank?pageSize=200', { token: admin });
    expect(banks.status).toBe(200);
    expect((banks.body as Json).total).toBe(37);
    expect((banks.body as Json).items.map((b: Json) => b.code)).toEqual(expect.arrayContaining(['012', '017', '095']));
    const psps = await stack.call('GET', '/api/basedata/psp', { token: admin });
    expect((psps.body as Json).items.map((p: Json) => p.code)).toEqual(['psp-a', 'psp-b']);
    const docs = await stack.call('GET', '/api/basedata/document-type', { token: admin });
    expect((docs.body as Json).items.map((p: Json) => p.code)).toEqual(
      expect.arrayContaining(['id-card', 'business-licence', 'lease', 'bank-page', 'gazette']),
    );
    const nowruz = await stack.call('GET', '/api/basedata/holiday/h14050101', { token: admin });
    expect((nowruz.body as Json).attributes).toEqual({ date: '2026-03-21' });
  });
});

describe('items', () => {
  test('when the broker admin creates, updates, deactivates and reactivates a guild, then each step is audited', async () => {
    const created = await stack.call('POST', '/api/basedata/guild', {
      token: admin,
      body: guild('bookshop', { code: 'book-۱' }),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'book-1', active: true, attributes: { categoryCode: '50', guildCode: '5942' } });

    const updated = await stack.call('PUT', '/api/basedata/guild/book-1', {
      token: admin,
      body: {
        nameFa: 'لوازم‌التحریر و کتاب',
        nameEn: 'Books and stationery',
        sortOrder: 5,
        attributes: { categoryCode: '۵۰', guildCode: '5943' },
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ nameEn: 'Books and stationery', attributes: { guildCode: '5943' } });

    const off = await stack.call('POST', '/api/basedata/guild/book-1/deactivate', { token: admin });
    expect(off.body).toMatchObject({ active: false });
    const activeList = await stack.call('GET', '/api/basedata/guild?q=book', { token: admin });
    expect((activeList.body as Json).items).toHaveLength(0);
    const withInactive = await stack.call('GET', '/api/basedata/guild?q=BOOK&includeInactive=true', { token: admin });
    expect((withInactive.body as Json).items.map((i: Json) => i.code)).toEqual(['book-1']);
    await stack.call('POST', '/api/basedata/guild/book-1/activate', { token: admin });

    const audit = await auditOf('basedata.guild', 'book-1');
    expect(audit.map((a) => a.action).sort()).toEqual(['activate', 'create', 'deactivate', 'update']);
    const update = audit.find((a) => a.action === 'update')!;
    expect(update.before.attributes.guildCode).toBe('5942');
    expect(update.after.attributes.guildCode).toBe('5943');
    expect(update.scopeAgentId).toBeNull();
    expect(update.actor.name).toBeTruthy();
  });

  test('when an agent admin reads base data, then it may; when it writes, then 403', async () => {
    const read = await stack.call('GET', '/api/basedata/guild', { token: alphaAdmin });
    expect(read.status).toBe(200);
    expect((await stack.call('GET', '/api/basedata/guild', { token: alphaUser })).status).toBe(200);
    expect((await stack.call('POST', '/api/basedata/guild', { token: alphaAdmin, body: guild('agent-guild') })).status).toBe(403);
    expect((await stack.call('PUT', '/api/basedata/guild/supermarket', { token: alphaAdmin, body: guild('x') })).status).toBe(
      403,
    );
    expect((await stack.call('POST', '/api/basedata/guild/supermarket/deactivate', { token: alphaAdmin })).status).toBe(403);
    expect((await csvPost('/api/basedata/guild/import', 'code,nameFa,nameEn\n', alphaAdmin)).status).toBe(403);
    expect(
      (await stack.call('PUT', '/api/mappings/psp-a/guild/supermarket', { token: alphaAdmin, body: { pspCode: '1' } })).status,
    ).toBe(403);
  });

  test('when input is bad, then 400 names each field in Persian and English', async () => {
    const res = await stack.call('POST', '/api/basedata/guild', {
      token: admin,
      body: guild('Bad Code', { nameFa: '', attributes: { categoryCode: '5x', guildCode: '12' } }),
    });
    expect(res.status).toBe(400);
    const fields = (res.body as Json).error.fields as Json[];
    expect(fields.map((f) => f.field).sort()).toEqual(['code', 'nameFa']);
    const attrs = await stack.call('POST', '/api/basedata/guild', {
      token: admin,
      body: guild('good-code', { attributes: { categoryCode: '5x', guildCode: '12' } }),
    });
    const attrFields = (attrs.body as Json).error.fields as Json[];
    expect(attrFields.map((f) => f.field).sort()).toEqual(['attributes.categoryCode', 'attributes.guildCode']);
    expect(attrFields[0].message.fa).toMatch(/رقم/);
    expect(attrFields[0].message.en).toMatch(/digits/);

    const device = await stack.call('POST', '/api/basedata/device-model', {
      token: admin,
      body: { code: 'x1', nameFa: 'x', nameEn: 'x', attributes: { manufacturer: 'X', model: 'Y', connection: 'pigeon' } },
    });
    expect((device.body as Json).error.fields[0]).toMatchObject({ field: 'attributes.connection', code: 'invalid_value' });
    const bank = await stack.call('POST', '/api/basedata/bank', {
      token: admin,
      body: { code: '999', nameFa: 'x', nameEn: 'x' },
    });
    expect((bank.body as Json).error.fields[0]).toMatchObject({ field: 'code', code: 'unknown_bank' });
    const branch = await stack.call('POST', '/api/basedata/bank-branch', {
      token: admin,
      body: { code: '012-9', nameFa: 'x', nameEn: 'x', attributes: { bankCode: '013', branchCode: '9', city: 'قم' } },
    });
    expect(branch.status).toBe(201);
    const holiday = await stack.call('POST', '/api/basedata/holiday', {
      token: admin,
      body: { code: 'h-bad', nameFa: 'x', nameEn: 'x', attributes: { date: '1404/12/30' } },
    });
    expect((holiday.body as Json).error.fields[0]).toMatchObject({ field: 'attributes.date', code: 'date' });
    const unknownKind = await stack.call('GET', '/api/basedata/planets', { token: admin });
    expect(unknownKind.status).toBe(400);
  });

  test('when a code is taken, then 409 with a clear code; a missing item is 404', async () => {
    const res = await stack.call('POST', '/api/basedata/guild', { token: admin, body: guild('supermarket') });
    expect(res.status).toBe(409);
    expect((res.body as Json).error.code).toBe('BASEDATA_CODE_TAKEN');
    expect((await stack.call('GET', '/api/basedata/guild/nope', { token: admin })).status).toBe(404);
  });
});

describe('CSV', () => {
  test('when a guild CSV has bad lines, then every problem is reported by line and column and nothing is written', async () => {
    const csv = [
      'code,nameFa,nameEn,active,sortOrder,categoryCode,guildCode',
      'csv-ok,نمونه,Sample,true,1,10,5411',
      'csv-bad,,Sample,maybe,1,10,54',
      '"csv-multi",نام,"two',
      'lines",true,2,10,5411',
      'csv-ok,تکراری,Dup,true,1,10,5411',
    ].join('\r\n');
    const res = await csvPost('/api/basedata/guild/import', csv);
    expect(res.status).toBe(400);
    const body = res.body as Json;
    expect(body.error.code).toBe('IMPORT_INVALID');
    const fields = (body.error.fields as Json[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['rows.3.nameFa', 'rows.3.active', 'rows.3.guildCode', 'rows.6.code']));
    expect(fields.some((f) => f.startsWith('rows.4'))).toBe(false);
    const dup = (body.error.fields as Json[]).find((f) => f.field === 'rows.6.code')!;
    expect(dup.message.fa).toContain('سطر 2');
    expect(dup.message.en).toContain('line 2');
    expect((await stack.call('GET', '/api/basedata/guild/csv-ok', { token: admin })).status).toBe(404);
  });

  test('when a good CSV is imported (as a multipart file, Persian digits), then it upserts by code and audits each change', async () => {
    const csv =
      '\uFEFFcode,nameFa,nameEn,categoryCode,guildCode\r\ncsv-new,نوشت‌افزار,Stationery,۵۰,۵۹۴۳\r\nbakery,نانوایی سنتی,Bakery,10,5462\r\n';
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'guilds.csv');
    const dry = await stack.call('POST', '/api/basedata/guild/import?dryRun=true', { token: admin, raw: form });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, created: 1, updated: 1 });
    expect((await stack.call('GET', '/api/basedata/guild/csv-new', { token: admin })).status).toBe(404);

    const form2 = new FormData();
    form2.append('file', new Blob([csv], { type: 'text/csv' }), 'guilds.csv');
    const res = await stack.call('POST', '/api/basedata/guild/import', { token: admin, raw: form2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
      changes: [
        { line: 2, code: 'csv-new', action: 'create' },
        { line: 3, code: 'bakery', action: 'update' },
      ],
    });
    const item = await stack.call('GET', '/api/basedata/guild/csv-new', { token: admin });
    expect(item.body).toMatchObject({
      nameFa: 'نوشت‌افزار',
      attributes: { categoryCode: '50', guildCode: '5943' },
      active: true,
    });
    const bakery = await stack.call('GET', '/api/basedata/guild/bakery', { token: admin });
    expect((bakery.body as Json).nameFa).toBe('نانوایی سنتی');
    expect((bakery.body as Json).sortOrder).toBe(20);
    const audit = await auditOf('basedata.guild', 'bakery');
    expect(audit[0]).toMatchObject({ action: 'import', before: { nameFa: 'نانوایی' }, after: { nameFa: 'نانوایی سنتی' } });
  });

  test('when every kind is exported and imported back, then nothing changes', async () => {
    for (const kind of BASE_KINDS) {
      const exported = await stack.call('GET', `/api/basedata/${kind}/export.csv`, { token: admin });
      expect(exported.status).toBe(200);
      expect(exported.headers.get('content-type')).toContain('text/csv');
      const text = exported.body as string;
      // fetch's text() drops the BOM: look at the bytes.
      const raw = await fetch(`${stack.server.url}/api/basedata/${kind}/export.csv`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const back = await csvPost(`/api/basedata/${kind}/import`, text);
      expect(back.status).toBe(200);
      expect({ kind, ...(back.body as Json) }).toMatchObject({ kind, created: 0, updated: 0, changes: [] });
      expect((back.body as Json).unchanged).toBeGreaterThan(0);
    }
    const holidays = await stack.call('GET', '/api/basedata/holiday/export.csv', { token: admin });
    expect(holidays.body as string).toContain('h14050101,عید نوروز,Nowruz,true,');
    expect(holidays.body as string).toContain('1405/01/01');
  });
});

describe('mapping', () => {
  test('when a guild is mapped and cleared for a PSP, then the unmapped view follows and each change is audited', async () => {
    const before = await stack.call('GET', '/api/mappings/psp-a/unmapped', { token: admin });
    expect(before.status).toBe(200);
    const guilds = (before.body as Json).kinds.find((k: Json) => k.kind === 'guild');
    expect(guilds.items.map((i: Json) => i.code)).toEqual(expect.arrayContaining(['fuel-station', 'clothing']));
    const count = guilds.unmapped;

    const set = await stack.call('PUT', '/api/mappings/psp-a/guild/fuel-station', { token: admin, body: { pspCode: '۵۵۴۱' } });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ set: 1 });
    const resolved = await stack.call('GET', '/api/mappings/psp-a/guild/fuel-station', { token: alphaAdmin });
    expect(resolved.body).toEqual({ pspCode: '5541' });
    const after = await stack.call('GET', '/api/mappings/psp-a/unmapped', { token: admin });
    const g2 = (after.body as Json).kinds.find((k: Json) => k.kind === 'guild');
    expect(g2.unmapped).toBe(count - 1);
    expect(g2.items.map((i: Json) => i.code)).not.toContain('fuel-station');

    const cleared = await stack.call('DELETE', '/api/mappings/psp-a/guild/fuel-station', { token: admin });
    expect(cleared.body).toMatchObject({ cleared: 1 });
    const audit = await auditOf('basedata.mapping', 'psp-a/guild/fuel-station');
    expect(audit.map((a) => a.action).sort()).toEqual(['map', 'unmap']);

    expect((await stack.call('PUT', '/api/mappings/psp-a/guild/nope', { token: admin, body: { pspCode: '1' } })).status).toBe(
      404,
    );
    expect((await stack.call('GET', '/api/mappings/psp-z/unmapped', { token: admin })).status).toBe(404);
  });

  test('when mappings are set in bulk with one bad item, then none is written; without it, all are', async () => {
    const bad = await stack.call('POST', '/api/mappings/psp-b/bulk', {
      token: admin,
      body: {
        items: [
          { kind: 'guild', code: 'pharmacy', pspCode: '31-001' },
          { kind: 'guild', code: 'nope', pspCode: '1' },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect((bad.body as Json).error.fields[0].field).toBe('items.1.code');
    const m = await stack.call('GET', '/api/mappings/psp-b?kind=guild', { token: admin });
    expect((m.body as Json).items.find((i: Json) => i.code === 'pharmacy').pspCode).toBeNull();

    const good = await stack.call('POST', '/api/mappings/psp-b/bulk', {
      token: admin,
      body: {
        items: [
          { kind: 'guild', code: 'pharmacy', pspCode: '31-001' },
          { kind: 'swap-reason', code: 'faulty', pspCode: null },
        ],
      },
    });
    expect(good.body).toMatchObject({ set: 1, cleared: 1 });
  });

  test('when the mapping CSV is exported and imported back, then nothing changes; an edited line maps, a bad kind is reported', async () => {
    const exported = await stack.call('GET', '/api/mappings/psp-b/export.csv', { token: admin });
    const text = exported.body as string;
    expect(text.split('\r\n')[0]).toBe('kind,code,pspCode,nameFa,nameEn');
    const back = await csvPost('/api/mappings/psp-b/import', text);
    expect(back.body).toMatchObject({ set: 0, cleared: 0 });
    const edit = await csvPost('/api/mappings/psp-b/import', 'kind,code,pspCode\nguild,fuel-station,41-009\nplanet,mars,1\n');
    expect(edit.status).toBe(400);
    expect((edit.body as Json).error.fields[0].field).toBe('rows.3.kind');
    const ok = await csvPost('/api/mappings/psp-b/import', 'kind,code,pspCode\nguild,fuel-station,41-009\n');
    expect(ok.body).toMatchObject({ set: 1 });
  });

  test('when resolvePspCode meets an unmapped value, then it throws a typed, bilingual error naming kind, item and PSP', async () => {
    const db = stack.server.db;
    await expect(resolvePspCode(db, 'collect-reason', 'merchant-cancelled', 'psp-b')).resolves.toBe('3');
    const err = await resolvePspCode(db, 'collect-reason', 'device-faulty', 'psp-a').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnmappedValueError);
    const e = err as UnmappedValueError;
    expect(e.name).toBe('UnmappedValueError');
    expect([e.kind, e.itemCode, e.pspCode, e.reason]).toEqual(['collect-reason', 'device-faulty', 'psp-a', 'unmapped']);
    expect(e.text.fa).toContain('device-faulty');
    expect(e.text.en).toContain('psp-a');
    await expect(resolvePspCode(db, 'guild', 'nope', 'psp-a')).rejects.toMatchObject({ reason: 'unknown-item' });
    await expect(resolvePspCode(db, 'guild', 'bakery', 'psp-z')).rejects.toMatchObject({ reason: 'unknown-psp' });
    const api = await stack.call('GET', '/api/mappings/psp-a/collect-reason/device-faulty', { token: admin });
    expect(api.status).toBe(404);
    expect((api.body as Json).error.code).toBe('UNMAPPED_VALUE');
  });
});
