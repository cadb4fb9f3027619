/**
 * Idempotent Keycloak provisioning through the admin REST API: realms, realm roles, the portal
 * client (+ test clients) and users. Running it again fixes drift and never duplicates anything.
 *
 * CLI: `npx tsx infra/keycloak/provision.ts [--world demo|test] [--url http://localhost:8180]
 *        [--portal-url http://localhost:4200]`
 *      admin credentials from KEYCLOAK_ADMIN_USER / KEYCLOAK_ADMIN_PASSWORD (default admin/admin).
 */

export const API_AUDIENCE = 'kartabl-api';
export const PORTAL_CLIENT_ID = 'kartabl-portal';
export const DEMO_PASSWORD = 'Kartabl@1405';
const AUDIENCE_MAPPER_NAME = 'kartabl-api-audience';

// ---------------------------------------------------------------------------------------------
// Specs

/** What creating realms and users needs (the API and the worker read the same variables). */
export interface RealmProvisioningConfig {
  keycloakUrl: string;
  /** Where the admin API is reached (KEYCLOAK_INTERNAL_URL, else KEYCLOAK_URL). */
  adminUrl: string;
  /** Undefined when KEYCLOAK_ADMIN_USER/KEYCLOAK_ADMIN_PASSWORD are not set: realm work is refused. */
  admin?: { username: string; password: string };
  /** Base64 key; undefined when CREDENTIALS_KEY is not set: secrets cannot be stored. */
  credentialsKey?: string;
  portalUrls: string[];
  testClients: boolean;
}

export interface RoleSpec {
  name: string;
  description?: string;
}

export interface UserSpec {
  username: string;
  password: string;
  email: string;
  firstName: string;
  lastName: string;
  roles: string[];
  /** The user must choose a new password at first login (required action UPDATE_PASSWORD). */
  temporary?: boolean;
  /**
   * Create only: an existing user is left as it is (password, names, enabled) apart from its roles,
   * so re-running provisioning never resets a password a person has already changed.
   */
  createOnly?: boolean;
}

export interface PortalClientSpec {
  redirectUris: string[];
  webOrigins: string[];
}

export interface RealmSpec {
  realm: string;
  displayName: string;
  /** Agent code the realm belongs to (undefined for a realm that is not an agent, e.g. `rogue`). */
  agentCode?: string;
  roles: RoleSpec[];
  /** False while the agent is suspended: nobody can log in to the realm. Default true. */
  enabled?: boolean;
  portal?: PortalClientSpec;
  /** Also provision `kartabl-cli`, `kartabl-cli-short` and `other-app` (tests only). */
  testClients?: boolean;
  users: UserSpec[];
}

export interface WorldSpec {
  realms: RealmSpec[];
}

export const BROKER_ROLES: RoleSpec[] = [
  { name: 'admin', description: 'مدیر سامانه / System administrator' },
  { name: 'supporter', description: 'پشتیبان / Supporter' },
  { name: 'support-supervisor', description: 'سرپرست پشتیبانی / Support supervisor' },
  { name: 'auditor', description: 'ناظر / Auditor (read-only)' },
];

export const AGENT_ROLES: RoleSpec[] = [
  { name: 'agent-admin', description: 'مدیر نمایندگی / Agent administrator' },
  { name: 'agent-user', description: 'کاربر نمایندگی / Agent user' },
];

function user(username: string, domain: string, firstName: string, lastName: string, roles: string[]): UserSpec {
  return { username, password: DEMO_PASSWORD, email: `${username}@${domain}`, firstName, lastName, roles };
}

export const DEFAULT_PORTAL: PortalClientSpec = {
  redirectUris: ['http://localhost:4200/*'],
  webOrigins: ['http://localhost:4200'],
};

/** Tests serve the portal on random ports. */
export const TEST_PORTAL: PortalClientSpec = {
  redirectUris: ['http://localhost:*', 'http://127.0.0.1:*'],
  webOrigins: ['*'],
};

function brokerRealm(portal: PortalClientSpec): RealmSpec {
  const d = 'kartabl.example.com';
  return {
    realm: 'kartabl',
    displayName: 'کارتابل — کارگزار اصلی',
    agentCode: 'broker',
    roles: BROKER_ROLES,
    portal,
    users: [
      user('broker-admin', d, 'سارا', 'رضایی', ['admin']),
      user('supporter', d, 'علی', 'محمدی', ['supporter']),
      user('supervisor', d, 'مریم', 'احمدی', ['support-supervisor']),
      user('auditor', d, 'رضا', 'کریمی', ['auditor']),
    ],
  };
}

