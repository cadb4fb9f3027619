import { randomUUID } from 'node:crypto';
import {
  KeycloakAdmin,
  findRealmUser,
  getPasswordToken,
  getRealmUser,
  setRealmUserPassword,
} from '../../infra/keycloak/provision';
import { PASSWORD, startStack, type Stack } from './harness';

/**
 * Agents and their realms (R-REALM) through the real API, Keycloak admin API and Temporal worker.
 * The shared Keycloak keeps realms between runs, so every run uses a fresh agent code.
 */
let stack: Stack;
let kc: KeycloakAdmin;
let broker: string;
let alphaAdmin: string;
let betaAdmin: string;
let alphaId: string;
let brokerId: string;

const run = randomUUID().replace(/-/g, '').slice(0, 8);
const code = `it${run}`;
const realm = `agent-${code}`;
const domain = `${code}.example.ir`;
const SECRET = `Psp-Secret-${run}`;

const legal = (over: Record<string, unknown> = {}) => ({
  entityType: 'legal',
  legalName: 'شرکت آزمون پرداخت',
  legalId: '10380284790',
  economicCode: '411111111111',
  registrationNo: '12345',
  address: 'تهران، خیابان آزادی، پلاک ۱',
  postalCode: '1193653471',
  phone: '02112345678',
  ...over,
});

const newAgent = (over: Record<string, unknown> = {}) => ({
  code,
  nameFa: 'نمایندگی آزمون',
  nameEn: 'Test agency',
  legal: legal(),
  contacts: [{ name: 'مینا پاکزاد', role: 'مدیر عامل', mobile: '09121234567', email: 'mina@example.ir' }],
  domains: [domain.toUpperCase()],
  firstAdmin: { username: `${code}-admin`, firstName: 'مینا', lastName: 'پاکزاد', email: `admin@${domain}` },
  ...over,
});

async function waitForStatus(id: string, status: string, token = broker): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const res = await stack.call('GET', `/api/agents/${id}`, { token });
    if (res.body.status === status) return res.body;
    if (Date.now() > deadline) throw new Error(`agent ${id} is ${res.body.status} (${res.body.provisionError}), not ${status}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

interface ClientRep {
  id: string;
  clientId: string;
  redirectUris: string[];
  protocolMappers?: { protocolMapper: string; config?: Record<string, string> }[];
}

let agentId: string;
let adminToken: string;

beforeAll(async () => {
  stack = await startStack();
  kc = stack.keycloakAdmin();
  [broker, alphaAdmin, betaAdmin] = await Promise.all([
    stack.token('kartabl', 'broker-admin'),
    stack.token('agent-alpha', 'alpha-admin'),
    stack.token('agent-beta', 'beta-admin'),
  ]);
  const { Agent } = stack.server.db.models;
  alphaId = await stack.agentId('alpha');
  brokerId = (await Agent.findOne({ where: { isBroker: true } }))!.id;
});

afterAll(async () => {
  await stack?.stop();
});

describe('creating an agent provisions its realm', () => {
  test('when the broker creates an agent, then it is stored as provisioning and becomes active with a complete realm', async () => {
    const res = await stack.call('POST', '/api/agents', { token: broker, body: newAgent() });
    expect(res.status).toBe(201);
    expect(res.body.agent).toMatchObject({ code, realm, status: 'provisioning', parentId: brokerId, domains: [domain] });
    expect(res.body.firstAdminPassword).toMatch(/^.{16}$/);
    agentId = res.body.agent.id;

    const active = await waitForStatus(agentId, 'active');
    expect(active).toMatchObject({ provisionError: null, issuer: `${stack.keycloakUrl}/realms/${realm}` });

    const rep = await kc.call<{ enabled: boolean }>('GET', `/${realm}`);
    expect(rep?.enabled).toBe(true);
    const roles = (await kc.list<{ name: string }>(`/${realm}/roles`)).map((r) => r.name);
    expect(roles).toEqual(expect.arrayContaining(['agent-admin', 'agent-user']));
    const [portal] = await kc.list<ClientRep>(`/${realm}/clients?clientId=kartabl-portal`);
    expect(portal.redirectUris).toEqual(expect.arrayContaining([`https://${domain}/*`, 'http://localhost:4200/*']));
    const mappers = await kc.list<{ protocolMapper: string; config: Record<string, string> }>(
      `/${realm}/clients/${portal.id}/protocol-mappers/models`,
    );
    expect(mappers.some((m) => m.config['included.custom.audience'] === 'kartabl-api')).toBe(true);
    const admin = await findRealmUser(kc, realm, `${code}-admin`);
    expect(admin?.requiredActions).toEqual(['UPDATE_PASSWORD']);
    const adminRoles = (await kc.list<{ name: string }>(`/${realm}/users/${admin!.id}/role-mappings/realm`)).map((r) => r.name);
    expect(adminRoles).toContain('agent-admin');
  });

  test('when the first admin has set their password, then the API accepts their token without a restart', async () => {
    const admin = await findRealmUser(kc, realm, `${code}-admin`);
    // What the person does at first login (UPDATE_PASSWORD), done through the admin API here.
    await setRealmUserPassword(kc, realm, admin!.id, PASSWORD, false);
    await kc.call('PUT', `/${realm}/users/${admin!.id}`, { ...(await getRealmUser(kc, realm, admin!.id)), requiredActions: [] });
    adminToken = await getPasswordToken({
      keycloakUrl: stack.keycloakUrl,
      realm,
      clientId: 'kartabl-cli',
      username: `${code}-admin`,
      password: PASSWORD,
    });
    const me = await stack.call('GET', '/api/me', { token: adminToken });
    expect(me.status).toBe(200);
    expect(me.body.agent.code).toBe(code);
    expect(me.body.roles).toContain('agent-admin');
    expect(me.body.permissions).toEqual(expect.arrayContaining(['agents.read', 'users.create']));
    // Their own agent is the root of what they see.
    const list = await stack.call('GET', '/api/agents', { token: adminToken });
    expect(list.body.items).toEqual([expect.objectContaining({ id: agentId, parentId: null })]);
  });

  test('when an agent is created, then the change is audited against that agent and events are recorded', async () => {
    const { Audit, SystemEvent } = stack.server.db.models;
    const created = await Audit.findOne({ where: { entityType: 'agent', entityId: agentId, action: 'create' } });
    expect(created?.scopeAgentId).toBe(agentId);
    const provisioned = await Audit.findOne({ where: { entityType: 'agent', entityId: agentId, action: 'provisioned' } });
    expect(provisioned).not.toBeNull();
    const types = (await SystemEvent.findAll({ where: { agentId } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['agent.provisioning.started', 'agent.provisioning.done']));
  });
});

