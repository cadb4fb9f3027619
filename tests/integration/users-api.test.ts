import { randomUUID } from 'node:crypto';
import { KeycloakAdmin, getPasswordToken, getRealmUser, setRealmUserPassword } from '../../infra/keycloak/provision';
import { PASSWORD, startStack, type Stack } from './harness';

/** Users of an agent (R-USERS) through the real API and the agent's Keycloak realm. */
let stack: Stack;
let kc: KeycloakAdmin;
let alphaAdmin: string;
let betaAdmin: string;
let alphaUser2: string;
let alphaId: string;

const run = randomUUID().replace(/-/g, '').slice(0, 8);
const username = `u${run}`;
let userId: string;
let userToken: string;

beforeAll(async () => {
  stack = await startStack();
  kc = stack.keycloakAdmin();
  [alphaAdmin, betaAdmin, alphaUser2] = await Promise.all([
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-beta', 'beta-admin'),
    stack.token('agent-alpha', 'alpha-user2'),
  ]);
  alphaId = await stack.agentId('alpha');
});

afterAll(async () => {
  await stack?.stop();
});

const kcUser = async () => {
  const id = (await stack.server.db.models.User.findByPk(userId))!.subject;
  return (await getRealmUser(kc, 'agent-alpha', id))!;
};

