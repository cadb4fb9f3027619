import { z } from 'zod';
import { appendAudit } from '../../../db/audit';
import { readServiceSwitches, readSetting, writeSetting } from '../../../db/repositories/settings';
import { bi } from '../../../domain/i18n';
import { FIXED_SERVICES, SERVICES_SETTING_KEY, isServiceKey, serviceLabel } from '../../../domain/services';
import type { ApiContext } from '../../app';
import type { AuthContext } from '../../lib/auth';
import { AppError, type FieldError } from '../../lib/errors';
import { IP_RANGES_KEY, ipAllowed, parseRange } from '../../lib/ip-policy';
import type { RouteTable } from '../../lib/routes';
import { AgentRefParams, agentIdOf } from '../../lib/scope';

/**
 * System settings (R-SYSTEM), main broker only (`settings.manage` is broker-only): allowed IP
 * ranges, global and per agent (an agent's own admins cannot change them: a range is a control
 * the broker puts on an agent), and the services that can be switched off.
 */
const MANAGE = { anyOf: ['settings.manage' as const] };

const AgentRef = z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() });

const IpRanges = z
  .object({
    yourIp: z.string().nullable().meta({ description: 'The address this request came from' }),
    global: z.array(z.string()),
    agents: z.array(z.object({ agent: AgentRef, ranges: z.array(z.string()) })),
  })
  .meta({ id: 'IpRanges' });

const AgentIpRanges = z
  .object({ yourIp: z.string().nullable(), agent: AgentRef, ranges: z.array(z.string()) })
  .meta({ id: 'AgentIpRanges' });

const PutRanges = z
  .strictObject({
    ranges: z.array(z.string().max(64)).max(200),
    /** Save even though the list would refuse your own current address. */
    force: z.boolean().optional(),
  })
  .meta({ id: 'PutIpRanges' });

const Services = z
  .object({
    items: z.array(z.object({ key: z.string(), labelFa: z.string(), labelEn: z.string(), enabled: z.boolean() })),
  })
  .meta({ id: 'ServiceSwitches' });

const PutServices = z
  .strictObject({
    items: z
      .array(z.object({ key: z.string().max(64), enabled: z.boolean() }))
      .min(1)
      .max(200),
  })
  .meta({ id: 'PutServiceSwitches' });

/** Trimmed, de-duplicated ranges, or field errors per index (`ranges.2`). */
function checkRanges(input: string[]): string[] {
  const errors: FieldError[] = [];
  const out: string[] = [];
  input.forEach((raw, i) => {
    const r = raw.trim();
    if (!parseRange(r)) {
      errors.push({
        field: `ranges.${i}`,
        code: 'invalid_range',
        message: bi(
          `«${r}» نشانی IP یا بازهٔ CIDR درستی نیست (مانند 192.168.1.0/24).`,
          `"${r}" is not an IP address or CIDR range (e.g. 192.168.1.0/24).`,
        ),
      });
    } else if (!out.includes(r)) out.push(r);
  });
  if (errors.length) throw AppError.validation(errors);
  return out;
}

function lockoutGuard(auth: AuthContext, ranges: string[], force: boolean | undefined): void {
  if (force || ipAllowed(ranges, auth.ip)) return;
  throw new AppError(
    409,
    'IP_LOCKOUT',
    bi(
      `این فهرست نشانی کنونی شما (${auth.ip ?? 'نامعلوم'}) را راه نمی‌دهد؛ برای ذخیره با این حال، force را بفرستید.`,
      `This list would refuse your own address (${auth.ip ?? 'unknown'}); send force: true to save it anyway.`,
    ),
  );
}

