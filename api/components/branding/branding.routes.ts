import { z } from 'zod';
import { normalizeDomain, normalizeHex } from '../../../domain/branding';
import { bi } from '../../../domain/i18n';
import type { ApiContext } from '../../app';
import { AppError } from '../../lib/errors';
import type { RouteTable } from '../../lib/routes';
import { AgentRefParams, AgentRefSchema, agentIdOf } from '../../lib/scope';
import { text } from '../../lib/schemas';
import { requireFile, sendFile, singleFile } from '../../lib/uploads';
import { createBrandingService } from './branding.service';
import { loginCss } from './login-css';

const MANAGE = { anyOf: ['branding.manage' as const] };
const LOGO_MAX_BYTES = 256 * 1024;
const LOGO_TYPES = new Set(['image/png', 'image/svg+xml', 'image/jpeg']);

const custom = (ctx: z.RefinementCtx, code: string, fa: string, en: string) =>
  ctx.addIssue({ code: 'custom', message: en, params: { code, fa, en } });

const Colour = z
  .string()
  .transform((v, ctx) => {
    const hex = normalizeHex(v);
    if (hex) return hex;
    custom(ctx, 'invalid_colour', 'رنگ را به شکل #1a2b3c وارد کنید.', 'Enter a hex colour like #1a2b3c.');
    return z.NEVER;
  })
  .meta({ example: '#0f766e' });

const Domain = z
  .string()
  .transform((v, ctx) => {
    const d = normalizeDomain(v);
    if (d) return d;
    custom(ctx, 'invalid_domain', 'نام دامنه درست نیست (مانند portal.example.ir).', 'Not a host name (e.g. portal.example.ir).');
    return z.NEVER;
  })
  .meta({ example: 'alpha.kartabl.ir' });

const Contrast = z.object({ ratio: z.number(), verdict: z.enum(['good', 'weak', 'unreadable']) }).nullable();
const Warning = z.object({ field: z.string(), code: z.string(), message: z.object({ fa: z.string(), en: z.string() }) });

const Branding = z
  .object({
    agent: z.object({ id: z.string(), code: z.string(), realm: z.string(), nameFa: z.string(), nameEn: z.string() }),
    titleFa: z.string().nullable(),
    titleEn: z.string().nullable(),
    primaryColor: z.string().nullable(),
    accentColor: z.string().nullable(),
    logo: z
      .object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), createdAt: z.string() })
      .nullable(),
    logoUrl: z.string().nullable(),
    contrast: z.object({ primaryColor: Contrast, accentColor: Contrast }),
    domains: z.array(z.string()),
    defaults: z.object({ titleFa: z.string(), titleEn: z.string(), primaryColor: z.string(), accentColor: z.string() }),
    updatedAt: z.string().nullable(),
    warnings: z.array(Warning).optional().meta({ description: 'Colours accepted with weak contrast (after PUT)' }),
  })
  .meta({ id: 'AgentBranding' });

const UpdateBranding = z
  .strictObject({
    titleFa: text(0, 100).nullable().optional(),
    titleEn: text(0, 100).nullable().optional(),
    primaryColor: Colour.nullable().optional(),
    accentColor: Colour.nullable().optional(),
  })
  .meta({ id: 'UpdateAgentBranding' });

const PublicBranding = z
  .object({
    agentCode: z.string(),
    realm: z.string(),
    titleFa: z.string(),
    titleEn: z.string(),
    primaryColor: z.string(),
    accentColor: z.string(),
    logoUrl: z.string().nullable(),
    matchedBy: z.enum(['host', 'agent', 'realm', 'default']),
  })
  .meta({ id: 'PublicBranding' });

const LookupQuery = z.object({
  host: z.string().max(260).optional(),
  agent: z.string().max(64).optional(),
  realm: z.string().max(128).optional(),
});

