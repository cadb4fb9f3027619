/**
 * The real stack for the end-to-end story, in this process: the API (`startServer`) on a fresh SQLite
 * file, a worker on its own task queue, and the portal's static server (the built portal, `/config.json`
 * and the `/api` proxy). Keycloak and Temporal come from the test runner (KARTABL_TEST_* variables).
 */
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { startServer, type RunningServer } from '../../api/server';
import { startPortalServer, type RunningPortalServer } from '../../infra/dev/portal-server';
import { KeycloakAdmin, PORTAL_CLIENT_ID } from '../../infra/keycloak/provision';
import { seedTestAgents, startTestWorker } from '../../tests/helpers/app';
import { newCredentialsKey } from '../../db/secret-box';
import { seedDemoPsps } from '../../db/seed';
import { startPspSimulator, type RunningPspSimulator } from '../../psp-sim';

export const ROOT = join(__dirname, '..', '..');
export const PORTAL_DIST = join(ROOT, 'dist', 'portal', 'browser');

export const log = (msg: string): void => console.log(`[e2e] ${msg}`);

export function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the e2e story through \`npm test\` (infra/test/run-all.ts), or set it by hand`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Portal build

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Why the portal must be (re)built, or undefined when `dist/portal/browser/index.html` is up to date. */
export function portalBuildReason(): string | undefined {
  const index = join(PORTAL_DIST, 'index.html');
  if (!existsSync(index)) return `${index} is missing`;
  if (newestMtime(join(ROOT, 'portal', 'src')) > statSync(index).mtimeMs) return 'portal/src changed since the last build';
  return undefined;
}

/** `npx ng build portal`, output kept and printed only when the build fails. */
export function buildPortal(timeoutMs = 5 * 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const local = join(ROOT, 'node_modules', '.bin', 'ng');
    const child = spawn(existsSync(local) ? local : 'ng', ['build', 'portal'], {
      cwd: ROOT,
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (data: Buffer): void => {
      output = (output + data.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      reject(new Error(`ng build portal failed (${signal ?? `exit ${String(code)}`}):\n${output}`));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Keycloak preflight

/**
 * Checks, through the admin API, that the realms the story needs exist and that the portal client
 * accepts `http://localhost:<any port>` as redirect URI; otherwise the login page would only say
 * "Invalid parameter: redirect_uri", which is much harder to read.
 */
export async function checkKeycloak(keycloakUrl: string, realms: string[]): Promise<void> {
  const user = process.env.KARTABL_TEST_KC_ADMIN_USER;
  const password = process.env.KARTABL_TEST_KC_ADMIN_PASSWORD;
  if (!user || !password) {
    log('KARTABL_TEST_KC_ADMIN_USER/PASSWORD not set: skipping the Keycloak preflight');
    return;
  }
  const admin = new KeycloakAdmin({ keycloakUrl, username: user, password });
  for (const realm of realms) {
    const clients = await admin.list<{ clientId: string; redirectUris?: string[] }>(
      `/${realm}/clients?clientId=${PORTAL_CLIENT_ID}`,
    );
    const client = clients.find((c) => c.clientId === PORTAL_CLIENT_ID);
    if (!client) throw new Error(`Keycloak realm ${realm} has no client ${PORTAL_CLIENT_ID}: is the test world provisioned?`);
    const uris = client.redirectUris ?? [];
    if (!uris.some((u) => u === '*' || u.startsWith('http://localhost:*') || u === '/*')) {
      throw new Error(
        `Keycloak client ${PORTAL_CLIENT_ID} of realm ${realm} does not accept http://localhost:<port> (redirect URIs: ${uris.join(', ')})`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Stack

/** Runs one start-up stage; a failure names the stage (e.g. which service could not be reached). */
export async function stage<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`${name} failed: ${message}`, { cause: err });
  }
}

export interface E2eStack {
  api: RunningServer;
  portal: RunningPortalServer;
  keycloakUrl: string;
  /** The two PSP simulators, as `npm start` runs them (here on free ports, state in the temp dir). */
  psps: { a: RunningPspSimulator; b: RunningPspSimulator };
}

/** Starts what exists step by step; `onStop` receives each stopper as soon as its part is up. */
export async function startStack(onStop: (name: string, stop: () => Promise<void>) => void): Promise<E2eStack> {
  const keycloakUrl = required('KARTABL_TEST_KEYCLOAK_URL').replace(/\/+$/, '');
  const temporalAddress = required('KARTABL_TEST_TEMPORAL_ADDRESS');

  const dir = mkdtempSync(join(tmpdir(), 'kartabl-e2e-'));
  onStop('temp dir', () => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
  const taskQueue = `e2e-${randomUUID()}`;

  const api = await stage(`starting the API (Temporal at ${temporalAddress})`, () =>
    startServer(
      {
        PORT: '0',
        DB_DIALECT: 'sqlite',
        DB_STORAGE: join(dir, 'kartabl.sqlite'),
        TEMPORAL_ADDRESS: temporalAddress,
        TEMPORAL_TASK_QUEUE: taskQueue,
        KEYCLOAK_URL: keycloakUrl,
        LOG_LEVEL: 'warn',
        KEYCLOAK_ADMIN_USER: process.env.KARTABL_TEST_KC_ADMIN_USER,
        KEYCLOAK_ADMIN_PASSWORD: process.env.KARTABL_TEST_KC_ADMIN_PASSWORD,
        CREDENTIALS_KEY: newCredentialsKey(),
        KEYCLOAK_TEST_CLIENTS: 'true',
        // The simulators answer within seconds: ask for a request's verdict every second or so.
        REQUEST_PSP_POLL_INTERVAL: '1s',
        REQUEST_PSP_POLL_MAX: '4s',
      },
      pino({ level: 'warn', name: 'api' }),
    ),
  );
  onStop('API', () => api.stop());
  await seedTestAgents(api.db);
  // The PSP simulators, and the seeded PSPs pointed at them with the demo account (as `npm start` does).
  const psps = {} as E2eStack['psps'];
  for (const psp of ['a', 'b'] as const) {
    psps[psp] = await stage(`starting the PSP-${psp.toUpperCase()} simulator`, () =>
      startPspSimulator({ psp, port: 0, dataDir: join(dir, `psp-${psp}`) }),
    );
    onStop(`PSP-${psp.toUpperCase()} simulator`, () => psps[psp].stop());
  }
  await seedDemoPsps(api.db, { pspAUrl: psps.a.url, pspBUrl: psps.b.url, credentialsKey: api.config.realms.credentialsKey });
  const worker = await stage(`starting the worker (Temporal at ${temporalAddress})`, () =>
    startTestWorker(temporalAddress, taskQueue, api.db, api.config.realms),
  );
  worker.running.catch((err: unknown) =>
    log(`✖ worker stopped with an error: ${err instanceof Error ? err.message : String(err)}`),
  );
  onStop('worker', () => worker.stop());

  const portal = await stage('starting the portal server', () =>
    startPortalServer({ port: 0, host: '127.0.0.1', distDir: PORTAL_DIST, apiUrl: api.url, keycloakUrl }),
  );
  onStop('portal server', () => portal.stop());

  return { api, portal, keycloakUrl, psps };
}
