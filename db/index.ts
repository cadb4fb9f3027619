import { connectDb, type Db, type DbConfig } from './connection';
import { initModels, type Models } from './models';
import { migrate } from './migrate';

export type { Db, DbConfig, DbDialect } from './connection';
export type { Models } from './models';

export interface Database extends Db {
  models: Models;
}

/** Connects, migrates (idempotent) and returns the models. */
export async function openDatabase(config: DbConfig, options: { migrate?: boolean } = {}): Promise<Database> {
  const db = await connectDb(config);
  if (options.migrate !== false) await migrate(db.sequelize);
  return { ...db, models: initModels(db.sequelize) };
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  const dialect = (env.DB_DIALECT ?? 'sqlite') as DbConfig['dialect'];
  if (!['sqlite', 'postgres', 'mssql'].includes(dialect)) {
    throw new Error(`DB_DIALECT must be sqlite, postgres or mssql (got "${dialect}")`);
  }
  return { dialect, storage: env.DB_STORAGE ?? 'data/kartabl.sqlite', url: env.DATABASE_URL, logging: env.DB_LOGGING === 'true' };
}
