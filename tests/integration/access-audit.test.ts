import { PERMISSIONS } from '../../domain/access';
import { startStack, type Stack } from './harness';

/**
 * R-ACCESS and the audit trail through the real API with real Keycloak tokens: grants in the
 * database take effect without a new login, nothing above an agent's ceiling can be granted,
 * other agents' IDs answer 404, every change lands in the hash-chained audit log and a tampered
 * row is found by the verification.
 */
let stack: Stack;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  for (const [realm, user] of [
    ['kartabl', 'broker-admin'],
    ['kartabl', 'auditor'],
    ['agent-alpha', 'alpha-admin'],
    ['agent-alpha', 'alpha-user2'],
    ['agent-beta', 'beta-admin'],
  ]) {
    tok[user] = await stack.token(realm, user);
    const me = await stack.call('GET', '/api/me', { token: tok[user] });
    expect(me.status).toBe(200);
    ids[user] = me.body.user.id;
    ids[`${user}:agent`] = me.body.agent.id;
  }
});

afterAll(async () => {
  await stack?.stop();
});

describe('every route declares who may call it', () => {
  it('when the route table is enumerated, then each route is public by name, or names known permissions', () => {
    // PSPs post verdict callbacks without a user; the body only makes the request poll (never trusted).
    const PUBLIC = new Set(['GET /public/agents', 'GET /health', 'POST /psp-callbacks/:psp']);
    const problems: string[] = [];
    for (const r of stack.server.routes) {
      const name = `${r.method} ${r.path}`;
      if ('public' in r.access) {
        if (!PUBLIC.has(name) && !r.path.startsWith('/public/')) problems.push(`${name} is public`);
      } else if ('anyOf' in r.access) {
        if (!r.access.anyOf.length) problems.push(`${name} names no permission`);
        for (const p of r.access.anyOf) if (!PERMISSIONS.includes(p)) problems.push(`${name} names unknown ${p}`);
      } else if (!('authenticated' in r.access)) {
        problems.push(`${name} declares nothing`);
      }
    }
    expect(problems).toEqual([]);
    expect(stack.server.routes.length).toBeGreaterThan(20);
  });
});

