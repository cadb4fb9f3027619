import {
  checkLegalId,
  checkNationalCode,
  checkPostalCode,
  checkSheba,
  makeLegalId,
  makeNationalCode,
  makeSheba,
} from '../../domain/iran';
import { toPersianDigits } from '../../domain/text';
import { startStack, type ApiResponse, type Stack } from './harness';

/**
 * Merchants through the real API, Keycloak tokens of several realms and the database named by
 * DB_DIALECT: validation as DOMAIN.md says, uniqueness, subtree scope, documents and the audit trail.
 */
let stack: Stack;
let alphaUser: string;
let alphaAdmin: string;
let betaAdmin: string;
let brokerAdmin: string;

beforeAll(async () => {
  stack = await startStack();
  [alphaUser, alphaAdmin, betaAdmin, brokerAdmin] = await Promise.all([
    stack.token('agent-alpha', 'alpha-user'),
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-beta', 'beta-admin'),
    stack.token('kartabl', 'broker-admin'),
  ]);
});

afterAll(async () => {
  await stack?.stop();
});

let seed = 100;
/** A fresh valid national code per call (the system refuses a second merchant with the same one). */
const nextNationalCode = () => makeNationalCode(String(123450000 + seed++));

const address = { addressFa: 'تهران، خیابان آزادی، پلاک ۱۰', addressEn: 'No. 10, Azadi St, Tehran', postalCode: '۱۱۹۳۶-۵۳۴۷۱' };
const shop = {
  nameFa: 'سوپرمارکت نمونه',
  nameEn: 'Sample Supermarket',
  guildCode: 'supermarket',
  addressFa: 'تهران، خیابان انقلاب، پلاک ۵',
  addressEn: 'No. 5, Enghelab St, Tehran',
  postalCode: '1416753111',
  phone: '021-6655 4433',
  latitude: 35.7,
  longitude: 51.4,
};
const MELLAT_SHEBA = makeSheba('012', 1234567890);

const natural = (over: Record<string, unknown> = {}) => ({
  kind: 'natural',
  nationalCode: nextNationalCode(),
  firstNameFa: 'علي',
  lastNameFa: 'کريمي',
  firstNameEn: 'Ali',
  lastNameEn: 'Karimi',
  fatherNameFa: 'محمد',
  birthDate: '۱۳۷۰/۰۵/۱۲',
  mobile: '+98 912 345 6789',
  addresses: [address],
  ...over,
});

const legal = (over: Record<string, unknown> = {}) => ({
  kind: 'legal',
  legalId: '10380284790',
  companyNameFa: 'شرکت پرداخت نمونه',
  companyNameEn: 'Sample Payment Co',
  registrationNumber: '۴۵۶۷۸',
  registrationDate: '1385/03/20',
  representatives: [
    {
      role: 'ceo',
      nationalCode: '0076229645',
      firstNameFa: 'سارا',
      lastNameFa: 'احمدی',
      firstNameEn: 'Sara',
      lastNameEn: 'Ahmadi',
    },
  ],
  mobile: '09121112233',
  taxTrackingCode: '1234567890',
  addresses: [address],
  ...over,
});

