import { z } from 'zod';
import type { Database } from '../../../db';
import { bi } from '../../../domain/i18n';
import { AppError } from '../../lib/errors';
import { FILE_RESPONSE, requireFile, sendFile, singleFile, storeFile } from '../../lib/uploads';
import { IdParams, type RouteTable } from '../../lib/routes';
import type { TicketService } from '../tickets/tickets.service';
import type { TicketRepository } from '../../../db/repositories/tickets';

const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'text/plain']);
const ALLOWED_TYPES_TEXT = bi('تصویر، PDF یا متن', 'images, PDF or plain text');

const AttachmentSchema = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number() })
  .meta({ id: 'Attachment' });

export function attachmentRoutes(
  routes: RouteTable,
  deps: { db: Database; tickets: TicketService; ticketRepo: TicketRepository; maxBytes: number },
): void {
  const { Attachment } = deps.db.models;

  routes.add({
    method: 'post',
    path: '/attachments',
    tag: 'attachments',
    summary: 'Upload a file (PNG, JPEG, WebP, GIF, PDF or text) to attach to a ticket message',
    access: { anyOf: ['tickets.create', 'tickets.answer'] },
    bodyContentType: 'multipart/form-data',
    body: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }),
    before: [singleFile(deps.maxBytes)],
    response: { status: 201, description: 'The stored attachment', schema: AttachmentSchema },
    handler: async ({ auth, req }) => {
      const file = requireFile(req.file, ALLOWED_TYPES, ALLOWED_TYPES_TEXT);
      const row = await storeFile(deps.db, null, {
        file,
        purpose: null,
        refId: null,
        ownerId: auth!.user.id,
        agentId: auth!.agent.id,
      });
      return { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size };
    },
  });

  routes.add({
    method: 'get',
    path: '/attachments/:id',
    tag: 'attachments',
    summary: 'Download an attachment you uploaded or that belongs to a ticket you can see',
    access: { anyOf: ['tickets.read-own', 'tickets.read-agent', 'tickets.inbox', 'tickets.read-all'] },
    params: IdParams,
    response: FILE_RESPONSE,
    handler: async ({ auth, params, res }) => {
      const row = await Attachment.findByPk(params.id);
      const notFound = AppError.notFound(bi('پیوست یافت نشد.', 'Attachment not found.'));
      if (!row) throw notFound;
      if (row.ownerId !== auth!.user.id) {
        const ticket = row.ticketId ? await deps.ticketRepo.findSummary(row.ticketId) : null;
        if (!ticket || !(await deps.tickets.canSee(auth!, ticket))) throw notFound;
      }
      sendFile(res, row);
      return undefined;
    },
  });
}
