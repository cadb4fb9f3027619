/**
 * Database commands: `tsx db/cli.ts migrate`, `tsx db/cli.ts seed [--demo]` and
 * `tsx db/cli.ts audit-verify` (exit code 1 and the first broken entry when the audit chain is broken).
 * Uses DB_DIALECT / DB_STORAGE / DATABASE_URL like the API and worker.
 */
import 'dotenv/config';
import { dbConfigFromEnv, openDatabase } from './index';
import { verifyAuditChain } from './audit';
import { seedBase, seedDemo } from './seed';

async function main(): Promise<void> {
  const [command, ...flags] = process.argv.slice(2);
  const db = await openDatabase(dbConfigFromEnv());
  try {
    if (command === 'migrate') {
      console.log(`database migrated (${db.dialect})`);
    } else if (command === 'seed') {
      await seedBase(db);
      if (flags.includes('--demo'))
        await seedDemo(db, {
          pspAUrl: process.env.PSP_A_URL,
          pspBUrl: process.env.PSP_B_URL,
          credentialsKey: process.env.CREDENTIALS_KEY || undefined,
        });
      console.log(`database seeded${flags.includes('--demo') ? ' with the demo world' : ''} (${db.dialect})`);
    } else if (command === 'audit-verify') {
      const result = await verifyAuditChain(db);
      if (result.ok) console.log(`audit chain intact: ${result.checked} entries verified (${db.dialect})`);
      else {
        console.error(
          `audit chain BROKEN at entry #${result.firstBroken?.seq} (${result.firstBroken?.reason}); ${result.checked} entries before it verified`,
        );
        process.exitCode = 1;
      }
    } else {
      console.error('usage: tsx db/cli.ts migrate | seed [--demo] | audit-verify');
      process.exitCode = 2;
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
