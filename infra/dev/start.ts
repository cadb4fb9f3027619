/**
 * `npm start`: the local demo supervisor.
 *
 * Ensures the tools, builds the portal when its sources changed, starts Temporal (7233, UI 8233)
 * and Keycloak (8180), provisions the demo realms, migrates and seeds the SQLite database, starts
 * the worker and the API (3000), serves the portal (4200) and prints where everything is.
 * Ctrl-C / SIGTERM stops everything in reverse order; all state stays in `data/`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { newCredentialsKey } from '../../db/secret-box';
import { demoWorldFor, provisionWorld, type WorldSpec } from '../keycloak/provision';
import { ensureKeycloak, ensureTemporalCli, findJava21 } from '../setup/ensure';
import { startPortalServer } from './portal-server';
import {
  describeExit,
  httpStatusIs,
  portAcceptsConnections,
  printLogTail,
  reportFailure,
  repoRoot,
  spawnManaged,
  tailFile,
  killAllNow,
  stopAllManaged,
  waitUntil,
  type ManagedProcess,
} from './process';
import { startKeycloak, startTemporal } from './services';

const ROOT = repoRoot();
const DATA = join(ROOT, 'data');
const LOGS = join(DATA, 'logs');

const PORTS = { temporal: 7233, temporalUi: 8233, keycloak: 8180, portal: 4200, pspA: 8301, pspB: 8302 } as const;

const log = (msg: string): void => console.log(`[start] ${msg}`);

interface Stoppable {
  name: string;
  stop(): Promise<void>;
}

/** Remembers what was started and stops it in reverse order exactly once. */
class Supervisor {
  private readonly started: Stoppable[] = [];
  private shutdown?: Promise<void>;

  get stopping(): boolean {
    return this.shutdown !== undefined;
  }

  add(item: Stoppable): void {
    this.started.push(item);
  }

  stopAll(): Promise<void> {
    this.shutdown ??= (async () => {
      for (const item of [...this.started].reverse()) {
        log(`stopping ${item.name}…`);
        await item.stop().catch((err: unknown) => log(`${item.name} did not stop cleanly: ${String(err)}`));
      }
      // Anything still starting up (e.g. Keycloak when Temporal failed) is stopped as well.
      await stopAllManaged();
    })();
    return this.shutdown;
  }

  /** A child that dies on its own takes the whole demo down, with its log tail printed. */
  watch(proc: ManagedProcess): void {
    void proc.exited.then(async (info) => {
      if (this.stopping) return;
      console.error(`\n[start] ✖ ${proc.name} exited unexpectedly (${describeExit(info)})`);
      printLogTail(proc);
      await this.stopAll();
      process.exit(1);
    });
  }
}

interface AppEnv {
  env: NodeJS.ProcessEnv;
  apiPort: number;
  keycloakUrl: string;
  adminUser: string;
  adminPassword: string;
}

/** Defaults of ARCHITECTURE.md, overridden by `.env`, overridden by the real environment. */
function appEnv(): AppEnv {
  loadDotenv({ path: join(ROOT, '.env'), quiet: true });
  const defaults: NodeJS.ProcessEnv = {
    PORT: '3000',
    DB_DIALECT: 'sqlite',
    DB_STORAGE: 'data/kartabl.sqlite',
    TEMPORAL_ADDRESS: `127.0.0.1:${PORTS.temporal}`,
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: 'kartabl',
    KEYCLOAK_URL: `http://localhost:${PORTS.keycloak}`,
    KEYCLOAK_AUDIENCE: 'kartabl-api',
    CORS_ORIGINS: `http://localhost:${PORTS.portal}`,
  };
  const env: NodeJS.ProcessEnv = { ...defaults, ...process.env };
  // The API and the worker manage realms and users through the Keycloak admin API.
  env.KEYCLOAK_ADMIN_USER ??= 'admin';
  env.KEYCLOAK_ADMIN_PASSWORD ??= 'admin';
  env.PORTAL_URL ??= `http://localhost:${PORTS.portal}`;
  env.CREDENTIALS_KEY ||= demoCredentialsKey();
  env.PSP_A_URL ??= `http://127.0.0.1:${PORTS.pspA}`;
  env.PSP_B_URL ??= `http://127.0.0.1:${PORTS.pspB}`;
  // PSP-A posts its verdicts to the API, which makes the waiting request poll at once.
  env.PSP_CALLBACK_BASE_URL ??= `http://127.0.0.1:${env.PORT}`;
  return {
    env,
    apiPort: Number(env.PORT),
    keycloakUrl: (env.KEYCLOAK_URL ?? '').replace(/\/+$/, ''),
    adminUser: env.KEYCLOAK_ADMIN_USER ?? 'admin',
    adminPassword: env.KEYCLOAK_ADMIN_PASSWORD ?? 'admin',
  };
}

