import { startStack, type Stack } from './harness';

/**
 * The ticket story and its guards through the real API, Keycloak tokens of several realms,
 * the Temporal dev server and the database named by DB_DIALECT.
 */
let stack: Stack;
let alphaUser: string;
let alphaUser2: string;
let alphaAdmin: string;
let betaUser: string;
let supporter: string;
let supervisor: string;
let auditor: string;

beforeAll(async () => {
  stack = await startStack();
  [alphaUser, alphaUser2, alphaAdmin, betaUser, supporter, supervisor, auditor] = await Promise.all([
    stack.token('agent-alpha', 'alpha-user'),
    stack.token('agent-alpha', 'alpha-user2'),
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-beta', 'beta-user'),
    stack.token('kartabl', 'supporter'),
    stack.token('kartabl', 'supervisor'),
    stack.token('kartabl', 'auditor'),
  ]);
});

afterAll(async () => {
  await stack?.stop();
});

const newTicket = (over: Record<string, unknown> = {}) => ({
  categoryCode: 'technical',
  subject: 'کارتخوان پایانه ۱۲ روشن نمی‌شود',
  body: 'از صبح امروز دستگاه روشن نمی‌شود و تراکنشی انجام نمی‌دهد.',
  ...over,
});

async function openTicket(token = alphaUser, over: Record<string, unknown> = {}) {
  const res = await stack.call('POST', '/api/tickets', { token, body: newTicket(over) });
  expect(res.status).toBe(201);
  return res.body;
}

describe('public endpoints', () => {
  test('when the health, OpenAPI and docs are asked for, then they answer without a token', async () => {
    expect((await stack.call('GET', '/api/health')).body).toEqual({ status: 'ok' });
    const doc = await stack.call('GET', '/api/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/tickets', '/api/tickets/{id}/messages', '/api/me']),
    );
    expect(doc.body.components.schemas.CreateTicket.required).toEqual(
      expect.arrayContaining(['categoryCode', 'subject', 'body']),
    );
    const docs = await stack.call('GET', '/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.body).toContain('swagger-ui');
  });

  test('when the login chooser lists organisations, then it shows the active agents', async () => {
    const res = await stack.call('GET', '/api/public/agents');
    expect(res.body.items.map((a: { realm: string }) => a.realm)).toEqual(['kartabl', 'agent-alpha', 'agent-beta']);
  });
});

