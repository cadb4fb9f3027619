import { HttpErrorResponse } from '@angular/common/http';

import { LocalizedText } from './api.models';

export interface ApiFieldError {
  readonly field: string;
  readonly code: string;
  readonly message: LocalizedText;
}

/** The API's error envelope `{ error: { code, message: { fa, en }, fields } }`, plus the HTTP status. */
export interface ApiError {
  readonly status: number;
  readonly code: string;
  readonly message: LocalizedText;
  readonly fields: readonly ApiFieldError[];
}

const NETWORK_MESSAGE: LocalizedText = {
  fa: 'ارتباط با سرور برقرار نشد. اتصال شبکه را بررسی کنید.',
  en: 'Could not reach the server. Check your network connection.',
};

const UNKNOWN_MESSAGE: LocalizedText = {
  fa: 'خطای پیش‌بینی‌نشده‌ای رخ داد.',
  en: 'An unexpected error occurred.',
};

function isLocalizedText(value: unknown): value is LocalizedText {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LocalizedText).fa === 'string' &&
    typeof (value as LocalizedText).en === 'string'
  );
}

/** Turns anything an HTTP call can throw into an {@link ApiError}; never throws itself. */
export function toApiError(error: unknown): ApiError {
  if (!(error instanceof HttpErrorResponse)) {
    return { status: 0, code: 'CLIENT_ERROR', message: UNKNOWN_MESSAGE, fields: [] };
  }
  if (error.status === 0) {
    return { status: 0, code: 'NETWORK', message: NETWORK_MESSAGE, fields: [] };
  }
  const envelope = (error.error as { error?: Partial<ApiError> } | null)?.error;
  if (!envelope || typeof envelope.code !== 'string') {
    return {
      status: error.status,
      code: `HTTP_${error.status}`,
      message: {
        fa: `${UNKNOWN_MESSAGE.fa} (HTTP ${error.status})`,
        en: `${UNKNOWN_MESSAGE.en} (HTTP ${error.status})`,
      },
      fields: [],
    };
  }
  const fields = Array.isArray(envelope.fields)
    ? (envelope.fields as unknown[]).filter((f): f is ApiFieldError => isFieldError(f))
    : [];
  return {
    status: error.status,
    code: envelope.code,
    message: isLocalizedText(envelope.message) ? envelope.message : UNKNOWN_MESSAGE,
    fields,
  };
}

/** Field errors of one field (empty when there is no error or no such field). */
export function fieldErrors(error: ApiError | null, field: string): readonly ApiFieldError[] {
  return error?.fields.filter((f) => f.field === field) ?? [];
}

/** The error when it is a validation failure with field errors (shown with the form), else null. */
export function validationError(error: ApiError | null): ApiError | null {
  return error && error.fields.length > 0 ? error : null;
}

function isFieldError(value: unknown): value is ApiFieldError {
  const f = value as Partial<Record<'field' | 'message', unknown>> | null;
  return typeof f?.field === 'string' && isLocalizedText(f.message);
}
