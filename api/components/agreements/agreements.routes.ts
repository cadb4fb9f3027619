import { z } from 'zod';
import type { ApiContext } from '../../app';
import { IdParams, type RouteTable } from '../../lib/routes';
import { pageOf } from '../../lib/schemas';
import { AgentRefParams, agentIdOf } from '../../lib/scope';
import { FILE_RESPONSE, requireFile, sendFile, singleFile } from '../../lib/uploads';
import {
  Agreement,
  AgreementFile,
  AgreementFileParams,
  AgreementQuery,
  ChangeAgreementStatus,
  CreateAgreement,
  CurrentQuery,
  UpdateAgreement,
} from './agreements.schemas';
import { createAgreementService } from './agreements.service';

const READ = { anyOf: ['agreements.read', 'agreements.manage'] } as const;
const MANAGE = { anyOf: ['agreements.manage'] } as const;
const FILE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/webp']);
const FILE_TYPES_TEXT = { fa: 'PDF یا تصویر (PNG، JPEG، WebP)', en: 'PDF or an image (PNG, JPEG, WebP)' };

/** Agreements with agents and users (R-AGREEMENTS). */
export function agreementRoutes(routes: RouteTable, ctx: ApiContext): void {
  const service = createAgreementService(ctx);
  const tag = 'agreements';

  routes.add({
    method: 'get',
    path: '/agreements',
    tag,
    summary: 'Agreements in your subtree (filters: agent, user, status incl. expired, current = in force today)',
    access: { anyOf: [...READ.anyOf] },
    query: AgreementQuery,
    response: { status: 200, description: 'A page of agreements (without attachments)', schema: pageOf(Agreement) },
    handler: ({ auth, query }) => service.list(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/agents/:id/agreements/current',
    tag,
    summary: "An agent's agreements in force today (Asia/Tehran), for whoever reviews its requests",
    access: { anyOf: [...READ.anyOf] },
    params: AgentRefParams,
    query: CurrentQuery,
    response: {
      status: 200,
      description: 'Agreements in force today',
      schema: z.object({ today: z.string(), todayJalali: z.string(), items: z.array(Agreement) }),
    },
    handler: async ({ auth, params, query }) => service.current(auth!, await agentIdOf(ctx.db, params.id), query.userId),
  });

  routes.add({
    method: 'get',
    path: '/agreements/:id',
    tag,
    summary: 'One agreement with its attachments',
    access: { anyOf: [...READ.anyOf] },
    params: IdParams,
    response: { status: 200, description: 'The agreement', schema: Agreement },
    handler: ({ auth, params }) => service.get(auth!, params.id),
  });

  routes.add({
    method: 'post',
    path: '/agreements',
    tag,
    summary: 'Create an agreement with an agent or with one of its users (dates in Jalali)',
    access: { anyOf: [...MANAGE.anyOf] },
    body: CreateAgreement,
    response: { status: 201, description: 'The new agreement', schema: Agreement },
    handler: async ({ auth, body }) =>
      service.create(auth!, { ...body, agentId: await agentIdOf(ctx.db, body.agentId).catch(() => body.agentId) }),
  });

  routes.add({
    method: 'put',
    path: '/agreements/:id',
    tag,
    summary: 'Edit an agreement (not once terminated)',
    access: { anyOf: [...MANAGE.anyOf] },
    params: IdParams,
    body: UpdateAgreement,
    response: { status: 200, description: 'The agreement', schema: Agreement },
    handler: ({ auth, params, body }) => service.update(auth!, params.id, body),
  });

  routes.add({
    method: 'post',
    path: '/agreements/:id/status',
    tag,
    summary: 'Activate, suspend or terminate an agreement (draft → active → suspended ⇄ active; any → terminated)',
    access: { anyOf: [...MANAGE.anyOf] },
    params: IdParams,
    body: ChangeAgreementStatus,
    response: { status: 200, description: 'The agreement', schema: Agreement },
    handler: ({ auth, params, body }) => service.changeStatus(auth!, params.id, body.status, body.reason),
  });

  routes.add({
    method: 'post',
    path: '/agreements/:id/attachments',
    tag,
    summary: 'Attach a file (PDF or image) to an agreement',
    access: { anyOf: [...MANAGE.anyOf] },
    params: IdParams,
    bodyContentType: 'multipart/form-data',
    body: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }),
    before: [singleFile(ctx.config.attachmentMaxBytes)],
    response: { status: 201, description: 'The stored file', schema: AgreementFile },
    handler: ({ auth, params, req }) => service.attach(auth!, params.id, requireFile(req.file, FILE_TYPES, FILE_TYPES_TEXT)),
  });

  routes.add({
    method: 'get',
    path: '/agreements/:id/attachments/:fileId',
    tag,
    summary: "Download an agreement's file",
    access: { anyOf: [...READ.anyOf] },
    params: AgreementFileParams,
    response: FILE_RESPONSE,
    handler: async ({ auth, params, res }) => {
      sendFile(res, await service.file(auth!, params.id, params.fileId));
      return undefined;
    },
  });

  routes.add({
    method: 'delete',
    path: '/agreements/:id/attachments/:fileId',
    tag,
    summary: "Remove an agreement's file",
    access: { anyOf: [...MANAGE.anyOf] },
    params: AgreementFileParams,
    response: { status: 204, description: 'Removed' },
    handler: ({ auth, params }) => service.detach(auth!, params.id, params.fileId),
  });
}
