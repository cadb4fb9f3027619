/**
 * Token verification: the API with R agent realms registered (agents rows whose realms' keys are served
 * by a local JWKS endpoint; tokens signed here with a local RSA key), an authenticated route called
 * with tokens of every realm in turn, against the public /api/health, in the same process and run.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import pino from 'pino';
import { startServer } from '../api/server';
import { newCredentialsKey } from '../db/secret-box';
import { ensureAgent } from '../db/seed';
import { freshDatabase } from '../tests/integration/harness';
import { log, percentile, pool } from './lib/world';
import type { BenchOptions } from './run';

export interface TokenResult {
  realms: number;
  calls: number;
  clients: number;
  route: string;
  authed: { p50: number; p95: number; perSecond: number };
  public: { p50: number; p95: number; perSecond: number };
  /** Difference of the p50s at `clients` concurrent clients (includes queueing behind other requests). */
  costPerRequestMs: number;
  /** One request at a time (no queueing): authenticated and public p50, and their difference. */
  serial: { authedP50: number; publicP50: number; costMs: number };
  /** CPU per request derived from the rates at `clients` clients: 1000/authed rate − 1000/public rate, ms. */
  costFromRateMs: number;
  /** The route's own work (its saved-filters query), timed alone in the same process, ms per call. */
  routeQueryMs: number;
  /** Signature and claims check alone (jose, keys in memory), ms per token, one at a time. */
  cryptoMs: number;
}

async function measure(calls: number, clients: number, one: (i: number) => Promise<void>) {
  const ms: number[] = [];
  const started = performance.now();
  await pool(
    Array.from({ length: calls }, (_, i) => i),
    clients,
    async (i) => {
      const t = performance.now();
      await one(i);
      ms.push(performance.now() - t);
    },
  );
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), perSecond: calls / ((performance.now() - started) / 1000) };
}

export async function tokenVerification(o: BenchOptions): Promise<TokenResult> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'RS256', use: 'sig' };
  let jwksHits = 0;
  const issuerServer = createServer((req, res) => {
    if (/^\/realms\/[^/]+\/protocol\/openid-connect\/certs$/.test(req.url ?? '')) {
      jwksHits += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => issuerServer.listen(0, '127.0.0.1', () => r()));
  const issuerBase = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
  const database = await freshDatabase('sqlite');
  const server = await startServer(
    {
      PORT: '0',
      TEMPORAL_ADDRESS: process.env.KARTABL_TEST_TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
      KEYCLOAK_URL: issuerBase,
      CREDENTIALS_KEY: newCredentialsKey(),
      LOG_LEVEL: 'silent',
      ...database.env,
    },
    pino({ level: 'silent' }),
  );
  try {
    const realms = Array.from({ length: o.realms }, (_, i) => `bench-r${String(i + 1).padStart(3, '0')}`);
    for (const realm of realms)
      await ensureAgent(server.db, {
        code: realm,
        realm,
        nameFa: `نمایندگی ${realm}`,
        nameEn: `Agency ${realm}`,
        parentCode: 'broker',
      });
    const tokens = await Promise.all(
      realms.map((realm, i) =>
        new SignJWT({ typ: 'Bearer', preferred_username: `user${i}`, realm_access: { roles: ['agent-user'] } })
          .setProtectedHeader({ alg: 'RS256', kid: 'bench' })
          .setIssuer(`${issuerBase}/realms/${realm}`)
          .setAudience('kartabl-api')
          .setSubject(randomUUID())
          .setIssuedAt()
          .setExpirationTime('2h')
          .sign(privateKey),
      ),
    );
    const route = '/api/inbox/filters';
    const get = async (url: string, token?: string) => {
      const res = await fetch(`${server.url}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    };
    // First sight of every user (user records, grants) and every realm's keys, outside the measurement.
    for (const t of tokens) await get(route, t);
    for (let i = 0; i < 50; i += 1) await get('/api/health');
    const clients = Math.min(10, o.clients);
    const pub = await measure(o.tokenCalls, clients, () => get('/api/health'));
    const authed = await measure(o.tokenCalls, clients, (i) => get(route, tokens[i % tokens.length]));
    const pub2 = await measure(o.tokenCalls, clients, () => get('/api/health'));
    const publicBest = pub2.p50 < pub.p50 ? pub2 : pub;
    // One at a time: what a single user waits for, without queueing behind the other clients.
    const serialCalls = Math.min(500, o.tokenCalls);
    const serialPublic = await measure(serialCalls, 1, () => get('/api/health'));
    const serialAuthed = await measure(serialCalls, 1, (i) => get(route, tokens[i % tokens.length]));
    // The parts: the crypto alone, and the route's own query alone.
    const keys = createLocalJWKSet({ keys: [jwk] });
    let t = performance.now();
    for (let i = 0; i < o.tokenCalls; i += 1)
      await jwtVerify(tokens[i % tokens.length], keys, { audience: 'kartabl-api', algorithms: ['RS256'] });
    const cryptoMs = (performance.now() - t) / o.tokenCalls;
    const someone = await server.db.models.User.findOne();
    t = performance.now();
    for (let i = 0; i < 200; i += 1) await server.db.models.SavedFilter.findAll({ where: { userId: someone!.id } });
    const routeQueryMs = (performance.now() - t) / 200;
    log(
      `tokens: ${o.realms} realms; authed ${JSON.stringify(authed)}; public ${JSON.stringify(publicBest)}; JWKS fetched ${jwksHits} times`,
    );
    return {
      realms: o.realms,
      calls: o.tokenCalls,
      clients,
      route: `GET ${route}`,
      authed,
      public: publicBest,
      costPerRequestMs: authed.p50 - publicBest.p50,
      serial: {
        authedP50: serialAuthed.p50,
        publicP50: serialPublic.p50,
        costMs: serialAuthed.p50 - serialPublic.p50,
      },
      costFromRateMs: 1000 / authed.perSecond - 1000 / publicBest.perSecond,
      routeQueryMs,
      cryptoMs,
    };
  } finally {
    await server.stop();
    await database.drop();
    await new Promise<void>((r) => issuerServer.close(() => r()));
  }
}
