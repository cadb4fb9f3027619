import { addDays } from '../../domain/calendar';
import { formatJalali, tehranToday } from '../../domain/jalali';
import { toPersianDigits } from '../../domain/text';
import { startStack, type Stack } from './harness';

/**
 * Agreements (R-AGREEMENTS) through the real API and Keycloak tokens: create/edit/status with
 * Jalali dates, current agreements by Tehran day, attachments, subtree scope and the audit.
 */
let stack: Stack;
let brokerAdmin: string;
let alphaAdmin: string;
let betaAdmin: string;
let alphaUser: string;
let alphaId: string;
let betaId: string;

/** A Jalali date `days` from today (Tehran). */
const jalaliIn = (days: number): string => formatJalali(addDays(tehranToday(), days));

const terms = {
  prices: [{ item: 'pax-s90', label: 'PAX S90', amount: '۱۲٬۵۰۰٬۰۰۰' }],
  commissions: [
    { service: 'terminal-registration', kind: 'percent', value: 2.5 },
    { service: 'device-sale', kind: 'fixed', value: 500000 },
  ],
  allowedPsps: ['psp-a', 'PSP-B'],
  allowedDeviceModels: ['pax-s90'],
  quotas: [{ key: 'terminals', limit: 100, period: 'month' }],
};

beforeAll(async () => {
  stack = await startStack();
  [brokerAdmin, alphaAdmin, betaAdmin, alphaUser] = await Promise.all([
    stack.token('kartabl', 'broker-admin'),
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-beta', 'beta-admin'),
    stack.token('agent-alpha', 'alpha-user'),
  ]);
  // One after the other: concurrent first requests of new users can fail on SQLite (see the report).
  alphaId = await stack.agentOf(alphaAdmin);
  betaId = await stack.agentOf(betaAdmin);
  await stack.agentOf(brokerAdmin);
  await stack.agentOf(alphaUser);
});

afterAll(async () => {
  await stack?.stop();
});

async function create(body: Record<string, unknown>, token = brokerAdmin) {
  return stack.call('POST', '/api/agreements', { token, body });
}

