/** The API process. */
import 'dotenv/config';
import pino from 'pino';
import { startServer } from './server';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', name: 'api' });

process.on('unhandledRejection', (reason) => {
  logger.fatal({ err: reason }, 'unhandled rejection');
  process.exit(1);
});

startServer(process.env, logger)
  .then((server) => {
    logger.info(`api: listening on ${server.url} (db ${server.db.dialect}, temporal ${server.config.temporal.address})`);
    const shutdown = (signal: string) => {
      logger.info(`api: ${signal}, shutting down`);
      server.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'api: shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  })
  .catch((err: unknown) => {
    logger.fatal({ err }, 'api: could not start');
    process.exit(1);
  });
