import express, { type Express, type RequestHandler } from 'express';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import type { Database } from '../db';
import { createTicketRepository } from '../db/repositories/tickets';
import { bi } from '../domain/i18n';
import { createAgentDirectory } from './components/agents/agents.repository';
import { attachmentRoutes } from './components/attachments/attachments.routes';
import { meRoutes } from './components/me/me.routes';
import { ticketRoutes } from './components/tickets/tickets.routes';
import { createTicketService } from './components/tickets/tickets.service';
import { createAuthenticator } from './lib/auth';
import type { ApiConfig } from './lib/config';
import { AppError, errorHandler } from './lib/errors';
import { RouteTable } from './lib/routes';

export interface AppDeps {
  config: ApiConfig;
  db: Database;
  temporal: Client;
  logger: Logger;
}

export function createApp({ config, db, temporal, logger }: AppDeps): { app: Express; routes: RouteTable } {
  const agents = createAgentDirectory(db);
  const ticketRepo = createTicketRepository(db);
  const tickets = createTicketService({
    db,
    repo: ticketRepo,
    agents,
    temporal,
    taskQueue: config.temporal.taskQueue,
    timings: config.tickets,
  });
  const authenticate = createAuthenticator({
    ...config.auth,
    loadActiveAgents: () => agents.activeAgents(),
    resolveUser: (agent, issuer, subject, claims) => agents.resolveUser(agent, issuer, subject, claims),
  });

  const routes = new RouteTable();
  meRoutes(routes, { db, agents });
  ticketRoutes(routes, tickets);
  attachmentRoutes(routes, { db, tickets, ticketRepo, maxBytes: config.attachmentMaxBytes });

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(cors(config.corsOrigins));
  app.use(express.json({ limit: '256kb' }));

  const api = express.Router();
  routes.mount(api, authenticate);
  const openapi = routes.openApiDocument();
  api.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  api.get(['/docs', '/docs/'], (_req, res) => {
    res.type('html').send(DOCS_HTML);
  });
  api.use('/docs', express.static(getAbsoluteFSPath(), { index: false }));
  api.use((_req, _res, next) => {
    next(new AppError(404, 'ROUTE_NOT_FOUND', bi('چنین نشانی‌ای در API وجود ندارد.', 'No such API route.')));
  });
  app.use('/api', api);
  app.use(errorHandler(logger));
  return { app, routes };
}

function cors(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, Idempotency-Key');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Kartabl API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', persistAuthorization: true });</script>
</body></html>`;
