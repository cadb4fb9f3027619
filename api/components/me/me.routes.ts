import { z } from 'zod';
import type { Database } from '../../../db';
import type { RouteTable } from '../../lib/routes';
import { menuFor } from '../access/menu.routes';
import type { AgentDirectory } from '../agents/agents.repository';

const MenuEntry = z.object({
  key: z.string(),
  route: z.string(),
  icon: z.string(),
  labelFa: z.string(),
  labelEn: z.string(),
  groupKey: z.string().nullable(),
});

const MeSchema = z
  .object({
    user: z.object({
      id: z.string(),
      issuer: z.string(),
      subject: z.string(),
      username: z.string(),
      displayName: z.string(),
      email: z.string().nullable(),
    }),
    agent: z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string(), isBroker: z.boolean() }),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    menu: z.array(MenuEntry),
    menuGroups: z.array(
      z.object({ key: z.string(), icon: z.string(), labelFa: z.string(), labelEn: z.string(), items: z.array(MenuEntry) }),
    ),
  })
  .meta({ id: 'Me' });

const PublicAgents = z
  .object({
    items: z.array(
      z.object({ code: z.string(), realm: z.string(), nameFa: z.string(), nameEn: z.string(), isBroker: z.boolean() }),
    ),
  })
  .meta({ id: 'PublicAgents' });

const Categories = z
  .object({ items: z.array(z.object({ code: z.string(), nameFa: z.string(), nameEn: z.string() })) })
  .meta({ id: 'TicketCategories' });

export function meRoutes(routes: RouteTable, deps: { db: Database; agents: AgentDirectory }): void {
  const { TicketCategory } = deps.db.models;

  routes.add({
    method: 'get',
    path: '/me',
    tag: 'me',
    summary: 'Who I am, what I may do, and my menu',
    access: { authenticated: true },
    response: { status: 200, description: 'The signed-in user', schema: MeSchema },
    handler: async ({ auth }) => {
      const a = auth!;
      const menu = await menuFor(deps.db, a.permissions);
      return {
        user: { ...a.user, issuer: a.issuer, subject: a.subject },
        agent: { id: a.agent.id, code: a.agent.code, nameFa: a.agent.nameFa, nameEn: a.agent.nameEn, isBroker: a.agent.isBroker },
        roles: a.roles,
        permissions: a.permissions,
        menu: menu.items,
        menuGroups: menu.groups,
      };
    },
  });

  routes.add({
    method: 'get',
    path: '/public/agents',
    tag: 'public',
    summary: 'Organisations one can sign in to (for the login chooser)',
    access: { public: true },
    response: { status: 200, description: 'Active agents', schema: PublicAgents },
    handler: async () => ({
      items: (await deps.agents.activeAgents()).map(({ code, realm, nameFa, nameEn, isBroker }) => ({
        code,
        realm,
        nameFa,
        nameEn,
        isBroker,
      })),
    }),
  });

  routes.add({
    method: 'get',
    path: '/ticket-categories',
    tag: 'base-data',
    summary: 'Ticket categories',
    access: { authenticated: true },
    response: { status: 200, description: 'Active categories', schema: Categories },
    handler: async () => ({
      items: (await TicketCategory.findAll({ where: { active: true }, order: [['sortOrder', 'ASC']] })).map((c) => ({
        code: c.code,
        nameFa: c.nameFa,
        nameEn: c.nameEn,
      })),
    }),
  });

  routes.add({
    method: 'get',
    path: '/health',
    tag: 'public',
    summary: 'Liveness and database check',
    access: { public: true },
    response: { status: 200, description: 'Healthy', schema: z.object({ status: z.literal('ok') }) },
    handler: async () => {
      await deps.db.sequelize.authenticate();
      return { status: 'ok' as const };
    },
  });
}
