import { z } from 'zod';
import type { ApiContext } from '../../app';
import type { Permission } from '../../../domain/access';
import { EmptyBody } from '../../lib/schemas';
import { FILE_RESPONSE, sendCsv, sendFile, singleFile } from '../../lib/uploads';
import { IdParams, type RouteTable } from '../../lib/routes';
import { AgentRefParams, agentIdOf } from '../../lib/scope';
import type { RequestTimings } from '../../../workflows/requests/definitions';
import {
  ActionBody,
  BulkBody,
  CreateRequestBody,
  InboxQuery,
  ListRequestsQuery,
  RequestDetailSchema,
  RequestListSchema,
  RequestDocumentListSchema,
  RequestDocumentParams,
  RequestDocumentSchema,
  ReviewStepBody,
  SavedFilterBody,
  SlaPolicyBody,
  TerminalsQuery,
  UpdateDraftBody,
  UploadRequestDocumentBody,
} from './requests.schemas';
import { createRequestService } from './requests.service';

const READ: Permission[] = ['requests.read', 'requests.read-all', 'requests.create'];
const CSV = { status: 200, description: 'CSV (UTF-8 with BOM)', schema: z.string(), contentType: 'text/csv' };
const Loose = z.looseObject({});

/** Requests, the inbox and terminals (docs/REQUESTS.md). */
export function requestRoutes(routes: RouteTable, ctx: ApiContext, timings: RequestTimings): void {
  const service = createRequestService({
    db: ctx.db,
    agents: ctx.agents,
    temporal: ctx.temporal,
    taskQueue: ctx.config.temporal.taskQueue,
    timings,
  });
  const tag = 'requests';

  routes.add({
    method: 'post',
    path: '/requests',
    tag,
    summary: 'Create a request (a draft, or submitted at once with `submit: true`); the same clientKey returns the same request',
    access: { anyOf: ['requests.create'] },
    body: CreateRequestBody,
    response: { status: 201, description: 'The request (200 when the clientKey was seen before)', schema: RequestDetailSchema },
    handler: async ({ auth, body, res }) => {
      const out = await service.create(auth!, body);
      res.status(out.status).json(out.body);
    },
  });

  routes.add({
    method: 'get',
    path: '/requests',
    tag,
    summary: 'Requests you may see (your subtree; all with requests.read-all; only yours with requests.create alone)',
    access: { anyOf: READ },
    query: ListRequestsQuery,
    response: { status: 200, description: 'A page of requests', schema: RequestListSchema },
    handler: ({ auth, query }) => service.list(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/requests/:id',
    tag,
    summary: 'A request: stage, tasks, timeline, PSP calls, the requesting agent’s agreements, allowed actions',
    access: { anyOf: READ },
    params: IdParams,
    response: { status: 200, description: 'The request', schema: RequestDetailSchema },
    handler: ({ auth, params }) => service.get(auth!, params.id),
  });

  routes.add({
    method: 'put',
    path: '/requests/:id',
    tag,
    summary: 'Edit your draft',
    access: { anyOf: ['requests.create'] },
    params: IdParams,
    body: UpdateDraftBody,
    response: { status: 200, description: 'The draft', schema: RequestDetailSchema },
    handler: ({ auth, params, body }) => service.updateDraft(auth!, params.id, body),
  });

  routes.add({
    method: 'delete',
    path: '/requests/:id',
    tag,
    summary: 'Delete your draft',
    access: { anyOf: ['requests.create'] },
    params: IdParams,
    response: { status: 200, description: 'Deleted', schema: Loose },
    handler: ({ auth, params }) => service.deleteDraft(auth!, params.id),
  });

  routes.add({
    method: 'post',
    path: '/requests/:id/submit',
    tag,
    summary: 'Submit a draft: checked in full, then its workflow starts (idempotent)',
    access: { anyOf: ['requests.create'] },
    params: IdParams,
    body: EmptyBody,
    response: { status: 200, description: 'The submitted request', schema: RequestDetailSchema },
    handler: ({ auth, params }) => service.submit(auth!, params.id),
  });

  routes.add({
    method: 'post',
    path: '/requests/:id/actions',
    tag,
    summary:
      'An inbox action on the open task: claim, release, reassign, approve, reject, return, resubmit, cancel, retry, confirm-install',
    access: { authenticated: true },
    params: IdParams,
    body: ActionBody,
    response: { status: 200, description: 'The request after the action', schema: RequestDetailSchema },
    handler: ({ auth, params, body }) => service.act(auth!, params.id, body),
  });

  routes.add({
    method: 'get',
    path: '/requests/:id/documents',
    tag,
    summary: 'The documents attached to a request',
    access: { anyOf: READ },
    params: IdParams,
    response: { status: 200, description: 'Documents, oldest first', schema: RequestDocumentListSchema },
    handler: ({ auth, params }) => service.listDocuments(auth!, params.id),
  });

  routes.add({
    method: 'post',
    path: '/requests/:id/documents',
    tag,
    summary:
      'Attach a typed document (image or PDF) to your draft, or to a request returned for correction that you may resubmit',
    access: { anyOf: ['requests.create'] },
    params: IdParams,
    bodyContentType: 'multipart/form-data',
    body: UploadRequestDocumentBody,
    before: [singleFile(ctx.config.attachmentMaxBytes, 2)],
    response: { status: 201, description: 'The document', schema: RequestDocumentSchema },
    handler: ({ auth, params, req }) =>
      service.uploadDocument(auth!, params.id, (req.body as Record<string, unknown> | undefined)?.typeCode, req.file),
  });

  routes.add({
    method: 'get',
    path: '/requests/:id/documents/:docId/file',
    tag,
    summary: "Download a request document's file (inline, as merchant documents: a reviewer reads a scan in the browser)",
    access: { anyOf: READ },
    params: RequestDocumentParams,
    response: FILE_RESPONSE,
    handler: async ({ auth, params, res }) => {
      sendFile(res, await service.documentFile(auth!, params.id, params.docId), { inline: true });
      return undefined;
    },
  });

  routes.add({
    method: 'delete',
    path: '/requests/:id/documents/:docId',
    tag,
    summary: 'Remove a document (same rule as attaching one)',
    access: { anyOf: ['requests.create'] },
    params: RequestDocumentParams,
    response: { status: 204, description: 'Removed' },
    handler: ({ auth, params }) => service.removeDocument(auth!, params.id, params.docId),
  });

  routes.add({
    method: 'get',
    path: '/requests/:id/timeline.csv',
    tag,
    summary: 'The request’s timeline as CSV',
    access: { anyOf: ['requests.timeline', 'requests.read-all'] },
    params: IdParams,
    response: CSV,
    handler: async ({ auth, params, res }) =>
      sendCsv(res, `request-${params.id}-timeline.csv`, await service.timelineCsv(auth!, params.id)),
  });

  routes.add({
    method: 'get',
    path: '/inbox',
    tag,
    summary: 'Your inbox: open tasks of your agency you may act on (mine, group, unassigned, escalated) with counts',
    access: { anyOf: ['requests.read', 'requests.create', 'requests.install', 'requests.operate'] },
    query: InboxQuery,
    response: { status: 200, description: 'A page of tasks', schema: RequestListSchema },
    handler: ({ auth, query }) => service.inbox(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/inbox.csv',
    tag,
    summary: 'The inbox (same filters) as CSV, at most 200 rows',
    access: { anyOf: ['requests.read', 'requests.create', 'requests.install', 'requests.operate'] },
    query: InboxQuery,
    response: CSV,
    handler: async ({ auth, query, res }) => sendCsv(res, 'inbox.csv', await service.inboxCsv(auth!, query)),
  });

  routes.add({
    method: 'post',
    path: '/inbox/bulk',
    tag,
    summary: 'Approve, reject or claim many tasks; each item answers on its own',
    access: { anyOf: ['requests.review'] },
    body: BulkBody,
    response: { status: 200, description: 'Per-item results', schema: Loose },
    handler: ({ auth, body }) => service.bulk(auth!, body),
  });

  routes.add({
    method: 'get',
    path: '/inbox/filters',
    tag,
    summary: 'Your saved inbox filters',
    access: { authenticated: true },
    response: { status: 200, description: 'Saved filters', schema: Loose },
    handler: ({ auth }) => service.savedFilters(auth!),
  });
  routes.add({
    method: 'post',
    path: '/inbox/filters',
    tag,
    summary: 'Save an inbox filter',
    access: { authenticated: true },
    body: SavedFilterBody,
    response: { status: 201, description: 'The saved filter', schema: Loose },
    handler: ({ auth, body }) => service.saveFilter(auth!, body),
  });
  routes.add({
    method: 'delete',
    path: '/inbox/filters/:id',
    tag,
    summary: 'Delete one of your saved filters',
    access: { authenticated: true },
    params: IdParams,
    response: { status: 200, description: 'Deleted', schema: Loose },
    handler: ({ auth, params }) => service.deleteFilter(auth!, params.id),
  });

  routes.add({
    method: 'get',
    path: '/terminals',
    tag: 'terminals',
    summary: 'Terminals in your subtree',
    access: { anyOf: ['terminals.read'] },
    query: TerminalsQuery,
    response: { status: 200, description: 'A page of terminals', schema: RequestListSchema },
    handler: ({ auth, query }) => service.terminals(auth!, query),
  });
  routes.add({
    method: 'get',
    path: '/terminals/:id',
    tag: 'terminals',
    summary: 'A terminal with its merchant, PSP numbers, serial, state and requests',
    access: { anyOf: ['terminals.read'] },
    params: IdParams,
    response: { status: 200, description: 'The terminal', schema: Loose },
    handler: ({ auth, params }) => service.terminal(auth!, params.id),
  });

  routes.add({
    method: 'get',
    path: '/agents/:id/review-step',
    tag: 'agents',
    summary: 'Whether the agent reviews requests coming up from below',
    access: { anyOf: ['agents.read'] },
    params: AgentRefParams,
    response: { status: 200, description: 'The switch', schema: Loose },
    handler: async ({ auth, params }) => service.reviewStep(auth!, await agentIdOf(ctx.db, params.id)),
  });
  routes.add({
    method: 'put',
    path: '/agents/:id/review-step',
    tag: 'agents',
    summary: 'Switch the agent’s review step on or off',
    access: { anyOf: ['agents.update'] },
    params: AgentRefParams,
    body: ReviewStepBody,
    response: { status: 200, description: 'The switch', schema: Loose },
    handler: async ({ auth, params, body }) => service.setReviewStep(auth!, await agentIdOf(ctx.db, params.id), body.enabled),
  });

  routes.add({
    method: 'get',
    path: '/settings/request-sla',
    tag: 'settings',
    summary: 'SLA minutes per request stage (and type), on the business or the continuous calendar',
    access: { anyOf: ['settings.manage'] },
    response: { status: 200, description: 'The SLA policy', schema: Loose },
    handler: () => service.slaPolicy(),
  });
  routes.add({
    method: 'put',
    path: '/settings/request-sla',
    tag: 'settings',
    summary: 'Set the SLA policy (applies to tasks opened afterwards)',
    access: { anyOf: ['settings.manage'] },
    body: SlaPolicyBody,
    response: { status: 200, description: 'The SLA policy', schema: Loose },
    handler: ({ auth, body }) => service.setSlaPolicy(auth!, body),
  });

  routes.add({
    method: 'post',
    path: '/psp-callbacks/:psp',
    tag: 'psp',
    summary: 'A PSP’s verdict callback: only makes the request poll the PSP at once (the body is not trusted)',
    access: { public: true },
    params: z.object({ psp: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/) }),
    body: z.looseObject({ trackingCode: z.string().min(1).max(100) }),
    response: { status: 200, description: 'Received', schema: Loose },
    handler: ({ params, body }) => service.pspCallback(params.psp, body.trackingCode),
  });
}
