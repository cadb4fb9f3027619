/**
 * Starts the external services Kartabl runs against: the Temporal dev server, Keycloak (dev mode,
 * H2 file database) and PostgreSQL. Used by `npm start` (infra/dev/start.ts) and `npm test`
 * (infra/test/run-all.ts). Each service logs to its own file and is stopped as a process group.
 */
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureKeycloak, ensureTemporalCli, findJava21, findPostgresBin } from '../setup/ensure';
import { freePort, httpStatusIs, portAcceptsConnections, spawnManaged, waitUntil, type ManagedProcess } from './process';

export { freePort } from './process';

export interface RunningService {
  /** The underlying process (for health watching and log tails). */
  process: ManagedProcess;
  stop(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Temporal

export interface TemporalOptions {
  port: number;
  /** Web UI port; without it the UI is disabled (`--headless`). */
  uiPort?: number;
  /** SQLite file for persistence; without it the state is in memory. */
  dbFile?: string;
  logFile: string;
  /** Extra namespaces to create at launch (`default` always exists). */
  namespaces?: string[];
  startupTimeoutMs?: number;
}

export interface RunningTemporal extends RunningService {
  /** host:port of the frontend gRPC service. */
  address: string;
  uiUrl?: string;
  cliPath: string;
}

export const TEMPORAL_DYNAMIC_CONFIG = [
  'frontend.enableUpdateWorkflowExecution=true',
  'frontend.enableExecuteMultiOperation=true',
];

export async function startTemporal(opts: TemporalOptions): Promise<RunningTemporal> {
  const cliPath = await ensureTemporalCli();
  const address = `127.0.0.1:${opts.port}`;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--log-level', 'warn'];
  args.push(...(opts.uiPort ? ['--ui-port', String(opts.uiPort)] : ['--headless']));
  if (opts.dbFile) {
    mkdirSync(resolve(opts.dbFile, '..'), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  for (const ns of opts.namespaces ?? []) args.push('--namespace', ns);
  for (const kv of TEMPORAL_DYNAMIC_CONFIG) args.push('--dynamic-config-value', kv);

  const proc = spawnManaged({ name: 'temporal', command: cliPath, args, logFile: opts.logFile, stopTimeoutMs: 10_000 });
  try {
    const timeoutMs = opts.startupTimeoutMs ?? 60_000;
    await waitUntil(() => portAcceptsConnections(opts.port), { timeoutMs, what: `Temporal on ${address}`, process: proc });
    await waitUntil(() => temporalHealthy(cliPath, address), { timeoutMs, what: 'Temporal cluster health', process: proc });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return {
    address,
    uiUrl: opts.uiPort ? `http://localhost:${opts.uiPort}` : undefined,
    cliPath,
    process: proc,
    stop: () => proc.stop(),
  };
}

/** Exit status 0 of a short command (never rejects). */
function succeeds(command: string, args: string[], timeoutMs = 5000): Promise<{ ok: boolean; stdout: string }> {
  return new Promise((res) => {
    execFile(command, args, { encoding: 'utf8', timeout: timeoutMs }, (err, stdout) => res({ ok: !err, stdout }));
  });
}

async function temporalHealthy(cliPath: string, address: string): Promise<boolean> {
  const out = await succeeds(cliPath, ['operator', 'cluster', 'health', '--address', address, '--command-timeout', '3s']);
  return out.ok && /SERVING/.test(out.stdout);
}

// ---------------------------------------------------------------------------------------------
// Keycloak

export interface KeycloakOptions {
  port: number;
  /** Directory for the H2 database (created when missing). */
  dataDir: string;
  adminUser: string;
  adminPassword: string;
  logFile: string;
  /** Public base URL (fixes the token issuer). Default `http://localhost:<port>`. */
  publicUrl?: string;
  /** Port of the management interface (health); a free one when omitted. */
  managementPort?: number;
  startupTimeoutMs?: number;
}

export interface RunningKeycloak extends RunningService {
  /** Base URL, e.g. http://localhost:8180 (issuers are `${url}/realms/<realm>`). */
  url: string;
  managementUrl: string;
}

/** The repository's Keycloak themes (the `kartabl` login theme). */
export const KEYCLOAK_THEMES_DIR = resolve(__dirname, '..', 'keycloak', 'themes');

/**
 * Copies the repository's themes into a Keycloak distribution's `themes/` (replacing older copies),
 * so realms can use `loginTheme: kartabl`. Dev mode does not cache themes: a copy made while
 * Keycloak runs is picked up at once.
 */
export function installKeycloakThemes(keycloakHome: string): string[] {
  const names = readdirSync(KEYCLOAK_THEMES_DIR);
  for (const name of names) {
    const target = join(keycloakHome, 'themes', name);
    rmSync(target, { recursive: true, force: true });
    cpSync(join(KEYCLOAK_THEMES_DIR, name), target, { recursive: true });
  }
  return names;
}

export async function startKeycloak(opts: KeycloakOptions): Promise<RunningKeycloak> {
  const home = await ensureKeycloak();
  installKeycloakThemes(home);
  const javaHome = findJava21();
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const url = (opts.publicUrl ?? `http://localhost:${opts.port}`).replace(/\/+$/, '');
  const managementPort = opts.managementPort ?? (await freePort());
  const args = [
    'start-dev',
    `--http-port=${opts.port}`,
    `--http-management-port=${managementPort}`,
    '--health-enabled=true',
    `--db-url=jdbc:h2:file:${join(dataDir, 'keycloakdb')};NON_KEYWORDS=VALUE`,
    `--hostname=${url}`,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    JAVA_HOME: javaHome,
    PATH: `${join(javaHome, 'bin')}:${process.env.PATH ?? ''}`,
    KC_BOOTSTRAP_ADMIN_USERNAME: opts.adminUser,
    KC_BOOTSTRAP_ADMIN_PASSWORD: opts.adminPassword,
    JAVA_OPTS_KC_HEAP: process.env.JAVA_OPTS_KC_HEAP ?? '-Xms64m -Xmx1024m',
  };
  const proc = spawnManaged({
    name: 'keycloak',
    command: join(home, 'bin', 'kc.sh'),
    args,
    env,
    cwd: dataDir,
    logFile: opts.logFile,
    stopTimeoutMs: 30_000,
  });
  const discovery = `http://127.0.0.1:${opts.port}/realms/master/.well-known/openid-configuration`;
  try {
    await waitUntil(() => httpStatusIs(discovery), {
      timeoutMs: opts.startupTimeoutMs ?? 240_000,
      intervalMs: 1000,
      what: `Keycloak on port ${opts.port}`,
      process: proc,
    });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { url, managementUrl: `http://127.0.0.1:${managementPort}`, process: proc, stop: () => proc.stop() };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface PostgresOptions {
  port: number;
  /** Cluster directory; initialised (initdb) when missing or empty. */
  dataDir: string;
  logFile?: string;
  /** Database to create (default `kartabl`). */
  database?: string;
  /** Trade durability for speed (fsync off); meant for throw-away test clusters. */
  fast?: boolean;
  startupTimeoutMs?: number;
}

export interface RunningPostgres extends RunningService {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string;
}

interface Account {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` system user. */
function postgresAccount(): Account | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('running as root but there is no `postgres` user to run PostgreSQL as');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function runPg(bin: string, tool: string, args: string[], account?: Account): string {
  const out = spawnSync(join(bin, tool), args, { encoding: 'utf8', uid: account?.uid, gid: account?.gid, timeout: 120_000 });
  if (out.status !== 0) {
    throw new Error(`${tool} failed (${String(out.status ?? out.signal)}): ${`${out.stderr}${out.stdout}`.trim().slice(-2000)}`);
  }
  return out.stdout;
}

function initCluster(bin: string, dataDir: string, account: Account | undefined, fast: boolean): void {
  mkdirSync(dataDir, { recursive: true });
  if (account) chownSync(dataDir, account.uid, account.gid);
  chmodSync(dataDir, 0o700);
  const args = ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C'];
  if (fast) args.push('--no-sync');
  runPg(bin, 'initdb', args, account);
}

export async function startPostgres(opts: PostgresOptions): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found (install the `postgresql` package or set KARTABL_PG_BIN)');
  const account = postgresAccount();
  const dataDir = resolve(opts.dataDir);
  const database = opts.database ?? 'kartabl';
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
      throw new Error(`${dataDir} is not empty and not a PostgreSQL cluster`);
    initCluster(bin, dataDir, account, opts.fast ?? false);
  }
  const args = ['-D', dataDir, '-p', String(opts.port), '-h', '127.0.0.1', '-k', dataDir];
  if (opts.fast) args.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const proc = spawnManaged({
    name: 'postgres',
    command: join(bin, 'postgres'),
    args,
    uid: account?.uid,
    gid: account?.gid,
    cwd: dataDir,
    logFile: opts.logFile ?? join(dataDir, '..', 'postgres.log'),
    stopSignal: 'SIGINT',
    stopTimeoutMs: 20_000,
  });
  const host = ['-h', '127.0.0.1', '-p', String(opts.port), '-U', 'postgres'];
  try {
    await waitUntil(async () => (await succeeds(join(bin, 'pg_isready'), [...host, '-q'])).ok, {
      timeoutMs: opts.startupTimeoutMs ?? 60_000,
      what: `PostgreSQL on port ${opts.port}`,
      process: proc,
    });
    const exists = runPg(bin, 'psql', [
      ...host,
      '-X',
      '-d',
      'postgres',
      '-tAc',
      `SELECT 1 FROM pg_database WHERE datname = '${database}'`,
    ]);
    if (exists.trim() !== '1') runPg(bin, 'createdb', [...host, database]);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${opts.port}/${database}`, process: proc, stop: () => proc.stop() };
}