function alphaRealm(portal: PortalClientSpec): RealmSpec {
  const d = 'alpha.example.com';
  return {
    realm: 'agent-alpha',
    displayName: 'نمایندگی آلفا',
    agentCode: 'alpha',
    roles: AGENT_ROLES,
    portal,
    users: [user('alpha-admin', d, 'نرگس', 'حسینی', ['agent-admin']), user('alpha-user', d, 'حمید', 'موسوی', ['agent-user'])],
  };
}

/** What `npm start` provisions. */
export function demoWorldFor(portal: PortalClientSpec = DEFAULT_PORTAL): WorldSpec {
  return { realms: [brokerRealm(portal), alphaRealm(portal)] };
}

/** What `npm test` provisions: the demo world plus `agent-beta`, `rogue` and the test clients. */
export function testWorldFor(portal: PortalClientSpec = TEST_PORTAL): WorldSpec {
  const withTestClients = (r: RealmSpec): RealmSpec => ({ ...r, testClients: true });
  const alpha = alphaRealm(portal);
  alpha.users.push(user('alpha-user2', 'alpha.example.com', 'زهرا', 'کاظمی', ['agent-user']));
  const beta: RealmSpec = {
    realm: 'agent-beta',
    displayName: 'نمایندگی بتا',
    agentCode: 'beta',
    roles: AGENT_ROLES,
    portal,
    users: [
      user('beta-admin', 'beta.example.com', 'مهدی', 'نوری', ['agent-admin']),
      user('beta-user', 'beta.example.com', 'لیلا', 'صادقی', ['agent-user']),
    ],
  };
  const rogue: RealmSpec = {
    realm: 'rogue',
    displayName: 'Rogue (not an agent)',
    roles: [...BROKER_ROLES, ...AGENT_ROLES],
    portal,
    users: [user('rogue-admin', 'rogue.example.com', 'Eve', 'Rogue', ['admin', 'supporter', 'agent-admin'])],
  };
  return { realms: [brokerRealm(portal), alpha, beta, rogue].map(withTestClients) };
}

export const demoWorld: WorldSpec = demoWorldFor();
export const testWorld: WorldSpec = testWorldFor();

// ---------------------------------------------------------------------------------------------
// Admin REST client

export interface AdminCredentials {
  keycloakUrl: string;
  username: string;
  password: string;
}

interface TokenResponse {
  access_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

interface Ref {
  id: string;
}

interface ClientRep extends Ref {
  clientId: string;
  [key: string]: unknown;
}

interface RoleRep extends Ref {
  name: string;
  description?: string;
}

interface UserRep extends Ref {
  username: string;
}

interface MapperRep extends Ref {
  name: string;
  protocolMapper: string;
  config?: Record<string, string>;
}

export class KeycloakHttpError extends Error {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    body: string,
  ) {
    super(`Keycloak ${method} ${path} → HTTP ${status}${body ? `: ${body.slice(0, 500)}` : ''}`);
    this.name = 'KeycloakHttpError';
  }
}

async function requestToken(url: string, form: Record<string, string>): Promise<TokenResponse & { status: number }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const json = (await res.json().catch(() => ({}))) as TokenResponse;
  return { ...json, status: res.status };
}

export class KeycloakAdmin {
  private token?: string;
  private tokenExpiresAt = 0;
  readonly baseUrl: string;

  constructor(private readonly creds: AdminCredentials) {
    this.baseUrl = creds.keycloakUrl.replace(/\/+$/, '');
  }

  private async accessToken(): Promise<string> {
    if (this.token && Date.now() < this.tokenExpiresAt) return this.token;
    const res = await requestToken(`${this.baseUrl}/realms/master/protocol/openid-connect/token`, {
      grant_type: 'password',
      client_id: 'admin-cli',
      username: this.creds.username,
      password: this.creds.password,
    });
    if (!res.access_token) {
      throw new Error(
        `Keycloak admin login as ${this.creds.username} failed: HTTP ${res.status} ${res.error ?? ''} ${res.error_description ?? ''}`.trim(),
      );
    }
    this.token = res.access_token;
    // Refresh well before expiry (master's default lifespan is 60 s).
    this.tokenExpiresAt = Date.now() + Math.max(5, (res.expires_in ?? 60) - 15) * 1000;
    return this.token;
  }