describe('token verification', () => {
  test('when no token is sent, then 401 AUTH_REQUIRED in both languages', async () => {
    const res = await stack.call('GET', '/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_REQUIRED');
    expect(res.body.error.message.fa).toMatch(/وارد شوید/);
    expect(res.body.error.message.en).toMatch(/sign in/);
  });

  test('when a token comes from a realm that is not an agent, then it is refused as an unknown issuer', async () => {
    const rogue = await stack.token('rogue', 'rogue-admin');
    const res = await stack.call('GET', '/api/tickets?view=all', { token: rogue });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_UNKNOWN_ISSUER');
  });

  test('when a token was issued for another audience, then it is refused', async () => {
    const other = await stack.token('agent-alpha', 'alpha-user', 'other-app');
    const res = await stack.call('GET', '/api/me', { token: other });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_INVALID_TOKEN');
    expect(res.body.error.message.en).toMatch(/aud/);
  });

  test('when a token has expired, then it is refused as expired', async () => {
    const short = await stack.token('agent-alpha', 'alpha-user', 'kartabl-cli-short');
    expect((await stack.call('GET', '/api/me', { token: short })).status).toBe(200);
    const exp = JSON.parse(Buffer.from(short.split('.')[1], 'base64url').toString()).exp as number;
    await new Promise((r) => setTimeout(r, Math.max(0, exp * 1000 - Date.now()) + 1500));
    const res = await stack.call('GET', '/api/me', { token: short });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  test('when a token is tampered with or unsigned, then it is refused', async () => {
    const [h, p, s] = alphaUser.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    payload.realm_access = { roles: ['agent-admin'] };
    const forged = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    expect((await stack.call('GET', '/api/me', { token: forged })).body.error.code).toBe('AUTH_INVALID_TOKEN');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
    expect((await stack.call('GET', '/api/me', { token: none })).body.error.code).toBe('AUTH_INVALID_TOKEN');
    expect((await stack.call('GET', '/api/me', { headers: { authorization: 'Basic abc' } })).body.error.code).toBe(
      'AUTH_INVALID_TOKEN',
    );
  });

  test('when a user signs in, then /me names them by issuer + subject with their agent, permissions and menu', async () => {
    const me = (await stack.call('GET', '/api/me', { token: alphaUser })).body;
    expect(me.user.issuer).toBe(`${stack.keycloakUrl}/realms/agent-alpha`);
    expect(me.user.username).toBe('alpha-user');
    expect(me.agent.code).toBe('alpha');
    expect(me.menu.map((m: { key: string }) => m.key)).toEqual([
      'tickets.mine',
      'tickets.new',
      'requests.inbox',
      'requests.new',
      'requests.list',
      'terminals.list',
      'merchants.list',
      'merchants.new',
    ]);
    const sup = (await stack.call('GET', '/api/me', { token: supporter })).body;
    expect(sup.agent.isBroker).toBe(true);
    expect(sup.menu.map((m: { key: string }) => m.key)).toEqual(['support.inbox', 'tickets.all', 'docs.api']);
    const boss = (await stack.call('GET', '/api/me', { token: supervisor })).body;
    expect(boss.menu.map((m: { key: string }) => m.key)).toContain('support.escalations');
  });
});

describe('the support-ticket story', () => {
  test('when a user opens a ticket with an attachment and support answers, then both see the conversation and timeline through to the rating', async () => {
    // Upload an attachment, then open the ticket with it.
    const form = new FormData();
    form.append('file', new Blob(['گزارش خطا: E-42'], { type: 'text/plain' }), 'گزارش.txt');
    const up = await stack.call('POST', '/api/attachments', { token: alphaUser, raw: form });
    expect(up.status).toBe(201);
    expect(up.body.fileName).toBe('گزارش.txt');

    const created = await openTicket(alphaUser, { attachmentIds: [up.body.id], priority: 'high' });
    expect(created.state).toBe('open');
    expect(created.number).toMatch(/^TK-\d{4}-\d{6}$/);
    expect(created.agent.code).toBe('alpha');
    expect(created.messages[0].attachments[0].id).toBe(up.body.id);
    expect(created.allowedActions).toEqual(['reply', 'close']);

    const mine = (await stack.call('GET', '/api/tickets?view=mine', { token: alphaUser })).body;
    expect(mine.items.map((t: { id: string }) => t.id)).toContain(created.id);

    // The supporter finds it in the inbox, claims and answers.
    const inbox = (await stack.call('GET', '/api/tickets?view=inbox&assigned=unassigned', { token: supporter })).body;
    expect(inbox.items.map((t: { id: string }) => t.id)).toContain(created.id);
    expect(inbox.counts.open).toBeGreaterThanOrEqual(1);
    const seenBySupport = (await stack.call('GET', `/api/tickets/${created.id}`, { token: supporter })).body;
    expect(seenBySupport.allowedActions).toEqual(['claim', 'answer']);
    const file = await stack.call('GET', `/api/attachments/${up.body.id}`, { token: supporter });
    expect(file.status).toBe(200);
    expect(file.body).toBe('گزارش خطا: E-42');

    const claimed = (await stack.call('POST', `/api/tickets/${created.id}/claim`, { token: supporter, body: {} })).body;
    expect(claimed.assignee.displayName).toBe('علی محمدی');
    const answered = await stack.call('POST', `/api/tickets/${created.id}/messages`, {
      token: supporter,
      body: { body: 'لطفاً دستگاه را یک بار خاموش و روشن کنید.' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('answered');

    // The user sees the answer, replies; support answers again; the user closes and rates.
    const seen = (await stack.call('GET', `/api/tickets/${created.id}`, { token: alphaUser })).body;
    expect(seen.messages.map((m: { author: { side: string } }) => m.author.side)).toEqual(['requester', 'support']);
    expect(seen.allowedActions).toEqual(['reply', 'close']);
    const replied = (
      await stack.call('POST', `/api/tickets/${created.id}/messages`, {
        token: alphaUser,
        body: { body: 'انجام دادم ولی درست نشد.' },
      })
    ).body;
    expect(replied.state).toBe('waiting_for_support');
    await stack.call('POST', `/api/tickets/${created.id}/messages`, {
      token: supporter,
      body: { body: 'دستگاه جایگزین فرستاده شد.' },
    });
    const closed = (await stack.call('POST', `/api/tickets/${created.id}/close`, { token: alphaUser, body: {} })).body;
    expect(closed.state).toBe('closed');
    expect(closed.allowedActions).toEqual(['rate']);
    const rated = (
      await stack.call('POST', `/api/tickets/${created.id}/rating`, { token: alphaUser, body: { score: 4, comment: 'سریع بود' } })
    ).body;
    expect(rated.rating).toEqual({ score: 4, comment: 'سریع بود' });

    // The auditor reads the whole timeline.
    const audited = (await stack.call('GET', `/api/tickets/${created.id}`, { token: auditor })).body;
    expect(audited.timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'claimed',
      'answered',
      'replied',
      'answered',
      'closed',
      'rated',
    ]);
    expect(audited.timeline[1].actor.displayName).toBe('علی محمدی');
    expect(audited.allowedActions).toEqual([]);
    const closedList = (await stack.call('GET', '/api/tickets?view=all&state=closed', { token: auditor })).body;
    expect(closedList.items.map((t: { id: string }) => t.id)).toContain(created.id);
  });

  test('when a creation is repeated with the same Idempotency-Key, then there is one ticket', async () => {
    const headers = { 'idempotency-key': `it-${Date.now()}-abcdef` };
    const first = await stack.call('POST', '/api/tickets', { token: alphaUser2, body: newTicket(), headers });
    const second = await stack.call('POST', '/api/tickets', { token: alphaUser2, body: newTicket(), headers });
    expect(first.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.number).toBe(first.body.number);
    const mine = (await stack.call('GET', '/api/tickets?view=mine', { token: alphaUser2 })).body;
    expect(mine.items.filter((t: { id: string }) => t.id === first.body.id)).toHaveLength(1);
  });
});

describe('scope and permissions', () => {
  test('when a user of agent B reads or acts on a ticket of agent A, then it does not exist for them', async () => {
    const form = new FormData();
    form.append('file', new Blob(['%PDF-1.4 secret'], { type: 'application/pdf' }), 'contract.pdf');
    const up = (await stack.call('POST', '/api/attachments', { token: alphaUser, raw: form })).body;
    const t = await openTicket(alphaUser, { attachmentIds: [up.id] });

    for (const [method, url, body] of [
      ['GET', `/api/tickets/${t.id}`, undefined],
      ['POST', `/api/tickets/${t.id}/messages`, { body: 'دخالت از نمایندگی دیگر' }],
      ['POST', `/api/tickets/${t.id}/close`, {}],
      ['GET', `/api/attachments/${up.id}`, undefined],
    ] as const) {
      const res = await stack.call(method, url, { token: betaUser, body });
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    const theirs = (await stack.call('GET', '/api/tickets?view=mine', { token: betaUser })).body;
    expect(theirs.items.map((x: { id: string }) => x.id)).not.toContain(t.id);

    // Another user of the same agent sees only their own; the agent's admin sees the agent's.
    expect((await stack.call('GET', `/api/tickets/${t.id}`, { token: alphaUser2 })).status).toBe(404);
    expect((await stack.call('GET', `/api/tickets/${t.id}`, { token: alphaAdmin })).status).toBe(200);
    const agentView = (await stack.call('GET', '/api/tickets?view=agent', { token: alphaAdmin })).body;
    expect(agentView.items.every((x: { agent: { code: string } }) => x.agent.code === 'alpha')).toBe(true);
  });

  test('when people call routes outside their permissions, then 403 FORBIDDEN', async () => {
    expect((await stack.call('POST', '/api/tickets', { token: supporter, body: newTicket() })).body.error.code).toBe('FORBIDDEN');
    expect((await stack.call('GET', '/api/tickets?view=inbox', { token: alphaUser })).status).toBe(403);
    expect((await stack.call('GET', '/api/tickets?view=agent', { token: alphaUser })).status).toBe(403);
    const t = await openTicket();
    expect((await stack.call('POST', `/api/tickets/${t.id}/claim`, { token: alphaUser, body: {} })).status).toBe(403);
    expect((await stack.call('POST', `/api/tickets/${t.id}/claim`, { token: auditor, body: {} })).status).toBe(403);
  });

  test('when an action does not fit the ticket state, then 409 with the rule book code in both languages', async () => {
    const t = await openTicket();
    const res = await stack.call('POST', `/api/tickets/${t.id}/rating`, { token: alphaUser, body: { score: 5 } });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: 'TICKET_NOT_CLOSED',
      message: { fa: 'تنها تیکت بسته‌شده را می‌توان امتیاز داد.', en: 'Only a closed ticket can be rated.' },
    });
    const bySupport = await stack.call('POST', `/api/tickets/${t.id}/close`, { token: supervisor, body: {} });
    expect(bySupport.status).toBe(403);
    expect(bySupport.body.error.code).toBe('FORBIDDEN');
  });
});

describe('input validation', () => {
  test('when a ticket is submitted with bad fields, then 400 lists each field with a code and Persian and English reasons', async () => {
    const res = await stack.call('POST', '/api/tickets', {
      token: alphaUser,
      body: { categoryCode: 'technical', subject: 'abc', body: '', priority: 'urgent', extra: 1 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(res.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code]));
    expect(byField).toEqual({ subject: 'too_short', body: 'required', priority: 'invalid_value', extra: 'unknown_field' });
    for (const f of res.body.error.fields) {
      expect(f.message.fa).toMatch(/[\u0600-\u06FF]/);
      expect(f.message.en).toMatch(/[a-z]/i);
    }
  });

  test('when the category does not exist or an attachment is foreign, then the field says so and nothing is created', async () => {
    const before = (await stack.call('GET', '/api/tickets?view=mine', { token: alphaUser2 })).body.total;
    const res = await stack.call('POST', '/api/tickets', { token: alphaUser2, body: newTicket({ categoryCode: 'nope' }) });
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'categoryCode', code: 'unknown_category' })]);
    const form = new FormData();
    form.append('file', new Blob(['x'], { type: 'text/plain' }), 'a.txt');
    const foreign = (await stack.call('POST', '/api/attachments', { token: alphaUser, raw: form })).body;
    const res2 = await stack.call('POST', '/api/tickets', {
      token: alphaUser2,
      body: newTicket({ attachmentIds: [foreign.id] }),
    });
    expect(res2.body.error.fields).toEqual([expect.objectContaining({ field: 'attachmentIds', code: 'attachment_not_found' })]);
    expect((await stack.call('GET', '/api/tickets?view=mine', { token: alphaUser2 })).body.total).toBe(before);
  });

  test('when the body is not JSON, the id is not a UUID, or the route is unknown, then clear 4xx errors', async () => {
    const res = await stack.call('POST', '/api/tickets', {
      token: alphaUser,
      raw: '{"subject": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_JSON');
    const bad = await stack.call('GET', '/api/tickets/123', { token: alphaUser });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('id');
    expect((await stack.call('GET', '/api/nothing-here', { token: alphaUser })).body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  test('when Persian digits and Arabic letters are typed, then they are stored normalised', async () => {
    const t = await openTicket(alphaUser, { subject: 'پايانه ۱۲۳ كار نمي‌كند' });
    expect(t.subject).toBe('پایانه 123 کار نمی‌کند');
  });

  test('when an upload is of a refused type or too large, then it is rejected with the reason', async () => {
    const exe = new FormData();
    exe.append('file', new Blob(['MZ'], { type: 'application/x-msdownload' }), 'a.exe');
    const res = await stack.call('POST', '/api/attachments', { token: alphaUser, raw: exe });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].code).toBe('unsupported_type');
    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(200_000)], { type: 'application/pdf' }), 'big.pdf');
    const res2 = await stack.call('POST', '/api/attachments', { token: alphaUser, raw: big });
    expect(res2.status).toBe(413);
    expect(res2.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
