import type { ErrorRequestHandler, Request } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { bi, type Bilingual } from '../../domain/i18n';

export interface FieldError {
  field: string;
  code: string;
  message: Bilingual;
}

/** The one error type of the API: a stable code, an HTTP status and a bilingual message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly fields?: FieldError[],
  ) {
    super(text.en);
    this.name = 'AppError';
  }

  static notFound(what: Bilingual = bi('موردی یافت نشد.', 'Not found.')): AppError {
    return new AppError(404, 'NOT_FOUND', what);
  }
  static forbidden(text: Bilingual = bi('اجازهٔ این کار را ندارید.', 'You are not allowed to do this.')): AppError {
    return new AppError(403, 'FORBIDDEN', text);
  }
  static validation(fields: FieldError[]): AppError {
    return new AppError(
      400,
      'VALIDATION_FAILED',
      bi('برخی از مقادیر واردشده درست نیستند.', 'Some of the values are not valid.'),
      fields,
    );
  }
}

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.object({ fa: z.string(), en: z.string() }),
      fields: z
        .array(z.object({ field: z.string(), code: z.string(), message: z.object({ fa: z.string(), en: z.string() }) }))
        .optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Bilingual text for a zod issue; custom refinements carry their own `params`. */
export function fieldErrorFromIssue(issue: z.core.$ZodIssue, prefix: string[] = []): FieldError {
  const field = [...prefix, ...issue.path.map(String)].join('.') || '(body)';
  const params = (issue as { params?: { code?: string; fa?: string; en?: string } }).params;
  if (issue.code === 'custom' && params?.code && params.fa && params.en) {
    return { field, code: params.code, message: bi(params.fa, params.en) };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) {
        return { field, code: 'required', message: bi('این فیلد الزامی است.', 'This field is required.') };
      }
      return {
        field,
        code: 'invalid_type',
        message: bi(`نوع مقدار نادرست است (${issue.expected} لازم است).`, `Wrong type: ${issue.expected} expected.`),
      };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { field, code: 'required', message: bi('این فیلد الزامی است.', 'This field is required.') }
          : {
              field,
              code: 'too_short',
              message: bi(`دست‌کم ${issue.minimum} نویسه لازم است.`, `At least ${issue.minimum} characters are required.`),
            };
      }
      return {
        field,
        code: 'too_small',
        message: bi(`باید دست‌کم ${issue.minimum} باشد.`, `Must be at least ${issue.minimum}.`),
      };
    case 'too_big':
      if (issue.origin === 'string') {
        return {
          field,
          code: 'too_long',
          message: bi(`حداکثر ${issue.maximum} نویسه مجاز است.`, `At most ${issue.maximum} characters are allowed.`),
        };
      }
      return { field, code: 'too_big', message: bi(`باید حداکثر ${issue.maximum} باشد.`, `Must be at most ${issue.maximum}.`) };
    case 'invalid_value':
      return {
        field,
        code: 'invalid_value',
        message: bi(
          `مقدار مجاز نیست؛ یکی از این‌ها را بفرستید: ${issue.values.join('، ')}`,
          `Not an allowed value; use one of: ${issue.values.join(', ')}.`,
        ),
      };
    case 'invalid_format':
      return { field, code: 'invalid_format', message: bi('قالب این مقدار درست نیست.', `Invalid format (${issue.format}).`) };
    case 'unrecognized_keys':
      return {
        field: [...prefix, ...issue.keys].join('.') || field,
        code: 'unknown_field',
        message: bi(`فیلد ناشناخته: ${issue.keys.join('، ')}`, `Unknown field: ${issue.keys.join(', ')}.`),
      };
    default:
      return { field, code: 'invalid', message: bi('مقدار نادرست است.', issue.message) };
  }
}

/** What the error handler reports about refused and failed requests (written as system events). */
export type ErrorObserver = (req: Request, error: AppError, cause: unknown) => void;

export function errorHandler(logger: Logger, observe?: ErrorObserver): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const appError = toAppError(err);
    if (appError.status >= 500) logger.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    observe?.(req, appError, err);
    const body: Record<string, unknown> = { code: appError.code, message: appError.text };
    if (appError.fields) body.fields = appError.fields;
    res.status(appError.status).json({ error: body });
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; code?: string; field?: string };
  // body-parser and multer failures are the client's fault, not ours.
  if (e?.type === 'entity.parse.failed') {
    return new AppError(400, 'MALFORMED_JSON', bi('بدنهٔ درخواست JSON معتبری نیست.', 'The request body is not valid JSON.'));
  }
  if (e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE') {
    return new AppError(413, 'PAYLOAD_TOO_LARGE', bi('حجم داده بیش از حد مجاز است.', 'The payload is too large.'));
  }
  if (typeof e?.code === 'string' && e.code.startsWith('LIMIT_')) {
    return new AppError(400, 'UPLOAD_INVALID', bi('فایل بارگذاری‌شده پذیرفته نشد.', `The upload was refused (${e.code}).`));
  }
  return new AppError(
    500,
    'INTERNAL',
    bi('خطای پیش‌بینی‌نشده‌ای رخ داد؛ دوباره تلاش کنید.', 'An unexpected error occurred; please try again.'),
  );
}