  /** Calls the admin API (`path` relative to /admin/realms). Returns parsed JSON or undefined. */
  async call<T>(method: string, path: string, body?: unknown): Promise<T | undefined> {
    const res = await fetch(`${this.baseUrl}/admin/realms${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.accessToken()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new KeycloakHttpError(res.status, method, path, text);
    return text ? (JSON.parse(text) as T) : undefined;
  }

  /** GET that maps 404 to undefined. */
  async find<T>(path: string): Promise<T | undefined> {
    try {
      return await this.call<T>('GET', path);
    } catch (err) {
      if (err instanceof KeycloakHttpError && err.status === 404) return undefined;
      throw err;
    }
  }

  async list<T>(path: string): Promise<T[]> {
    return (await this.call<T[]>('GET', path)) ?? [];
  }
}

// ---------------------------------------------------------------------------------------------
// Provisioning

export type Log = (msg: string) => void;
const defaultLog: Log = (msg) => console.log(`[keycloak] ${msg}`);

export async function provisionWorld(
  admin: KeycloakAdmin | AdminCredentials,
  world: WorldSpec,
  log: Log = defaultLog,
): Promise<void> {
  const client = admin instanceof KeycloakAdmin ? admin : new KeycloakAdmin(admin);
  for (const realm of world.realms) await provisionRealm(client, realm, log);
}

export async function provisionRealm(
  admin: KeycloakAdmin | AdminCredentials,
  spec: RealmSpec,
  log: Log = defaultLog,
): Promise<void> {
  const kc = admin instanceof KeycloakAdmin ? admin : new KeycloakAdmin(admin);
  await ensureRealm(kc, spec, log);
  const roles = await ensureRoles(kc, spec.realm, spec.roles, log);
  for (const client of clientsOf(spec)) await ensureClient(kc, spec.realm, client, log);
  for (const u of spec.users) await ensureUser(kc, spec.realm, u, roles, log);
  log(`realm ${spec.realm}: ${spec.roles.length} roles, ${clientsOf(spec).length} clients, ${spec.users.length} users in place`);
}

async function ensureRealm(kc: KeycloakAdmin, spec: RealmSpec, log: Log): Promise<void> {
  const settings = {
    realm: spec.realm,
    enabled: spec.enabled ?? true,
    displayName: spec.displayName,
    internationalizationEnabled: true,
    supportedLocales: ['fa', 'en'],
    defaultLocale: 'fa',
    // infra/keycloak/themes/kartabl: the agent's branding on the login page (R-BRAND).
    loginTheme: 'kartabl',
    loginWithEmailAllowed: true,
    duplicateEmailsAllowed: false,
  };
  const path = `/${encodeURIComponent(spec.realm)}`;
  if (await kc.find(path)) {
    await kc.call('PUT', path, settings);
  } else {
    await kc.call('POST', '', settings);
    log(`realm ${spec.realm}: created`);
  }
}

/** Creates missing roles, fixes descriptions; returns the realm's roles by name. */
async function ensureRoles(kc: KeycloakAdmin, realm: string, roles: RoleSpec[], log: Log): Promise<Map<string, RoleRep>> {
  const base = `/${encodeURIComponent(realm)}/roles`;
  const existing = new Map((await kc.list<RoleRep>(base)).map((r) => [r.name, r]));
  for (const role of roles) {
    const found = existing.get(role.name);
    const rep = { name: role.name, description: role.description ?? '' };
    if (!found) {
      await kc.call('POST', base, rep);
      log(`realm ${realm}: role ${role.name} created`);
    } else if ((found.description ?? '') !== rep.description) {
      await kc.call('PUT', `${base}/${encodeURIComponent(role.name)}`, rep);
    }
  }
  return new Map((await kc.list<RoleRep>(base)).map((r) => [r.name, r]));
}

interface ClientSpec {
  clientId: string;
  name: string;
  standardFlow: boolean;
  directAccessGrants: boolean;
  redirectUris: string[];
  webOrigins: string[];
  attributes: Record<string, string>;
  audienceMapper: boolean;
}

function clientsOf(spec: RealmSpec): ClientSpec[] {
  const out: ClientSpec[] = [];
  if (spec.portal) {
    out.push({
      clientId: PORTAL_CLIENT_ID,
      name: 'Kartabl portal',
      standardFlow: true,
      directAccessGrants: false,
      redirectUris: spec.portal.redirectUris,
      webOrigins: spec.portal.webOrigins,
      attributes: { 'pkce.code.challenge.method': 'S256', 'post.logout.redirect.uris': '+' },
      audienceMapper: true,
    });
  }
  if (spec.testClients) {
    const cli = (clientId: string, audienceMapper: boolean, attributes: Record<string, string> = {}): ClientSpec => ({
      clientId,
      name: clientId,
      standardFlow: false,
      directAccessGrants: true,
      redirectUris: [],
      webOrigins: [],
      attributes,
      audienceMapper,
    });
    out.push(cli('kartabl-cli', true), cli('kartabl-cli-short', true, { 'access.token.lifespan': '3' }), cli('other-app', false));
  }
  return out;
}

async function ensureClient(kc: KeycloakAdmin, realm: string, spec: ClientSpec, log: Log): Promise<void> {
  const base = `/${encodeURIComponent(realm)}/clients`;
  const rep = {
    clientId: spec.clientId,
    name: spec.name,
    enabled: true,
    protocol: 'openid-connect',
    publicClient: true,
    bearerOnly: false,
    standardFlowEnabled: spec.standardFlow,
    implicitFlowEnabled: false,
    directAccessGrantsEnabled: spec.directAccessGrants,
    serviceAccountsEnabled: false,
    frontchannelLogout: true,
    fullScopeAllowed: true,
    redirectUris: spec.redirectUris,
    webOrigins: spec.webOrigins,
    attributes: spec.attributes,
  };
  let [found] = await kc.list<ClientRep>(`${base}?clientId=${encodeURIComponent(spec.clientId)}`);
  if (found) {
    const attributes = { ...resetAttributes(found), ...spec.attributes };
    await kc.call('PUT', `${base}/${found.id}`, { ...rep, id: found.id, attributes });
  } else {
    await kc.call('POST', base, rep);
    [found] = await kc.list<ClientRep>(`${base}?clientId=${encodeURIComponent(spec.clientId)}`);
    log(`realm ${realm}: client ${spec.clientId} created`);
  }
  if (!found) throw new Error(`client ${spec.clientId} not found after creating it in ${realm}`);
  await ensureAudienceMapper(kc, `${base}/${found.id}/protocol-mappers/models`, spec.audienceMapper);
}

/** Attributes we manage but the spec leaves out are cleared, so a re-run removes drift. */
function resetAttributes(found: ClientRep): Record<string, string> {
  const current = (found.attributes ?? {}) as Record<string, string>;
  const managed = ['pkce.code.challenge.method', 'access.token.lifespan', 'post.logout.redirect.uris'];
  return Object.fromEntries(managed.filter((k) => k in current).map((k) => [k, '']));
}

async function ensureAudienceMapper(kc: KeycloakAdmin, path: string, wanted: boolean): Promise<void> {
  const mappers = await kc.list<MapperRep>(path);
  const audience = mappers.filter(
    (m) =>
      m.protocolMapper === 'oidc-audience-mapper' &&
      (m.name === AUDIENCE_MAPPER_NAME || m.config?.['included.custom.audience'] === API_AUDIENCE),
  );
  const rep = {
    name: AUDIENCE_MAPPER_NAME,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-audience-mapper',
    config: {
      'included.custom.audience': API_AUDIENCE,
      'access.token.claim': 'true',
      'id.token.claim': 'false',
      'introspection.token.claim': 'true',
    },
  };
  const [keep, ...extra] = wanted ? audience : [];
  for (const m of wanted ? extra : audience) await kc.call('DELETE', `${path}/${m.id}`);
  if (!wanted) return;
  if (keep) await kc.call('PUT', `${path}/${keep.id}`, { ...rep, id: keep.id });
  else await kc.call('POST', path, rep);
}

async function ensureUser(
  kc: KeycloakAdmin,
  realm: string,
  spec: UserSpec,
  roles: Map<string, RoleRep>,
  log: Log,
): Promise<void> {
  const base = `/${encodeURIComponent(realm)}/users`;
  const rep = {
    username: spec.username,
    email: spec.email,
    firstName: spec.firstName,
    lastName: spec.lastName,
    enabled: true,
    emailVerified: true,
    requiredActions: spec.temporary ? ['UPDATE_PASSWORD'] : ([] as string[]),
  };
  let [found] = await kc.list<UserRep>(`${base}?username=${encodeURIComponent(spec.username)}&exact=true`);
  if (found && spec.createOnly) {
    await ensureUserRoles(kc, `${base}/${found.id}/role-mappings/realm`, spec, roles);
    return;
  }
  if (found) {
    await kc.call('PUT', `${base}/${found.id}`, rep);
  } else {
    await kc.call('POST', base, rep);
    [found] = await kc.list<UserRep>(`${base}?username=${encodeURIComponent(spec.username)}&exact=true`);
    log(`realm ${realm}: user ${spec.username} created`);
  }
  if (!found) throw new Error(`user ${spec.username} not found after creating it in ${realm}`);
  await kc.call('PUT', `${base}/${found.id}/reset-password`, {
    type: 'password',
    value: spec.password,
    temporary: spec.temporary ?? false,
  });
  await ensureUserRoles(kc, `${base}/${found.id}/role-mappings/realm`, spec, roles);
}

/** Grants the spec's roles and revokes other roles that this world manages (default roles stay). */
async function ensureUserRoles(kc: KeycloakAdmin, path: string, spec: UserSpec, roles: Map<string, RoleRep>): Promise<void> {
  const current = await kc.list<RoleRep>(path);
  const wanted = spec.roles.map((name) => {
    const role = roles.get(name);
    if (!role) throw new Error(`user ${spec.username}: role ${name} is not defined in the realm spec`);
    return role;
  });
  const has = new Set(current.map((r) => r.name));
  const add = wanted.filter((r) => !has.has(r.name));
  const managed = new Set([...BROKER_ROLES, ...AGENT_ROLES].map((r) => r.name));
  const remove = current.filter((r) => managed.has(r.name) && !spec.roles.includes(r.name));
  if (add.length)
    await kc.call(
      'POST',
      path,
      add.map(({ id, name }) => ({ id, name })),
    );
  if (remove.length)
    await kc.call(
      'DELETE',
      path,
      remove.map(({ id, name }) => ({ id, name })),
    );
}

// ---------------------------------------------------------------------------------------------
// Single operations (the API's user management and agent suspension)

export interface RealmUserRep {
  id: string;
  username: string;
  enabled?: boolean;
  email?: string;
  firstName?: string;
  lastName?: string;
  requiredActions?: string[];
}

const usersPath = (realm: string) => `/${encodeURIComponent(realm)}/users`;

export async function findRealmUser(kc: KeycloakAdmin, realm: string, username: string): Promise<RealmUserRep | undefined> {
  const [found] = await kc.list<RealmUserRep>(`${usersPath(realm)}?username=${encodeURIComponent(username)}&exact=true`);
  return found;
}

export async function getRealmUser(kc: KeycloakAdmin, realm: string, id: string): Promise<RealmUserRep | undefined> {
  return kc.find<RealmUserRep>(`${usersPath(realm)}/${encodeURIComponent(id)}`);
}

/** Creates a user with a temporary password and realm roles; 409 (KeycloakHttpError) if the name is taken. */
export async function createRealmUser(kc: KeycloakAdmin, realm: string, spec: Omit<UserSpec, 'createOnly'>): Promise<string> {
  await kc.call('POST', usersPath(realm), {
    username: spec.username,
    email: spec.email || undefined,
    firstName: spec.firstName,
    lastName: spec.lastName,
    enabled: true,
    emailVerified: Boolean(spec.email),
    requiredActions: spec.temporary ? ['UPDATE_PASSWORD'] : [],
    credentials: [{ type: 'password', value: spec.password, temporary: spec.temporary ?? false }],
  });
  const found = await findRealmUser(kc, realm, spec.username);
  if (!found) throw new Error(`user ${spec.username} not found after creating it in ${realm}`);
  if (spec.roles.length) {
    const all = new Map((await kc.list<RoleRep>(`/${encodeURIComponent(realm)}/roles`)).map((r) => [r.name, r]));
    const add = spec.roles.map((n) => all.get(n)).filter((r): r is RoleRep => Boolean(r));
    if (add.length)
      await kc.call(
        'POST',
        `${usersPath(realm)}/${found.id}/role-mappings/realm`,
        add.map(({ id, name }) => ({ id, name })),
      );
  }
  return found.id;
}

/** Updates names, e-mail and/or the enabled flag (Keycloak merges the fields sent). */
export async function updateRealmUser(
  kc: KeycloakAdmin,
  realm: string,
  id: string,
  changes: { firstName?: string; lastName?: string; email?: string | null; enabled?: boolean },
): Promise<void> {
  const current = await kc.call<Record<string, unknown>>('GET', `${usersPath(realm)}/${encodeURIComponent(id)}`);
  const next: Record<string, unknown> = { ...current };
  if (changes.firstName !== undefined) next.firstName = changes.firstName;
  if (changes.lastName !== undefined) next.lastName = changes.lastName;
  if (changes.email !== undefined) next.email = changes.email ?? '';
  if (changes.enabled !== undefined) next.enabled = changes.enabled;
  await kc.call('PUT', `${usersPath(realm)}/${encodeURIComponent(id)}`, next);
}

/** Sets a new password; a temporary one must be changed at the next login. */
export async function setRealmUserPassword(
  kc: KeycloakAdmin,
  realm: string,
  id: string,
  password: string,
  temporary: boolean,
): Promise<void> {
  await kc.call('PUT', `${usersPath(realm)}/${encodeURIComponent(id)}/reset-password`, {
    type: 'password',
    value: password,
    temporary,
  });
}

/** Enables or disables a realm (a disabled realm refuses every login and token refresh). */
export async function setRealmEnabled(kc: KeycloakAdmin, realm: string, enabled: boolean): Promise<void> {
  await kc.call('PUT', `/${encodeURIComponent(realm)}`, { realm, enabled });
}

// ---------------------------------------------------------------------------------------------
// Tokens (for tests)

export interface PasswordTokenRequest {
  keycloakUrl: string;
  realm: string;
  clientId: string;
  username: string;
  password: string;
}

/** Resource-owner password grant; returns the access token (throws with Keycloak's reason). */
export async function getPasswordToken(req: PasswordTokenRequest): Promise<string> {
  const url = `${req.keycloakUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(req.realm)}/protocol/openid-connect/token`;
  const res = await requestToken(url, {
    grant_type: 'password',
    client_id: req.clientId,
    username: req.username,
    password: req.password,
  });
  if (!res.access_token) {
    throw new Error(
      `token for ${req.username}@${req.realm} via ${req.clientId} refused: HTTP ${res.status} ${res.error ?? ''} ${res.error_description ?? ''}`.trim(),
    );
  }
  return res.access_token;
}

/** Decodes a JWT's payload without verifying it (diagnostics and tests). */
export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// CLI

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const arg = args[i] ?? '';
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[i + 1];
}

async function main(): Promise<void> {
  const keycloakUrl = argValue('url') ?? process.env.KEYCLOAK_URL ?? 'http://localhost:8180';
  const worldName = argValue('world') ?? 'demo';
  const portalUrls = (argValue('portal-url') ?? process.env.PORTAL_URL ?? '').split(',').filter(Boolean);
  const portal: PortalClientSpec | undefined = portalUrls.length
    ? {
        redirectUris: portalUrls.map((u) => `${u.replace(/\/+$/, '')}/*`),
        webOrigins: portalUrls.map((u) => u.replace(/\/+$/, '')),
      }
    : undefined;
  if (worldName !== 'demo' && worldName !== 'test') throw new Error(`unknown world ${worldName} (demo|test)`);
  const world = worldName === 'demo' ? demoWorldFor(portal) : testWorldFor(portal);
  await provisionWorld(
    {
      keycloakUrl,
      username: process.env.KEYCLOAK_ADMIN_USER ?? process.env.KC_BOOTSTRAP_ADMIN_USERNAME ?? 'admin',
      password: process.env.KEYCLOAK_ADMIN_PASSWORD ?? process.env.KC_BOOTSTRAP_ADMIN_PASSWORD ?? 'admin',
    },
    world,
  );
}

if (/infra\/keycloak\/provision\.ts$/.test((process.argv[1] ?? '').replace(/\\/g, '/'))) {
  main().catch((err: unknown) => {
    console.error(`[keycloak] ✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
