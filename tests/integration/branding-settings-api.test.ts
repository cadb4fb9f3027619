import { startStack, type Stack } from './harness';

/**
 * White label (R-BRAND) and system settings (R-SYSTEM) through the real API and Keycloak tokens:
 * branding get/put with contrast checks, logo, domains, public lookup by host; allowed IP ranges
 * enforced (403 IP_NOT_ALLOWED + event) and lifted again; service switches.
 */
let stack: Stack;
let brokerAdmin: string;
let alphaAdmin: string;
let betaAdmin: string;
let alphaId: string;
let betaId: string;
let brokerId: string;

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  stack = await startStack();
  [brokerAdmin, alphaAdmin, betaAdmin] = await Promise.all([
    stack.token('kartabl', 'broker-admin'),
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-beta', 'beta-admin'),
  ]);
  // One after the other: concurrent first requests of new users can fail on SQLite (see the report).
  alphaId = await stack.agentOf(alphaAdmin);
  betaId = await stack.agentOf(betaAdmin);
  brokerId = await stack.agentOf(brokerAdmin);
});

afterAll(async () => {
  await stack?.stop();
});

const logoForm = (data: Buffer | string, type: string, name: string) => {
  const form = new FormData();
  form.append('file', new Blob([data], { type }), name);
  return form;
};