/**
 * The key that seals PSP credentials: generated once and kept in data/ (mode 600), so sealed
 * values stay readable across restarts. Losing it makes stored credentials unreadable.
 */
function demoCredentialsKey(): string {
  const file = join(DATA, 'credentials.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA, { recursive: true });
  const key = newCredentialsKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log(`generated CREDENTIALS_KEY in ${file}`);
  return key;
}

async function checkPortsFree(ports: Record<string, number>): Promise<void> {
  for (const [name, port] of Object.entries(ports)) {
    if (await portAcceptsConnections(port)) {
      throw new Error(`port ${port} (${name}) is already in use — is another \`npm start\` running? Stop it first.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Portal build

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function portalNeedsBuild(): boolean {
  const index = join(ROOT, 'dist', 'portal', 'browser', 'index.html');
  if (!existsSync(index)) return true;
  const sources = [join(ROOT, 'portal'), join(ROOT, 'angular.json')].filter(existsSync);
  return Math.max(...sources.map(newestMtime)) > statSync(index).mtimeMs;
}

function runInherited(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((res, rej) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit' });
    child.once('error', rej);
    child.once('exit', (code, signal) =>
      code === 0 ? res() : rej(new Error(`${command} ${args.join(' ')} failed (${signal ?? `code ${String(code)}`})`)),
    );
  });
}

async function buildPortalIfNeeded(env: NodeJS.ProcessEnv): Promise<void> {
  if (!existsSync(join(ROOT, 'angular.json')) || !existsSync(join(ROOT, 'portal'))) {
    log('no portal sources yet, skipping the portal build');
    return;
  }
  if (env.KARTABL_SKIP_PORTAL_BUILD === '1' || !portalNeedsBuild()) return;
  log('building the portal (npx ng build portal)…');
  try {
    const ng = join(ROOT, 'node_modules', '.bin', 'ng');
    const [command, args] = existsSync(ng) ? [ng, ['build', 'portal']] : ['npx', ['ng', 'build', 'portal']];
    await runInherited(command, args, { ...env, NG_CLI_ANALYTICS: 'false' });
  } catch (err) {
    const hint = 'fix the build, or set KARTABL_SKIP_PORTAL_BUILD=1 to start without rebuilding';
    if (!existsSync(join(ROOT, 'dist', 'portal', 'browser', 'index.html'))) throw new Error(`${String(err)} (${hint})`);
    log(`⚠ portal build failed, serving the previous build (${hint})`);
  }
}

// ---------------------------------------------------------------------------------------------
// Node apps (db, worker, api)

function tsxCommand(): { command: string; prefix: string[] } {
  const local = join(ROOT, 'node_modules', '.bin', 'tsx');
  return existsSync(local) ? { command: local, prefix: [] } : { command: 'npx', prefix: ['tsx'] };
}

/** Runs `tsx <file> <args>` to completion with its output in a log file. */
async function runTsxStep(name: string, file: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { command, prefix } = tsxCommand();
  const proc = spawnManaged({ name, command, args: [...prefix, file, ...args], env, cwd: ROOT, logFile: join(LOGS, 'db.log') });
  const info = await proc.exited;
  if (info.code !== 0) {
    console.error(tailFile(proc.logFile, 30));
    throw new Error(`${name} failed (${describeExit(info)}); see ${proc.logFile}`);
  }
}

function startTsxService(name: string, file: string, env: NodeJS.ProcessEnv): ManagedProcess {
  const { command, prefix } = tsxCommand();
  return spawnManaged({
    name,
    command,
    args: [...prefix, file],
    env,
    cwd: ROOT,
    logFile: join(LOGS, `${name}.log`),
    stopTimeoutMs: 20_000,
  });
}

/** The two PSP simulators (psp-sim/main.ts), each its own process, state in data/psp-sim. */
async function startPspSimulators(sup: Supervisor, app: AppEnv): Promise<void> {
  const { command, prefix } = tsxCommand();
  for (const [psp, port] of [
    ['a', PORTS.pspA],
    ['b', PORTS.pspB],
  ] as const) {
    const proc = spawnManaged({
      name: `psp-${psp}`,
      command,
      args: [...prefix, 'psp-sim/main.ts', '--psp', psp, '--port', String(port), '--data-dir', join(DATA, 'psp-sim')],
      env: app.env,
      cwd: ROOT,
      logFile: join(LOGS, `psp-${psp}.log`),
    });
    sup.add(proc);
    sup.watch(proc);
    await waitUntil(() => portAcceptsConnections(port), {
      timeoutMs: 60_000,
      what: `the PSP-${psp.toUpperCase()} simulator`,
      process: proc,
    });
  }
  log(`PSP simulators ready on ports ${PORTS.pspA} (A) and ${PORTS.pspB} (B)`);
}

async function startApps(sup: Supervisor, app: AppEnv): Promise<{ api: boolean; worker: boolean }> {
  const has = (f: string): boolean => existsSync(join(ROOT, f));
  if (has('db/cli.ts')) {
    log('migrating and seeding the database…');
    await runTsxStep('db-migrate', 'db/cli.ts', ['migrate'], app.env);
    await runTsxStep('db-seed', 'db/cli.ts', ['seed', '--demo'], app.env);
  } else {
    log('db/cli.ts not found, skipping migrations');
  }
  const worker = has('worker/main.ts');
  if (worker) {
    const proc = startTsxService('worker', 'worker/main.ts', app.env);
    sup.add(proc);
    sup.watch(proc);
    log('worker started');
  }
  const api = has('api/main.ts');
  if (api) {
    const proc = startTsxService('api', 'api/main.ts', app.env);
    sup.add(proc);
    sup.watch(proc);
    await waitUntil(() => httpStatusIs(`http://127.0.0.1:${app.apiPort}/api/health`), {
      timeoutMs: 120_000,
      what: `the API health check on port ${app.apiPort}`,
      process: proc,
    });
    log(`API ready on port ${app.apiPort}`);
  }
  return { api, worker };
}

// ---------------------------------------------------------------------------------------------
// Banner

function printBanner(
  app: AppEnv,
  world: WorldSpec,
  temporalUi: string | undefined,
  parts: { api: boolean; worker: boolean },
): void {
  const rows: string[] = [
    'Kartabl is running',
    '',
    `Portal            http://localhost:${PORTS.portal}`,
    `API docs          ${parts.api ? `http://localhost:${app.apiPort}/api/docs` : '(api/main.ts missing, API not started)'}`,
    `Temporal UI       ${temporalUi ?? '-'}`,
    `PSP-A simulator   ${app.env.PSP_A_URL ?? ''}  (REST; login kartabl / kartabl-demo)`,
    `PSP-B simulator   ${app.env.PSP_B_URL ?? ''}/soap?wsdl  (SOAP; login kartabl / kartabl-demo)`,
    `Keycloak admin    ${app.keycloakUrl}/admin/  (user ${app.adminUser}, password ${app.adminPassword})`,
    `Logs              data/logs/`,
    '',
    'Demo logins (realm, username, password, roles):',
  ];
  for (const realm of world.realms) {
    for (const u of realm.users) {
      rows.push(`  ${realm.realm.padEnd(12)} ${u.username.padEnd(13)} ${u.password.padEnd(13)} ${u.roles.join(', ')}`);
    }
  }
  rows.push('', 'Press Ctrl-C to stop (data stays in data/).');
  const width = Math.max(...rows.map((r) => r.length)) + 2;
  const line = '─'.repeat(width);
  console.log(`\n┌${line}┐`);
  for (const r of rows) console.log(`│ ${r.padEnd(width - 1)}│`);
  console.log(`└${line}┘\n`);
}

// ---------------------------------------------------------------------------------------------

const supervisor = new Supervisor();

async function main(sup: Supervisor): Promise<void> {
  installSignalHandlers(sup);
  const app = appEnv();
  mkdirSync(LOGS, { recursive: true });
  await checkPortsFree({ ...PORTS, api: app.apiPort });

  log('checking tools (Temporal CLI, Keycloak, Java 21+)…');
  await Promise.all([ensureTemporalCli(), ensureKeycloak()]);
  findJava21();
  await buildPortalIfNeeded(app.env);

  log('starting Temporal and Keycloak (Keycloak takes 30–120 s)…');
  const [temporal, keycloak] = await Promise.all([
    startTemporal({
      port: PORTS.temporal,
      uiPort: PORTS.temporalUi,
      dbFile: join(DATA, 'temporal.db'),
      logFile: join(LOGS, 'temporal.log'),
    }).then((t) => {
      sup.add(t.process);
      sup.watch(t.process);
      log(`Temporal ready on ${t.address}`);
      return t;
    }),
    startKeycloak({
      port: PORTS.keycloak,
      dataDir: join(DATA, 'keycloak'),
      adminUser: app.adminUser,
      adminPassword: app.adminPassword,
      publicUrl: app.keycloakUrl,
      logFile: join(LOGS, 'keycloak.log'),
    }).then((k) => {
      sup.add(k.process);
      sup.watch(k.process);
      log(`Keycloak ready on ${k.url}`);
      return k;
    }),
  ]);

  const portalOrigin = `http://localhost:${PORTS.portal}`;
  const world = demoWorldFor({ redirectUris: [`${portalOrigin}/*`], webOrigins: [portalOrigin] });
  await provisionWorld(
    { keycloakUrl: `http://127.0.0.1:${PORTS.keycloak}`, username: app.adminUser, password: app.adminPassword },
    world,
    (m) => log(m),
  );

  await startPspSimulators(sup, app);
  const parts = await startApps(sup, app);
  const portal = await startPortalServer({
    port: PORTS.portal,
    distDir: join(ROOT, 'dist', 'portal', 'browser'),
    apiUrl: `http://127.0.0.1:${app.apiPort}`,
    keycloakUrl: keycloak.url,
  });
  sup.add({ name: 'portal server', stop: () => portal.stop() });
  printBanner(app, world, temporal.uiUrl, parts);
  if (parts.api && parts.worker) startDemoRequests(sup, app);
}

/**
 * The demo's requests in every stage (infra/dev/demo-requests.ts), once, in the background: the
 * portal is usable meanwhile and the inbox fills within a minute.
 */
function startDemoRequests(sup: Supervisor, app: AppEnv): void {
  const { command, prefix } = tsxCommand();
  const proc = spawnManaged({
    name: 'demo-requests',
    command,
    args: [...prefix, 'infra/dev/demo-requests.ts'],
    env: app.env,
    cwd: ROOT,
    logFile: join(LOGS, 'demo-requests.log'),
  });
  sup.add(proc);
  void proc.exited.then((info) => {
    if (sup.stopping) return;
    if (info.code === 0) log('demo requests in place (see the inbox of alpha-admin and broker-admin)');
    else log(`demo requests: some could not be created (${describeExit(info)}); see ${proc.logFile}`);
  });
}

function installSignalHandlers(sup: Supervisor): void {
  // A terminal's Ctrl-C reaches us several times at once (directly and relayed by npm/tsx), so
  // only a signal arriving well after the first one means "kill everything now".
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (sup.stopping) {
      if (Date.now() - firstSignalAt < 2000) return;
      log(`${signal} again: killing everything now`);
      killAllNow();
      process.exit(130);
    }
    firstSignalAt = Date.now();
    log(`${signal} received, shutting down…`);
    void sup.stopAll().then(() => {
      log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

main(supervisor).catch(async (err: unknown) => {
  // Interrupted while starting: the signal handler is already shutting down and will exit.
  if (supervisor.stopping) return;
  reportFailure(err);
  // Stops what is up; the exit hook of process.ts signals anything still starting.
  await supervisor.stopAll();
  process.exit(1);
});
