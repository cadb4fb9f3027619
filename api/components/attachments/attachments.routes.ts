import { createHash, randomUUID } from 'node:crypto';
import multer from 'multer';
import { z } from 'zod';
import type { Database } from '../../../db';
import { bi } from '../../../domain/i18n';
import { normalizeText } from '../../../domain/text';
import { AppError } from '../../lib/errors';
import { IdParams, type RouteTable } from '../../lib/routes';
import type { TicketService } from '../tickets/tickets.service';
import type { TicketRepository } from '../../../db/repositories/tickets';

const ALLOWED_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf', 'text/plain']);

const AttachmentSchema = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number() })
  .meta({ id: 'Attachment' });

export function attachmentRoutes(
  routes: RouteTable,
  deps: { db: Database; tickets: TicketService; ticketRepo: TicketRepository; maxBytes: number },
): void {
  const { Attachment } = deps.db.models;
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: deps.maxBytes, files: 1, fields: 0 } });

  routes.add({
    method: 'post',
    path: '/attachments',
    tag: 'attachments',
    summary: 'Upload a file (PNG, JPEG, WebP, GIF, PDF or text) to attach to a ticket message',
    access: { anyOf: ['tickets.create', 'tickets.answer'] },
    bodyContentType: 'multipart/form-data',
    body: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) }),
    before: [upload.single('file')],
    response: { status: 201, description: 'The stored attachment', schema: AttachmentSchema },
    handler: async ({ auth, req }) => {
      const file = req.file;
      if (!file) {
        throw AppError.validation([
          { field: 'file', code: 'required', message: bi('فایلی فرستاده نشده است.', 'No file was sent.') },
        ]);
      }
      if (!ALLOWED_TYPES.has(file.mimetype)) {
        throw AppError.validation([
          {
            field: 'file',
            code: 'unsupported_type',
            message: bi(
              'تنها تصویر، PDF یا متن پذیرفته می‌شود.',
              `Only images, PDF or plain text are accepted (got ${file.mimetype}).`,
            ),
          },
        ]);
      }
      if (file.size === 0) {
        throw AppError.validation([{ field: 'file', code: 'empty', message: bi('فایل خالی است.', 'The file is empty.') }]);
      }
      // multer decodes the name as latin1; browsers send UTF-8.
      const fileName = normalizeText(Buffer.from(file.originalname, 'latin1').toString('utf8')).slice(0, 255) || 'file';
      const row = await Attachment.create({
        id: randomUUID(),
        ownerId: auth!.user.id,
        agentId: auth!.agent.id,
        ticketId: null,
        fileName,
        contentType: file.mimetype,
        size: file.size,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        data: file.buffer,
        createdAt: new Date(),
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
    response: {
      status: 200,
      description: 'The file',
      schema: z.string().meta({ format: 'binary' }),
      contentType: 'application/octet-stream',
    },
    handler: async ({ auth, params, res }) => {
      const row = await Attachment.findByPk(params.id);
      const notFound = AppError.notFound(bi('پیوست یافت نشد.', 'Attachment not found.'));
      if (!row) throw notFound;
      if (row.ownerId !== auth!.user.id) {
        const ticket = row.ticketId ? await deps.ticketRepo.findSummary(row.ticketId) : null;
        if (!ticket || !(await deps.tickets.canSee(auth!, ticket))) throw notFound;
      }
      res
        .status(200)
        .type(row.contentType)
        .set('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
        .set('X-Content-Type-Options', 'nosniff')
        .send(Buffer.from(row.data));
      return undefined;
    },
  });
}
