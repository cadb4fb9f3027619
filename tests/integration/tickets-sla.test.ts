import { startStack, type Stack } from './harness';

/** Durable timers through the real stack: a short first-response SLA and a short quiet period. */
let stack: Stack;
let user: string;
let supporter: string;
let supervisor: string;

beforeAll(async () => {
  stack = await startStack({ TICKET_FIRST_RESPONSE_SLA: '2s', TICKET_AUTO_CLOSE_AFTER: '3s', TICKET_RATING_WINDOW: '1h' });
  [user, supporter, supervisor] = await Promise.all([
    stack.token('agent-alpha', 'alpha-user'),
    stack.token('kartabl', 'supporter'),
    stack.token('kartabl', 'supervisor'),
  ]);
});

afterAll(async () => {
  await stack?.stop();
});

const body = {
  categoryCode: 'settlement',
  subject: 'تسویهٔ دیروز انجام نشده',
  body: 'مبلغ تراکنش‌های دیروز به حساب واریز نشده است.',
};

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('when nobody answers in time, then the supervisor finds the ticket among escalations with the breach on its timeline', async () => {
  const t = (await stack.call('POST', '/api/tickets', { token: user, body })).body;
  expect(t.escalated).toBe(false);
  const escalations = await eventually(
    async () => (await stack.call('GET', '/api/tickets?view=inbox&escalated=true', { token: supervisor })).body,
    (b) => b.items.some((x: { id: string }) => x.id === t.id),
  );
  expect(escalations.items.map((x: { id: string }) => x.id)).toContain(t.id);
  const detail = (await stack.call('GET', `/api/tickets/${t.id}`, { token: supervisor })).body;
  expect(detail.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'sla_breached', 'escalated']);
  expect(detail.timeline[2].data).toEqual({ toRole: 'support-supervisor' });
});

test('when the requester stays quiet after an answer, then the ticket closes itself and can still be rated', async () => {
  const t = (await stack.call('POST', '/api/tickets', { token: user, body })).body;
  await stack.call('POST', `/api/tickets/${t.id}/messages`, { token: supporter, body: { body: 'واریز امروز انجام شد.' } });
  const closed = await eventually(
    async () => (await stack.call('GET', `/api/tickets/${t.id}`, { token: user })).body,
    (b) => b.state === 'closed',
  );
  expect(closed.state).toBe('closed');
  expect(closed.timeline.at(-1)).toEqual(expect.objectContaining({ type: 'closed', actor: null, data: { reason: 'auto' } }));
  expect(closed.allowedActions).toEqual(['rate']);
  const rated = await stack.call('POST', `/api/tickets/${t.id}/rating`, { token: user, body: { score: 3 } });
  expect(rated.body.rating).toEqual({ score: 3, comment: null });
});
