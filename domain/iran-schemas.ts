/**
 * zod field schemas for Iranian identifiers: each accepts what a person types (Persian digits, spaces,
 * dashes, …), outputs the canonical value, and reports a refusal as a custom issue whose
 * `params: { code, fa, en }` the API's `fieldErrorFromIssue` turns into a bilingual field error.
 */
import { z } from 'zod';
import {
  checkLegalId,
  checkMobile,
  checkNationalCode,
  checkPostalCode,
  checkSheba,
  checkTaxTrackingCode,
  type CheckResult,
} from './iran';

/** The `params` a refusing schema puts on its custom issue. */
export interface IranIssueParams {
  code: string;
  fa: string;
  en: string;
}

function identifierSchema(check: (input: string) => CheckResult, description: string, example: string) {
  return z
    .string()
    .transform((input, ctx) => {
      const result = check(input);
      if (result.ok) return result.value;
      const params: IranIssueParams = { code: result.code, fa: result.message.fa, en: result.message.en };
      ctx.addIssue({ code: 'custom', message: result.message.en, input, params });
      return z.NEVER;
    })
    .meta({ description, example });
}

export const nationalCodeSchema = identifierSchema(
  checkNationalCode,
  'National code (کد ملی): 10 digits with a valid check digit; 8–9 digits are left-padded with zeros.',
  '0013542419',
);

export const legalIdSchema = identifierSchema(
  checkLegalId,
  'Legal national ID (شناسه ملی): 11 digits with a valid check digit.',
  '10380284790',
);

/** Outputs the canonical `IR` + 24 digits; derive the bank with `checkSheba`/`bankOfSheba`, never from input. */
export const shebaSchema = identifierSchema(
  checkSheba,
  'Sheba (IBAN): IR followed by 24 digits, valid mod-97 check and a known bank code.',
  'IR160120000000001234567890',
);

/** A postal code that misses the usual pattern is accepted; call `checkPostalCode` to show its warning. */
export const postalCodeSchema = identifierSchema(checkPostalCode, 'Postal code (کد پستی): 10 digits.', '1193653471');

export const mobileSchema = identifierSchema(
  checkMobile,
  'Mobile number, stored as 09 followed by 9 digits; +98, 0098 and 98 prefixes are accepted.',
  '09123456789',
);

export const taxTrackingCodeSchema = identifierSchema(
  checkTaxTrackingCode,
  'Tax tracking code (کد رهگیری مالیاتی): 10 digits.',
  '1234567890',
);
