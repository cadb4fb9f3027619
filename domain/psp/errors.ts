/**
 * The error classes of the PSP layer. Their `name`s are the Temporal failure types: put
 * NON_RETRYABLE_PSP_ERRORS in a retry policy's `nonRetryableErrorTypes` (or let `toActivityFailure`
 * mark them). Pure: workflows, activities and the API import it.
 */
import { UnmappedValueError } from '../basedata';
import { bi, type Bilingual } from '../i18n';

/** Why a call may succeed if tried again. */
export type RetryableReason = 'network' | 'timeout' | 'http-5xx' | 'throttled' | 'malformed' | 'session';

/** Network failure, timeout, 5xx, 429, or an answer we cannot read: try again (same request id). */
export class PspRetryableError extends Error {
  override readonly name = 'PspRetryableError';
  constructor(
    readonly reason: RetryableReason,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
  }

  /** What happened, for people (the message is the technical detail, in English). */
  get text(): Bilingual {
    return retryableText(this.reason, this.httpStatus);
  }
}

function retryableText(reason: RetryableReason, httpStatus?: number): Bilingual {
  const status = httpStatus === undefined ? '' : ` (HTTP ${httpStatus})`;
  switch (reason) {
    case 'network':
      return bi(
        'ارتباط با شرکت پرداخت برقرار نشد؛ دوباره تلاش می‌شود.',
        'The PSP could not be reached; the call will be retried.',
      );
    case 'timeout':
      return bi(
        'شرکت پرداخت در زمان مقرر پاسخ نداد؛ دوباره تلاش می‌شود.',
        'The PSP did not answer in time; the call will be retried.',
      );
    case 'http-5xx':
      return bi(
        `خطای سرور شرکت پرداخت${status}؛ دوباره تلاش می‌شود.`,
        `The PSP's server failed${status}; the call will be retried.`,
      );
    case 'throttled':
      return bi(
        'شرکت پرداخت فعلاً درخواست بیشتری نمی‌پذیرد؛ کمی بعد دوباره تلاش می‌شود.',
        'The PSP is limiting requests; the call will be retried shortly.',
      );
    case 'malformed':
      return bi(
        'پاسخ شرکت پرداخت قابل خواندن نبود؛ دوباره تلاش می‌شود.',
        "The PSP's answer could not be read; the call will be retried.",
      );
    case 'session':
      return bi('نشست با شرکت پرداخت منقضی شد؛ ورود دوباره انجام می‌شود.', 'The session with the PSP expired; logging in again.');
  }
}

/** Any other failure of a call (a bug, an unexpected answer): told to people without its internals. */
export const UNEXPECTED_CALL_TEXT: Bilingual = bi(
  'خطای پیش‌بینی‌نشده در تماس با شرکت پرداخت؛ دوباره تلاش می‌شود.',
  'An unexpected error occurred in the call to the PSP; the call will be retried.',
);

/**
 * The PSP understood the request and refused it (invalid national code, duplicate shop…): do not
 * retry; the request goes back to the submitter with `text` (ours, bilingual) and the PSP's own code
 * and Persian message.
 */
export class PspBusinessRejection extends Error {
  override readonly name = 'PspBusinessRejection';
  constructor(
    readonly pspCode: string,
    readonly rejectionCode: string,
    readonly pspMessage: string,
    readonly text: Bilingual,
  ) {
    super(`${pspCode} rejected the request (${rejectionCode}): ${text.en}`);
  }
}

/**
 * A value with no code at the PSP (or an unknown PSP/item). Non-retryable until an admin adds the
 * mapping; then the request is retried from the inbox. It IS an UnmappedValueError (same fields, fa/en
 * `text`), only with a PSP-layer name for Temporal.
 */
export class PspUnmappedValue extends UnmappedValueError {
  override readonly name = 'PspUnmappedValue';
  static from(e: UnmappedValueError): PspUnmappedValue {
    return e instanceof PspUnmappedValue ? e : new PspUnmappedValue(e.kind, e.itemCode, e.pspCode, e.reason);
  }
}

/**
 * No usable credentials for the PSP at the credential owner (see credential-owner.ts), or the PSP
 * refused them (`refused`: still 401 after a fresh login; an admin has to fix them).
 */
