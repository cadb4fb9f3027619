/** Bulk serial import: 100,000 serials into a warehouse, time and peak memory (bench/import-child.ts). */
import { freshDatabase } from '../tests/integration/harness';
import { log, spawnChild } from './lib/world';
import type { BenchOptions } from './run';

export interface ImportResult {
  dialect: string;
  serials: number;
  inStock: number;
  seconds: number;
  createSeconds: number;
  importSeconds: number;
  baseRssMiB: number;
  peakRssMiB: number;
  maxRssMiB: number;
}

export async function serialImport(o: BenchOptions, dialect: 'sqlite' | 'postgres'): Promise<ImportResult> {
  const database = await freshDatabase(dialect);
  try {
    const child = spawnChild('import', 'bench/import-child.ts', {
      ...process.env,
      ...database.env,
      BENCH_SERIALS: String(o.serials),
      LOG_LEVEL: 'silent',
    });
    await child.exited;
    const line = child.log.find((l) => l.startsWith('{"status"'));
    if (child.proc.exitCode !== 0 || !line) throw new Error(`the import failed:\n${child.log.join('\n')}`);
    const r = JSON.parse(line) as Omit<ImportResult, 'dialect'> & { status: string };
    if (r.status !== 'done' || r.inStock !== o.serials) throw new Error(`import ended ${r.status} with ${r.inStock} in stock`);
    log(`import (${dialect}): ${JSON.stringify(r)}`);
    return { dialect, ...r };
  } finally {
    await database.drop();
  }
}