/** Looks like an SVG that could run code (scripts, event handlers, external references). */
function unsafeSvg(data: Buffer): boolean {
  const s = data.toString('utf8');
  return (
    /<script|\son\w+\s*=|javascript:|<foreignObject|<!ENTITY|xlink:href\s*=\s*["'](?!#|data:image)/i.test(s) ||
    !/<svg[\s>]/i.test(s)
  );
}

/** White label (R-BRAND): per-agent title, colours, logo and domains; public lookup for portal and login. */
export function brandingRoutes(routes: RouteTable, ctx: ApiContext): void {
  const service = createBrandingService(ctx);
  const tag = 'branding';

  routes.add({
    method: 'get',
    path: '/agents/:id/branding',
    tag,
    summary: "An agent's branding: title fa/en, colours (with contrast), logo, domains",
    access: MANAGE,
    params: AgentRefParams,
    response: { status: 200, description: 'The branding', schema: Branding },
    handler: async ({ auth, params }) => service.get(auth!, await agentIdOf(ctx.db, params.id)),
  });

  routes.add({
    method: 'put',
    path: '/agents/:id/branding',
    tag,
    summary: "Set an agent's title and colours (null resets to the inherited value); unreadable colours are refused",
    access: MANAGE,
    params: AgentRefParams,
    body: UpdateBranding,
    response: { status: 200, description: 'The branding, with warnings for weak contrast', schema: Branding },
    handler: async ({ auth, params, body }) => service.update(auth!, await agentIdOf(ctx.db, params.id), body),
  });

  routes.add({
    method: 'post',
    path: '/agents/:id/branding/logo',
    tag,
    summary: "Upload an agent's logo (PNG, SVG or JPEG, at most 256 KB)",
    access: MANAGE,
    params: AgentRefParams,
    bodyContentType: 'multipart/form-data',
    body: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }),
    before: [singleFile(LOGO_MAX_BYTES)],
    response: { status: 200, description: 'The branding', schema: Branding },
    handler: async ({ auth, params, req }) => {
      const file = requireFile(req.file, LOGO_TYPES, { fa: 'تصویر PNG، SVG یا JPEG', en: 'a PNG, SVG or JPEG image' });
      if (file.mimetype === 'image/svg+xml' && unsafeSvg(file.buffer)) {
        throw AppError.validation([
          {
            field: 'file',
            code: 'unsafe_svg',
            message: bi(
              'این SVG اسکریپت یا پیوند بیرونی دارد و پذیرفته نمی‌شود.',
              'This SVG has scripts or external references.',
            ),
          },
        ]);
      }
      return service.setLogo(auth!, await agentIdOf(ctx.db, params.id), file);
    },
  });

  routes.add({
    method: 'delete',
    path: '/agents/:id/branding/logo',
    tag,
    summary: "Remove an agent's logo (its parent's, or none, shows again)",
    access: MANAGE,
    params: AgentRefParams,
    response: { status: 200, description: 'The branding', schema: Branding },
    handler: async ({ auth, params }) => service.removeLogo(auth!, await agentIdOf(ctx.db, params.id)),
  });

  routes.add({
    method: 'post',
    path: '/agents/:id/branding/domains',
    tag,
    summary: 'Add a domain the agent’s portal is served on (lower-case, unique; 409 DOMAIN_TAKEN)',
    access: MANAGE,
    params: AgentRefParams,
    body: z.strictObject({ domain: Domain }).meta({ id: 'AddAgentDomain' }),
    response: { status: 201, description: 'The branding with its domains', schema: Branding },
    handler: async ({ auth, params, body }) => service.addDomain(auth!, await agentIdOf(ctx.db, params.id), body.domain),
  });

  routes.add({
    method: 'delete',
    path: '/agents/:id/branding/domains/:domain',
    tag,
    summary: 'Remove a domain of the agent',
    access: MANAGE,
    params: z.object({ id: AgentRefSchema, domain: Domain }),
    response: { status: 200, description: 'The branding with its domains', schema: Branding },
    handler: async ({ auth, params }) => service.removeDomain(auth!, await agentIdOf(ctx.db, params.id), params.domain),
  });

  routes.add({
    method: 'get',
    path: '/public/branding',
    tag,
    summary: 'Branding for a host (an agent domain), an agent code or a realm; the main broker’s otherwise',
    access: { public: true },
    query: LookupQuery,
    response: { status: 200, description: 'Title, colours and logo URL', schema: PublicBranding },
    handler: async ({ query, res }) => {
      res.set('Cache-Control', 'public, max-age=60');
      return service.lookup(query);
    },
  });

  routes.add({
    method: 'get',
    path: '/public/branding/logo/:agentCode',
    tag,
    summary: "An agent's logo (its own or its nearest ancestor's)",
    access: { public: true },
    params: z.object({ agentCode: z.string().max(64) }),
    response: { status: 200, description: 'The image', schema: z.string().meta({ format: 'binary' }), contentType: 'image/*' },
    handler: async ({ params, res }) => {
      const row = await service.logoOf(params.agentCode);
      if (!row) throw AppError.notFound(bi('لوگویی ثبت نشده است.', 'No logo.'));
      sendFile(res, row, { inline: true, cacheSeconds: 300 });
      return undefined;
    },
  });

  routes.add({
    method: 'get',
    path: '/public/branding/realm/:realm/login.css',
    tag,
    summary: 'Stylesheet of the Keycloak login theme for a realm (title, colours, logo)',
    access: { public: true },
    params: z.object({ realm: z.string().max(128) }),
    response: { status: 200, description: 'CSS', schema: z.string(), contentType: 'text/css' },
    handler: async ({ params, res }) => {
      const b = await service.lookup({ realm: params.realm });
      res
        .status(200)
        .type('text/css')
        .set('Cache-Control', 'public, max-age=60')
        .set('X-Content-Type-Options', 'nosniff')
        .send(b.matchedBy === 'realm' ? loginCss(b) : '/* unknown realm */\n');
      return undefined;
    },
  });
}
