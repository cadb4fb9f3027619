import { z } from 'zod';
import type { ApiContext } from '../../app';
import { IdParams, type RouteTable } from '../../lib/routes';
import { Code, Names } from '../../lib/schemas';
import { createAccessService } from './access.service';
import { menuRoutes } from './menu.routes';

const PermissionList = z.array(z.string().max(100)).max(200);

const PackageBody = z.strictObject({ code: Code, ...Names, permissions: PermissionList }).meta({ id: 'AccessPackageInput' });
const PackageUpdateBody = z.strictObject({ ...Names, permissions: PermissionList }).meta({ id: 'AccessPackageUpdate' });
const RoleBody = z
  .strictObject({
    code: Code,
    ...Names,
    packageIds: z.array(z.uuid()).max(100),
    scope: z.enum(['broker', 'agent', 'own']).optional(),
  })
  .meta({ id: 'RoleInput' });
const RoleUpdateBody = z.strictObject({ ...Names, packageIds: z.array(z.uuid()).max(100) }).meta({ id: 'RoleUpdate' });
const UserRolesBody = z.strictObject({ roleIds: z.array(z.uuid()).max(50) }).meta({ id: 'UserRolesInput' });
const CeilingBody = z.strictObject({ packageIds: z.array(z.uuid()).max(100) }).meta({ id: 'CeilingInput' });

const Bi = z.object({ fa: z.string(), en: z.string() });
const Catalog = z
  .object({ items: z.array(z.object({ code: z.string(), module: z.string(), label: Bi, brokerOnly: z.boolean() })) })
  .meta({ id: 'PermissionCatalog' });
const Package = z
  .object({
    id: z.string(),
    code: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    system: z.boolean(),
    ownerAgentId: z.string(),
    permissions: z.array(z.string()),
    withinCeiling: z.boolean(),
  })
  .meta({ id: 'AccessPackage' });
const Role = z
  .object({
    id: z.string(),
    code: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    scope: z.string(),
    system: z.boolean(),
    ownerAgentId: z.string(),
    packageIds: z.array(z.string()),
    users: z.number(),
  })
  .meta({ id: 'Role' });
const UserAccess = z
  .object({
    userId: z.string(),
    roleIds: z.array(z.string()),
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    grantable: z.array(z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string(), scope: z.string() })),
  })
  .meta({ id: 'UserAccess' });
const Ceiling = z
  .object({
    agentId: z.string(),
    isBroker: z.boolean(),
    packageIds: z.array(z.string()),
    permissions: z.array(z.string()).nullable(),
  })
  .meta({ id: 'AgentCeiling' });

