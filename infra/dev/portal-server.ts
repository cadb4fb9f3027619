/**
 * A small static server for the built portal (no dependencies):
 *  - serves `dist/portal/browser` with an SPA fallback to index.html,
 *  - `GET /config.json` → `{ keycloakUrl, clientId, apiBase }`,
 *  - proxies `/api/*` to the API, streaming bodies both ways.
 *
 * CLI: `npx tsx infra/dev/portal-server.ts` (PORTAL_PORT=4200, PORTAL_HOST=127.0.0.1,
 *      API_URL=http://localhost:3000, KEYCLOAK_URL=http://localhost:8180, PORTAL_DIST=dist/portal/browser).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { extname, join, normalize, resolve, sep } from 'node:path';

export interface PortalServerOptions {
  port: number;
  /** Directory of the built portal (the one holding index.html). */
  distDir: string;
  /** Base URL of the API, e.g. http://localhost:3000 (requests keep their /api/... path). */
  apiUrl: string;
  /** Public Keycloak URL handed to the browser. */
  keycloakUrl: string;
  clientId?: string;
  /** Interface to bind (default 127.0.0.1, like the other dev services; 0.0.0.0 exposes it). */
  host?: string;
}

export interface RunningPortalServer {
  url: string;
  port: number;
  server: Server;
  stop(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Hop-by-hop headers are not forwarded by a proxy (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'upgrade',
]);

const BASE_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };

export function startPortalServer(opts: PortalServerOptions): Promise<RunningPortalServer> {
  const distDir = resolve(opts.distDir);
  const config = JSON.stringify({
    keycloakUrl: opts.keycloakUrl.replace(/\/+$/, ''),
    clientId: opts.clientId ?? 'kartabl-portal',
    apiBase: '/api',
  });
  const apiUrl = new URL(opts.apiUrl);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return proxy(req, res, apiUrl);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method Not Allowed');
    if (path === '/config.json') return sendJson(res, 200, config, req.method === 'HEAD');
    return serveStatic(req, res, distDir, path);
  });
  return new Promise((res, rej) => {
    server.once('error', rej);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', rej);
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      res({ url: `http://localhost:${port}`, port, server, stop: () => closeServer(server) });
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((res) => {
    server.close(() => res());
    server.closeAllConnections();
  });
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, json: string, headOnly = false): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(headOnly ? undefined : json);
}

/** Maps a URL path into `root`; undefined when it would escape it. */
function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = normalize(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : undefined;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, urlPath: string): void {
  const index = join(root, 'index.html');
  if (!existsSync(index)) {
    return sendText(res, 503, `The portal is not built yet (${index} is missing). Run: npx ng build portal`);
  }
  const file = resolveInside(root, urlPath);
  if (file === undefined) return sendText(res, 400, 'Bad Request');
  if (isFile(file)) return sendFile(req, res, file, isHashed(file) ? 'public, max-age=31536000, immutable' : 'no-cache');
  // Asset-looking paths 404; everything else is a client-side route.
  if (extname(urlPath) && !urlPath.endsWith('.html')) return sendText(res, 404, 'Not Found');
  return sendFile(req, res, index, 'no-cache');
}

/** Angular's output hashing names files like `main-ABCD1234.js`. */
function isHashed(file: string): boolean {
  return /-[A-Z0-9]{8,}\.[a-z0-9]+$/.test(file);
}

function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string): void {
  const stat = statSync(file);
  const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    ...BASE_HEADERS,
    'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'last-modified': stat.mtime.toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'content-length': stat.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

function forwardHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  }
  const remote = req.socket.remoteAddress ?? '';
  const prior = req.headers['x-forwarded-for'];
  out['x-forwarded-for'] = prior ? `${String(prior)}, ${remote}` : remote;
  out['x-forwarded-host'] = req.headers.host ?? '';
  out['x-forwarded-proto'] = 'http';
  return out;
}

function proxy(req: IncomingMessage, res: ServerResponse, api: URL): void {
  const send = api.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(
    {
      protocol: api.protocol,
      hostname: api.hostname,
      port: api.port || (api.protocol === 'https:' ? 443 : 80),
      method: req.method,
      path: req.url,
      headers: forwardHeaders(req),
    },
    (answer) => {
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (err) => {
    if (res.headersSent) return void res.destroy();
    console.error(`[portal] API proxy error for ${req.method ?? 'GET'} ${req.url ?? ''}: ${err.message}`);
    const body = JSON.stringify({
      error: {
        code: 'INTERNAL',
        message: { fa: 'سرویس API در دسترس نیست.', en: 'The API is not reachable.' },
      },
    });
    sendJson(res, 502, body);
  });
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
}

async function main(): Promise<void> {
  const port = Number(process.env.PORTAL_PORT ?? 4200);
  const portal = await startPortalServer({
    port,
    distDir: process.env.PORTAL_DIST ?? 'dist/portal/browser',
    apiUrl: process.env.API_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    keycloakUrl: process.env.KEYCLOAK_URL ?? 'http://localhost:8180',
    host: process.env.PORTAL_HOST,
  });
  console.log(`[portal] serving on ${portal.url}`);
  const shutdown = (): void => void portal.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (/infra\/dev\/portal-server\.ts$/.test((process.argv[1] ?? '').replace(/\\/g, '/'))) {
  main().catch((err: unknown) => {
    console.error(`[portal] ✖ ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
