import { IdParams, type RouteTable } from '../../lib/routes';
import type { TicketService } from './tickets.service';
import {
  CreateTicketBody,
  EmptyBody,
  IdempotencyHeaders,
  ListTicketsQuery,
  MessageBody,
  RatingBody,
  TicketDetailSchema,
  TicketListSchema,
} from './tickets.schemas';

const READERS = ['tickets.read-own', 'tickets.read-agent', 'tickets.inbox', 'tickets.read-all'] as const;
const ACTORS = ['tickets.create', 'tickets.answer'] as const;

export function ticketRoutes(routes: RouteTable, service: TicketService): void {
  routes.add({
    method: 'get',
    path: '/tickets',
    tag: 'tickets',
    summary: 'List tickets (read model): mine, my agency, the support inbox or all',
    access: { anyOf: [...READERS] },
    query: ListTicketsQuery,
    response: { status: 200, description: 'A page of tickets', schema: TicketListSchema },
    handler: ({ auth, query }) => service.list(auth!, query),
  });

  routes.add({
    method: 'post',
    path: '/tickets',
    tag: 'tickets',
    summary: 'Open a support ticket',
    access: { anyOf: ['tickets.create'] },
    headers: IdempotencyHeaders,
    body: CreateTicketBody,
    response: { status: 201, description: 'The new ticket', schema: TicketDetailSchema },
    handler: ({ auth, body, req }) => service.create(auth!, body, req.get('idempotency-key') || undefined),
  });

  routes.add({
    method: 'get',
    path: '/tickets/:id',
    tag: 'tickets',
    summary: 'A ticket with its conversation and timeline',
    access: { anyOf: [...READERS] },
    params: IdParams,
    response: { status: 200, description: 'The ticket', schema: TicketDetailSchema },
    handler: ({ auth, params }) => service.get(auth!, params.id),
  });

  const action = (name: 'claim' | 'release' | 'close', summary: string, access: readonly (typeof ACTORS)[number][]) =>
    routes.add({
      method: 'post',
      path: `/tickets/:id/${name}`,
      tag: 'tickets',
      summary,
      access: { anyOf: [...access] },
      params: IdParams,
      body: EmptyBody,
      response: { status: 200, description: 'The ticket after the action', schema: TicketDetailSchema },
      handler: ({ auth, params }) => service.act(auth!, params.id, name),
    });
  action('claim', 'Take the ticket (support)', ['tickets.answer']);
  action('release', 'Give the ticket back to the queue (support)', ['tickets.answer']);
  action('close', 'Close the ticket (its requester)', ['tickets.create']);

  routes.add({
    method: 'post',
    path: '/tickets/:id/messages',
    tag: 'tickets',
    summary: "Add a message: a supporter's answer or the requester's reply",
    access: { anyOf: [...ACTORS] },
    params: IdParams,
    body: MessageBody,
    response: { status: 200, description: 'The ticket with the new message', schema: TicketDetailSchema },
    handler: ({ auth, params, body }) => service.act(auth!, params.id, 'message', { message: body }),
  });

  routes.add({
    method: 'post',
    path: '/tickets/:id/rating',
    tag: 'tickets',
    summary: 'Rate the support of a closed ticket (its requester)',
    access: { anyOf: ['tickets.create'] },
    params: IdParams,
    body: RatingBody,
    response: { status: 200, description: 'The rated ticket', schema: TicketDetailSchema },
    handler: ({ auth, params, body }) => service.act(auth!, params.id, 'rate', { rating: body }),
  });
}
