import type { Request } from 'express';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { permissionsForRoles, type Permission } from '../../domain/access';
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
}

export interface AuthContext {
  issuer: string;
  subject: string;
  agent: AgentInfo;
  user: UserInfo;
  roles: string[];
  permissions: Permission[];
  /** The person as the workflows know them. */
  actor: Actor;
}

export interface AuthDeps {
  keycloakUrl: string;
  keycloakInternalUrl: string;
  audience: string;
  clockToleranceSeconds: number;
  /** Active agents by realm name; consulted again when an unknown realm shows up. */
  loadActiveAgents(): Promise<AgentInfo[]>;
  /** Finds or creates the user record of issuer + subject. */
  resolveUser(agent: AgentInfo, issuer: string, subject: string, claims: JWTPayload): Promise<UserInfo>;
}

const ALGORITHMS = ['RS256'];
const REGISTRY_TTL_MS = 30_000;
const UNKNOWN_REFRESH_MS = 2_000;

const invalid = (en: string, fa = 'توکن دسترسی معتبر نیست.'): AppError =>
  new AppError(401, 'AUTH_INVALID_TOKEN', bi(fa, `Invalid access token: ${en}`));

/**
 * Verifies Keycloak access tokens of many realms: the issuer must be the realm of an active
 * agent (exact string), the signature must check against that realm's keys with RS256, the
 * audience must contain ours and `typ` must be `Bearer` (ID and refresh tokens are refused).
 */
export function createAuthenticator(deps: AuthDeps): (req: Request) => Promise<AuthContext> {
  const issuerOf = (realm: string) => `${deps.keycloakUrl}/realms/${realm}`;
  let registry = new Map<string, AgentInfo>();
  let loadedAt = 0;
  let loading: Promise<void> | null = null;
  const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

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
    if (age > REGISTRY_TTL_MS || (!registry.has(issuer) && age > UNKNOWN_REFRESH_MS)) await reload();
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

  return async (req: Request): Promise<AuthContext> => {
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
    const roles = Array.isArray(realmAccess?.roles) ? realmAccess.roles.filter((r): r is string => typeof r === 'string') : [];
    const permissions = permissionsForRoles(roles, agent.isBroker);
    const user = await deps.resolveUser(agent, issuer, subject, payload);
    return {
      issuer,
      subject,
      agent,
      user,
      roles,
      permissions,
      actor: { id: user.id, displayName: user.displayName, agentId: agent.id, permissions },
    };
  };
}
