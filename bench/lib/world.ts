/**
 * The world the benchmarks and the chaos run drive: Keycloak (the shared one from KARTABL_TEST_*, or
 * one started and provisioned here), Temporal (the shared dev server, or our own on a free port with a
 * database file so it can be restarted), PSP-A's simulator, a fresh database, the API and the worker
 * each in its own process (so they can be killed), and helpers to call the API as the test users.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { decodeJwt } from 'jose';
import { openDatabase, type Database } from '../../db';
import { newCredentialsKey } from '../../db/secret-box';
import { seedDemoPsps } from '../../db/seed';
import { SYSTEM_ACTOR } from '../../db/audit';
import { createStockRepository } from '../../db/repositories/stock';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';
import type { SimSettings } from '../../psp-sim/core/engine';
import { freePort, startKeycloak, startTemporal, type RunningTemporal, type RunningService } from '../../infra/dev/services';
import { getPasswordToken, provisionWorld, testWorld } from '../../infra/keycloak/provision';
import { seedTestAgents } from '../../tests/helpers/app';
import { naturalMerchantBody } from '../../tests/helpers/merchants';
import { makeTechnician } from '../../tests/helpers/people';
import { freshDatabase } from '../../tests/integration/harness';

export const ROOT = path.join(__dirname, '../..');
export const PASSWORD = 'Kartabl@1405';
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export const USERS = {
  'broker-admin': 'kartabl',
  auditor: 'kartabl',
  'alpha-admin': 'agent-alpha',
  'alpha-user': 'agent-alpha',
  'alpha-user2': 'agent-alpha',
} as const;
export type UserName = keyof typeof USERS;

export const log = (msg: string): void => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface ApiAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the driver walks arbitrary JSON
  body: any;
}

/** A child process in its own group (SIGKILL reaches node itself, not only the tsx wrapper). */
export interface Child {
  proc: ChildProcess;
  log: string[];
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  /** Milliseconds from spawn to its first line matching `ready` (null until then). */
  readyMs: number | null;
}

