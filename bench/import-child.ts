/**
 * One bulk serial import in a process of its own (so its peak memory is its own): opens the database
 * of DB_DIALECT / DB_STORAGE / DATABASE_URL, creates an entry document of BENCH_SERIALS serials in a
 * warehouse and imports it through createStockRepository; prints one JSON line.
 */
import { SYSTEM_ACTOR } from '../db/audit';
import { dbConfigFromEnv, openDatabase } from '../db';
import { createStockRepository } from '../db/repositories/stock';
import { ensureAgent } from '../db/seed';

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_SERIALS ?? 100_000);
  const db = await openDatabase(dbConfigFromEnv());
  const { seedBase } = await import('../db/seed');
  await seedBase(db);
  const agentId = await ensureAgent(db, { code: 'bench', realm: 'bench', nameFa: 'بنچ', nameEn: 'Bench', parentCode: 'broker' });
  const stock = createStockRepository(db);
  const warehouse = await stock.warehouseOfAgent(agentId);
  const lines = Array.from({ length: count }, (_, i) => ({
    line: i + 1,
    serial: `IMP-${String(i + 1).padStart(8, '0')}`,
    deviceModel: 'pax-s90',
  }));
  global.gc?.();
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const doc = await stock.createEntry({ warehouse, lines, actor: SYSTEM_ACTOR });
  const created = performance.now();
  const done = await stock.importEntry(doc.id);
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const inStock = await db.models.Device.count({ where: { entryDocumentId: doc.id, state: 'in_stock' } });
  console.log(
    JSON.stringify({
      status: done.status,
      serials: count,
      inStock,
      seconds,
      createSeconds: (created - t0) / 1000,
      importSeconds: seconds - (created - t0) / 1000,
      baseRssMiB: baseRss / 2 ** 20,
      peakRssMiB: peakRss / 2 ** 20,
      maxRssMiB: process.resourceUsage().maxRSS / 1024,
    }),
  );
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
