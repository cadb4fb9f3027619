import type { ApiContext } from '../../app';
import { IdParams, type RouteTable } from '../../lib/routes';
import { EmptyBody } from '../../lib/schemas';
import {
  AgentDetail,
  AgentList,
  CreateAgentBody,
  CreatedAgent,
  ListAgentsQuery,
  MoveAgentBody,
  PspParams,
  PutPspBody,
  UpdateAgentBody,
} from './agents.schemas';
import { createAgentService } from './agents.service';
import type { RealmAdmin } from './realm-admin';

export function agentRoutes(routes: RouteTable, ctx: ApiContext, realm: RealmAdmin): void {
  const agents = createAgentService(ctx, realm);
  const tag = 'agents';

  routes.add({
    method: 'get',
    path: '/agents',
    tag,
    summary: "The caller's agent and every agent below it (flat, with parentId; the caller's agent has parentId null)",
    access: { anyOf: ['agents.read'] },
    query: ListAgentsQuery,
    response: { status: 200, description: 'Agents of the subtree', schema: AgentList },
    handler: ({ auth, query }) => agents.list(auth!, query),
  });

  routes.add({
    method: 'post',
    path: '/agents',
    tag,
    summary: 'Create an agent under a parent in your subtree; its Keycloak realm is provisioned in the background',
    access: { anyOf: ['agents.create'] },
    body: CreateAgentBody,
    response: {
      status: 201,
      description: 'Stored with status `provisioning`; the first admin password is returned once',
      schema: CreatedAgent,
    },
    handler: ({ auth, body }) => agents.create(auth!, body),
  });

  routes.add({
    method: 'get',
    path: '/agents/:id',
    tag,
    summary: 'Agent details: legal details, contacts, domains, PSPs (credentials never shown)',
    access: { anyOf: ['agents.read'] },
    params: IdParams,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params }) => agents.detail(auth!, params.id),
  });

  routes.add({
    method: 'patch',
    path: '/agents/:id',
    tag,
    summary: 'Edit names, legal details, contacts (replaced) and domains (replaced)',
    access: { anyOf: ['agents.update'] },
    params: IdParams,
    body: UpdateAgentBody,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params, body }) => agents.update(auth!, params.id, body),
  });

  routes.add({
    method: 'post',
    path: '/agents/:id/suspend',
    tag,
    summary: "Suspend: the API refuses the agent's tokens at once and its realm's logins are disabled",
    access: { anyOf: ['agents.suspend'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params }) => agents.setSuspended(auth!, params.id, true),
  });

  routes.add({
    method: 'post',
    path: '/agents/:id/activate',
    tag,
    summary: 'Lift a suspension (an agent whose realm was never finished goes back to provisioning)',
    access: { anyOf: ['agents.suspend'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params }) => agents.setSuspended(auth!, params.id, false),
  });

  routes.add({
    method: 'post',
    path: '/agents/:id/move',
    tag,
    summary: 'Move an agent under another parent in your subtree (no cycles; never the broker or your own agent)',
    access: { anyOf: ['agents.move'] },
    params: IdParams,
    body: MoveAgentBody,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params, body }) => agents.move(auth!, params.id, body.parentId),
  });

  routes.add({
    method: 'post',
    path: '/agents/:id/provision',
    tag,
    summary: "Provision the agent's realm again (finishes a half-done provisioning; idempotent)",
    access: { anyOf: ['agents.create', 'agents.update'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 202, description: 'Provisioning started (or already running)', schema: AgentDetail },
    handler: ({ auth, params }) => agents.provision(auth!, params.id),
  });

  routes.add({
    method: 'put',
    path: '/agents/:id/psps/:pspCode',
    tag,
    summary: 'Set direct-broker status and (write-only) credentials for a PSP; credentials are sealed with AES-256-GCM',
    access: { anyOf: ['agents.credentials'] },
    params: PspParams,
    body: PutPspBody,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params, body }) => agents.putPsp(auth!, params.id, params.pspCode, body),
  });

  routes.add({
    method: 'delete',
    path: '/agents/:id/psps/:pspCode',
    tag,
    summary: 'Remove a PSP (and its credentials) from the agent',
    access: { anyOf: ['agents.credentials'] },
    params: PspParams,
    response: { status: 200, description: 'The agent', schema: AgentDetail },
    handler: ({ auth, params }) => agents.deletePsp(auth!, params.id, params.pspCode),
  });
}