describe('agreements', () => {
  test('when the broker creates an agreement with Jalali dates in Persian digits, then it is stored as days and shown back in Jalali', async () => {
    const res = await create({
      agentId: alphaId,
      title: 'قرارداد فروش ۱۴۰۴',
      terms,
      validFrom: toPersianDigits(jalaliIn(-10)),
      validTo: jalaliIn(30),
      signedBy: 'مدیرعامل آلفا',
      status: 'active',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      party: 'agent',
      agent: { id: alphaId, code: 'alpha' },
      status: 'active',
      effectiveStatus: 'active',
      inForce: true,
      validFromJalali: jalaliIn(-10),
      validToJalali: jalaliIn(30),
      allowedTransitions: ['suspended', 'terminated'],
    });
    expect(res.body.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.terms.prices[0].amount).toBe(12500000);
    expect(res.body.terms.allowedPsps).toEqual(['psp-a', 'psp-b']);
    expect(res.body.terms.currency).toBe('IRR');

    const audit = await stack.call('GET', `/api/audit?entityType=agreement&entityId=${res.body.id}`, { token: brokerAdmin });
    expect(audit.body.items[0]).toMatchObject({ action: 'create', scopeAgentId: alphaId });
    expect(audit.body.items[0].after.title).toBe('قرارداد فروش 1404'); // digits are stored as ASCII
  });

  test('when dates are impossible or reversed, or terms are malformed, then 400 names each field', async () => {
    const bad = await create({
      agentId: alphaId,
      title: 'x',
      terms: {
        commissions: [{ service: 'sale', kind: 'percent', value: 120 }],
        allowedPsps: ['psp-a', 'psp-a'],
        quotas: [{ key: 'terminals', limit: -1, period: 'week' }],
      },
      validFrom: '1404/07/31',
      validTo: '1404-13-01',
    });
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code]));
    expect(fields).toMatchObject({
      title: 'too_short',
      'terms.commissions.0.value': 'bad_percent',
      'terms.allowedPsps.1': 'duplicate',
      'terms.quotas.0.limit': 'too_small',
      'terms.quotas.0.period': 'invalid_value',
      validFrom: 'jalali_date_day',
      validTo: 'jalali_date_month',
    });
    const msg = bad.body.error.fields.find((f: { field: string }) => f.field === 'validFrom').message;
    expect(msg.fa).toContain('روز ۳۱ در آن نیست');
    expect(msg.en).toContain('no day 31');

    const reversed = await create({
      agentId: alphaId,
      title: 'قرارداد وارونه',
      terms: {},
      validFrom: '1404/05/10',
      validTo: '1404/05/09',
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual([expect.objectContaining({ field: 'validTo', code: 'range_reversed' })]);

    const format = await create({ agentId: alphaId, title: 'قرارداد بد', terms: {}, validFrom: 'فردا', validTo: '1404/05/09' });
    expect(format.body.error.fields[0]).toMatchObject({ field: 'validFrom', code: 'jalali_date_format' });
  });

  test('when allowed PSPs or device models are not active base data, then 400 names each; a switched-off PSP may be allowed', async () => {
    const res = await create({
      agentId: alphaId,
      title: 'قرارداد با کدهای ناشناخته',
      terms: { allowedPsps: ['psp-a', 'sep'], allowedDeviceModels: ['pax-s90', 'pax-s999'] },
      validFrom: jalaliIn(0),
      validTo: jalaliIn(30),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['terms.allowedPsps.1', 'not_in_basedata'],
      ['terms.allowedDeviceModels.1', 'not_in_basedata'],
    ]);
    expect(res.body.error.fields[1].message).toEqual({
      fa: '«pax-s999» در «مدل‌های دستگاه» اطلاعات پایه تعریف نشده یا غیرفعال است.',
      en: '"pax-s999" is not an active item of device models in base data.',
    });

    const off = await stack.call('PUT', '/api/settings/services', {
      token: brokerAdmin,
      body: { items: [{ key: 'psp:psp-b', enabled: false }] },
    });
    expect(off.status).toBe(200);
    const ok = await create({
      agentId: alphaId,
      title: 'قرارداد با پرداخت خاموش',
      terms: { allowedPsps: ['psp-b'] },
      validFrom: jalaliIn(0),
      validTo: jalaliIn(30),
    });
    expect(ok.status).toBe(201);
    await stack.call('PUT', '/api/settings/services', {
      token: brokerAdmin,
      body: { items: [{ key: 'psp:psp-b', enabled: true }] },
    });
  });

  test('when the current agreements of an agent are asked for, then only active ones covering today (Tehran) come back', async () => {
    const made = await Promise.all([
      create({ agentId: betaId, title: 'در جریان', terms, validFrom: jalaliIn(0), validTo: jalaliIn(0), status: 'active' }),
      create({ agentId: betaId, title: 'گذشته', terms, validFrom: jalaliIn(-40), validTo: jalaliIn(-1), status: 'active' }),
      create({ agentId: betaId, title: 'آینده', terms, validFrom: jalaliIn(1), validTo: jalaliIn(60), status: 'active' }),
      create({ agentId: betaId, title: 'پیش‌نویس', terms, validFrom: jalaliIn(-5), validTo: jalaliIn(5) }),
    ]);
    made.forEach((m) => expect(m.status).toBe(201));
    const current = await stack.call('GET', `/api/agents/${betaId}/agreements/current`, { token: brokerAdmin });
    expect(current.status).toBe(200);
    expect(current.body.today).toBe(tehranToday());
    expect(current.body.items.map((a: { title: string }) => a.title)).toEqual(['در جریان']);

    const expired = await stack.call('GET', `/api/agreements?agentId=${betaId}&status=expired`, { token: brokerAdmin });
    expect(expired.body.items.map((a: { title: string; effectiveStatus: string }) => [a.title, a.effectiveStatus])).toEqual([
      ['گذشته', 'expired'],
    ]);
    const listed = await stack.call('GET', `/api/agreements?agentId=${betaId}&current=true`, { token: brokerAdmin });
    expect(listed.body.total).toBe(1);

    // Activating the draft puts it in force; suspending takes it out; terminated is final.
    const draftId = made[3].body.id as string;
    const activated = await stack.call('POST', `/api/agreements/${draftId}/status`, {
      token: brokerAdmin,
      body: { status: 'active' },
    });
    expect(activated.body).toMatchObject({ status: 'active', inForce: true });
    let now = await stack.call('GET', `/api/agents/${betaId}/agreements/current`, { token: betaAdmin });
    expect(now.body.items).toHaveLength(2);
    await stack.call('POST', `/api/agreements/${draftId}/status`, {
      token: brokerAdmin,
      body: { status: 'suspended', reason: 'بدهی' },
    });
    now = await stack.call('GET', `/api/agents/${betaId}/agreements/current`, { token: betaAdmin });
    expect(now.body.items).toHaveLength(1);
    const ended = await stack.call('POST', `/api/agreements/${draftId}/status`, {
      token: brokerAdmin,
      body: { status: 'terminated' },
    });
    expect(ended.body.allowedTransitions).toEqual([]);
    const back = await stack.call('POST', `/api/agreements/${draftId}/status`, {
      token: brokerAdmin,
      body: { status: 'active' },
    });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('AGREEMENT_STATUS_NOT_ALLOWED');
    const edit = await stack.call('PUT', `/api/agreements/${draftId}`, {
      token: brokerAdmin,
      body: { title: 'ویرایش پس از فسخ' },
    });
    expect(edit.status).toBe(409);
  });

  test('when an agreement is edited, then the new values are audited with before and after, and a stale version is refused', async () => {
    const made = await create({
      agentId: alphaId,
      title: 'قرارداد ویرایشی',
      terms,
      validFrom: jalaliIn(-1),
      validTo: jalaliIn(10),
    });
    const id = made.body.id as string;
    const upd = await stack.call('PUT', `/api/agreements/${id}`, {
      token: brokerAdmin,
      body: { title: 'قرارداد ویرایش‌شده', validTo: jalaliIn(20), version: 1, terms: { ...terms, allowedPsps: ['psp-b'] } },
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ title: 'قرارداد ویرایش‌شده', validToJalali: jalaliIn(20), version: 2 });
    const stale = await stack.call('PUT', `/api/agreements/${id}`, { token: brokerAdmin, body: { title: 'کهنه', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('AGREEMENT_VERSION_CONFLICT');
    const reversed = await stack.call('PUT', `/api/agreements/${id}`, { token: brokerAdmin, body: { validTo: jalaliIn(-5) } });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields[0].field).toBe('validTo');
    const audit = await stack.call('GET', `/api/audit?entityType=agreement&entityId=${id}&action=update`, { token: brokerAdmin });
    expect(audit.body.items[0].before.title).toBe('قرارداد ویرایشی');
    expect(audit.body.items[0].after.title).toBe('قرارداد ویرایش‌شده');
    expect(audit.body.items[0].after.terms.allowedPsps).toEqual(['psp-b']);
  });

  test('when a file is attached, then it can be downloaded by those who see the agreement and nobody else', async () => {
    const made = await create({
      agentId: alphaId,
      title: 'قرارداد با پیوست',
      terms,
      validFrom: jalaliIn(0),
      validTo: jalaliIn(3),
    });
    const id = made.body.id as string;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 agreement')], { type: 'application/pdf' }), 'قرارداد.pdf');
    const up = await stack.call('POST', `/api/agreements/${id}/attachments`, { token: brokerAdmin, raw: form });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: 'قرارداد.pdf', contentType: 'application/pdf' });

    const bad = new FormData();
    bad.append('file', new Blob(['MZ'], { type: 'application/x-msdownload' }), 'x.exe');
    const refused = await stack.call('POST', `/api/agreements/${id}/attachments`, { token: brokerAdmin, raw: bad });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });

    const detail = await stack.call('GET', `/api/agreements/${id}`, { token: alphaAdmin });
    expect(detail.body.attachments).toHaveLength(1);
    const file = await stack.call('GET', `/api/agreements/${id}/attachments/${up.body.id}`, { token: alphaAdmin });
    expect(file.status).toBe(200);
    expect(file.body).toBe('%PDF-1.4 agreement');
    const foreign = await stack.call('GET', `/api/agreements/${id}/attachments/${up.body.id}`, { token: betaAdmin });
    expect(foreign.status).toBe(404);
    const gone = await stack.call('DELETE', `/api/agreements/${id}/attachments/${up.body.id}`, { token: brokerAdmin });
    expect(gone.status).toBe(204);
    expect((await stack.call('GET', `/api/agreements/${id}`, { token: brokerAdmin })).body.attachments).toEqual([]);
  });

  test("when an agent asks for a sibling's agreements by id, then every route answers 404, and its list shows only its own", async () => {
    const alphaDeal = await create({
      agentId: alphaId,
      title: 'قرارداد آلفا',
      terms,
      validFrom: jalaliIn(0),
      validTo: jalaliIn(3),
    });
    const id = alphaDeal.body.id as string;
    const fileForm = new FormData();
    fileForm.append('file', new Blob([Buffer.from('%PDF')], { type: 'application/pdf' }), 'a.pdf');
    const file = await stack.call('POST', `/api/agreements/${id}/attachments`, { token: brokerAdmin, raw: fileForm });
    expect((await stack.call('GET', `/api/agreements/${id}`, { token: betaAdmin })).status).toBe(404);
    expect((await stack.call('GET', `/api/agents/${alphaId}/agreements/current`, { token: betaAdmin })).status).toBe(404);
    expect((await stack.call('GET', `/api/agreements/${id}/attachments/${file.body.id}`, { token: betaAdmin })).status).toBe(404);
    const list = await stack.call('GET', `/api/agreements?agentId=${alphaId}`, { token: betaAdmin });
    expect(list.body.total).toBe(0);
    const own = await stack.call('GET', '/api/agreements?pageSize=200', { token: betaAdmin });
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((a: { agent: { id: string } }) => a.agent.id === betaId)).toBe(true);

    // Reading is not managing: an agent admin cannot create, edit or change status; a plain user cannot read.
    expect(
      (await create({ agentId: alphaId, title: 'خودم', terms, validFrom: jalaliIn(0), validTo: jalaliIn(1) }, alphaAdmin)).status,
    ).toBe(403);
    expect((await stack.call('PUT', `/api/agreements/${id}`, { token: alphaAdmin, body: { title: 'خودم' } })).status).toBe(403);
    expect(
      (await stack.call('POST', `/api/agreements/${id}/status`, { token: alphaAdmin, body: { status: 'active' } })).status,
    ).toBe(403);
    expect((await stack.call('GET', '/api/agreements', { token: alphaUser })).status).toBe(403);
  });

  test('when an agreement is made with a user, then the user must belong to the agent', async () => {
    const meUser = await stack.call('GET', '/api/me', { token: alphaUser });
    const userId = meUser.body.user.id as string;
    const wrong = await create({
      agentId: betaId,
      userId,
      title: 'قرارداد کاربر',
      terms,
      validFrom: jalaliIn(0),
      validTo: jalaliIn(1),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0]).toMatchObject({ field: 'userId', code: 'not_in_agent' });
    const ok = await create({
      agentId: alphaId,
      userId,
      title: 'قرارداد کاربر',
      terms,
      validFrom: jalaliIn(0),
      validTo: jalaliIn(1),
      status: 'active',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ party: 'user', user: { id: userId, username: 'alpha-user' } });
    const agentOnly = await stack.call('GET', `/api/agents/${alphaId}/agreements/current`, { token: brokerAdmin });
    expect(agentOnly.body.items.some((a: { id: string }) => a.id === ok.body.id)).toBe(false);
    const withUser = await stack.call('GET', `/api/agents/${alphaId}/agreements/current?userId=${userId}`, {
      token: brokerAdmin,
    });
    expect(withUser.body.items.some((a: { id: string }) => a.id === ok.body.id)).toBe(true);
  });
});
