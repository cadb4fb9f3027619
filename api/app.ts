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
import { merchantRoutes } from './components/merchants/merchants.routes';
import { ticketRoutes } from './components/tickets/tickets.routes';
import { createTicketService } from './components/tickets/tickets.service';
import { createAccessRepository, type AccessRepository } from '../db/repositories/access';
import { recordEvent, type Actor } from '../db/audit';
import { accessRoutes } from './components/access/access.routes';
import { auditRoutes } from './components/audit/audit.routes';
import { basedataRoutes } from './components/basedata/basedata.routes';
import { agentRoutes } from './components/agents/agents.routes';
import { createRealmAdmin } from './components/agents/realm-admin';
import { userRoutes } from './components/users/users.routes';
import { agreementRoutes } from './components/agreements/agreements.routes';
import { brandingRoutes } from './components/branding/branding.routes';
import { settingsRoutes } from './components/settings/settings.routes';
import { pspRoutes } from './components/psp/psp.routes';
import { requestRoutes } from './components/requests/requests.routes';
import { stockRoutes } from './components/stock/stock.routes';
import { terminalSyncRoutes } from './components/terminals/terminal-sync.routes';
import { createDefaultAdapterRegistry, type PspAdapterRegistry } from '../activities/psp/registry';
import type { AgentDirectory } from './components/agents/agents.repository';
import { createAuthenticator, type Authenticator } from './lib/auth';
import { createIpPolicy, type IpPolicy } from './lib/ip-policy';
import type { ApiConfig } from './lib/config';
import { AppError, errorHandler, type ErrorObserver } from './lib/errors';
import { RouteTable } from './lib/routes';

export interface AppDeps {
  config: ApiConfig;
  db: Database;
  temporal: Client;
  logger: Logger;
  /** PSP adapters (tests inject fakes); default: activities/psp/registry.ts. */
  pspAdapters?: PspAdapterRegistry;
}

/** What every component's routes may use. */
export interface ApiContext extends AppDeps {
  agents: AgentDirectory;
  access: AccessRepository;
  ipPolicy: IpPolicy;
  authenticate: Authenticator;
}

export function createApp({ config, db, temporal, logger, pspAdapters }: AppDeps): {
  app: Express;
  routes: RouteTable;
  ctx: ApiContext;
} {
  const access = createAccessRepository(db);
  const agents = createAgentDirectory(db, access);
  const ipPolicy = createIpPolicy(db);
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
    resolveUser: (agent, issuer, subject, claims, tokenRoles) => agents.resolveUser(agent, issuer, subject, claims, tokenRoles),
    accessOf: (userId, agent) => access.accessOf(userId, agent.id),
    checkIp: (agent, ip) => ipPolicy.check(agent.id, ip),
    onSignIn: (who, session) => {
      void recordEvent(
        db,
        {
          type: 'auth.login',
          actor: who,
          message: `signed in through ${session.clientId ?? 'an unknown client'}`,
          details: session,
        },
        (err) => logger.warn({ err }, 'could not record a sign-in event'),
      );
    },
  });
  const ctx: ApiContext = { config, db, temporal, logger, agents, access, ipPolicy, authenticate };

  const routes = new RouteTable();
  meRoutes(routes, { db, agents });
  ticketRoutes(routes, tickets);
  attachmentRoutes(routes, { db, tickets, ticketRepo, maxBytes: config.attachmentMaxBytes });
  accessRoutes(routes, ctx);
  auditRoutes(routes, ctx);
  merchantRoutes(routes, ctx);
  basedataRoutes(routes, ctx);
  const realmAdmin = createRealmAdmin(config.realms);
  agentRoutes(routes, ctx, realmAdmin);
  userRoutes(routes, ctx, realmAdmin);
  agreementRoutes(routes, ctx);
  brandingRoutes(routes, ctx);
  settingsRoutes(routes, ctx);
  pspRoutes(routes, ctx, pspAdapters ?? createDefaultAdapterRegistry());
  requestRoutes(routes, ctx, config.requests);
  terminalSyncRoutes(routes, ctx);
  stockRoutes(routes, ctx);

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
  app.use(errorHandler(logger, observeErrors(db, logger)));
  return { app, routes, ctx };
}

/** Refused (401/403) and failed (5xx) requests become system events. */
function observeErrors(db: Database, logger: Logger): ErrorObserver {
  return (req, error, cause) => {
    if (error.status !== 401 && error.status !== 403 && error.status < 500) return;
    const who = (req as typeof req & { who?: Actor }).who;
    const type =
      error.status >= 500
        ? 'request.failed'
        : error.code === 'IP_NOT_ALLOWED'
          ? 'access.ip-blocked'
          : error.status === 401
            ? 'auth.refused'
            : 'access.denied';
    void recordEvent(
      db,
      {
        type,
        severity: error.status >= 500 ? 'error' : 'warning',
        actor: who ?? { ip: req.ip ?? null },
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: error.status,
        code: error.code,
        message: error.text.en,
        details: error.status >= 500 && cause instanceof Error ? { error: cause.message } : undefined,
      },
      (err) => logger.warn({ err }, 'could not record a system event'),
    );
  };
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
