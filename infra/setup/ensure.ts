/**
 * Finds or installs the external tools Kartabl needs for `npm start` and `npm test`:
 * the Temporal CLI (dev server), Keycloak (+ a JDK >= 21), Chromium (e2e) and PostgreSQL (tests).
 *
 * Downloads are cached in `~/.cache/kartabl` (override with KARTABL_CACHE_DIR).
 *
 * CLI: `npx tsx infra/setup/ensure.ts` installs everything it can and prints what it found.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

export const TEMPORAL_CLI_VERSION = '1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const KEYCLOAK_VERSION = '26.7.3';
export const MIN_JAVA = 21;

const log = (msg: string): void => console.error(`[ensure] ${msg}`);

export function cacheDir(): string {
  const dir = process.env.KARTABL_CACHE_DIR || join(homedir(), '.cache', 'kartabl');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Looks a command up on PATH, like `which`. */
export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Runs a command with its output on our stderr; rejects on a non-zero exit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  log(`$ ${command} ${args.join(' ')}`);
  return new Promise((res, rej) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 2, 2] });
    child.once('error', rej);
    child.once('exit', (code, signal) =>
      code === 0 ? res() : rej(new Error(`${command} failed (${signal ?? `code ${String(code)}`})`)),
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Temporal CLI

export async function ensureTemporalCli(): Promise<string> {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv && isExecutable(fromEnv)) return fromEnv;
  const onPath = which('temporal');
  if (onPath) return onPath;
  const binDir = join(cacheDir(), 'bin');
  const cached = join(binDir, 'temporal');
  if (isExecutable(cached)) return cached;

  const go = which('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);
  if (!go) throw new Error(goMissingHelp());
  log(`building the Temporal CLI v${TEMPORAL_CLI_VERSION} with Go (a few minutes, once)`);
  mkdirSync(binDir, { recursive: true });
  await run(go, ['install', `${TEMPORAL_CLI_MODULE}@v${TEMPORAL_CLI_VERSION}`], {
    ...process.env,
    GOBIN: binDir,
    GOFLAGS: process.env.GOFLAGS ?? '-trimpath',
  });
  if (!isExecutable(cached)) throw new Error(`go install finished but ${cached} is missing`);
  return cached;
}

function goMissingHelp(): string {
  return [
    'The Temporal CLI was not found (PATH, TEMPORAL_CLI_PATH, ~/.cache/kartabl/bin) and Go is not installed to build it.',
    'Either install the Temporal CLI (https://docs.temporal.io/cli#install) or install Go >= 1.25 from the official release:',
    '  curl -fsSLo /tmp/go.tgz https://go.dev/dl/go1.25.5.linux-amd64.tar.gz',
    '  sudo rm -rf /usr/local/go && sudo tar -C /usr/local -xzf /tmp/go.tgz',
    '  export PATH=$PATH:/usr/local/go/bin',
    'then run `npx tsx infra/setup/ensure.ts` again.',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Keycloak

export function keycloakTarballUrl(version = KEYCLOAK_VERSION): string {
  return `https://repo1.maven.org/maven2/org/keycloak/keycloak-quarkus-dist/${version}/keycloak-quarkus-dist-${version}.tar.gz`;
}

/** Home directory of the Keycloak distribution (downloaded and extracted on first use). */
export async function ensureKeycloak(version = KEYCLOAK_VERSION): Promise<string> {
  const dir = cacheDir();
  const home = join(dir, `keycloak-${version}`);
  if (existsSync(join(home, 'bin', 'kc.sh'))) return home;
  const tarball = join(dir, `keycloak-${version}.tar.gz`);
  if (!existsSync(tarball)) await download(keycloakTarballUrl(version), tarball);
  await extractTarball(tarball, dir, `keycloak-${version}`);
  if (!existsSync(join(home, 'bin', 'kc.sh'))) throw new Error(`${tarball} did not contain keycloak-${version}/bin/kc.sh`);
  return home;
}

/** Downloads to `<dest>.part`, checks Maven Central's SHA-1 when available, then renames. */
async function download(url: string, dest: string): Promise<void> {
  log(`downloading ${url}`);
  const part = `${dest}.part`;
  const res = await fetch(url);
  if (!res.ok || !res.body) throw new Error(`download of ${url} failed: HTTP ${res.status}`);
  await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(part));
  const expected = await fetchText(`${url}.sha1`);
  if (expected) {
    const actual = await sha1(part);
    if (actual !== expected.trim().split(/\s+/)[0]) {
      rmSync(part, { force: true });
      throw new Error(`checksum mismatch for ${url}`);
    }
  }
  renameSync(part, dest);
  log(`saved ${dest}`);
}

async function fetchText(url: string): Promise<string | undefined> {
  try {
    const res = await fetch(url);
    return res.ok ? await res.text() : undefined;
  } catch {
    return undefined;
  }
}

async function sha1(file: string): Promise<string> {
  const hash = createHash('sha1');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Extracts into a scratch directory, then renames `topDir` into place (atomic for readers). */
async function extractTarball(tarball: string, dir: string, topDir: string): Promise<void> {
  const scratch = join(dir, `.extract-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    await run('tar', ['-xzf', tarball, '-C', scratch]);
    const target = join(dir, topDir);
    rmSync(target, { recursive: true, force: true });
    renameSync(join(scratch, topDir), target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Java

/** Major version of the JDK at `home` (from its `release` file, else `java -version`). */
export function javaMajor(home: string): number | undefined {
  const java = join(home, 'bin', 'java');
  if (!isExecutable(java)) return undefined;
  const release = join(home, 'release');
  let version: string | undefined;
  if (existsSync(release)) version = /JAVA_VERSION="([^"]+)"/.exec(readFileSync(release, 'utf8'))?.[1];
  if (!version) {
    const out = spawnSync(java, ['-version'], { encoding: 'utf8' });
    version = /version "([^"]+)"/.exec(`${out.stderr}${out.stdout}`)?.[1];
  }
  if (!version) return undefined;
  const parts = version.split(/[._-]/).map(Number);
  return parts[0] === 1 ? parts[1] : parts[0];
}

function javaCandidates(): string[] {
  const out: string[] = [];
  for (const root of ['/usr/lib/jvm', '/opt/java', '/usr/local/java']) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root)) out.push(join(root, name));
  }
  const onPath = which('java');
  if (onPath) out.push(dirname(dirname(realpathSync(onPath))));
  return out;
}

/** JAVA_HOME of a JDK >= 21: $JAVA_HOME if it qualifies, else the newest one found. */
export function findJava21(): string {
  const fromEnv = process.env.JAVA_HOME;
  if (fromEnv && (javaMajor(fromEnv) ?? 0) >= MIN_JAVA) return fromEnv;
  let best: { home: string; major: number } | undefined;
  for (const home of javaCandidates()) {
    const major = javaMajor(home);
    if (major !== undefined && major >= MIN_JAVA && (!best || major > best.major)) best = { home, major };
  }
  if (best) return best.home;
  throw new Error(
    `Keycloak ${KEYCLOAK_VERSION} needs a JDK >= ${MIN_JAVA}; none found in $JAVA_HOME, /usr/lib/jvm or PATH. ` +
      'Install one (e.g. `apt-get install openjdk-21-jdk-headless` on Debian 13 / Ubuntu 24.04, or Eclipse Temurin 21+) ' +
      'or set JAVA_HOME.',
  );
}

// ---------------------------------------------------------------------------------------------
// Chromium and PostgreSQL

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export function findChromium(): string | undefined {
  for (const env of [process.env.KARTABL_CHROMIUM_PATH, process.env.CHROME_PATH]) {
    if (env && isExecutable(env)) return env;
  }
  for (const name of CHROMIUM_NAMES) {
    const found = which(name);
    if (found) return found;
  }
  return undefined;
}

/** Path of a Chromium binary; apt-installs `chromium` when allowed, missing and we are root. */
export async function ensureChromium(opts: { install?: boolean } = {}): Promise<string | undefined> {
  const found = findChromium();
  if (found || opts.install === false) return found;
  if (await aptInstall(['chromium'])) return findChromium();
  return undefined;
}

/** Directory holding `initdb` and `postgres`, or undefined. Prefers the newest Debian version. */
export function findPostgresBin(): string | undefined {
  const fromEnv = process.env.KARTABL_PG_BIN;
  if (fromEnv && hasPostgres(fromEnv)) return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (hasPostgres(join(debian, v, 'bin'))) return join(debian, v, 'bin');
  }
  const initdb = which('initdb');
  if (initdb && hasPostgres(dirname(initdb))) return dirname(initdb);
  return undefined;
}

function hasPostgres(bin: string): boolean {
  return isExecutable(join(bin, 'initdb')) && isExecutable(join(bin, 'postgres'));
}

export async function ensurePostgres(opts: { install?: boolean } = {}): Promise<string | undefined> {
  const found = findPostgresBin();
  if (found || opts.install === false) return found;
  if (await aptInstall(['postgresql'])) return findPostgresBin();
  return undefined;
}

let aptUpdated = false;

/** `apt-get install -y` when we are root and apt exists; returns false when not possible. */
async function aptInstall(packages: string[]): Promise<boolean> {
  if (!isRoot() || !which('apt-get')) {
    log(`cannot install ${packages.join(', ')} automatically (needs root and apt-get); please install it yourself`);
    return false;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    if (!aptUpdated) await run('apt-get', ['update'], env);
    aptUpdated = true;
    await run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], env);
    return true;
  } catch (err) {
    log(`apt-get install ${packages.join(' ')} failed: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

export interface Toolchain {
  temporal: string;
  keycloakHome: string;
  javaHome: string;
  chromium?: string;
  postgresBin?: string;
}

/** Everything `npm test` needs (installing when allowed). */
export async function ensureAll(opts: { install?: boolean } = {}): Promise<Toolchain> {
  const [temporal, keycloakHome] = await Promise.all([ensureTemporalCli(), ensureKeycloak()]);
  const javaHome = findJava21();
  const chromium = await ensureChromium(opts);
  const postgresBin = await ensurePostgres(opts);
  return { temporal, keycloakHome, javaHome, chromium, postgresBin };
}

async function main(): Promise<void> {
  const tools = await ensureAll({ install: true });
  const show = (label: string, value: string | undefined): void => console.log(`${label.padEnd(14)} ${value ?? '(not found)'}`);
  show('temporal', tools.temporal);
  show('keycloak', tools.keycloakHome);
  show('java (>=21)', `${tools.javaHome} (${String(javaMajor(tools.javaHome))})`);
  show('chromium', tools.chromium);
  show('postgres bin', tools.postgresBin);
}

if (/infra\/setup\/ensure\.ts$/.test((process.argv[1] ?? '').replace(/\\/g, '/'))) {
  main().catch((err: unknown) => {
    console.error(`[ensure] ✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