describe('validation', () => {
  test('when the legal ID, postal code or a contact mobile is wrong, then 400 names each field in fa and en', async () => {
    const res = await stack.call('POST', '/api/agents', {
      token: broker,
      body: newAgent({
        code: `${code}x`,
        legal: legal({ legalId: '10380284791', postalCode: '12345' }),
        contacts: [{ name: 'کسی', mobile: '0912' }],
      }),
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries(res.body.error.fields.map((f: { field: string }) => [f.field, f]));
    for (const f of ['legal.legalId', 'legal.postalCode', 'contacts.0.mobile']) {
      expect(fields[f]).toBeDefined();
      expect(fields[f].message.fa).toMatch(/[\u0600-\u06FF]/);
      expect(fields[f].message.en).toMatch(/[a-z]/);
    }
  });

  test('when a natural-person agent has no national code, then the field is required', async () => {
    const res = await stack.call('POST', '/api/agents', {
      token: broker,
      body: newAgent({ code: `${code}n`, legal: legal({ entityType: 'natural', legalId: undefined }) }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ field: 'legal.nationalCode', code: 'required' })]);
  });

  test('when the domain or code is taken, then 409 names the field', async () => {
    const dom = await stack.call('POST', '/api/agents', {
      token: broker,
      body: newAgent({ code: `${code}d`, domains: ['other.example.ir', domain] }),
    });
    expect(dom.status).toBe(409);
    expect(dom.body.error.code).toBe('DOMAIN_TAKEN');
    expect(dom.body.error.fields).toEqual([expect.objectContaining({ field: 'domains.1', code: 'domain_taken' })]);
    const dup = await stack.call('POST', '/api/agents', { token: broker, body: newAgent({ domains: [] }) });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields[0].field).toBe('code');
  });
});

