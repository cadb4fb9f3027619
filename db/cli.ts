/**
 * Database commands: `tsx db/cli.ts migrate` and `tsx db/cli.ts seed [--demo]`.
 * Uses DB_DIALECT / DB_STORAGE / DATABASE_URL like the API and worker.
 */
import 'dotenv/config';
import { dbConfigFromEnv, openDatabase } from './index';
import { seedBase, seedDemo } from './seed';

async function main(): Promise<void> {
  const [command, ...flags] = process.argv.slice(2);
  const db = await openDatabase(dbConfigFromEnv());
  try {
    if (command === 'migrate') {
      console.log(`database migrated (${db.dialect})`);
    } else if (command === 'seed') {
      await seedBase(db);
      if (flags.includes('--demo')) await seedDemo(db);
      console.log(`database seeded${flags.includes('--demo') ? ' with the demo world' : ''} (${db.dialect})`);
    } else {
      console.error('usage: tsx db/cli.ts migrate | seed [--demo]');
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
