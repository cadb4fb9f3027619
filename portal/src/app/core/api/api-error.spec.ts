import { HttpErrorResponse } from '@angular/common/http';

import { fieldErrors, toApiError } from './api-error';

describe('toApiError', () => {
  it('when the API answers with its error envelope, then keeps code, messages and field errors', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 400,
        error: {
          error: {
            code: 'VALIDATION_FAILED',
            message: { fa: 'نامعتبر', en: 'Invalid' },
            fields: [{ field: 'subject', code: 'too_short', message: { fa: 'کوتاه', en: 'Too short' } }],
          },
        },
      }),
    );
    expect(error.status).toBe(400);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message.en).toBe('Invalid');
    expect(fieldErrors(error, 'subject').map((f) => f.code)).toEqual(['too_short']);
    expect(fieldErrors(error, 'body')).toEqual([]);
  });

  it('when the server cannot be reached, then reports a network error', () => {
    expect(toApiError(new HttpErrorResponse({ status: 0 })).code).toBe('NETWORK');
  });

  it('when the answer has no envelope, then names the HTTP status', () => {
    const error = toApiError(new HttpErrorResponse({ status: 502, error: '<html>Bad gateway</html>' }));
    expect(error.code).toBe('HTTP_502');
    expect(error.message.en).toContain('502');
  });

  it('when something else was thrown, then still answers with an ApiError', () => {
    expect(toApiError(new Error('boom')).code).toBe('CLIENT_ERROR');
  });
});
