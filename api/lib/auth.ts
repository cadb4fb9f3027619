import type { Request } from 'express';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { Actor as AuditActor } from '../../db/audit';
import type { Permission } from '../../domain/access';
import { bi } from '../../domain/i18n';
import type { Actor } from '../../domain/tickets/ticket';
import { AppError } from './errors';

export interface AgentInfo {
  id: string;
  code: string;
  realm: string;
  nameFa: string;
  nameEn: string;
  isBroker: boolean;
}

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  active: boolean;
}

export interface AuthContext {
  issuer: string;
  subject: string;
  agent: AgentInfo;
  user: UserInfo;
  /** Codes of the roles granted in Kartabl (the database decides, not the token). */
  roles: string[];
  permissions: Permission[];
  /** The caller's address as Express sees it (proxies trusted per `trust proxy`). */
  ip: string | null;
  /** The person as the workflows know them. */
  actor: Actor;
  /** The person as the audit log and system events record them. */
  who: AuditActor;
}

export interface AuthDeps {
  keycloakUrl: string;
  keycloakInternalUrl: string;
  audience: string;
  clockToleranceSeconds: number;
  /** Active agents by realm name; consulted again when an unknown realm shows up. */
  loadActiveAgents(): Promise<AgentInfo[]>;
  /** Finds or creates the user record of issuer + subject (first sight turns token roles into grants). */
  resolveUser(agent: AgentInfo, issuer: string, subject: string, claims: JWTPayload, tokenRoles: string[]): Promise<UserInfo>;
  /** The user's granted roles and effective permissions. */
  accessOf(userId: string, agent: AgentInfo): Promise<{ roles: string[]; permissions: Permission[] }>;
  /** Throws a 403 when the address is outside the allowed ranges for this agent. */
  checkIp(agent: AgentInfo, ip: string | null): Promise<void>;
  /** Called once per Keycloak session (`sid`) this process sees: a sign-in. */
  onSignIn?(who: AuditActor, session: { sid: string; clientId: string | null }): void;
}

const ALGORITHMS = ['RS256'];
/** Agents suspended or added elsewhere (another API replica) are noticed within this delay. */
const REGISTRY_TTL_MS = 10_000;
/**
 * A token of an issuer not (yet) trusted re-reads the agents at most this often. Counted from the last
 * re-read an unknown issuer caused, not from any re-read: a realm the worker has just provisioned (and
 * marked active in the database, which this process is not told about) is trusted at its first token
 * even when the registry was re-read a moment earlier.
 */
const UNKNOWN_REFRESH_MS = 2_000;

const invalid = (en: string, fa = 'توکن دسترسی معتبر نیست.'): AppError =>
  new AppError(401, 'AUTH_INVALID_TOKEN', bi(fa, `Invalid access token: ${en}`));

/**
 * Verifies Keycloak access tokens of many realms: the issuer must be the realm of an active
 * agent (exact string), the signature must check against that realm's keys with RS256, the
 * audience must contain ours and `typ` must be `Bearer` (ID and refresh tokens are refused).
 */
export type Authenticator = ((req: Request) => Promise<AuthContext>) & {
  /** Re-reads the active agents on the next request (after an agent was added or suspended here). */
  invalidateAgents(): void;
};

