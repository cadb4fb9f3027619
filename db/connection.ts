import fs from 'node:fs';
import path from 'node:path';
import { literal, Sequelize, Transaction, type Utils } from 'sequelize';

export type DbDialect = 'sqlite' | 'postgres' | 'mssql';

export interface DbConfig {
  dialect: DbDialect;
  /** SQLite file (`:memory:` allowed). */
  storage?: string;
  /** postgres://… or mssql://… */
  url?: string;
  logging?: boolean;
}

export interface Db {
  sequelize: Sequelize;
  dialect: DbDialect;
  /** Runs `work` in one transaction; on SQLite, write transactions of this process are serialised. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The single place that knows dialect differences. */
export async function connectDb(config: DbConfig): Promise<Db> {
  const logging = config.logging ? (sql: string) => console.log(sql) : false;
  let sequelize: Sequelize;
  if (config.dialect === 'sqlite') {
    const storage = config.storage ?? 'data/kartabl.sqlite';
    if (storage !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(storage)), { recursive: true });
    sequelize = new Sequelize({ dialect: 'sqlite', storage, logging });
  } else {
    if (!config.url) throw new Error(`DATABASE_URL is required for the ${config.dialect} dialect`);
    sequelize = new Sequelize(config.url, {
      dialect: config.dialect,
      logging,
      pool: { max: 10, min: 0, idle: 10_000 },
      dialectOptions: config.dialect === 'mssql' ? { options: { encrypt: true, trustServerCertificate: true } } : undefined,
    });
  }
  await sequelize.authenticate();
  if (config.dialect === 'sqlite') {
    // Several processes (API, worker) share the file: WAL lets readers run beside a writer,
    // busy_timeout makes a writer wait for the other process instead of failing.
    await sequelize.query('PRAGMA journal_mode = WAL;');
    await sequelize.query('PRAGMA busy_timeout = 15000;');
    await sequelize.query('PRAGMA foreign_keys = ON;');
  }

  // SQLite has one connection per file in Sequelize: two interleaved transactions would share it.
  // IMMEDIATE takes the write lock at BEGIN (waiting up to busy_timeout for the other process), so a
  // transaction that read first never fails later with SQLITE_BUSY when it starts writing.
  let chain: Promise<unknown> = Promise.resolve();
  const transaction = <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    if (config.dialect !== 'sqlite') return sequelize.transaction(work);
    const run = chain.then(() => sequelize.transaction({ type: Transaction.TYPES.IMMEDIATE }, work));
    chain = run.catch(() => undefined);
    return run;
  };

  return { sequelize, dialect: config.dialect, transaction, close: () => sequelize.close() };
}

/** Splits rows into chunks whose parameter count stays under SQL Server's 2,100 limit. */
export function chunkForParams<T>(rows: T[], columnsPerRow: number, maxParams = 2000): T[][] {
  const size = Math.max(1, Math.floor(maxParams / Math.max(1, columnsPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * `SUM(CASE WHEN <column> <test> THEN 1 ELSE 0 END)`: counts of several conditions in one aggregate
 * statement. Values are escaped by the dialect (booleans become 1/0 on SQLite and SQL Server, TRUE/FALSE
 * on PostgreSQL); `column` must be a trusted, snake_case column name.
 */
export function countWhen(sequelize: Sequelize, column: string, value: string | boolean | null): Utils.Literal {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`countWhen: bad column name ${column}`);
  const test = value === null ? 'IS NULL' : `= ${sequelize.escape(value as unknown as string)}`;
  return literal(`SUM(CASE WHEN ${column} ${test} THEN 1 ELSE 0 END)`);
}