export function settingsRoutes(routes: RouteTable, ctx: ApiContext): void {
  const { db } = ctx;
  const { Agent, Setting } = db.models;
  const tag = 'settings';
  const ref = (a: { id: string; code: string; nameFa: string; nameEn: string }) => ({
    id: a.id,
    code: a.code,
    nameFa: a.nameFa,
    nameEn: a.nameEn,
  });
  const asList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

  async function agentOr404(ref: string) {
    const a = await Agent.findByPk(await agentIdOf(db, ref));
    if (!a) throw AppError.notFound(bi('نماینده یافت نشد.', 'Agent not found.'));
    return a;
  }

  routes.add({
    method: 'get',
    path: '/settings/ip-ranges',
    tag,
    summary: 'Allowed IP ranges: the global list and every agent that has one (empty list: no restriction)',
    access: MANAGE,
    response: { status: 200, description: 'The ranges', schema: IpRanges },
    handler: async ({ auth }) => {
      const rows = await Setting.findAll({ where: { key: IP_RANGES_KEY } });
      const global = asList(
        rows.find((r) => r.scope === 'global') ? JSON.parse(rows.find((r) => r.scope === 'global')!.value) : [],
      );
      const perAgent = rows.filter((r) => r.scope !== 'global');
      const agents = await ctx.agents.byIds(perAgent.map((r) => r.scope));
      return {
        yourIp: auth!.ip,
        global,
        agents: perAgent
          .filter((r) => agents.has(r.scope))
          .map((r) => ({ agent: ref(agents.get(r.scope)!), ranges: asList(JSON.parse(r.value)) }))
          .filter((a) => a.ranges.length)
          .sort((x, y) => x.agent.code.localeCompare(y.agent.code)),
      };
    },
  });

  routes.add({
    method: 'put',
    path: '/settings/ip-ranges/global',
    tag,
    summary: 'Replace the global allowed ranges (409 IP_LOCKOUT if they would refuse you, unless force)',
    access: MANAGE,
    body: PutRanges,
    response: {
      status: 200,
      description: 'The ranges',
      schema: z.object({ yourIp: z.string().nullable(), ranges: z.array(z.string()) }),
    },
    handler: async ({ auth, body }) => {
      const ranges = checkRanges(body.ranges);
      lockoutGuard(auth!, ranges, body.force);
      await db.transaction(async (tx) => {
        const before = await writeSetting(db, tx, 'global', IP_RANGES_KEY, ranges);
        await appendAudit(db, tx, auth!.who, {
          action: 'update',
          entityType: 'setting',
          entityId: `global/${IP_RANGES_KEY}`,
          scopeAgentId: null,
          before,
          after: { ranges, force: body.force ?? false },
        });
      });
      ctx.ipPolicy.invalidate();
      return { yourIp: auth!.ip, ranges };
    },
  });

  routes.add({
    method: 'get',
    path: '/settings/ip-ranges/agents/:id',
    tag,
    summary: "An agent's allowed ranges (both the global list and this one must allow a caller)",
    access: MANAGE,
    params: AgentRefParams,
    response: { status: 200, description: 'The ranges', schema: AgentIpRanges },
    handler: async ({ auth, params }) => {
      const agent = await agentOr404(params.id);
      return { yourIp: auth!.ip, agent: ref(agent), ranges: asList(await readSetting(db, agent.id, IP_RANGES_KEY, [])) };
    },
  });

  routes.add({
    method: 'put',
    path: '/settings/ip-ranges/agents/:id',
    tag,
    summary: "Replace an agent's allowed ranges (empty: no restriction beyond the global list)",
    access: MANAGE,
    params: AgentRefParams,
    body: PutRanges,
    response: { status: 200, description: 'The ranges', schema: AgentIpRanges },
    handler: async ({ auth, params, body }) => {
      const agent = await agentOr404(params.id);
      const ranges = checkRanges(body.ranges);
      if (agent.id === auth!.agent.id) lockoutGuard(auth!, ranges, body.force);
      await db.transaction(async (tx) => {
        const before = await writeSetting(db, tx, agent.id, IP_RANGES_KEY, ranges);
        await appendAudit(db, tx, auth!.who, {
          action: 'update',
          entityType: 'setting',
          entityId: `${agent.id}/${IP_RANGES_KEY}`,
          scopeAgentId: agent.id,
          before,
          after: { ranges },
        });
      });
      ctx.ipPolicy.invalidate();
      return { yourIp: auth!.ip, agent: ref(agent), ranges };
    },
  });

  async function servicesView() {
    const switches = await readServiceSwitches(db);
    const keys = [
      ...FIXED_SERVICES.map((s) => s.key),
      ...Object.keys(switches)
        .filter((k) => k.startsWith('psp:'))
        .sort(),
    ];
    return {
      items: keys.map((key) => {
        const label = serviceLabel(key);
        return { key, labelFa: label.fa, labelEn: label.en, enabled: switches[key] !== false };
      }),
    };
  }

  routes.add({
    method: 'get',
    path: '/settings/services',
    tag,
    summary: 'Services that can be switched off (fixed services and PSPs as psp:<code>)',
    access: MANAGE,
    response: { status: 200, description: 'The switches', schema: Services },
    handler: () => servicesView(),
  });

  routes.add({
    method: 'put',
    path: '/settings/services',
    tag,
    summary: 'Switch services on or off (only the keys sent change)',
    access: MANAGE,
    body: PutServices,
    response: { status: 200, description: 'The switches', schema: Services },
    handler: async ({ auth, body }) => {
      const errors: FieldError[] = [];
      body.items.forEach((item, i) => {
        if (!isServiceKey(item.key))
          errors.push({
            field: `items.${i}.key`,
            code: 'unknown_service',
            message: bi(`سرویس «${item.key}» شناخته نیست.`, `Unknown service "${item.key}" (use a listed key or psp:<code>).`),
          });
      });
      if (errors.length) throw AppError.validation(errors);
      await db.transaction(async (tx) => {
        const current = await readServiceSwitches(db, tx);
        const next = { ...current };
        for (const item of body.items) {
          if (item.enabled && !item.key.startsWith('psp:')) delete next[item.key];
          else next[item.key] = item.enabled;
        }
        await writeSetting(db, tx, 'global', SERVICES_SETTING_KEY, next);
        await appendAudit(db, tx, auth!.who, {
          action: 'update',
          entityType: 'setting',
          entityId: `global/${SERVICES_SETTING_KEY}`,
          scopeAgentId: null,
          before: current,
          after: next,
        });
      });
      return servicesView();
    },
  });
}