describe('grants, packages, roles and ceilings', () => {
  it('when an agent admin looks at themselves, then they hold agency permissions and never a broker-only one', async () => {
    const me = (await stack.call('GET', '/api/me', { token: tok['alpha-admin'] })).body;
    expect(me.roles).toEqual(['agent-admin']);
    expect(me.permissions).toEqual(expect.arrayContaining(['users.create', 'access.manage', 'tickets.read-agent']));
    for (const p of ['basedata.manage', 'settings.manage', 'tickets.inbox', 'access.ceilings'])
      expect(me.permissions).not.toContain(p);
    const groups = me.menuGroups.map((g: { key: string }) => g.key);
    expect(groups).toContain('support');
    expect(groups).not.toContain('system');
  });

  it('when an agent builds a package above its ceiling, then it is refused naming the permissions, and the refusal is an event', async () => {
    const res = await stack.call('POST', '/api/access/packages', {
      token: tok['alpha-admin'],
      body: { code: 'greedy', nameFa: 'حریص', nameEn: 'Greedy', permissions: ['tickets.create', 'basedata.manage'] },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ABOVE_CEILING');
    expect(res.body.error.fields[0].field).toBe('permissions');
    expect(res.body.error.message.en).toContain('basedata.manage');
    expect(res.body.error.message.fa).toContain('سقف');

    const events = await stack.call('GET', '/api/events?type=access.denied', { token: tok.auditor });
    expect(events.status).toBe(200);
    expect(
      events.body.items.some(
        (e: { code: string; userId: string; path: string }) =>
          e.code === 'ABOVE_CEILING' && e.userId === ids['alpha-admin'] && e.path === '/api/access/packages',
      ),
    ).toBe(true);
  });

  it('when an unknown permission or a bad code is sent, then the field says why', async () => {
    const res = await stack.call('POST', '/api/access/packages', {
      token: tok['alpha-admin'],
      body: { code: 'Bad Code!', nameFa: 'x', nameEn: 'x', permissions: [] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toContain('code');
    const unknown = await stack.call('POST', '/api/access/packages', {
      token: tok['alpha-admin'],
      body: { code: 'odd', nameFa: 'x', nameEn: 'x', permissions: ['tickets.fly'] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields[0].code).toBe('UNKNOWN_PERMISSION');
  });

  it('when an agent admin grants a role of its own, then the user can do more at once with the same token, and less after a revoke', async () => {
    const user = tok['alpha-user2'];
    expect((await stack.call('GET', '/api/tickets?view=agent', { token: user })).status).toBe(403);

    const pkg = await stack.call('POST', '/api/access/packages', {
      token: tok['alpha-admin'],
      body: { code: 'agency-view', nameFa: 'دیدن تیکت‌های نمایندگی', nameEn: 'Agency view', permissions: ['tickets.read-agent'] },
    });
    expect(pkg.status).toBe(201);
    ids.pkg = pkg.body.id;
    const role = await stack.call('POST', '/api/access/roles', {
      token: tok['alpha-admin'],
      body: { code: 'lead', nameFa: 'سرگروه', nameEn: 'Team lead', packageIds: [pkg.body.id] },
    });
    expect(role.status).toBe(201);
    expect(role.body.scope).toBe('own');
    ids.role = role.body.id;

    const before = await stack.call('GET', `/api/users/${ids['alpha-user2']}/roles`, { token: tok['alpha-admin'] });
    expect(before.status).toBe(200);
    const agentUser = before.body.grantable.find((r: { code: string }) => r.code === 'agent-user');
    expect(before.body.grantable.map((r: { code: string }) => r.code)).not.toContain('admin');

    const granted = await stack.call('PUT', `/api/users/${ids['alpha-user2']}/roles`, {
      token: tok['alpha-admin'],
      body: { roleIds: [agentUser.id, ids.role] },
    });
    expect(granted.status).toBe(200);
    expect(granted.body.permissions).toContain('tickets.read-agent');
    expect((await stack.call('GET', '/api/tickets?view=agent', { token: user })).status).toBe(200);

    const revoked = await stack.call('PUT', `/api/users/${ids['alpha-user2']}/roles`, {
      token: tok['alpha-admin'],
      body: { roleIds: [agentUser.id] },
    });
    expect(revoked.status).toBe(200);
    expect((await stack.call('GET', '/api/tickets?view=agent', { token: user })).status).toBe(403);
  });

  it('when an agent tries to grant a broker role, then it is refused', async () => {
    const roles = (await stack.call('GET', '/api/access/roles', { token: tok['broker-admin'] })).body.items;
    const admin = roles.find((r: { code: string }) => r.code === 'admin');
    const res = await stack.call('PUT', `/api/users/${ids['alpha-user2']}/roles`, {
      token: tok['alpha-admin'],
      body: { roleIds: [admin.id] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].code).toBe('ROLE_NOT_GRANTABLE');
  });

  it('when the broker lowers an agent ceiling, then grants above it are refused and permissions above it vanish', async () => {
    const packages = (await stack.call('GET', '/api/access/packages', { token: tok['broker-admin'] })).body.items;
    const byCode = (c: string) => packages.find((p: { code: string }) => p.code === c).id;
    const alphaId = ids['alpha-admin:agent'];
    const lowered = await stack.call('PUT', `/api/agents/${alphaId}/ceiling`, {
      token: tok['broker-admin'],
      body: { packageIds: [byCode('tickets-requester'), byCode('agency-admin'), byCode('merchants')] },
    });
    expect(lowered.status).toBe(200);
    expect(lowered.body.permissions).not.toContain('tickets.read-agent');

    const me = (await stack.call('GET', '/api/me', { token: tok['alpha-admin'] })).body;
    expect(me.permissions).not.toContain('tickets.read-agent');
    const grant = await stack.call('PUT', `/api/users/${ids['alpha-user2']}/roles`, {
      token: tok['alpha-admin'],
      body: { roleIds: [ids.role] },
    });
    expect(grant.status).toBe(403);
    expect(grant.body.error.code).toBe('ABOVE_CEILING');
    expect(grant.body.error.message.en).toContain('tickets.read-agent');

    const agentCannot = await stack.call('PUT', `/api/agents/${alphaId}/ceiling`, {
      token: tok['alpha-admin'],
      body: { packageIds: [byCode('system-admin')] },
    });
    expect(agentCannot.status).toBe(403);

    const restored = await stack.call('PUT', `/api/agents/${alphaId}/ceiling`, {
      token: tok['broker-admin'],
      body: { packageIds: ['tickets-requester', 'tickets-agency', 'agency-admin', 'merchants'].map(byCode) },
    });
    expect(restored.status).toBe(200);
    expect((await stack.call('GET', '/api/me', { token: tok['alpha-admin'] })).body.permissions).toContain('tickets.read-agent');
  });

  it("when another agent names alpha's user, package, role or agent, then it is not found", async () => {
    const beta = tok['beta-admin'];
    const alphaUser = ids['alpha-user2'];
    const cases: [string, string, unknown?][] = [
      ['GET', `/api/users/${alphaUser}/roles`],
      ['PUT', `/api/users/${alphaUser}/roles`, { roleIds: [] }],
      ['GET', `/api/agents/${ids['alpha-admin:agent']}/ceiling`],
      ['PUT', `/api/access/packages/${ids.pkg}`, { nameFa: 'x', nameEn: 'x', permissions: [] }],
      ['DELETE', `/api/access/packages/${ids.pkg}`],
      ['PUT', `/api/access/roles/${ids.role}`, { nameFa: 'x', nameEn: 'x', packageIds: [] }],
      ['DELETE', `/api/access/roles/${ids.role}`],
    ];
    for (const [method, url, body] of cases) {
      const res = await stack.call(method, url, { token: beta, body });
      expect({ method, url, status: res.status }).toEqual({ method, url, status: 404 });
    }
    const roles = (await stack.call('GET', '/api/access/roles', { token: beta })).body.items;
    expect(roles.map((r: { code: string }) => r.code)).not.toContain('lead');
  });
});

describe('module groups build the menu', () => {
  it('when the broker hides a module, then users no longer see it in their menu', async () => {
    const before = (await stack.call('GET', '/api/me', { token: tok['alpha-user2'] })).body;
    expect(before.menu.map((m: { key: string }) => m.key)).toContain('tickets.new');
    const res = await stack.call('PUT', '/api/menu/items/tickets.new', {
      token: tok['broker-admin'],
      body: { groupKey: 'support', icon: 'plus', labelFa: 'تیکت تازه', labelEn: 'New ticket', sortOrder: 5, active: false },
    });
    expect(res.status).toBe(200);
    const after = (await stack.call('GET', '/api/me', { token: tok['alpha-user2'] })).body;
    expect(after.menu.map((m: { key: string }) => m.key)).not.toContain('tickets.new');
    const bad = await stack.call('PUT', '/api/menu/items/tickets.new', {
      token: tok['broker-admin'],
      body: { groupKey: 'nowhere', icon: 'plus', labelFa: 'x', labelEn: 'x', sortOrder: 5, active: true },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('groupKey');
    expect((await stack.call('GET', '/api/menu', { token: tok['alpha-admin'] })).status).toBe(403);
  });
});

describe('the audit trail', () => {
  it('when changes were made, then each is recorded with who, from where, before and after, and the chain verifies', async () => {
    const res = await stack.call('GET', '/api/audit?entityType=user-roles', { token: tok.auditor });
    expect(res.status).toBe(200);
    const entry = res.body.items[0];
    expect(entry.entityId).toBe(ids['alpha-user2']);
    expect(entry.actor.userId).toBe(ids['alpha-admin']);
    expect(entry.actor.issuer).toMatch(/\/realms\/agent-alpha$/);
    expect(entry.actor.subject).toBeTruthy();
    expect(entry.actor.ip).toMatch(/127\.0\.0\.1/);
    expect(entry.before).toHaveProperty('roleIds');
    expect(entry.after).toHaveProperty('roleIds');

    const verify = await stack.call('GET', '/api/audit/verify', { token: tok.auditor });
    expect(verify.status).toBe(200);
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null });
    expect(verify.body.checked).toBeGreaterThanOrEqual(6);
  });

  it('when a ticket changes, then the audit names the person who acted and the state before and after', async () => {
    const opened = await stack.call('POST', '/api/tickets', {
      token: tok['alpha-user2'],
      body: { categoryCode: 'technical', subject: 'کارتخوان روشن نمی‌شود', body: 'دستگاه از صبح روشن نمی‌شود.' },
    });
    expect(opened.status).toBe(201);
    const res = await stack.call('GET', `/api/audit?entityType=ticket&entityId=${opened.body.id}`, { token: tok.auditor });
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      action: 'created',
      scopeAgentId: ids['alpha-user2:agent'],
      actor: { userId: ids['alpha-user2'] },
      before: null,
      after: { state: 'open', number: opened.body.number },
    });
    expect(res.body.items[0].actor.issuer).toMatch(/agent-alpha$/);
  });

  it('when people sign in, then each session is a sign-in event with who and from where', async () => {
    const res = await stack.call('GET', '/api/events?type=auth.login', { token: tok.auditor });
    expect(res.status).toBe(200);
    const logins = res.body.items.filter((e: { userId: string }) => e.userId === ids['alpha-admin']);
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ type: 'auth.login', severity: 'info', agentId: ids['alpha-admin:agent'] });
    expect(logins[0].ip).toMatch(/127\.0\.0\.1/);
    expect(logins[0].details.clientId).toBe('kartabl-cli');
  });

  it('when an agent reads the audit, then it sees only its own subtree (or nothing without the permission)', async () => {
    expect((await stack.call('GET', '/api/audit', { token: tok['alpha-admin'] })).status).toBe(403);
    expect((await stack.call('GET', '/api/events', { token: tok['beta-admin'] })).status).toBe(403);
  });

  it('when someone edits an audit row in the database, then verification names that entry', async () => {
    const { Audit } = stack.server.db.models;
    const rows = await Audit.findAll({ order: [['seq', 'ASC']] });
    const victim = rows[2];
    await Audit.update({ afterJson: '{"roleIds":["forged"]}' }, { where: { seq: victim.seq } });
    const verify = await stack.call('GET', '/api/audit/verify', { token: tok.auditor });
    expect(verify.body.ok).toBe(false);
    expect(verify.body.firstBroken).toEqual({ seq: Number(victim.seq), reason: 'hash-mismatch' });
    await Audit.update({ afterJson: victim.afterJson }, { where: { seq: victim.seq } });

    const last = rows[rows.length - 1];
    await Audit.destroy({ where: { seq: last.seq } });
    const truncated = await stack.call('GET', '/api/audit/verify', { token: tok.auditor });
    expect(truncated.body.ok).toBe(false);
    expect(truncated.body.firstBroken.reason).toBe('head-mismatch');
  });
});