export class PspCredentialsUnavailable extends Error {
  override readonly name = 'PspCredentialsUnavailable';
  readonly text: Bilingual;
  constructor(
    readonly pspCode: string,
    readonly ownerAgentId: string | null,
    readonly problem: 'no-credentials' | 'owner-suspended' | 'unknown-agent' | 'no-main-broker' | 'undecryptable' | 'refused',
  ) {
    const text = {
      'no-credentials': bi(
        `اعتبارنامهٔ شرکت پرداخت «${pspCode}» برای کارگزار مسئول ثبت نشده است.`,
        `No credentials are stored for PSP "${pspCode}" at the agent that owns them.`,
      ),
      'owner-suspended': bi(
        `کارگزار مستقیم شرکت پرداخت «${pspCode}» تعلیق شده است؛ درخواست فرستاده نمی‌شود.`,
        `The direct broker of PSP "${pspCode}" is suspended; the request is not sent.`,
      ),
      'unknown-agent': bi('نمایندهٔ درخواست‌دهنده پیدا نشد.', 'The requesting agent does not exist.'),
      'no-main-broker': bi('کارگزار اصلی در درخت نمایندگان پیدا نشد.', 'The main broker is missing from the agent tree.'),
      undecryptable: bi(
        `اعتبارنامهٔ شرکت پرداخت «${pspCode}» باز نمی‌شود (کلید رمزنگاری عوض شده است؟)؛ دوباره ثبتش کنید.`,
        `The stored credentials for PSP "${pspCode}" cannot be decrypted (changed key?); store them again.`,
      ),
      refused: bi(
        `شرکت پرداخت «${pspCode}» نام کاربری یا گذرواژهٔ ثبت‌شده را نپذیرفت؛ اعتبارنامه را اصلاح کنید.`,
        `PSP "${pspCode}" refused the stored username or password; correct the credentials.`,
      ),
    }[problem];
    super(text.en);
    this.text = text;
  }
}

/**
 * No adapter is registered for the PSP's protocol (yet), or the PSP's base-data item has no
 * `endpointUrl` to reach it at (`no-endpoint`).
 */
export class PspAdapterMissing extends Error {
  override readonly name = 'PspAdapterMissing';
  readonly text: Bilingual;
  constructor(
    readonly pspCode: string,
    readonly protocol: string,
    readonly problem: 'no-adapter' | 'no-endpoint' = 'no-adapter',
  ) {
    const text =
      problem === 'no-endpoint'
        ? bi(
            `نشانی سرویس شرکت پرداخت «${pspCode}» در اطلاعات پایه وارد نشده است.`,
            `PSP "${pspCode}" has no endpoint URL in base data.`,
          )
        : bi(
            `برای شرکت پرداخت «${pspCode}» (پروتکل ${protocol}) هنوز رابطی پیکربندی نشده است.`,
            `No adapter is configured for PSP "${pspCode}" (protocol ${protocol}) yet.`,
          );
    super(text.en);
    this.text = text;
  }
}

/** The PSP is switched off in system settings (service `psp:<code>`): no new submissions go out. */
export class PspServiceDisabled extends Error {
  override readonly name = 'PspServiceDisabled';
  readonly text: Bilingual;
  constructor(readonly pspCode: string) {
    const text = bi(
      `ارسال درخواست به شرکت پرداخت «${pspCode}» در تنظیمات سامانه خاموش است.`,
      `Sending requests to PSP "${pspCode}" is switched off in system settings.`,
    );
    super(text.en);
    this.text = text;
  }
}

/** Failure types a Temporal retry policy must not retry. */
export const NON_RETRYABLE_PSP_ERRORS = [
  'PspBusinessRejection',
  'PspUnmappedValue',
  'PspCredentialsUnavailable',
  'PspAdapterMissing',
  'PspServiceDisabled',
] as const;

/** How a call ended, for logs, the `psp_calls` table and metrics. */
export type PspOutcomeClass = 'ok' | 'rejected' | 'retryable' | 'unmapped' | 'config' | 'error';

/** The class of a thrown value (anything unknown is `error`: a bug, retried by Temporal's default). */
export function classifyPspError(err: unknown): PspOutcomeClass {
  if (err instanceof PspBusinessRejection) return 'rejected';
  if (err instanceof PspRetryableError) return 'retryable';
  if (err instanceof UnmappedValueError) return 'unmapped';
  if (err instanceof PspCredentialsUnavailable || err instanceof PspAdapterMissing || err instanceof PspServiceDisabled)
    return 'config';
  return 'error';
}

/** Whether Temporal should try the call again. */
export const isRetryablePspError = (err: unknown): boolean => {
  const c = classifyPspError(err);
  return c === 'retryable' || c === 'error';
};
