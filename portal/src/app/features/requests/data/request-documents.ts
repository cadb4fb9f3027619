import { bi, type Bilingual } from '../../../../../../domain/i18n';
import { MERCHANT_DOCUMENT_CONTENT_TYPES } from '../../../../../../domain/merchants';
import { RequestDetail, RequestDocument } from './requests.models';

/**
 * Documents attached to a request (docs/REQUESTS.md, "Documents"): the same files as a merchant's
 * documents (an image or a PDF), typed by base data `document-type`.
 */
export const DOCUMENT_ACCEPT = MERCHANT_DOCUMENT_CONTENT_TYPES.join(',');

/**
 * The request a document is attached to: the one the form was opened with (a draft, a returned
 * request) or saved as; null while the form was never saved (the upload saves it as a draft first).
 */
export function documentTarget(routeId: string | null | undefined, storedId: string | null | undefined): string | null {
  return routeId || storedId || null;
}

/** What is wrong with a chosen file before it is sent (the API checks it again), or null. */
export function documentFileProblem(file: { readonly type: string; readonly size: number } | null): {
  code: string;
  message: Bilingual;
} | null {
  if (!file) return null;
  if (!(MERCHANT_DOCUMENT_CONTENT_TYPES as readonly string[]).includes(file.type)) {
    return { code: 'unsupported_type', message: bi('تنها تصویر یا PDF پذیرفته می‌شود.', 'Only images or PDF are accepted.') };
  }
  if (file.size === 0) return { code: 'empty', message: bi('فایل خالی است.', 'The file is empty.') };
  return null;
}

/** The request with one more document (once, at the end), when it is the request the document belongs to. */
export function withDocument<T extends RequestDetail | null>(request: T, requestId: string, doc: RequestDocument): T {
  if (!request || request.id !== requestId || request.documents.some((d) => d.id === doc.id)) return request;
  return { ...request, documents: [...request.documents, doc] };
}

/** The request without a document, when it is the request the document belonged to. */
export function withoutDocument<T extends RequestDetail | null>(request: T, requestId: string, documentId: string): T {
  if (!request || request.id !== requestId) return request;
  return { ...request, documents: request.documents.filter((d) => d.id !== documentId) };
}

/** Whether two stored requests differ in nothing but their documents (only other changes refill the form). */
export function sameExceptDocuments(a: RequestDetail | null, b: RequestDetail | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  keys.delete('documents');
  return [...keys].every((k) => x[k] === y[k]);
}