async function create(token: string, body: Record<string, unknown>) {
  const res = await stack.call('POST', '/api/merchants', { token, body });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function counts() {
  const m = stack.server.db.models;
  return {
    merchants: await m.Merchant.count(),
    shops: await m.MerchantShop.count(),
    accounts: await m.MerchantAccount.count(),
    addresses: await m.MerchantAddress.count(),
    audit: await m.Audit.count(),
  };
}

function png(bytes = 64): Blob {
  const header = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return new Blob([new Uint8Array([...header, ...Array.from({ length: bytes }, (_, i) => i % 251)])], { type: 'image/png' });
}

function uploadForm(typeCode: string, file: Blob = png(), name = 'کارت-ملی.png'): FormData {
  const form = new FormData();
  form.append('typeCode', typeCode);
  form.append('file', file, name);
  return form;
}

describe('registering merchants', () => {
  test('when alpha-user registers a natural merchant with a shop and a Sheba, then all of it is stored canonically with the bank derived from the Sheba', async () => {
    const body = natural({
      shops: [shop],
      accounts: [{ sheba: `ir${toPersianDigits(MELLAT_SHEBA.slice(2))}`, ownerNameFa: 'علی کریمی' }],
    });
    const m = await create(alphaUser, body);
    expect(m).toMatchObject({
      kind: 'natural',
      nationalCode: body.nationalCode,
      identifier: body.nationalCode,
      firstNameFa: 'علی',
      lastNameFa: 'کریمی',
      displayNameFa: 'علی کریمی',
      displayNameEn: 'Ali Karimi',
      birthDate: '1991-08-03',
      birthDateJalali: '1370/05/12',
      mobile: '09123456789',
      agent: { code: 'alpha' },
      addresses: [{ postalCode: '1193653471' }],
      shops: [{ nameFa: 'سوپرمارکت نمونه', guildCode: 'supermarket', phone: '02166554433', latitude: 35.7 }],
      accounts: [{ sheba: MELLAT_SHEBA, bank: { code: '012', nameFa: 'بانک ملت', nameEn: 'Bank Mellat' }, isPrimary: true }],
      documents: [],
    });
    const fetched = await stack.call('GET', `/api/merchants/${m.id}`, { token: alphaUser });
    expect(fetched.body).toEqual(m);
  });

  test('when alpha-admin registers a legal merchant with its CEO, then the company details come back', async () => {
    const m = await create(alphaAdmin, legal());
    expect(m).toMatchObject({
      kind: 'legal',
      legalId: '10380284790',
      nationalCode: null,
      displayNameFa: 'شرکت پرداخت نمونه',
      registrationNumber: '45678',
      registrationDateJalali: '1385/03/20',
      taxTrackingCode: '1234567890',
      representatives: [{ role: 'ceo', nationalCode: '0076229645', firstNameEn: 'Sara' }],
    });
  });

  test('when a national code or legal ID is registered again, then 409 MERCHANT_EXISTS; another agent learns only that it exists', async () => {
    const first = await create(
      alphaUser,
      natural({ firstNameFa: 'رضا', lastNameFa: 'پنهان', firstNameEn: 'Reza', lastNameEn: 'Hidden' }),
    );
    const again = await stack.call('POST', '/api/merchants', {
      token: alphaAdmin,
      body: natural({ nationalCode: first.nationalCode }),
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MERCHANT_EXISTS');
    expect(again.body.error.message.fa).toContain('رضا پنهان');
    expect(again.body.error.fields[0]).toMatchObject({ field: 'nationalCode', code: 'merchant_exists' });

    const beta = await stack.call('POST', '/api/merchants', {
      token: betaAdmin,
      body: natural({ nationalCode: toPersianDigits(first.nationalCode) }),
    });
    expect(beta.status).toBe(409);
    expect(beta.body.error.code).toBe('MERCHANT_EXISTS');
    expect(JSON.stringify(beta.body)).not.toMatch(/پنهان|Hidden|alpha|آلفا/);
    expect(beta.body.error.message.en).toMatch(/another agent/);

    const legalAgain = await stack.call('POST', '/api/merchants', { token: betaAdmin, body: legal() });
    expect(legalAgain.status).toBe(409);
    expect(legalAgain.body.error.fields[0].field).toBe('legalId');
  });

  const expectField = (res: ApiResponse, field: string, expected: { code: string; message?: { fa: string; en: string } }) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const f = res.body.error.fields.find((x: { field: string }) => x.field === field);
    expect(f).toBeDefined();
    expect(f.code).toBe(expected.code);
    if (expected.message) expect(f.message).toEqual(expected.message);
    expect(f.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect(f.message.en).toMatch(/[a-z]/);
  };
  const failure = (r: { ok: boolean }) => (r as unknown as { message: { fa: string; en: string } }).message;

  test('when each identifier is wrong, then 400 names the field with the fa/en message of the Iranian checks', async () => {
    const post = (body: unknown) => stack.call('POST', '/api/merchants', { token: alphaUser, body });
    const badCode = '0013542418';
    expectField(await post(natural({ nationalCode: badCode })), 'nationalCode', {
      code: 'national_code_checksum',
      message: failure(checkNationalCode(badCode)),
    });
    expectField(await post(legal({ legalId: '10380284791' })), 'legalId', {
      code: 'legal_id_checksum',
      message: failure(checkLegalId('10380284791')),
    });
    const badSheba = MELLAT_SHEBA.slice(0, 25) + String((Number(MELLAT_SHEBA[25]) + 1) % 10);
    expectField(await post(natural({ accounts: [{ sheba: badSheba, ownerNameFa: 'علی' }] })), 'accounts.0.sheba', {
      code: 'sheba_checksum',
      message: failure(checkSheba(badSheba)),
    });
    const unknownBank = makeSheba('099', 42);
    expectField(
      await post(
        natural({
          accounts: [
            { sheba: MELLAT_SHEBA, ownerNameFa: 'علی' },
            { sheba: unknownBank, ownerNameFa: 'علی' },
          ],
        }),
      ),
      'accounts.1.sheba',
      { code: 'sheba_unknown_bank', message: failure(checkSheba(unknownBank)) },
    );
    expectField(await post(natural({ addresses: [{ ...address, postalCode: '12345' }] })), 'addresses.0.postalCode', {
      code: 'postal_code_length',
      message: failure(checkPostalCode('12345')),
    });
    expectField(await post(natural({ shops: [{ ...shop, postalCode: '11936A5347' }] })), 'shops.0.postalCode', {
      code: 'postal_code_format',
    });
    expectField(await post(natural({ mobile: '0212345678' })), 'mobile', { code: 'mobile_prefix' });
    expectField(await post(natural({ mobile: '0912345' })), 'mobile', { code: 'mobile_length' });
    expectField(
      await post(legal({ representatives: [{ ...legal().representatives[0], nationalCode: '1111111111' }] })),
      'representatives.0.nationalCode',
      {
        code: 'national_code_repeated',
      },
    );
    expectField(await post(natural({ birthDate: '1404/12/30' })), 'birthDate', { code: 'jalali_date_day' });
    expectField(await post(natural({ firstNameEn: 'علی' })), 'firstNameEn', { code: 'latin_only' });
    expectField(await post(natural({ addresses: [] })), 'addresses', { code: 'too_small' });
    expectField(
      await post(
        legal({ legalId: makeLegalId('2034567891'), representatives: [{ ...legal().representatives[0], role: 'signatory' }] }),
      ),
      'representatives',
      {
        code: 'ceo_required',
      },
    );
  });

  test('when one nested item is invalid, then nothing at all is written', async () => {
    const before = await counts();
    const res = await stack.call('POST', '/api/merchants', {
      token: alphaUser,
      body: natural({
        shops: [shop, { ...shop, guildCode: 'NOT A CODE' }],
        accounts: [{ sheba: MELLAT_SHEBA, ownerNameFa: 'علی' }],
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['shops.1.guildCode']);
    expect(await counts()).toEqual(before);
  });
});

describe('editing, shops and accounts', () => {
  test('when a merchant is edited and its shops and accounts change, then each change is audited with before and after', async () => {
    const m = await create(alphaUser, natural({ accounts: [{ sheba: MELLAT_SHEBA, ownerNameFa: 'علی کریمی' }] }));
    const patched = await stack.call('PATCH', `/api/merchants/${m.id}`, {
      token: alphaUser,
      body: { mobile: '۰۹۳۵۱۲۳۴۵۶۷', lastNameFa: 'كريم‌زاده' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ mobile: '09351234567', lastNameFa: 'کریم‌زاده', displayNameFa: 'علی کریم‌زاده' });

    const wrongKind = await stack.call('PATCH', `/api/merchants/${m.id}`, { token: alphaUser, body: { companyNameFa: 'شرکت' } });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.fields[0]).toMatchObject({ field: 'companyNameFa', code: 'not_for_kind' });

    const s = await stack.call('POST', `/api/merchants/${m.id}/shops`, { token: alphaUser, body: shop });
    expect(s.status).toBe(201);
    const edited = await stack.call('PATCH', `/api/merchants/${m.id}/shops/${s.body.id}`, {
      token: alphaUser,
      body: { nameEn: 'Karimi Market' },
    });
    expect(edited.body).toMatchObject({ nameEn: 'Karimi Market', nameFa: shop.nameFa });

    const melli = makeSheba('017', 987654321);
    const a2 = await stack.call('POST', `/api/merchants/${m.id}/accounts`, {
      token: alphaUser,
      body: { sheba: melli, ownerNameFa: 'علی کریمی' },
    });
    expect(a2.status).toBe(201);
    expect(a2.body).toMatchObject({ bank: { code: '017', nameEn: 'Bank Melli Iran' }, isPrimary: false });
    const dup = await stack.call('POST', `/api/merchants/${m.id}/accounts`, {
      token: alphaUser,
      body: { sheba: melli, ownerNameFa: 'علی' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('ACCOUNT_EXISTS');

    const primary = await stack.call('POST', `/api/merchants/${m.id}/accounts/${a2.body.id}/primary`, {
      token: alphaUser,
      body: {},
    });
    expect(primary.body.items.map((a: { sheba: string; isPrimary: boolean }) => [a.sheba, a.isPrimary])).toEqual([
      [MELLAT_SHEBA, false],
      [melli, true],
    ]);
    expect((await stack.call('DELETE', `/api/merchants/${m.id}/accounts/${a2.body.id}`, { token: alphaUser })).status).toBe(204);
    expect((await stack.call('DELETE', `/api/merchants/${m.id}/shops/${s.body.id}`, { token: alphaUser })).status).toBe(204);
    const after = (await stack.call('GET', `/api/merchants/${m.id}`, { token: alphaUser })).body;
    expect(after.shops).toEqual([]);
    expect(after.accounts).toEqual([expect.objectContaining({ sheba: MELLAT_SHEBA, isPrimary: true })]);

    const rows = await stack.server.db.models.Audit.findAll({ order: [['seq', 'ASC']] });
    const mine = rows.filter((r) => [m.id, s.body.id, a2.body.id, m.accounts[0].id].includes(r.entityId));
    expect(mine.map((r) => `${r.entityType}:${r.action}`)).toEqual([
      'merchant:create',
      'merchant:update',
      'merchant-shop:create',
      'merchant-shop:update',
      'merchant-account:create',
      'merchant-account:set-primary',
      'merchant-account:delete',
      'merchant-account:set-primary',
      'merchant-shop:delete',
    ]);
    const update = mine[1];
    expect(JSON.parse(update.beforeJson!)).toMatchObject({ mobile: '09123456789' });
    expect(JSON.parse(update.afterJson!)).toMatchObject({ mobile: '09351234567' });
    expect(update.actorIssuer).toMatch(/realms\/agent-alpha$/);
    expect(new Set(mine.map((r) => r.scopeAgentId))).toEqual(new Set([m.agent.id]));
    expect(JSON.parse(mine[6].beforeJson!)).toMatchObject({ sheba: melli });
  });

  test('when merchants are searched, then name (any Arabic/Persian letters), code (any digits), mobile and Sheba find them', async () => {
    const m = await create(
      alphaUser,
      natural({
        firstNameFa: 'نگار',
        lastNameFa: 'جستجوپذير',
        firstNameEn: 'Negar',
        lastNameEn: 'Searchable',
        mobile: '09187776655',
        accounts: [{ sheba: makeSheba('056', 55501), ownerNameFa: 'نگار' }],
      }),
    );
    const find = async (q: string, token = alphaUser) =>
      (await stack.call('GET', `/api/merchants?q=${encodeURIComponent(q)}`, { token })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await find('جستجوپذیر')).toEqual([m.id]);
    expect(await find('searchable')).toEqual([m.id]);
    expect(await find(toPersianDigits(m.nationalCode))).toEqual([m.id]);
    expect(await find('+98 918 777 6655')).toEqual([m.id]);
    expect(await find(makeSheba('056', 55501).slice(10))).toEqual([m.id]);
    expect(await find('جستجوپذیر', betaAdmin)).toEqual([]);
    expect(await find('جستجوپذیر', brokerAdmin)).toEqual([m.id]);
    const legals = (await stack.call('GET', '/api/merchants?kind=legal', { token: alphaUser })).body;
    expect(legals.items.every((i: { kind: string }) => i.kind === 'legal')).toBe(true);
    expect(legals.total).toBeGreaterThan(0);
  });
});

describe('base data', () => {
  test('when a shop names a guild that is not an active base-data guild, then 400 names the field, on create, add and edit', async () => {
    const before = await counts();
    const res = await stack.call('POST', '/api/merchants', {
      token: alphaUser,
      body: natural({ shops: [shop, { ...shop, guildCode: 'bookshop-x' }] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      {
        field: 'shops.1.guildCode',
        code: 'not_in_basedata',
        message: {
          fa: '«bookshop-x» در «اصناف» اطلاعات پایه تعریف نشده یا غیرفعال است.',
          en: '"bookshop-x" is not an active item of guilds in base data.',
        },
      },
    ]);
    expect(await counts()).toEqual(before);

    const m = await create(alphaUser, natural({ shops: [shop] }));
    const add = await stack.call('POST', `/api/merchants/${m.id}/shops`, {
      token: alphaUser,
      body: { ...shop, guildCode: 'nope' },
    });
    expect(add.body.error.fields[0]).toMatchObject({ field: 'guildCode', code: 'not_in_basedata' });
    const off = await stack.call('POST', '/api/basedata/guild/fuel-station/deactivate', { token: brokerAdmin });
    expect(off.status).toBe(200);
    const edit = await stack.call('PATCH', `/api/merchants/${m.id}/shops/${m.shops[0].id}`, {
      token: alphaUser,
      body: { guildCode: 'fuel-station' },
    });
    expect(edit.body.error.fields[0]).toMatchObject({ field: 'guildCode', code: 'not_in_basedata' });
    await stack.call('POST', '/api/basedata/guild/fuel-station/activate', { token: brokerAdmin });
    const bakery = await stack.call('PATCH', `/api/merchants/${m.id}/shops/${m.shops[0].id}`, {
      token: alphaUser,
      body: { guildCode: 'bakery' },
    });
    expect(bakery.body.guildCode).toBe('bakery');
  });

  test('when documents are typed, then the types are base data and their persons attribute is enforced', async () => {
    const types = await stack.call('GET', '/api/merchants/document-types', { token: alphaUser });
    expect(types.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'id-card', appliesTo: 'both', legalOnly: false }),
        expect.objectContaining({ code: 'gazette', appliesTo: 'legal', legalOnly: true }),
      ]),
    );
    const m = await create(alphaUser, natural());
    const unknown = await stack.call('POST', `/api/merchants/${m.id}/documents`, {
      token: alphaUser,
      raw: uploadForm('passport'),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0]).toMatchObject({ field: 'typeCode', code: 'unknown_type' });
    expect(unknown.body.error.fields[0].message.en).toContain('id-card');
  });
});

describe('documents', () => {
  test('when a document is uploaded, it can be downloaded and listed; the broker reviews it; alpha-user may not review', async () => {
    const m = await create(alphaUser, natural());
    const file = png(200);
    const up = await stack.call('POST', `/api/merchants/${m.id}/documents`, {
      token: alphaUser,
      raw: uploadForm('id-card', file),
    });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      typeCode: 'id-card',
      status: 'pending',
      file: { fileName: 'کارت-ملی.png', contentType: 'image/png', size: file.size },
    });

    const down = await fetch(`${stack.server.url}/api/merchants/${m.id}/documents/${up.body.id}/file`, {
      headers: { authorization: `Bearer ${alphaUser}` },
    });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await down.arrayBuffer()).equals(Buffer.from(await file.arrayBuffer()))).toBe(true);
    const stored = await stack.server.db.models.Attachment.findByPk(
      up.body.file ? (await stack.server.db.models.MerchantDocument.findByPk(up.body.id))!.attachmentId : '',
    );
    expect(stored).toMatchObject({ purpose: 'merchant-document', refId: m.id });

    const gazette = await stack.call('POST', `/api/merchants/${m.id}/documents`, {
      token: alphaUser,
      raw: uploadForm('gazette'),
    });
    expect(gazette.status).toBe(400);
    expect(gazette.body.error.fields[0]).toMatchObject({ field: 'typeCode', code: 'legal_only' });
    const text = await stack.call('POST', `/api/merchants/${m.id}/documents`, {
      token: alphaUser,
      raw: uploadForm('lease', new Blob(['hello'], { type: 'text/html' }), 'x.html'),
    });
    expect(text.body.error.fields[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });

    const review = `/api/merchants/${m.id}/documents/${up.body.id}/review`;
    expect((await stack.call('POST', review, { token: alphaUser, body: { decision: 'approve' } })).status).toBe(403);
    const noReason = await stack.call('POST', review, { token: brokerAdmin, body: { decision: 'reject' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0]).toMatchObject({ field: 'reason', code: 'required' });
    const rejected = await stack.call('POST', review, {
      token: brokerAdmin,
      body: { decision: 'reject', reason: 'تصویر کارت ملی خوانا نيست' },
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectReason: 'تصویر کارت ملی خوانا نیست',
      reviewedBy: { displayName: expect.any(String) },
    });
    expect(rejected.body.reviewedAt).toMatch(/Z$/);
    expect((await stack.call('POST', review, { token: brokerAdmin, body: { decision: 'approve' } })).body.error.code).toBe(
      'DOCUMENT_ALREADY_REVIEWED',
    );

    const list = await stack.call('GET', `/api/merchants/${m.id}/documents`, { token: alphaUser });
    expect(list.body.items).toEqual([expect.objectContaining({ id: up.body.id, status: 'rejected' })]);
    const audit = await stack.server.db.models.Audit.findAll({ where: { entityId: up.body.id }, order: [['seq', 'ASC']] });
    expect(audit.map((r) => r.action)).toEqual(['create', 'reject']);
    expect(JSON.parse(audit[1].beforeJson!)).toMatchObject({ status: 'pending' });
    expect(JSON.parse(audit[1].afterJson!)).toMatchObject({ status: 'rejected', rejectReason: 'تصویر کارت ملی خوانا نیست' });
  });
});

describe('subtree scope', () => {
  test("when beta-admin uses alpha's merchant, shop, account and document IDs on every route, then each answers 404 and nothing changes", async () => {
    const m = await create(alphaUser, natural({ shops: [shop], accounts: [{ sheba: MELLAT_SHEBA, ownerNameFa: 'علی' }] }));
    const doc = await stack.call('POST', `/api/merchants/${m.id}/documents`, {
      token: alphaUser,
      raw: uploadForm('business-licence'),
    });
    expect(doc.status).toBe(201);
    const shopId = m.shops[0].id;
    const accountId = m.accounts[0].id;
    const before = await counts();
    const calls: [string, string, Record<string, unknown>?][] = [
      ['GET', `/api/merchants/${m.id}`],
      ['PATCH', `/api/merchants/${m.id}`, { body: { mobile: '09120000000' } }],
      ['POST', `/api/merchants/${m.id}/shops`, { body: shop }],
      ['PATCH', `/api/merchants/${m.id}/shops/${shopId}`, { body: { nameEn: 'Stolen' } }],
      ['DELETE', `/api/merchants/${m.id}/shops/${shopId}`],
      ['POST', `/api/merchants/${m.id}/accounts`, { body: { sheba: makeSheba('017', 1), ownerNameFa: 'بتا' } }],
      ['DELETE', `/api/merchants/${m.id}/accounts/${accountId}`],
      ['POST', `/api/merchants/${m.id}/accounts/${accountId}/primary`, { body: {} }],
      ['GET', `/api/merchants/${m.id}/documents`],
      ['POST', `/api/merchants/${m.id}/documents`, { raw: uploadForm('lease') }],
      ['GET', `/api/merchants/${m.id}/documents/${doc.body.id}/file`],
    ];
    for (const [method, url, opts] of calls) {
      const res = await stack.call(method, url, { token: betaAdmin, ...(opts ?? {}) });
      expect(`${method} ${url} → ${res.status}`).toBe(`${method} ${url} → 404`);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    // beta has no reviewers; the route is refused before scope (403), never reaching alpha's data.
    const review = await stack.call('POST', `/api/merchants/${m.id}/documents/${doc.body.id}/review`, {
      token: betaAdmin,
      body: { decision: 'approve' },
    });
    expect(review.status).toBe(403);
    const list = await stack.call('GET', '/api/merchants?pageSize=200', { token: betaAdmin });
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(m.id);
    const filtered = await stack.call('GET', `/api/merchants?agentId=${m.agent.id}`, { token: betaAdmin });
    expect(filtered.body.items).toEqual([]);
    expect(await counts()).toEqual(before);
    // The broker sees it.
    expect((await stack.call('GET', `/api/merchants/${m.id}`, { token: brokerAdmin })).status).toBe(200);
  });

  test('when the merchant routes are described, then the OpenAPI document has them with their schemas', async () => {
    const doc = (await stack.call('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/merchants', '/api/merchants/{id}', '/api/merchants/{id}/documents/{documentId}/review']),
    );
    expect(doc.components.schemas.MerchantDetail).toBeDefined();
    expect(doc.components.schemas.MerchantAccountInput.required).toEqual(expect.arrayContaining(['sheba', 'ownerNameFa']));
  });
});