/** R-ACCESS: the permission catalogue, packages, roles, user grants and agent ceilings. */
export function accessRoutes(routes: RouteTable, ctx: ApiContext): void {
  const service = createAccessService({ db: ctx.db, repo: ctx.access, agents: ctx.agents });
  const READ = { anyOf: ['access.read', 'access.manage'] } as const;
  const MANAGE = { anyOf: ['access.manage'] } as const;

  routes.add({
    method: 'get',
    path: '/access/permissions',
    tag: 'access',
    summary: 'Every permission (module.action) with its labels; broker-only ones are marked',
    access: { anyOf: ['access.read', 'access.manage', 'access.ceilings'] },
    response: { status: 200, description: 'The catalogue', schema: Catalog },
    handler: () => Promise.resolve(service.catalog()),
  });

  routes.add({
    method: 'get',
    path: '/access/packages',
    tag: 'access',
    summary: "Access packages the caller can use (the broker's and their own), each marked within/above the ceiling",
    access: { anyOf: ['access.read', 'access.manage', 'access.ceilings'] },
    response: { status: 200, description: 'Packages', schema: z.object({ items: z.array(Package) }) },
    handler: ({ auth }) => service.listPackages(auth!),
  });

  routes.add({
    method: 'post',
    path: '/access/packages',
    tag: 'access',
    summary: "Create an access package of the caller's agent (only permissions under its ceiling)",
    access: MANAGE,
    body: PackageBody,
    response: { status: 201, description: 'The package', schema: Package },
    handler: ({ auth, body }) => service.createPackage(auth!, body),
  });

  routes.add({
    method: 'put',
    path: '/access/packages/:id',
    tag: 'access',
    summary: "Change an own package's names and permissions",
    access: MANAGE,
    params: IdParams,
    body: PackageUpdateBody,
    response: { status: 200, description: 'The package', schema: Package },
    handler: ({ auth, params, body }) => service.updatePackage(auth!, params.id, body),
  });

  routes.add({
    method: 'delete',
    path: '/access/packages/:id',
    tag: 'access',
    summary: 'Delete an own package that no role or ceiling uses',
    access: MANAGE,
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    handler: ({ auth, params }) => service.deletePackage(auth!, params.id),
  });

  routes.add({
    method: 'get',
    path: '/access/roles',
    tag: 'access',
    summary: 'Roles the caller can see (system templates and their own)',
    access: READ,
    response: { status: 200, description: 'Roles', schema: z.object({ items: z.array(Role) }) },
    handler: ({ auth }) => service.listRoles(auth!),
  });

  routes.add({
    method: 'post',
    path: '/access/roles',
    tag: 'access',
    summary: 'Create a role bundling packages (under the ceiling)',
    access: MANAGE,
    body: RoleBody,
    response: { status: 201, description: 'The role', schema: Role },
    handler: ({ auth, body }) => service.createRole(auth!, body),
  });

  routes.add({
    method: 'put',
    path: '/access/roles/:id',
    tag: 'access',
    summary: "Change an own role's names and packages",
    access: MANAGE,
    params: IdParams,
    body: RoleUpdateBody,
    response: { status: 200, description: 'The role', schema: Role },
    handler: ({ auth, params, body }) => service.updateRole(auth!, params.id, body),
  });

  routes.add({
    method: 'delete',
    path: '/access/roles/:id',
    tag: 'access',
    summary: 'Delete an own role that nobody holds',
    access: MANAGE,
    params: IdParams,
    response: { status: 204, description: 'Deleted' },
    handler: ({ auth, params }) => service.deleteRole(auth!, params.id),
  });

  routes.add({
    method: 'get',
    path: '/users/:id/roles',
    tag: 'access',
    summary: "A user's roles, effective permissions and the roles the caller may grant them",
    access: READ,
    params: IdParams,
    response: { status: 200, description: 'Grants', schema: UserAccess },
    handler: ({ auth, params }) => service.userAccess(auth!, params.id),
  });

  routes.add({
    method: 'put',
    path: '/users/:id/roles',
    tag: 'access',
    summary: "Replace a user's roles (refused above the agent's ceiling); applies without a new login",
    access: MANAGE,
    params: IdParams,
    body: UserRolesBody,
    response: { status: 200, description: 'Grants', schema: UserAccess },
    handler: ({ auth, params, body }) => service.setUserRoles(auth!, params.id, body.roleIds),
  });

  routes.add({
    method: 'get',
    path: '/agents/:id/ceiling',
    tag: 'access',
    summary: "An agent's access ceiling: its packages and the permissions they come to (cut by every ceiling above)",
    access: { anyOf: ['access.read', 'access.ceilings'] },
    params: IdParams,
    response: { status: 200, description: 'The ceiling', schema: Ceiling },
    handler: ({ auth, params }) => service.ceiling(auth!, params.id),
  });

  routes.add({
    method: 'put',
    path: '/agents/:id/ceiling',
    tag: 'access',
    summary: "Set an agent's ceiling (main broker only)",
    access: { anyOf: ['access.ceilings'] },
    params: IdParams,
    body: CeilingBody,
    response: { status: 200, description: 'The ceiling', schema: Ceiling },
    handler: ({ auth, params, body }) => service.setCeiling(auth!, params.id, body.packageIds),
  });

  menuRoutes(routes, ctx);
}