describe('PSP credentials', () => {
  test('when credentials are stored, then no response and no audit row ever contains them', async () => {
    const put = await stack.call('PUT', `/api/agents/${agentId}/psps/psp-a`, {
      token: broker,
      body: { direct: true, credentials: { username: 'sep-user', password: SECRET, terminalId: '998877' } },
    });
    expect(put.status).toBe(200);
    expect(put.body.psps).toEqual([
      { pspCode: 'psp-a', direct: true, credentials: { stored: true, setAt: expect.any(String), setBy: expect.any(String) } },
    ]);
    const get = await stack.call('GET', `/api/agents/${agentId}`, { token: broker });
    for (const body of [put.body, get.body]) {
      expect(JSON.stringify(body)).not.toContain(SECRET);
      expect(JSON.stringify(body)).not.toContain('sep-user');
    }
    const { Audit, AgentPsp } = stack.server.db.models;
    const rows = await Audit.findAll({ raw: true });
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const audit = await stack.call('GET', `/api/audit?entityType=agent-psp`, { token: broker });
    expect(JSON.stringify(audit.body)).not.toContain(SECRET);
    const stored = await AgentPsp.findOne({ where: { agentId, pspCode: 'psp-a' } });
    expect(stored?.sealedCredentials).toMatch(/^v1\./);
    expect(stored?.sealedCredentials).not.toContain(SECRET);

    // Only the direct flag changes; the credentials stay.
    const flag = await stack.call('PUT', `/api/agents/${agentId}/psps/psp-a`, { token: broker, body: { direct: false } });
    expect(flag.body.psps[0]).toMatchObject({ direct: false, credentials: { stored: true } });
  });

  test('when the PSP is not an active base-data PSP, then 400 names pspCode; a switched-off PSP may still be configured', async () => {
    const unknown = await stack.call('PUT', `/api/agents/${agentId}/psps/sep`, { token: broker, body: { direct: true } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([
      {
        field: 'pspCode',
        code: 'not_in_basedata',
        message: {
          fa: '«sep» در «شرکت‌های پرداخت (PSP)» اطلاعات پایه تعریف نشده یا غیرفعال است.',
          en: '"sep" is not an active item of payment service providers in base data.',
        },
      },
    ]);
    const retired = await stack.call('POST', '/api/basedata/psp', {
      token: broker,
      body: { code: 'psp-old', nameFa: 'پرداخت قدیم', nameEn: 'Old PSP', active: false, attributes: { protocol: 'rest' } },
    });
    expect(retired.status).toBe(201);
    const inactive = await stack.call('PUT', `/api/agents/${agentId}/psps/psp-old`, { token: broker, body: { direct: true } });
    expect(inactive.body.error.fields[0]).toMatchObject({ field: 'pspCode', code: 'not_in_basedata' });

    const off = await stack.call('PUT', '/api/settings/services', {
      token: broker,
      body: { items: [{ key: 'psp:psp-b', enabled: false }] },
    });
    expect(off.status).toBe(200);
    const configured = await stack.call('PUT', `/api/agents/${agentId}/psps/psp-b`, { token: broker, body: { direct: false } });
    expect(configured.status).toBe(200);
    expect(configured.body.psps.map((p: { pspCode: string }) => p.pspCode)).toEqual(['psp-a', 'psp-b']);
    await stack.call('PUT', '/api/settings/services', { token: broker, body: { items: [{ key: 'psp:psp-b', enabled: true }] } });
  });

  test('when an agent admin without agents.credentials tries, then 403', async () => {
    const res = await stack.call('PUT', `/api/agents/${agentId}/psps/psp-a`, { token: adminToken, body: { direct: true } });
    expect(res.status).toBe(403);
  });
});

describe('subtree scope', () => {
  test("when a sibling agent uses the agent's id on any route, then 404", async () => {
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/agents/${agentId}`],
      ['PATCH', `/api/agents/${agentId}`, { nameEn: 'x' }],
      ['POST', `/api/agents/${agentId}/suspend`, {}],
      ['POST', `/api/agents/${agentId}/activate`, {}],
      ['POST', `/api/agents/${agentId}/move`, { parentId: alphaId }],
      ['POST', `/api/agents/${agentId}/provision`, {}],
    ];
    for (const [method, url, body] of calls) {
      const res = await stack.call(method, url, { token: betaAdmin, body });
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    // beta-admin lacks agents.credentials (403 before scope); alpha-admin's view of beta is also 404.
    const { User } = stack.server.db.models;
    const betaId = await stack.agentId('beta');
    expect((await stack.call('GET', `/api/agents/${betaId}`, { token: alphaAdmin })).status).toBe(404);
    const created = await stack.call('POST', '/api/agents', {
      token: alphaAdmin,
      body: newAgent({ code: `${code}s`, parentId: betaId, domains: [] }),
    });
    expect(created.status).toBe(404);
    const firstAdmin = await User.findOne({ where: { username: `${code}-admin` } });
    for (const [method, url] of [
      ['GET', `/api/users/${firstAdmin!.id}`],
      ['PATCH', `/api/users/${firstAdmin!.id}`],
      ['POST', `/api/users/${firstAdmin!.id}/disable`],
      ['POST', `/api/users/${firstAdmin!.id}/enable`],
      ['POST', `/api/users/${firstAdmin!.id}/reset-password`],
    ]) {
      const res = await stack.call(method, url, { token: betaAdmin, body: method === 'GET' ? undefined : {} });
      expect([url, res.status]).toEqual([url, 404]);
    }
  });
});

describe('suspension', () => {
  test('when the agent is suspended, then its tokens are refused and its realm is disabled; activating reverses both', async () => {
    const res = await stack.call('POST', `/api/agents/${agentId}/suspend`, { token: broker, body: {} });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('suspended');
    const refused = await stack.call('GET', '/api/me', { token: adminToken });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('AUTH_UNKNOWN_ISSUER');
    expect((await kc.call<{ enabled: boolean }>('GET', `/${realm}`))?.enabled).toBe(false);
    await expect(
      getPasswordToken({
        keycloakUrl: stack.keycloakUrl,
        realm,
        clientId: 'kartabl-cli',
        username: `${code}-admin`,
        password: PASSWORD,
      }),
    ).rejects.toThrow();

    const back = await stack.call('POST', `/api/agents/${agentId}/activate`, { token: broker, body: {} });
    expect(back.body.status).toBe('active');
    expect((await kc.call<{ enabled: boolean }>('GET', `/${realm}`))?.enabled).toBe(true);
    expect((await stack.call('GET', '/api/me', { token: adminToken })).status).toBe(200);
  });

  test('when the broker or your own agent is the target, then suspension is refused', async () => {
    expect((await stack.call('POST', `/api/agents/${brokerId}/suspend`, { token: broker, body: {} })).body.error.code).toBe(
      'AGENT_IS_BROKER',
    );
    const own = await stack.call('POST', `/api/agents/${agentId}/suspend`, { token: adminToken, body: {} });
    expect([own.status, own.body.error.code]).toEqual([400, 'AGENT_IS_OWN']);
  });
});

describe('recovering a half-done provisioning', () => {
  test('when the realm exists but the agent was never marked active, then a retry finishes it without duplicates', async () => {
    const { Agent, User } = stack.server.db.models;
    // The state a crash leaves: realm created, portal client missing, agent still provisioning.
    await Agent.update({ status: 'provisioning', active: false }, { where: { id: agentId } });
    const [portal] = await kc.list<ClientRep>(`/${realm}/clients?clientId=kartabl-portal`);
    await kc.call('DELETE', `/${realm}/clients/${portal.id}`);

    const retry = await stack.call('POST', `/api/agents/${agentId}/provision`, { token: broker, body: {} });
    expect(retry.status).toBe(202);
    await waitForStatus(agentId, 'active');
    expect(await kc.list(`/${realm}/clients?clientId=kartabl-portal`)).toHaveLength(1);
    const admins = await kc.list<{ username: string }>(`/${realm}/users?username=${code}-admin&exact=true`);
    expect(admins).toHaveLength(1);
    expect(await User.count({ where: { username: `${code}-admin` } })).toBe(1);
    // A second retry changes nothing.
    await stack.call('POST', `/api/agents/${agentId}/provision`, { token: broker, body: {} });
    await waitForStatus(agentId, 'active');
    expect(await kc.list(`/${realm}/clients?clientId=kartabl-portal`)).toHaveLength(1);
  });
});

describe('editing and moving', () => {
  test('when domains change, then the portal client follows them', async () => {
    const res = await stack.call('PATCH', `/api/agents/${agentId}`, {
      token: broker,
      body: { domains: [domain, `panel.${domain}`], contacts: [] },
    });
    expect(res.status).toBe(200);
    expect(res.body.domains).toEqual([domain, `panel.${domain}`]);
    expect(res.body.contacts).toEqual([]);
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [portal] = await kc.list<ClientRep>(`/${realm}/clients?clientId=kartabl-portal`);
      if (portal?.redirectUris.includes(`https://panel.${domain}/*`)) break;
      if (Date.now() > deadline) throw new Error('redirect URIs were not updated');
      await new Promise((r) => setTimeout(r, 500));
    }
  });

  test('when the agent moves under alpha, then alpha sees it; cycles, the broker and your own agent are refused', async () => {
    const moved = await stack.call('POST', `/api/agents/${agentId}/move`, { token: broker, body: { parentId: alphaId } });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(alphaId);
    expect((await stack.call('GET', `/api/agents/${agentId}`, { token: alphaAdmin })).status).toBe(200);

    const cycle = await stack.call('POST', `/api/agents/${alphaId}/move`, { token: broker, body: { parentId: agentId } });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.code).toBe('MOVE_CYCLE');
    const brokerMove = await stack.call('POST', `/api/agents/${brokerId}/move`, { token: broker, body: { parentId: alphaId } });
    expect(brokerMove.body.error.code).toBe('AGENT_IS_BROKER');
    const own = await stack.call('POST', `/api/agents/${alphaId}/move`, { token: alphaAdmin, body: { parentId: agentId } });
    expect(own.status).toBe(400);
    // alpha-admin cannot put its sub-agent outside its tree.
    const out = await stack.call('POST', `/api/agents/${agentId}/move`, { token: alphaAdmin, body: { parentId: brokerId } });
    expect(out.status).toBe(404);
  });
});
