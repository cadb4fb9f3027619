import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import { seedDemoPsps } from '../../db/seed';
import { naturalMerchantBody } from '../helpers/merchants';
import { startStack, type Stack } from './harness';

/**
 * Documents attached to a request through the real API, Temporal, Keycloak and database (DB_DIALECT):
 * attached while a draft (by its author) or returned for correction (by whoever may resubmit it),
 * listed, downloaded byte for byte, shown in the request, removed; refused once submitted, with a bad
 * type, a bad or too large file; another agency's user gets 404 everywhere; the auditor reads them;
 * every change is audited.
 */
let stack: Stack;
let sim: RunningPspSimulator;
let dataDir: string;
const tok: Record<string, string> = {};

type Body = Record<string, unknown>;

async function call(who: string, method: string, url: string, opts: { body?: unknown; raw?: FormData } = {}) {
  return stack.call(method, url, { token: tok[who], ...opts });
}

async function ok(who: string, method: string, url: string, opts: { body?: unknown; raw?: FormData } = {}, status = 200) {
  const res = await call(who, method, url, opts);
  if (res.status !== status) throw new Error(`${method} ${url} as ${who}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A small PNG-typed file (the content is not inspected, only its declared type). */
const png = (size = 300, seed = 1): Blob => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 7 + seed) % 256;
  return new Blob([bytes], { type: 'image/png' });
};

function form(typeCode: string | null, file: Blob | null = png(), name = 'کارت-ملی.png'): FormData {
  const f = new FormData();
  if (typeCode !== null) f.append('typeCode', typeCode);
  if (file) f.append('file', file, name);
  return f;
}

let seed = 0;
/** A natural merchant of alpha with one shop and one account. */
async function merchant(): Promise<{ merchantId: string; shopId: string; accountId: string }> {
  seed += 1;
  const m = (await ok('alpha-user', 'POST', '/api/merchants', { body: naturalMerchantBody(seed, { base: 323450000 }) }, 201)) as {
    id: string;
    shops: { id: string }[];
    accounts: { id: string }[];
  };
  return { merchantId: m.id, shopId: m.shops[0].id, accountId: m.accounts[0].id };
}

async function draft(): Promise<string> {
  const r = (await ok(
    'alpha-user',
    'POST',
    '/api/requests',
    { body: { type: 'install', pspCode: 'psp-a', payload: { ...(await merchant()), deviceModel: 'pax-s90' } } },
    201,
  )) as { id: string; state: string };
  expect(r.state).toBe('draft');
  return r.id;
}

async function waitFor(id: string, until: (r: Body) => boolean, what: string): Promise<Body> {
  let last: Body = {};
  for (let i = 0; i < 240; i += 1) {
    last = (await ok('alpha-user', 'GET', `/api/requests/${id}`)) as Body;
    if (until(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`request ${id} never reached ${what}; last state ${String(last.state)}`);
}

const openTask = (r: Body) => r.openTask as { id: string; kind: string } | null;

async function download(who: string, url: string) {
  const res = await fetch(`${stack.server.url}${url}`, { headers: { authorization: `Bearer ${tok[who]}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const bytesOf = async (b: Blob) => Buffer.from(await b.arrayBuffer());

async function counts() {
  const { RequestDocument, Attachment } = stack.server.db.models;
  return { documents: await RequestDocument.count(), files: await Attachment.count({ where: { purpose: 'request-document' } }) };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-reqdocs-'));
  sim = await startPspSimulator({ psp: 'a', port: 0, dataDir: path.join(dataDir, 'a'), settings: { verdictDelayMs: 200 } });
  stack = await startStack({ PSP_A_URL: sim.url });
  Object.assign(
    tok,
    await stack.signIn([
      ['kartabl', 'auditor'],
      ['agent-alpha', 'alpha-admin'],
      ['agent-alpha', 'alpha-user'],
      ['agent-alpha', 'alpha-user2'],
      ['agent-beta', 'beta-admin'],
    ]),
  );
  await seedDemoPsps(stack.server.db, {
    pspAUrl: sim.url,
    pspBUrl: sim.url,
    credentialsKey: stack.server.config.realms.credentialsKey,
  });
});

afterAll(async () => {
  await stack?.stop();
  await sim?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('documents of a draft', () => {
  let id = '';
  let docId = '';
  const file = png(1234, 5);

  test('the author attaches a typed document; it is listed, downloaded byte for byte and shown in the request', async () => {
    id = await draft();
    const up = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('id-card', file) });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({
      typeCode: 'id-card',
      typeName: { fa: 'کارت ملی / شناسنامه', en: 'National ID card / birth certificate' },
      fileName: 'کارت-ملی.png',
      contentType: 'image/png',
      size: 1234,
      uploadedBy: { displayName: expect.any(String) },
    });
    expect(up.body.createdAt).toMatch(/Z$/);
    docId = up.body.id;

    const list = await ok('alpha-user', 'GET', `/api/requests/${id}/documents`);
    expect(list.items).toEqual([up.body]);

    const got = await download('alpha-user', `/api/requests/${id}/documents/${docId}/file`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('کارت-ملی.png')}`);
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.bytes.equals(await bytesOf(file))).toBe(true);

    const detail = await ok('alpha-user', 'GET', `/api/requests/${id}`);
    expect(detail.documents).toEqual([up.body]);

    const stored = await stack.server.db.models.Attachment.findOne({ where: { refId: id } });
    expect(stored).toMatchObject({ purpose: 'request-document', size: 1234 });
  });

  test('a bad type, a missing or foreign file and a type for legal persons are refused with the field', async () => {
    const before = await counts();
    const unknown = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('passport') });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('VALIDATION_FAILED');
    expect(unknown.body.error.fields[0]).toMatchObject({ field: 'typeCode', code: 'unknown_type' });
    expect(unknown.body.error.fields[0].message.en).toContain('id-card');
    expect(unknown.body.error.fields[0].message.fa).toMatch(/[\u0600-\u06FF]/);

    const none = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form(null, null) });
    expect(none.status).toBe(400);
    expect(none.body.error.fields.map((f: { field: string; code: string }) => `${f.field}:${f.code}`)).toEqual([
      'typeCode:required',
      'file:required',
    ]);

    const html = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, {
      raw: form('lease', new Blob(['<b>x</b>'], { type: 'text/html' }), 'x.html'),
    });
    expect(html.status).toBe(400);
    expect(html.body.error.fields[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });

    // The merchant of this install is a natural person: a gazette is for legal persons only.
    const gazette = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('gazette') });
    expect(gazette.status).toBe(400);
    expect(gazette.body.error.fields[0]).toMatchObject({ field: 'typeCode', code: 'legal_only' });
    expect(await counts()).toEqual(before);
  });

  test('a file above ATTACHMENT_MAX_BYTES is refused with 413 PAYLOAD_TOO_LARGE and nothing is stored', async () => {
    const before = await counts();
    const big = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('lease', png(150_000)) });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(big.body.error.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect(await counts()).toEqual(before);
  });

  test("another agency's user gets 404 on every document route and nothing changes", async () => {
    const before = await counts();
    const calls: [string, string, { raw?: FormData }?][] = [
      ['GET', `/api/requests/${id}/documents`],
      ['POST', `/api/requests/${id}/documents`, { raw: form('lease') }],
      ['GET', `/api/requests/${id}/documents/${docId}/file`],
      ['DELETE', `/api/requests/${id}/documents/${docId}`],
    ];
    for (const [method, url, opts] of calls) {
      const res = await call('beta-admin', method, url, opts ?? {});
      expect(`${method} ${url} → ${res.status}`).toBe(`${method} ${url} → 404`);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect(await counts()).toEqual(before);
  });

  test('a colleague of the author may not change the draft’s documents (as they may not edit it)', async () => {
    const res = await call('alpha-user2', 'POST', `/api/requests/${id}/documents`, { raw: form('lease') });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('NOT_SUBMITTER');
    expect(res.body.error.message.fa).toMatch(/[\u0600-\u06FF]/);
    expect((await call('alpha-admin', 'DELETE', `/api/requests/${id}/documents/${docId}`)).status).toBe(403);
  });

  test('the auditor lists and downloads the documents', async () => {
    const list = await ok('auditor', 'GET', `/api/requests/${id}/documents`);
    expect(list.items.map((d: { id: string }) => d.id)).toEqual([docId]);
    const got = await download('auditor', `/api/requests/${id}/documents/${docId}/file`);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(await bytesOf(file))).toBe(true);
  });

  test('a document is removed with its file; both changes are in the audit trail', async () => {
    const second = await ok(
      'alpha-user',
      'POST',
      `/api/requests/${id}/documents`,
      { raw: form('lease', png(99, 9), 'lease.png') },
      201,
    );
    const attachmentId = (await stack.server.db.models.RequestDocument.findByPk(second.id))!.attachmentId;
    const removed = await call('alpha-user', 'DELETE', `/api/requests/${id}/documents/${second.id}`);
    expect(removed.status).toBe(204);
    expect((await ok('alpha-user', 'GET', `/api/requests/${id}/documents`)).items.map((d: { id: string }) => d.id)).toEqual([
      docId,
    ]);
    expect(await stack.server.db.models.Attachment.findByPk(attachmentId)).toBeNull();
    const again = await call('alpha-user', 'DELETE', `/api/requests/${id}/documents/${second.id}`);
    expect(again.status).toBe(404);
    const gone = await call('alpha-user', 'GET', `/api/requests/${id}/documents/${second.id}/file`);
    expect(gone.status).toBe(404);

    const audit = await stack.server.db.models.Audit.findAll({ where: { entityId: second.id }, order: [['seq', 'ASC']] });
    expect(audit.map((a) => `${a.entityType}:${a.action}`)).toEqual(['request-document:create', 'request-document:delete']);
    expect(JSON.parse(audit[0].afterJson!)).toMatchObject({ requestId: id, typeCode: 'lease', fileName: 'lease.png', size: 99 });
    expect(JSON.parse(audit[1].beforeJson!)).toMatchObject({ requestId: id, typeCode: 'lease' });
    expect((await ok('auditor', 'GET', '/api/audit/verify')).ok).toBe(true);
  });

  test('once submitted, documents are refused with 409 DOCUMENTS_LOCKED and still shown', async () => {
    await ok('alpha-user', 'POST', `/api/requests/${id}/submit`, { body: {} });
    const r = await waitFor(id, (x) => openTask(x)?.kind === 'review', 'review');
    expect(r.documents).toEqual([expect.objectContaining({ id: docId })]);
    const up = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('lease') });
    expect(up.status).toBe(409);
    expect(up.body.error.code).toBe('DOCUMENTS_LOCKED');
    expect(up.body.error.message.fa).toMatch(/پیش‌نویس/);
    expect(up.body.error.message.en).toContain('returned for correction');
    const del = await call('alpha-user', 'DELETE', `/api/requests/${id}/documents/${docId}`);
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('DOCUMENTS_LOCKED');
  });

  test('returned for correction, the submitter (or a colleague who may resubmit) attaches more; after resubmission it is locked again', async () => {
    const review = await waitFor(id, (x) => openTask(x)?.kind === 'review', 'review');
    await ok('alpha-admin', 'POST', `/api/requests/${id}/actions`, {
      body: { action: 'return', taskId: openTask(review)!.id, reason: 'کپی جواز کسب را پیوست کنید' },
    });
    const back = await waitFor(id, (x) => openTask(x)?.kind === 'correction', 'correction');
    expect(back.state).toBe('returned');
    const licence = await ok('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('business-licence') }, 201);
    expect(licence.typeName.en).toBe('Business licence');
    const byColleague = await call('alpha-user2', 'POST', `/api/requests/${id}/documents`, { raw: form('lease') });
    expect(byColleague.status).toBe(201);
    expect((await call('alpha-user2', 'DELETE', `/api/requests/${id}/documents/${byColleague.body.id}`)).status).toBe(204);
    // Another agency still sees nothing.
    expect((await call('beta-admin', 'POST', `/api/requests/${id}/documents`, { raw: form('lease') })).status).toBe(404);

    const { merchantId, shopId, accountId, deviceModel } = back.payload as Record<string, string>;
    await ok('alpha-user', 'POST', `/api/requests/${id}/actions`, {
      body: { action: 'resubmit', taskId: openTask(back)!.id, payload: { merchantId, shopId, accountId, deviceModel } },
    });
    const resubmitted = await waitFor(id, (x) => openTask(x)?.kind === 'review', 'review again');
    expect((resubmitted.documents as { id: string }[]).map((d) => d.id)).toEqual([docId, licence.id]);
    const late = await call('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('lease') });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('DOCUMENTS_LOCKED');
    // Clean up: the request is cancelled by its submitter.
    await ok('alpha-user', 'POST', `/api/requests/${id}/actions`, {
      body: { action: 'cancel', taskId: openTask(resubmitted)!.id, reason: 'آزمون' },
    });
  });
});

describe('a draft deleted with its documents', () => {
  test('the documents and their files go with it, in the audit of the deletion', async () => {
    const id = await draft();
    const before = await counts();
    await ok('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('id-card') }, 201);
    await ok('alpha-user', 'POST', `/api/requests/${id}/documents`, { raw: form('lease') }, 201);
    expect(await counts()).toEqual({ documents: before.documents + 2, files: before.files + 2 });
    await ok('alpha-user', 'DELETE', `/api/requests/${id}`);
    expect(await counts()).toEqual(before);
    expect((await call('alpha-user', 'GET', `/api/requests/${id}/documents`)).status).toBe(404);
    const audit = await stack.server.db.models.Audit.findOne({ where: { entityId: id, action: 'delete' } });
    expect(JSON.parse(audit!.beforeJson!).documents.map((d: { typeCode: string }) => d.typeCode)).toEqual(['id-card', 'lease']);
  });

  test('the OpenAPI document describes the document routes with their schemas', async () => {
    const doc = (await stack.call('GET', '/api/openapi.json')).body;
    expect(doc.paths['/api/requests/{id}/documents'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(doc.paths['/api/requests/{id}/documents'].get).toBeDefined();
    expect(doc.paths['/api/requests/{id}/documents/{docId}/file'].get).toBeDefined();
    expect(doc.paths['/api/requests/{id}/documents/{docId}'].delete).toBeDefined();
    expect(doc.components.schemas.RequestDocument.required).toEqual(expect.arrayContaining(['typeCode', 'typeName', 'fileName']));
  });
});
