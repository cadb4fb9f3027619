import { z } from 'zod';
import { parseDuration } from '../../domain/duration';
import { dbConfigFromEnv, type DbConfig } from '../../db';
import { parseKey } from '../../db/secret-box';
import type { RealmProvisioningConfig } from '../../infra/keycloak/provision';

export type { RealmProvisioningConfig };

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parseDuration(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: (e as Error).message });
        return z.NEVER;
      }
    });

/** A duration, or `0` / `off`: switched off (0). */
const durationOrOff = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      if (/^\s*(off|0)\s*$/i.test(v)) return 0;
      try {
        return parseDuration(v);
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `${(e as Error).message}, or 0 / off` });
        return z.NEVER;
      }
    });

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('kartabl'),
  /**
   * How long the API and the worker keep trying to reach Temporal when they start (a dev server being
   * restarted, a cluster still coming up) before they give up; 0: one attempt.
   */
  TEMPORAL_CONNECT_PATIENCE: durationOrOff('2m'),
  KEYCLOAK_URL: z.url().default('http://localhost:8180'),
  KEYCLOAK_INTERNAL_URL: z.url().optional(),
  KEYCLOAK_AUDIENCE: z.string().min(1).default('kartabl-api'),
  JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  TICKET_FIRST_RESPONSE_SLA: duration('4h'),
  TICKET_AUTO_CLOSE_AFTER: duration('72h'),
  TICKET_RATING_WINDOW: duration('7d'),
  /** First wait before asking a PSP for a request's verdict; doubles up to REQUEST_PSP_POLL_MAX. */
  REQUEST_PSP_POLL_INTERVAL: duration('10s'),
  REQUEST_PSP_POLL_MAX: duration('5m'),
  /** The API's base URL as the PSPs reach it, for verdict callbacks (unset: polling only). */
  PSP_CALLBACK_BASE_URL: z.url().optional(),
  /** How often the worker's Temporal Schedule `terminal-sync` asks the PSPs for terminal states (0 / off: never). */
  TERMINAL_SYNC_INTERVAL: durationOrOff('6h'),
  /** Calls per second to each PSP from one worker process (0 = unlimited). */
  PSP_RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(10_000).default(20),
  CORS_ORIGINS: z.string().default('http://localhost:4200'),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** 32 random bytes, base64: seals PSP credentials and pending temporary passwords (AES-256-GCM). */
  CREDENTIALS_KEY: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || parseKey(v) !== undefined, {
      message: 'must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
    }),
  KEYCLOAK_ADMIN_USER: z.string().optional(),
  KEYCLOAK_ADMIN_PASSWORD: z.string().optional(),
  /** Portal URL(s) every new agent realm's portal client accepts as redirect, besides the agent's domains. */
  PORTAL_URL: z.string().default('http://localhost:4200'),
  /** Tests only: new agent realms also get the password-grant test clients. */
  KEYCLOAK_TEST_CLIENTS: z.enum(['true', 'false']).default('false'),
  /** A scraper's bearer token for GET /api/metrics (besides users with events.read); unset: users only. */
  METRICS_TOKEN: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || (v.length >= 16 && /^\S+$/.test(v)), {
      message: 'must be at least 16 characters without spaces (e.g. `openssl rand -hex 24`)',
    }),
  /**
   * On SIGTERM/SIGINT the API stops taking connections and lets calls in flight finish for this long,
   * then closes what is left (a call waiting on a workflow whose worker is down would hold it for
   * minutes; its work is already durable in Temporal and a retry with the same key finds it).
   */
  SHUTDOWN_GRACE: duration('10s'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface ApiConfig {
  port: number;
  db: DbConfig;
  temporal: { address: string; namespace: string; taskQueue: string; connectPatienceMs: number };
  auth: {
    keycloakUrl: string;
    /** Where the API fetches signing keys; the public URL unless Keycloak is reached differently inside a network. */
    keycloakInternalUrl: string;
    audience: string;
    clockToleranceSeconds: number;
  };
  tickets: { firstResponseSlaMs: number; autoCloseAfterMs: number; ratingWindowMs: number };
  requests: { pollIntervalMs: number; pollMaxMs: number };
  pspRateLimitPerSecond: number;
  pspCallbackBaseUrl?: string;
  /** TERMINAL_SYNC_INTERVAL in ms; 0: the terminal status sync schedule is off. */
  terminalSyncIntervalMs: number;
  corsOrigins: string[];
  attachmentMaxBytes: number;
  logLevel: string;
  realms: RealmProvisioningConfig;
  /** METRICS_TOKEN: also accepted as `Authorization: Bearer …` on GET /api/metrics. */
  metricsToken?: string;
  /** SHUTDOWN_GRACE in ms. */
  shutdownGraceMs: number;
}

/** Reads and checks the configuration; throws a readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const trim = (u: string) => u.replace(/\/+$/, '');
  return {
    port: e.PORT,
    db: dbConfigFromEnv(env),
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      connectPatienceMs: e.TEMPORAL_CONNECT_PATIENCE,
    },
    auth: {
      keycloakUrl: trim(e.KEYCLOAK_URL),
      keycloakInternalUrl: trim(e.KEYCLOAK_INTERNAL_URL ?? e.KEYCLOAK_URL),
      audience: e.KEYCLOAK_AUDIENCE,
      clockToleranceSeconds: e.JWT_CLOCK_TOLERANCE_SECONDS,
    },
    tickets: {
      firstResponseSlaMs: e.TICKET_FIRST_RESPONSE_SLA,
      autoCloseAfterMs: e.TICKET_AUTO_CLOSE_AFTER,
      ratingWindowMs: e.TICKET_RATING_WINDOW,
    },
    requests: { pollIntervalMs: e.REQUEST_PSP_POLL_INTERVAL, pollMaxMs: e.REQUEST_PSP_POLL_MAX },
    pspRateLimitPerSecond: e.PSP_RATE_LIMIT_PER_SECOND,
    pspCallbackBaseUrl: e.PSP_CALLBACK_BASE_URL,
    terminalSyncIntervalMs: e.TERMINAL_SYNC_INTERVAL,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    attachmentMaxBytes: e.ATTACHMENT_MAX_BYTES,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN || undefined,
    shutdownGraceMs: e.SHUTDOWN_GRACE,
    realms: {
      keycloakUrl: trim(e.KEYCLOAK_URL),
      adminUrl: trim(e.KEYCLOAK_INTERNAL_URL ?? e.KEYCLOAK_URL),
      admin:
        e.KEYCLOAK_ADMIN_USER && e.KEYCLOAK_ADMIN_PASSWORD
          ? { username: e.KEYCLOAK_ADMIN_USER, password: e.KEYCLOAK_ADMIN_PASSWORD }
          : undefined,
      credentialsKey: e.CREDENTIALS_KEY || undefined,
      portalUrls: e.PORTAL_URL.split(',')
        .map((u) => trim(u.trim()))
        .filter(Boolean),
      testClients: e.KEYCLOAK_TEST_CLIENTS === 'true',
    },
  };
}