export function createAuthenticator(deps: AuthDeps): Authenticator {
  const issuerOf = (realm: string) => `${deps.keycloakUrl}/realms/${realm}`;
  let registry = new Map<string, AgentInfo>();
  let loadedAt = 0;
  let unknownReloadAt = 0;
  let loading: Promise<void> | null = null;
  const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
  const sessionsSeen = new Set<string>();

  const reload = (): Promise<void> => {
    loading ??= deps
      .loadActiveAgents()
      .then((agents) => {
        registry = new Map(agents.map((a) => [issuerOf(a.realm), a]));
        loadedAt = Date.now();
        // Keys of realms that are no longer trusted are dropped.
        for (const iss of jwks.keys()) if (!registry.has(iss)) jwks.delete(iss);
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  };

  const agentFor = async (issuer: string): Promise<AgentInfo | undefined> => {
    const age = Date.now() - loadedAt;
    if (age > REGISTRY_TTL_MS) await reload();
    else if (!registry.has(issuer) && Date.now() - unknownReloadAt > UNKNOWN_REFRESH_MS) {
      unknownReloadAt = Date.now();
      await reload();
    }
    return registry.get(issuer);
  };

  const keysFor = (issuer: string, realm: string) => {
    let set = jwks.get(issuer);
    if (!set) {
      set = createRemoteJWKSet(new URL(`${deps.keycloakInternalUrl}/realms/${realm}/protocol/openid-connect/certs`), {
        cooldownDuration: 10_000,
        cacheMaxAge: 10 * 60_000,
      });
      jwks.set(issuer, set);
    }
    return set;
  };

  const authenticate = async (req: Request): Promise<AuthContext> => {
    const header = req.headers.authorization;
    if (!header) {
      throw new AppError(401, 'AUTH_REQUIRED', bi('برای این کار باید وارد شوید.', 'You need to sign in to do this.'));
    }
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header);
    if (!match) throw invalid('the Authorization header must be "Bearer <JWT>"');
    const token = match[1];

    let unverified: JWTPayload;
    try {
      const protectedHeader = decodeProtectedHeader(token);
      if (!protectedHeader.alg || !ALGORITHMS.includes(protectedHeader.alg)) {
        throw invalid(`algorithm ${protectedHeader.alg ?? 'none'} is not accepted`);
      }
      unverified = decodeJwt(token);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw invalid('the token cannot be decoded');
    }
    const issuer = typeof unverified.iss === 'string' ? unverified.iss : '';
    const agent = await agentFor(issuer);
    if (!agent) {
      throw new AppError(
        401,
        'AUTH_UNKNOWN_ISSUER',
        bi('این توکن از سازمانی صادر شده که در کارتابل شناخته نیست.', 'The token was issued by a realm Kartabl does not trust.'),
      );
    }

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keysFor(issuer, agent.realm), {
        issuer,
        audience: deps.audience,
        algorithms: ALGORITHMS,
        clockTolerance: deps.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        throw new AppError(
          401,
          'AUTH_TOKEN_EXPIRED',
          bi('نشست شما منقضی شده است؛ دوباره وارد شوید.', 'Your session has expired; please sign in again.'),
        );
      }
      if (err instanceof joseErrors.JWTClaimValidationFailed) throw invalid(`claim "${err.claim}" failed: ${err.reason}`);
      if (err instanceof joseErrors.JOSEError) throw invalid(err.code);
      throw err;
    }
    if (payload.typ !== 'Bearer') throw invalid(`token type "${String(payload.typ)}" is not an access token`);
    const subject = payload.sub as string;

    const realmAccess = payload.realm_access as { roles?: unknown } | undefined;
    const tokenRoles = Array.isArray(realmAccess?.roles)
      ? realmAccess.roles.filter((r): r is string => typeof r === 'string')
      : [];
    const ip = req.ip ?? null;
    const user = await deps.resolveUser(agent, issuer, subject, payload, tokenRoles);
    const who: AuditActor = { issuer, subject, userId: user.id, name: user.displayName, agentId: agent.id, ip };
    // Known from here on: later refusals are recorded against this person.
    (req as Request & { who?: AuditActor }).who = who;
    if (!user.active) {
      throw new AppError(403, 'USER_DISABLED', bi('حساب کاربری شما غیرفعال شده است.', 'Your user account has been disabled.'));
    }
    await deps.checkIp(agent, ip);
    const { roles, permissions } = await deps.accessOf(user.id, agent);
    const sid = typeof payload.sid === 'string' ? payload.sid : null;
    if (sid && deps.onSignIn && !sessionsSeen.has(sid)) {
      if (sessionsSeen.size >= 10_000) sessionsSeen.clear();
      sessionsSeen.add(sid);
      deps.onSignIn(who, { sid, clientId: typeof payload.azp === 'string' ? payload.azp : null });
    }
    return {
      issuer,
      subject,
      agent,
      user,
      roles,
      permissions,
      ip,
      who,
      actor: { id: user.id, displayName: user.displayName, agentId: agent.id, permissions },
    };
  };
  return Object.assign(authenticate, {
    invalidateAgents(): void {
      loadedAt = 0;
    },
  });
}