describe('branding', () => {
  test('when an agent admin sets its title and colours, then the public lookup by its domain returns them, and the change is audited', async () => {
    const put = await stack.call('PUT', `/api/agents/${alphaId}/branding`, {
      token: alphaAdmin,
      body: { titleFa: 'کارتابل آلفا', titleEn: 'Alpha Desk', primaryColor: '#1D4ED8', accentColor: '#111827' },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ titleFa: 'کارتابل آلفا', primaryColor: '#1d4ed8', warnings: [] });
    expect(put.body.contrast.primaryColor.verdict).toBe('good');

    const domain = await stack.call('POST', `/api/agents/${alphaId}/branding/domains`, {
      token: brokerAdmin,
      body: { domain: 'Alpha.Kartabl.IR' },
    });
    expect(domain.status).toBe(201);
    expect(domain.body.domains).toContain('alpha.kartabl.ir');
    const taken = await stack.call('POST', `/api/agents/${betaId}/branding/domains`, {
      token: brokerAdmin,
      body: { domain: 'alpha.kartabl.ir' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('DOMAIN_TAKEN');
    const invalid = await stack.call('POST', `/api/agents/${betaId}/branding/domains`, {
      token: brokerAdmin,
      body: { domain: 'not a domain' },
    });
    expect(invalid.body.error.fields[0]).toMatchObject({ field: 'domain', code: 'invalid_domain' });

    const byHost = await stack.call('GET', '/api/public/branding?host=alpha.kartabl.ir:4200');
    expect(byHost.status).toBe(200);
    expect(byHost.body).toEqual({
      agentCode: 'alpha',
      realm: 'agent-alpha',
      titleFa: 'کارتابل آلفا',
      titleEn: 'Alpha Desk',
      primaryColor: '#1d4ed8',
      accentColor: '#111827',
      logoUrl: null,
      matchedBy: 'host',
    });
    const byCode = await stack.call('GET', '/api/public/branding?agent=alpha');
    expect(byCode.body.matchedBy).toBe('agent');
    const unknown = await stack.call('GET', '/api/public/branding?host=localhost');
    expect(unknown.body).toMatchObject({ agentCode: 'broker', matchedBy: 'default', titleEn: 'Kartabl' });

    const audit = await stack.call('GET', `/api/audit?entityType=branding&entityId=${alphaId}`, { token: brokerAdmin });
    expect(audit.body.items[0].after).toMatchObject({ titleEn: 'Alpha Desk', primaryColor: '#1d4ed8' });
    expect(audit.body.items[0].actor.agentId).toBe(alphaId);
  });

  test('when a colour is unreadable under white text, then it is refused with the field named; a weak one is saved with a warning', async () => {
    const bad = await stack.call('PUT', `/api/agents/${betaId}/branding`, {
      token: betaAdmin,
      body: { primaryColor: '#ffee00', accentColor: 'blue-ish' },
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code]);
    expect(fields).toEqual([['accentColor', 'invalid_colour']]);
    const pale = await stack.call('PUT', `/api/agents/${betaId}/branding`, {
      token: betaAdmin,
      body: { primaryColor: '#ffee00' },
    });
    expect(pale.status).toBe(400);
    expect(pale.body.error.fields[0]).toMatchObject({ field: 'primaryColor', code: 'low_contrast' });
    expect(pale.body.error.fields[0].message.fa).toContain('خوانا');
    const weak = await stack.call('PUT', `/api/agents/${betaId}/branding`, {
      token: betaAdmin,
      body: { primaryColor: '#3b82f6' },
    });
    expect(weak.status).toBe(200);
    expect(weak.body.warnings).toEqual([expect.objectContaining({ field: 'primaryColor', code: 'weak_contrast' })]);
  });

  test('when a logo is uploaded, then it is served publicly and the login stylesheet of the realm carries title, colours and logo', async () => {
    const svgBad = await stack.call('POST', `/api/agents/${alphaId}/branding/logo`, {
      token: alphaAdmin,
      raw: logoForm('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml', 'x.svg'),
    });
    expect(svgBad.status).toBe(400);
    expect(svgBad.body.error.fields[0].code).toBe('unsafe_svg');
    const pdf = await stack.call('POST', `/api/agents/${alphaId}/branding/logo`, {
      token: alphaAdmin,
      raw: logoForm('%PDF', 'application/pdf', 'x.pdf'),
    });
    expect(pdf.body.error.fields[0].code).toBe('unsupported_type');
    const big = await stack.call('POST', `/api/agents/${alphaId}/branding/logo`, {
      token: alphaAdmin,
      raw: logoForm(Buffer.alloc(300 * 1024, 1), 'image/png', 'big.png'),
    });
    expect(big.status).toBe(413);

    const up = await stack.call('POST', `/api/agents/${alphaId}/branding/logo`, {
      token: alphaAdmin,
      raw: logoForm(PNG, 'image/png', 'logo.png'),
    });
    expect(up.status).toBe(200);
    expect(up.body.logoUrl).toMatch(/^\/api\/public\/branding\/logo\/alpha\?v=/);
    const img = await fetch(`${stack.server.url}/api/public/branding/logo/alpha`);
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await img.arrayBuffer()).equals(PNG)).toBe(true);

    const css = await stack.call('GET', '/api/public/branding/realm/agent-alpha/login.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.body).toContain('content: "کارتابل آلفا"');
    expect(css.body).toContain('content: "Alpha Desk"');
    expect(css.body).toContain('--pf-v5-global--primary-color--100: #1d4ed8');
    expect(css.body).toContain('../../logo/alpha?v=');
    const unknown = await stack.call('GET', '/api/public/branding/realm/rogue/login.css');
    expect(unknown.body).not.toContain('content:');
  });

  test("when an agent touches a sibling's branding, then every route answers 404; without branding.manage, 403", async () => {
    expect((await stack.call('GET', `/api/agents/${alphaId}/branding`, { token: betaAdmin })).status).toBe(404);
    expect(
      (await stack.call('PUT', `/api/agents/${alphaId}/branding`, { token: betaAdmin, body: { titleFa: 'ربودن' } })).status,
    ).toBe(404);
    expect(
      (
        await stack.call('POST', `/api/agents/${alphaId}/branding/logo`, {
          token: betaAdmin,
          raw: logoForm(PNG, 'image/png', 'l.png'),
        })
      ).status,
    ).toBe(404);
    expect((await stack.call('DELETE', `/api/agents/${alphaId}/branding/logo`, { token: betaAdmin })).status).toBe(404);
    expect(
      (
        await stack.call('POST', `/api/agents/${alphaId}/branding/domains`, {
          token: betaAdmin,
          body: { domain: 'b.example.ir' },
        })
      ).status,
    ).toBe(404);
    expect(
      (await stack.call('DELETE', `/api/agents/${alphaId}/branding/domains/alpha.kartabl.ir`, { token: betaAdmin })).status,
    ).toBe(404);
    expect((await stack.call('GET', `/api/agents/${brokerId}/branding`, { token: alphaAdmin })).status).toBe(404);
    const alphaUser = await stack.token('agent-alpha', 'alpha-user');
    expect((await stack.call('GET', `/api/agents/${alphaId}/branding`, { token: alphaUser })).status).toBe(403);
  });
});

describe('system settings', () => {
  test('when an agent admin asks for settings, then it is refused (broker only)', async () => {
    expect((await stack.call('GET', '/api/settings/ip-ranges', { token: alphaAdmin })).status).toBe(403);
    expect((await stack.call('PUT', '/api/settings/services', { token: alphaAdmin, body: { items: [] } })).status).toBe(403);
  });

  test('when ranges are invalid, then each bad entry is named by index; a global list that locks the caller out needs force', async () => {
    const bad = await stack.call('PUT', '/api/settings/ip-ranges/global', {
      token: brokerAdmin,
      body: { ranges: ['10.0.0.0/8', '300.1.1.1', '10.0.0.0/33', 'fd00::/8'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { field: string; code: string }) => [f.field, f.code])).toEqual([
      ['ranges.1', 'invalid_range'],
      ['ranges.2', 'invalid_range'],
    ]);
    const locked = await stack.call('PUT', '/api/settings/ip-ranges/global', {
      token: brokerAdmin,
      body: { ranges: ['10.0.0.0/8'] },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.code).toBe('IP_LOCKOUT');
    expect(locked.body.error.message.en).toContain('127.0.0.1');
  });

  test('when an agent is limited to 10.0.0.0/8, then its calls from elsewhere get 403 IP_NOT_ALLOWED and an event, and pass again once the range is widened', async () => {
    const set = await stack.call('PUT', `/api/settings/ip-ranges/agents/${alphaId}`, {
      token: brokerAdmin,
      body: { ranges: ['10.0.0.0/8', ' 10.0.0.0/8 '] },
    });
    expect(set.status).toBe(200);
    expect(set.body.ranges).toEqual(['10.0.0.0/8']);

    const refused = await stack.call('GET', '/api/me', { token: alphaAdmin });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('IP_NOT_ALLOWED');
    expect(refused.body.error.message.fa).toContain('127.0.0.1');
    // A client inside the range, behind the loopback proxy.
    const inside = await stack.call('GET', '/api/me', { token: alphaAdmin, headers: { 'x-forwarded-for': '10.1.2.3' } });
    expect(inside.status).toBe(200);
    // Beta is not limited.
    expect((await stack.call('GET', '/api/me', { token: betaAdmin })).status).toBe(200);

    const events = await stack.call('GET', '/api/events?type=access.ip-blocked', { token: brokerAdmin });
    expect(events.body.items[0]).toMatchObject({
      type: 'access.ip-blocked',
      code: 'IP_NOT_ALLOWED',
      status: 403,
      agentId: alphaId,
    });

    const listed = await stack.call('GET', '/api/settings/ip-ranges', { token: brokerAdmin });
    expect(listed.body.agents).toEqual([
      { agent: expect.objectContaining({ id: alphaId, code: 'alpha' }), ranges: ['10.0.0.0/8'] },
    ]);
    expect(listed.body.yourIp).toContain('127.0.0.1');

    await stack.call('PUT', `/api/settings/ip-ranges/agents/${alphaId}`, {
      token: brokerAdmin,
      body: { ranges: ['10.0.0.0/8', '127.0.0.0/8'] },
    });
    expect((await stack.call('GET', '/api/me', { token: alphaAdmin })).status).toBe(200);

    // The global list applies to everyone, the broker included.
    const global = await stack.call('PUT', '/api/settings/ip-ranges/global', {
      token: brokerAdmin,
      body: { ranges: ['192.168.0.0/16'], force: true },
    });
    expect(global.status).toBe(200);
    expect((await stack.call('GET', '/api/me', { token: betaAdmin })).status).toBe(403);
    const fromLan = { 'x-forwarded-for': '192.168.5.5' };
    const cleared = await stack.call('PUT', '/api/settings/ip-ranges/global', {
      token: brokerAdmin,
      headers: fromLan,
      body: { ranges: [] },
    });
    expect(cleared.status).toBe(200);
    expect((await stack.call('GET', '/api/me', { token: betaAdmin })).status).toBe(200);

    const audit = await stack.call('GET', '/api/audit?entityType=setting', { token: brokerAdmin });
    expect(audit.body.items[0]).toMatchObject({ entityId: 'global/ipRanges', after: { ranges: [] } });
    expect(audit.body.items[0].actor.ip).toBe('192.168.5.5');
    await stack.call('PUT', `/api/settings/ip-ranges/agents/${alphaId}`, { token: brokerAdmin, body: { ranges: [] } });
  });

  test('when a service is switched off, then it reads as off and the change is audited; unknown keys are refused', async () => {
    const initial = await stack.call('GET', '/api/settings/services', { token: brokerAdmin });
    expect(initial.body.items.find((s: { key: string }) => s.key === 'online-purchase')).toMatchObject({ enabled: true });
    const off = await stack.call('PUT', '/api/settings/services', {
      token: brokerAdmin,
      body: {
        items: [
          { key: 'online-purchase', enabled: false },
          { key: 'psp:sep', enabled: false },
        ],
      },
    });
    expect(off.status).toBe(200);
    const byKey = Object.fromEntries(off.body.items.map((s: { key: string; enabled: boolean }) => [s.key, s.enabled]));
    expect(byKey).toMatchObject({ 'online-purchase': false, 'psp:sep': false, tickets: true });
    const { isServiceEnabled } = await import('../../db/repositories/settings');
    expect(await isServiceEnabled(stack.server.db, 'online-purchase')).toBe(false);
    expect(await isServiceEnabled(stack.server.db, 'psp:pec')).toBe(true);

    const bad = await stack.call('PUT', '/api/settings/services', {
      token: brokerAdmin,
      body: {
        items: [
          { key: 'online-purchase', enabled: true },
          { key: 'coffee', enabled: false },
        ],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0]).toMatchObject({ field: 'items.1.key', code: 'unknown_service' });

    const on = await stack.call('PUT', '/api/settings/services', {
      token: brokerAdmin,
      body: { items: [{ key: 'online-purchase', enabled: true }] },
    });
    expect(on.body.items.find((s: { key: string }) => s.key === 'online-purchase').enabled).toBe(true);
    const audit = await stack.call('GET', '/api/audit?entityType=setting&entityId=global/services', { token: brokerAdmin });
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[1]).toMatchObject({ before: {}, after: { 'online-purchase': false, 'psp:sep': false } });
  });
});
