import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** The Temporal CLI the tests run as a local dev server (set by the test runner, or found here). */
export function temporalCliPath(): string {
  const candidates = [
    process.env.TEMPORAL_CLI_PATH,
    path.join(process.env.KARTABL_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'kartabl'), 'bin', 'temporal'),
  ].filter((p): p is string => Boolean(p));
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    return execFileSync('which', ['temporal'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Temporal CLI not found: run `npx tsx infra/setup/ensure.ts` or set TEMPORAL_CLI_PATH');
  }
}
