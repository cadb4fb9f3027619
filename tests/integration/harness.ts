import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Client } from 'pg';
import { startServer, type RunningServer } from '../../api/server';
import { seedTestAgents, startTestWorker } from '../helpers/app';
import { KeycloakAdmin, getPasswordToken } from '../../infra/keycloak/provision';
import { newCredentialsKey } from '../../db/secret-box';

/**
 * The real stack for API tests: Keycloak and Temporal started by the test runner (their addresses
 * in KARTABL_TEST_* variables), a fresh database of the dialect in DB_DIALECT, the API on a free
 * port and a worker on its own task queue.
 */
export interface Stack {
  server: RunningServer;
  keycloakUrl: string;
  dialect: string;
  /** Access token of a test user (password grant through the `kartabl-cli` test client). */
  token(realm: string, username: string, clientId?: string): Promise<string>;
  call(
    method: string,
    url: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string>; raw?: RequestInit['body'] },
  ): Promise<ApiResponse>;
  /** Id of a seeded agent by its code (`alpha`, `beta`, …). */
  agentId(code: string): Promise<string>;
  /**
   * The agent of a token's user through `GET /api/me` (which records the user's first sight); call
   * it for one user at a time.
   */
  agentOf(token: string): Promise<string>;
  /**
   * Tokens of the given test users, each seen once by `GET /api/me` in the order given (their Kartabl
   * records and grants exist afterwards), by username.
   */
  signIn(users: readonly (readonly [realm: string, username: string])[]): Promise<Record<string, string>>;
  /** The Keycloak admin API client, as the test runner's admin. */
  keycloakAdmin(): KeycloakAdmin;
  /** The task queue of this stack's API (and of its in-process worker, when there is one). */
  taskQueue: string;
  /** The environment the API was started with (for a worker in another process). */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions walk arbitrary JSON
  body: any;
  headers: Headers;
}

export const PASSWORD = 'Kartabl@1405';

function required(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run the tests with \`npm test\` (infra/test/run-all.ts), which starts Keycloak and Temporal`,
    );
  return v;
}

export async function freshDatabase(dialect: string): Promise<{ env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  if (dialect === 'postgres') {
    const base = required('KARTABL_TEST_PG_URL');
    const name = `kartabl_it_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      env: { DB_DIALECT: 'postgres', DATABASE_URL: url.toString() },
      async drop() {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-it-'));
  return {
    env: { DB_DIALECT: 'sqlite', DB_STORAGE: path.join(dir, 'kartabl.sqlite') },
    drop() {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

export async function startStack(overrides: NodeJS.ProcessEnv = {}, options: { worker?: boolean } = {}): Promise<Stack> {
  const keycloakUrl = required('KARTABL_TEST_KEYCLOAK_URL');
  const temporalAddress = required('KARTABL_TEST_TEMPORAL_ADDRESS');
  const dialect = process.env.DB_DIALECT ?? 'sqlite';
  const database = await freshDatabase(dialect);
  const taskQueue = `it-${randomUUID()}`;

  const env: NodeJS.ProcessEnv = {
    PORT: '0',
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    KEYCLOAK_URL: keycloakUrl,
    JWT_CLOCK_TOLERANCE_SECONDS: '0',
    TICKET_FIRST_RESPONSE_SLA: '1h',
    TICKET_AUTO_CLOSE_AFTER: '1h',
    TICKET_RATING_WINDOW: '1h',
    ATTACHMENT_MAX_BYTES: '100000',
    LOG_LEVEL: 'silent',
    // Realm and user management (agents, users) go through the Keycloak admin API.
    KEYCLOAK_ADMIN_USER: process.env.KARTABL_TEST_KC_ADMIN_USER,
    KEYCLOAK_ADMIN_PASSWORD: process.env.KARTABL_TEST_KC_ADMIN_PASSWORD,
    CREDENTIALS_KEY: newCredentialsKey(),
    KEYCLOAK_TEST_CLIENTS: 'true',
    ...database.env,
    ...overrides,
  };
  const server = await startServer(env, pino({ level: 'silent' }));
  await seedTestAgents(server.db);
  const worker =
    options.worker === false
      ? null
      : await startTestWorker(temporalAddress, taskQueue, server.db, server.config.realms, {
          pspCallbackBaseUrl: server.url,
        });

  const tokens = new Map<string, string>();
  const stack: Stack = {
    server,
    keycloakUrl,
    dialect,
    taskQueue,
    env,
    async token(realm, username, clientId = 'kartabl-cli') {
      const key = `${realm}/${username}/${clientId}`;
      if (!tokens.has(key))
        tokens.set(key, await getPasswordToken({ keycloakUrl, realm, clientId, username, password: PASSWORD }));
      return tokens.get(key)!;
    },
    async call(method, url, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: RequestInit['body'] | undefined = opts.raw;
      if (opts.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(opts.body);
      }
      const res = await fetch(`${server.url}${url}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async agentId(code) {
      const row = await server.db.models.Agent.findOne({ where: { code } });
      if (!row) throw new Error(`no agent with code ${code}`);
      return row.id;
    },
    async agentOf(token) {
      const res = await stack.call('GET', '/api/me', { token });
      if (res.status !== 200) throw new Error(JSON.stringify(res.body));
      return res.body.agent.id as string;
    },
    async signIn(users) {
      const tokens: Record<string, string> = {};
      for (const [realm, username] of users) {
        tokens[username] = await stack.token(realm, username);
        await stack.agentOf(tokens[username]);
      }
      return tokens;
    },
    keycloakAdmin() {
      return new KeycloakAdmin({
        keycloakUrl,
        username: process.env.KARTABL_TEST_KC_ADMIN_USER ?? 'admin',
        password: process.env.KARTABL_TEST_KC_ADMIN_PASSWORD ?? 'admin',
      });
    },
    async stop() {
      await worker?.stop();
      await server.stop();
      await database.drop();
    },
  };
  return stack;
}