export function spawnChild(name: string, script: string, env: NodeJS.ProcessEnv, echo = false, ready?: RegExp): Child {
  const t0 = Date.now();
  const proc = spawn(TSX, [path.join(ROOT, script)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  const keep = (d: Buffer) => {
    for (const line of d.toString().split('\n').filter(Boolean)) {
      lines.push(line);
      if (ready && child.readyMs === null && ready.test(line)) child.readyMs = Date.now() - t0;
      if (lines.length > 200) lines.shift();
      if (echo) console.log(`  [${name}] ${line}`);
    }
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((r) => proc.once('exit', () => r()));
  const child: Child = { proc, log: lines, exited, readyMs: null };
  return child;
}

export async function killChild(c: Child | null, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (!c?.proc.pid || c.proc.exitCode !== null || c.proc.signalCode !== null) return;
  try {
    process.kill(-c.proc.pid, signal);
  } catch {
    return;
  }
  await c.exited;
}

export interface WorldOptions {
  dialect: 'sqlite' | 'postgres';
  /** Our own Temporal dev server with a database file (restartable); otherwise the shared one when set. */
  ownTemporal?: boolean;
  sim?: Partial<SimSettings>;
  /** API and worker environment additions. */
  env?: NodeJS.ProcessEnv;
  echo?: boolean;
}

export interface World {
  dir: string;
  dialect: string;
  temporalAddress: string;
  sim: RunningPspSimulator;
  db: Database;
  apiUrl: string;
  env: NodeJS.ProcessEnv;
  taskQueue: string;
  keycloakUrl: string;
  versions: Record<string, string>;
  token(user: UserName): Promise<string>;
  call(user: UserName | null, method: string, url: string, body?: unknown): Promise<ApiAnswer>;
  /** As `call`, throwing on anything but 2xx. */
  ok(user: UserName, method: string, url: string, body?: unknown): Promise<ApiAnswer['body']>;
  startApi(): Promise<void>;
  stopApi(signal?: NodeJS.Signals): Promise<void>;
  startWorker(): Child;
  killWorker(): Promise<void>;
  worker(): Child | null;
  /** Stops and starts our own Temporal dev server on the same port and database file (`whileDown` runs in between). */
  restartTemporal(whileDown?: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** Keycloak's URL: the shared one, else one started here (slow: 30–120 s) with the test realms. */
async function keycloak(dir: string, running: RunningService[]): Promise<string> {
  if (process.env.KARTABL_TEST_KEYCLOAK_URL) return process.env.KARTABL_TEST_KEYCLOAK_URL;
  log('no KARTABL_TEST_KEYCLOAK_URL: starting Keycloak (30–120 s)…');
  const admin = { user: 'admin', password: 'kartabl-bench-admin' };
  const kc = await startKeycloak({
    port: await freePort(),
    dataDir: path.join(dir, 'keycloak'),
    adminUser: admin.user,
    adminPassword: admin.password,
    logFile: path.join(dir, 'keycloak.log'),
  });
  running.push(kc);
  await provisionWorld({ keycloakUrl: kc.url, username: admin.user, password: admin.password }, testWorld, () => undefined);
  process.env.KARTABL_TEST_KEYCLOAK_URL = kc.url;
  process.env.KARTABL_TEST_KC_ADMIN_USER = admin.user;
  process.env.KARTABL_TEST_KC_ADMIN_PASSWORD = admin.password;
  return kc.url;
}

export async function startWorld(opts: WorldOptions): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kartabl-bench-'));
  const running: RunningService[] = [];
  const keycloakUrl = await keycloak(dir, running);

  let temporal: RunningTemporal | null = null;
  let temporalPort = 0;
  const temporalDb = path.join(dir, 'temporal.db');
  let temporalAddress = process.env.KARTABL_TEST_TEMPORAL_ADDRESS ?? '';
  if (opts.ownTemporal || !temporalAddress) {
    temporalPort = await freePort();
    temporal = await startTemporal({ port: temporalPort, dbFile: temporalDb, logFile: path.join(dir, 'temporal.log') });
    temporalAddress = temporal.address;
    log(`own Temporal dev server on ${temporalAddress} (db ${temporalDb})`);
  }

  const sim = await startPspSimulator({
    psp: 'a',
    port: 0,
    dataDir: path.join(dir, 'psp-a'),
    settings: { verdictDelayMs: 200, ...opts.sim },
  });

  process.env.DB_DIALECT = opts.dialect;
  const database = await freshDatabase(opts.dialect);
  const bundlePath = path.join(dir, 'workflows.js');
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  fs.writeFileSync(bundlePath, code);

  const taskQueue = `bench-${path.basename(dir)}`;
  const apiPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(apiPort),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    KEYCLOAK_URL: keycloakUrl,
    KEYCLOAK_ADMIN_USER: process.env.KARTABL_TEST_KC_ADMIN_USER,
    KEYCLOAK_ADMIN_PASSWORD: process.env.KARTABL_TEST_KC_ADMIN_PASSWORD,
    KEYCLOAK_TEST_CLIENTS: 'true',
    CREDENTIALS_KEY: newCredentialsKey(),
    JWT_CLOCK_TOLERANCE_SECONDS: '5',
    LOG_LEVEL: 'warn',
    REQUEST_PSP_POLL_INTERVAL: '300ms',
    REQUEST_PSP_POLL_MAX: '1s',
    PSP_A_URL: sim.url,
    WORKFLOW_BUNDLE_PATH: bundlePath,
    ...database.env,
    ...opts.env,
  };
  const apiUrl = `http://127.0.0.1:${apiPort}`;

  let api: Child | null = null;
  let worker: Child | null = null;
  const tokens = new Map<string, { token: string; exp: number }>();

  const world: World = {
    dir,
    dialect: opts.dialect,
    temporalAddress,
    sim,
    db: null as unknown as Database,
    apiUrl,
    env,
    taskQueue,
    keycloakUrl,
    versions: {},
    async token(user) {
      const cached = tokens.get(user);
      if (cached && cached.exp - Date.now() > 60_000) return cached.token;
      const token = await getPasswordToken({
        keycloakUrl,
        realm: USERS[user],
        clientId: 'kartabl-cli',
        username: user,
        password: PASSWORD,
      });
      tokens.set(user, { token, exp: (decodeJwt(token).exp ?? 0) * 1000 });
      return token;
    },
    async call(user, method, url, body) {
      const headers: Record<string, string> = {};
      if (user) headers.authorization = `Bearer ${await world.token(user)}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const send = () =>
        fetch(`${apiUrl}${url}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
      let res: Response;
      try {
        res = await send();
      } catch (err) {
        // The API gone (its last lines say why), or a reused keep-alive connection closed under us:
        // a read is sent once more.
        if (api && api.proc.exitCode !== null)
          throw new Error(`the API exited (${api.proc.exitCode}):\n${api.log.slice(-40).join('\n')}`);
        if (method !== 'GET') throw err;
        log(
          `${method} ${url}: ${err instanceof Error ? `${err.message} (${String((err as { cause?: unknown }).cause)})` : String(err)}; once more`,
        );
        res = await send();
      }
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
      return { status: res.status, body: parsed };
    },
    async ok(user, method, url, body) {
      const res = await world.call(user, method, url, body);
      if (res.status >= 300)
        throw new Error(`${method} ${url} as ${user}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- the driver walks arbitrary JSON
      return res.body;
    },
    async startApi() {
      api = spawnChild('api', 'api/main.ts', env, opts.echo);
      const end = Date.now() + 120_000;
      for (;;) {
        if (api.proc.exitCode !== null) throw new Error(`the API exited:\n${api.log.join('\n')}`);
        try {
          if ((await fetch(`${apiUrl}/api/health`)).ok) return;
        } catch {
          // not yet listening
        }
        if (Date.now() > end) throw new Error(`the API did not start:\n${api.log.join('\n')}`);
        await sleep(250);
      }
    },
    async stopApi(signal = 'SIGTERM') {
      await killChild(api, signal);
      api = null;
    },
    startWorker() {
      worker = spawnChild('worker', 'worker/main.ts', env, opts.echo, /polling task queue/);
      return worker;
    },
    async killWorker() {
      await killChild(worker, 'SIGKILL');
      worker = null;
    },
    worker: () => worker,
    async restartTemporal(whileDown) {
      if (!temporal) throw new Error('the Temporal dev server is the shared one: not restarting it');
      await temporal.stop();
      await whileDown?.();
      temporal = await startTemporal({ port: temporalPort, dbFile: temporalDb, logFile: path.join(dir, 'temporal.log') });
    },
    async stop() {
      await killChild(worker, 'SIGKILL');
      await killChild(api, 'SIGTERM');
      await world.db?.close().catch(() => undefined);
      await sim.stop();
      await temporal?.stop();
      for (const s of running) await s.stop().catch(() => undefined);
      await database.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    await world.startApi();
    world.db = await openDatabase({
      dialect: opts.dialect,
      storage: database.env.DB_STORAGE,
      url: database.env.DATABASE_URL,
    });
    await seedTestAgents(world.db);
    await seedDemoPsps(world.db, { pspAUrl: sim.url, credentialsKey: env.CREDENTIALS_KEY });
    // First sight of every user (their Kartabl records and grants), then alpha-user2 becomes a technician.
    for (const user of Object.keys(USERS) as UserName[]) await world.ok(user, 'GET', '/api/me');
    await makeTechnician(world.db, 'alpha-user2', (method, url, body) => world.ok('alpha-admin', method, url, body));
    world.versions = await versions(world.db, temporal?.cliPath ?? process.env.TEMPORAL_CLI_PATH);
  } catch (err) {
    await world.stop();
    throw err;
  }
  return world;
}

const quietLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: (m: string) => console.error(m),
  debug: () => undefined,
  trace: () => undefined,
  log: () => undefined,
};

async function versions(db: Database, temporalCli: string | undefined): Promise<Record<string, string>> {
  const out: Record<string, string> = { node: process.version, dialect: db.dialect };
  try {
    const q = db.dialect === 'postgres' ? 'SELECT version() AS v' : 'SELECT sqlite_version() AS v';
    const [rows] = await db.sequelize.query(q);
    out.database = String((rows as { v: string }[])[0]?.v ?? '').slice(0, 60);
  } catch {
    out.database = 'unknown';
  }
  if (temporalCli) {
    const { execFileSync } = await import('node:child_process');
    try {
      out.temporal = execFileSync(temporalCli, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      out.temporal = 'unknown';
    }
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@temporalio/worker/package.json'), 'utf8')) as {
    version: string;
  };
  out.temporalSdk = pkg.version;
  return out;
}

/** `count` serials of a model into alpha's warehouse, through the stock repository (entry document + import). */
export async function stockUp(world: World, count: number, prefix: string, model = 'pax-s90'): Promise<void> {
  const stock = createStockRepository(world.db);
  const alpha = await world.db.models.Agent.findOne({ where: { code: 'alpha' } });
  const warehouse = await stock.warehouseOfAgent(alpha!.id);
  const doc = await stock.createEntry({
    warehouse,
    lines: Array.from({ length: count }, (_, i) => ({
      line: i + 1,
      serial: `${prefix}-${String(i + 1).padStart(6, '0')}`,
      deviceModel: model,
    })),
    actor: SYSTEM_ACTOR,
  });
  const done = await stock.importEntry(doc.id);
  if (done.status !== 'done') throw new Error(`stock entry ended ${done.status}`);
}

/** A merchant of alpha through the API (a distinct national code and Sheba per `n`). */
export async function createMerchant(
  world: World,
  n: number,
): Promise<{ merchantId: string; shopId: string; accountId: string }> {
  const m = (await world.ok('alpha-user', 'POST', '/api/merchants', naturalMerchantBody(n, { base: 400000000 }))) as {
    id: string;
    shops: { id: string }[];
    accounts: { id: string }[];
  };
  return { merchantId: m.id, shopId: m.shops[0].id, accountId: m.accounts[0].id };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Runs `work` for every item with at most `limit` at once. */
export async function pool<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], i);
      }
    }),
  );
  return out;
}
