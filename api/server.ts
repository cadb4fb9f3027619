import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import pino, { type Logger } from 'pino';
import { openDatabase, type Database } from '../db';
import { seedBase } from '../db/seed';
import { createApp } from './app';
import { loadConfig, type ApiConfig } from './lib/config';
import { withPatience } from './lib/patience';
import type { RegisteredRoute } from './lib/routes';

export interface RunningServer {
  url: string;
  port: number;
  config: ApiConfig;
  db: Database;
  temporal: Client;
  /** Every route with the access it declares (tests enumerate them). */
  routes: RegisteredRoute[];
  stop(): Promise<void>;
}

/** Starts the API (port 0 picks a free port, as tests do). */
export async function startServer(env: NodeJS.ProcessEnv = process.env, logger?: Logger): Promise<RunningServer> {
  const config = loadConfig(env);
  const log = logger ?? pino({ level: config.logLevel, name: 'api' });
  const db = await openDatabase(config.db);
  await seedBase(db);
  const connection = await withPatience(
    `Temporal at ${config.temporal.address}`,
    async () => {
      // A failed attempt's channel is closed, not left behind for the next one.
      const c = Connection.lazy({ address: config.temporal.address });
      try {
        await c.ensureConnected();
        return c;
      } catch (err) {
        await c.close().catch(() => undefined);
        throw err;
      }
    },
    {
      patienceMs: config.temporal.connectPatienceMs,
      onRetry: ({ what, why, nextInMs }) => log.warn(`api: ${what} not reachable (${why}); again in ${nextInMs} ms`),
    },
  ).catch(async (err: unknown) => {
    await db.close();
    throw err;
  });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const { app, routes } = createApp({ config, db, temporal, logger: log });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const port = (server.address() as AddressInfo).port;
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    config,
    db,
    temporal,
    routes: routes.routes,
    async stop() {
      if (stopped) return;
      stopped = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Calls still running after the grace period lose their connection (their clients retry).
      const grace = setTimeout(() => {
        log.warn(`api: calls still in flight after ${config.shutdownGraceMs} ms, closing their connections`);
        server.closeAllConnections();
      }, config.shutdownGraceMs);
      await closed;
      clearTimeout(grace);
      await connection.close();
      await db.close();
    },
  };
}

export async function stopServer(server: RunningServer): Promise<void> {
  await server.stop();
}
