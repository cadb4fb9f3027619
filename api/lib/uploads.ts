import { createHash, randomUUID } from 'node:crypto';
import type { Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import type { Transaction } from 'sequelize';
import type { Database } from '../../db';
import type { AttachmentRow } from '../../db/models';
import { bi } from '../../domain/i18n';
import { normalizeText } from '../../domain/text';
import { AppError, type FieldError } from './errors';

/** One multipart file in field `file`, kept in memory up to `maxBytes`, with at most `fields` text fields. */
export const singleFile = (maxBytes: number, fields = 0) =>
  multer({ storage: multer.memoryStorage(), limits: { fileSize: maxBytes, files: 1, fields } }).single('file');

/** What is wrong with an uploaded file (missing, of a type not in `allowed`, empty), or null. */
export function fileProblem(
  file: Express.Multer.File | undefined,
  allowed: ReadonlySet<string>,
  typesText: { fa: string; en: string },
): FieldError | null {
  if (!file) return { field: 'file', code: 'required', message: bi('فایلی فرستاده نشده است.', 'No file was sent.') };
  if (!allowed.has(file.mimetype)) {
    return {
      field: 'file',
      code: 'unsupported_type',
      message: bi(`تنها ${typesText.fa} پذیرفته می‌شود.`, `Only ${typesText.en} is accepted (got ${file.mimetype}).`),
    };
  }
  if (file.size === 0) return { field: 'file', code: 'empty', message: bi('فایل خالی است.', 'The file is empty.') };
  return null;
}

/** The uploaded file, or a field error when it is missing, empty or of a type not in `allowed`. */
export function requireFile(
  file: Express.Multer.File | undefined,
  allowed: ReadonlySet<string>,
  typesText: { fa: string; en: string },
): Express.Multer.File {
  const problem = fileProblem(file, allowed, typesText);
  if (problem) throw AppError.validation([problem]);
  return file!;
}

/**
 * Stores an uploaded file in the attachments table: a non-ticket file with `purpose` + `refId`, or
 * (both null) a ticket attachment not yet linked to a message.
 */
export async function storeFile(
  db: Database,
  tx: Transaction | null,
  input: {
    file: Express.Multer.File;
    purpose: string | null;
    refId: string | null;
    ownerId: string;
    agentId: string;
    /** The name when the upload has none. */
    fallbackName?: string;
  },
): Promise<AttachmentRow> {
  // multer decodes the name as latin1; browsers send UTF-8.
  const fileName =
    normalizeText(Buffer.from(input.file.originalname, 'latin1').toString('utf8')).slice(0, 255) ||
    (input.fallbackName ?? 'file');
  return db.models.Attachment.create(
    {
      id: randomUUID(),
      ownerId: input.ownerId,
      agentId: input.agentId,
      ticketId: null,
      fileName,
      contentType: input.file.mimetype,
      size: input.file.size,
      sha256: createHash('sha256').update(input.file.buffer).digest('hex'),
      data: input.file.buffer,
      purpose: input.purpose,
      refId: input.refId,
      createdAt: new Date(),
    },
    tx ? { transaction: tx } : {},
  );
}

export const fileInfo = (row: AttachmentRow) => ({
  id: row.id,
  fileName: row.fileName,
  contentType: row.contentType,
  size: Number(row.size),
  createdAt: new Date(row.createdAt).toISOString(),
});

/** Sends a stored file; `inline` for images shown in pages, otherwise a download. */
export function sendFile(res: Response, row: AttachmentRow, opts: { inline?: boolean; cacheSeconds?: number } = {}): void {
  res
    .status(200)
    .type(row.contentType)
    .set('Content-Disposition', `${opts.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(row.fileName)}`)
    .set('X-Content-Type-Options', 'nosniff')
    // An SVG opened directly must not run scripts.
    .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
    .set('Cache-Control', opts.cacheSeconds ? `public, max-age=${opts.cacheSeconds}` : 'private, no-store')
    .send(Buffer.from(row.data));
}

/** The OpenAPI response of a route that sends a stored file (see `sendFile`). */
export const FILE_RESPONSE = {
  status: 200,
  description: 'The file',
  schema: z.string().meta({ format: 'binary' }),
  contentType: 'application/octet-stream',
} as const;

/** A CSV download (`text/csv; charset=utf-8`, attachment named `fileName`). */
export function sendCsv(res: Response, fileName: string, body: string): void {
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.send(body);
}
