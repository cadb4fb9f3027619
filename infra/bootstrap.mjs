#!/usr/bin/env node
// Runs a TypeScript entry point of the project (with tsx) after making sure the npm dependencies
// are installed and match package-lock.json. Plain Node, no dependencies: it runs on a fresh clone.
//   node infra/bootstrap.mjs infra/dev/start.ts [args…]
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node infra/bootstrap.mjs <entry.ts> [args…]');
  process.exit(2);
}

const lockHash = () =>
  createHash('sha256')
    .update(readFileSync(path.join(root, 'package-lock.json')))
    .digest('hex');
const stamp = path.join(root, 'node_modules', '.kartabl-lock-hash');
const installed = existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash();
if (!installed) {
  // `npm install` with the committed lock, not `npm ci`: registries that serve only this
  // platform's optional binaries make npm ci's strict lock check fail (see README).
  // npm install may rewrite the lock for this platform: the committed one is put back afterwards, so a
  // clone stays clean.
  console.log('kartabl: installing npm dependencies…');
  const lockFile = path.join(root, 'package-lock.json');
  const committed = readFileSync(lockFile);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  writeFileSync(lockFile, committed);
  if (r.status !== 0) {
    console.error('kartabl: npm install failed');
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, lockHash());
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const child = spawn(process.execPath, [tsx, path.join(root, entry), ...args], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole foreground group; the child decides how to stop, we wait for it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (signal !== 'SIGINT') child.kill(signal);
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