describe('creating users', () => {
  test('when an agent admin creates a user, then it exists in the realm with a temporary password and in Kartabl', async () => {
    const res = await stack.call('POST', '/api/users', {
      token: alphaAdmin,
      body: {
        username: username.toUpperCase(),
        firstName: 'کاوه',
        lastName: 'آهنگر',
        email: `${username}@alpha.example.com`,
        mobile: '+989121234567',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username, mobile: '09121234567', active: true, agent: { id: alphaId } });
    expect(res.body.temporaryPassword).toHaveLength(16);
    userId = res.body.user.id;
    expect((await kcUser()).requiredActions).toEqual(['UPDATE_PASSWORD']);
    const row = await stack.server.db.models.User.findByPk(userId);
    expect(row).toMatchObject({ issuer: `${stack.keycloakUrl}/realms/agent-alpha`, rolesSeeded: true });
    const audit = await stack.server.db.models.Audit.findOne({
      where: { entityType: 'user', entityId: userId, action: 'create' },
    });
    expect(audit?.scopeAgentId).toBe(alphaId);
    expect(audit?.afterJson).not.toContain(res.body.temporaryPassword);
  });

  test('when the username is taken or the mobile is wrong, then the field is named', async () => {
    const taken = await stack.call('POST', '/api/users', {
      token: alphaAdmin,
      body: { username, firstName: 'الف', lastName: 'ب' },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields[0]).toMatchObject({ field: 'username', code: 'username_taken' });
    const bad = await stack.call('POST', '/api/users', {
      token: alphaAdmin,
      body: { username: `${username}b`, firstName: 'الف', lastName: 'ب', mobile: '0212345' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].field).toBe('mobile');
    expect(bad.body.error.fields[0].message.fa).toMatch(/[\u0600-\u06FF]/);
  });

  test('when a plain agent user tries, then 403', async () => {
    const res = await stack.call('POST', '/api/users', {
      token: alphaUser2,
      body: { username: `${username}c`, firstName: 'a', lastName: 'b' },
    });
    expect(res.status).toBe(403);
  });
});

describe('the user page', () => {
  test("when the creator's page is opened, then it shows their agent, roles, tickets and the users they created", async () => {
    const me = await stack.call('GET', '/api/me', { token: alphaAdmin });
    const page = await stack.call('GET', `/api/users/${me.body.user.id}`, { token: alphaAdmin });
    expect(page.status).toBe(200);
    expect(page.body.agent.code).toBe('alpha');
    expect(page.body.roles.map((r: { code: string }) => r.code)).toContain('agent-admin');
    expect(page.body.createdUsers).toEqual([expect.objectContaining({ id: userId, username })]);
    expect(page.body).toMatchObject({ requests: [], devices: [], documents: [] });

    const t = await stack.call('POST', '/api/tickets', {
      token: alphaUser2,
      body: { categoryCode: 'technical', subject: 'دستگاه روشن نمی‌شود', body: 'از صبح دستگاه روشن نمی‌شود.' },
    });
    expect(t.status).toBe(201);
    const me2 = await stack.call('GET', '/api/me', { token: alphaUser2 });
    const page2 = await stack.call('GET', `/api/users/${me2.body.user.id}`, { token: alphaAdmin });
    expect(page2.body.tickets).toEqual([expect.objectContaining({ id: t.body.id, subject: 'دستگاه روشن نمی‌شود' })]);
  });

  test('when users are listed, then only the subtree is shown and search works', async () => {
    const list = await stack.call('GET', `/api/users?q=${username}`, { token: alphaAdmin });
    expect(list.body.items.map((u: { id: string }) => u.id)).toEqual([userId]);
    const beta = await stack.call('GET', `/api/users?q=${username}`, { token: betaAdmin });
    expect(beta.body.items).toEqual([]);
    const foreign = await stack.call('GET', `/api/users?agentId=${alphaId}`, { token: betaAdmin });
    expect(foreign.status).toBe(404);
  });

  test("when a sibling agent uses the user's id on any route, then 404", async () => {
    for (const [method, url, body] of [
      ['GET', `/api/users/${userId}`, undefined],
      ['PATCH', `/api/users/${userId}`, { firstName: 'x' }],
      ['POST', `/api/users/${userId}/disable`, {}],
      ['POST', `/api/users/${userId}/enable`, {}],
      ['POST', `/api/users/${userId}/reset-password`, {}],
    ] as const) {
      const res = await stack.call(method, url, { token: betaAdmin, body });
      expect([url, res.status]).toEqual([url, 404]);
    }
  });
});

describe('editing, disabling and resetting', () => {
  test('when names change, then Keycloak has them too', async () => {
    const res = await stack.call('PATCH', `/api/users/${userId}`, { token: alphaAdmin, body: { lastName: 'آهنگران' } });
    expect(res.status).toBe(200);
    expect(res.body.displayName).toBe('کاوه آهنگران');
    expect((await kcUser()).lastName).toBe('آهنگران');
  });

  test('when a user is disabled, then their current token is refused at once; enabling restores it', async () => {
    const kcId = (await stack.server.db.models.User.findByPk(userId))!.subject;
    await setRealmUserPassword(kc, 'agent-alpha', kcId, PASSWORD, false);
    await kc.call('PUT', `/agent-alpha/users/${kcId}`, { ...(await kcUser()), requiredActions: [] });
    userToken = await getPasswordToken({
      keycloakUrl: stack.keycloakUrl,
      realm: 'agent-alpha',
      clientId: 'kartabl-cli',
      username,
      password: PASSWORD,
    });
    expect((await stack.call('GET', '/api/me', { token: userToken })).status).toBe(200);

    const off = await stack.call('POST', `/api/users/${userId}/disable`, { token: alphaAdmin, body: {} });
    expect(off.body.active).toBe(false);
    const refused = await stack.call('GET', '/api/me', { token: userToken });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'USER_DISABLED']);
    expect((await kcUser()).enabled).toBe(false);

    const on = await stack.call('POST', `/api/users/${userId}/enable`, { token: alphaAdmin, body: {} });
    expect(on.body.active).toBe(true);
    expect((await stack.call('GET', '/api/me', { token: userToken })).status).toBe(200);
    expect((await kcUser()).enabled).toBe(true);
    const types = (await stack.server.db.models.SystemEvent.findAll()).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  test('when the admin disables themself, then it is refused', async () => {
    const me = await stack.call('GET', '/api/me', { token: alphaAdmin });
    const res = await stack.call('POST', `/api/users/${me.body.user.id}/disable`, { token: alphaAdmin, body: {} });
    expect(res.body.error.code).toBe('USER_IS_SELF');
  });

  test('when the password is reset, then a new temporary password is returned once and must be changed', async () => {
    const res = await stack.call('POST', `/api/users/${userId}/reset-password`, { token: alphaAdmin, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toHaveLength(16);
    expect((await kcUser()).requiredActions).toEqual(['UPDATE_PASSWORD']);
    const audit = await stack.server.db.models.Audit.findAll({ where: { entityId: userId }, raw: true });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'disable', 'enable', 'reset-password']),
    );
    expect(JSON.stringify(audit)).not.toContain(res.body.temporaryPassword);
  });
});
