import type { ApiContext } from '../../app';
import { IdParams, type RouteTable } from '../../lib/routes';
import { EmptyBody } from '../../lib/schemas';
import type { RealmAdmin } from '../agents/realm-admin';
import {
  CreateUserBody,
  CreatedUser,
  ListUsersQuery,
  TemporaryPassword,
  UpdateUserBody,
  UserDetail,
  UserList,
  UserSummary,
} from './users.schemas';
import { createUserService } from './users.service';

export function userRoutes(routes: RouteTable, ctx: ApiContext, realm: RealmAdmin): void {
  const users = createUserService(ctx, realm);
  const tag = 'users';

  routes.add({
    method: 'get',
    path: '/users',
    tag,
    summary: "Users of the caller's subtree (search by name, username, e-mail, mobile; filter by agent)",
    access: { anyOf: ['users.read'] },
    query: ListUsersQuery,
    response: { status: 200, description: 'A page of users', schema: UserList },
    handler: ({ auth, query }) => users.list(auth!, query),
  });

  routes.add({
    method: 'post',
    path: '/users',
    tag,
    summary: "Create a user in the agent's Keycloak realm with a temporary password (returned once)",
    access: { anyOf: ['users.create'] },
    body: CreateUserBody,
    response: { status: 201, description: 'The user and their temporary password', schema: CreatedUser },
    handler: ({ auth, body }) => users.create(auth!, body),
  });

  routes.add({
    method: 'get',
    path: '/users/:id',
    tag,
    summary: 'Everything attached to a user: agent, roles, agents and users they created, tickets',
    access: { anyOf: ['users.read'] },
    params: IdParams,
    response: { status: 200, description: 'The user', schema: UserDetail },
    handler: ({ auth, params }) => users.detail(auth!, params.id),
  });

  routes.add({
    method: 'patch',
    path: '/users/:id',
    tag,
    summary: 'Edit names, e-mail, mobile (also in Keycloak)',
    access: { anyOf: ['users.update'] },
    params: IdParams,
    body: UpdateUserBody,
    response: { status: 200, description: 'The user', schema: UserSummary },
    handler: ({ auth, params, body }) => users.update(auth!, params.id, body),
  });

  routes.add({
    method: 'post',
    path: '/users/:id/disable',
    tag,
    summary: 'Disable: their tokens are refused at once (403 USER_DISABLED) and Keycloak refuses logins',
    access: { anyOf: ['users.disable'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 200, description: 'The user', schema: UserSummary },
    handler: ({ auth, params }) => users.setActive(auth!, params.id, false),
  });

  routes.add({
    method: 'post',
    path: '/users/:id/enable',
    tag,
    summary: 'Enable a disabled user',
    access: { anyOf: ['users.disable'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 200, description: 'The user', schema: UserSummary },
    handler: ({ auth, params }) => users.setActive(auth!, params.id, true),
  });

  routes.add({
    method: 'post',
    path: '/users/:id/reset-password',
    tag,
    summary: 'Set a new temporary password (returned once; must be changed at the next login)',
    access: { anyOf: ['users.reset-password'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 200, description: 'The temporary password', schema: TemporaryPassword },
    handler: ({ auth, params }) => users.resetPassword(auth!, params.id),
  });
}
