import type { Database } from '../../db';
import { createBaseDataRepository, type BaseItem } from '../../db/repositories/basedata';
import type { PersonType } from '../../domain/basedata';
import { bi } from '../../domain/i18n';
import { MERCHANT_DOCUMENT_CONTENT_TYPES } from '../../domain/merchants';
import { activeBaseItems } from './basedata-refs';
import { AppError, type FieldError } from './errors';
import { fileProblem } from './uploads';

/**
 * Typed documents (a merchant's identity documents, the documents attached to a request): the type is
 * base data (kind `document-type`, attribute `appliesTo` natural | legal | both), the file an image or a
 * PDF of at most ATTACHMENT_MAX_BYTES (the multipart parser's limit).
 */
export const DOCUMENT_CONTENT_TYPES: ReadonlySet<string> = new Set(MERCHANT_DOCUMENT_CONTENT_TYPES);
export const DOCUMENT_CONTENT_TYPES_TEXT = bi('تصویر یا PDF', 'images or PDF');

/** The active document types, in base-data order. */
export async function documentTypeItems(db: Database): Promise<BaseItem[]> {
  return (await createBaseDataRepository(db).all('document-type')).filter((t) => t.active);
}

/** The persons a document type is for. */
export function appliesTo(t: BaseItem): PersonType {
  const v = t.attributes.appliesTo;
  return v === 'natural' || v === 'legal' ? v : 'both';
}

/**
 * Checks an upload of a typed document: `typeCode` names an active document type (for `personKind`'s
 * persons when it is known) and the file is an image or a PDF. Every problem is reported at once as a
 * 400 with the fields `typeCode` and `file`.
 */
export async function checkDocumentUpload(
  db: Database,
  typeCode: unknown,
  file: Express.Multer.File | undefined,
  personKind: 'natural' | 'legal' | null,
): Promise<{ type: BaseItem; file: Express.Multer.File }> {
  const fields: FieldError[] = [];
  const code = typeof typeCode === 'string' ? typeCode.trim() : '';
  const type = code
    ? (await activeBaseItems(db, [{ kind: 'document-type', code, field: 'typeCode' }])).get(`document-type/${code}`)
    : undefined;
  if (!type) {
    const types = await documentTypeItems(db);
    fields.push({
      field: 'typeCode',
      code: code ? 'unknown_type' : 'required',
      message: bi(
        `نوع مدرک را از این میان برگزینید: ${types.map((t) => t.nameFa).join('، ')}`,
        `Choose the document type among: ${types.map((t) => t.code).join(', ')}.`,
      ),
    });
  } else if (personKind && appliesTo(type) !== 'both' && appliesTo(type) !== personKind) {
    // The person types a document is for are a base-data attribute (gazette: legal persons only).
    fields.push({
      field: 'typeCode',
      code: appliesTo(type) === 'legal' ? 'legal_only' : 'natural_only',
      message:
        appliesTo(type) === 'legal'
          ? bi(`«${type.nameFa}» تنها برای اشخاص حقوقی است.`, `"${type.nameEn}" is for legal persons only.`)
          : bi(`«${type.nameFa}» تنها برای اشخاص حقیقی است.`, `"${type.nameEn}" is for natural persons only.`),
    });
  }
  const problem = fileProblem(file, DOCUMENT_CONTENT_TYPES, DOCUMENT_CONTENT_TYPES_TEXT);
  if (problem) fields.push(problem);
  if (fields.length) throw AppError.validation(fields);
  return { type: type!, file: file! };
}
