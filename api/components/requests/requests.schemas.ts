import { z } from 'zod';
import { mobileSchema, postalCodeSchema } from '../../../domain/iran-schemas';
import { REQUEST_ACTIONS, REQUEST_STATES, REQUEST_TYPES, TASK_KINDS } from '../../../domain/requests/model';
import { toAsciiDigits } from '../../../domain/text';
import { Code, PageQuery, text } from '../../lib/schemas';

/** A device serial: any digits, trimmed, upper case; 4–30 of A–Z, 0–9 and `-`. */
export const Serial = z
  .string()
  .transform((v) => toAsciiDigits(v).trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9-]{4,30}$/, '4–30 letters, digits or -'));

const Id = z.uuid();

export const PAYLOAD_SCHEMAS = {
  install: z.strictObject({ merchantId: Id, shopId: Id, accountId: Id, deviceModel: Code }),
  define: z.strictObject({ terminalId: Id, deviceModel: Code, serial: Serial.optional() }),
  swap: z.strictObject({ terminalId: Id, reason: Code, deviceModel: Code.optional(), serial: Serial.optional() }),
  account: z.strictObject({ terminalId: Id, accountId: Id }),
  merchant: z.strictObject({
    terminalId: Id,
    changes: z
      .strictObject({
        shopNameFa: text(2, 200).optional(),
        shopNameEn: text(2, 200).optional(),
        addressFa: text(5, 500).optional(),
        postalCode: postalCodeSchema.optional(),
        phone: z
          .string()
          .transform((v) => toAsciiDigits(v).replace(/[\s-]/g, ''))
          .pipe(z.string().regex(/^0\d{10}$/, '11 digits starting with 0'))
          .optional(),
        mobile: mobileSchema.optional(),
      })
      .refine((c) => Object.values(c).some((v) => v !== undefined), { message: 'at least one change is required' }),
  }),
  collect: z.strictObject({ terminalId: Id, reason: Code }),
  reactivate: z.strictObject({ terminalId: Id, note: text(0, 500).optional() }),
} as const;

const RequestType = z.enum(REQUEST_TYPES);

/** A new request: a draft (`submit` false) may be incomplete; a submission is checked in full. */
export const CreateRequestBody = z.strictObject({
  type: RequestType,
  pspCode: Code,
  payload: z.record(z.string(), z.unknown()),
  clientKey: z.string().trim().min(8).max(100).optional(),
  submit: z.boolean().default(false),
});

export const UpdateDraftBody = z.strictObject({
  pspCode: Code,
  payload: z.record(z.string(), z.unknown()),
});

export const ActionBody = z.strictObject({
  action: z.enum(REQUEST_ACTIONS),
  taskId: z.string().min(1).max(48),
  reason: text(0, 1000).optional(),
  assigneeUserId: z.string().min(1).max(36).optional(),
  payload: z.record(z.string(), z.unknown()).optional(),
});

export const BulkBody = z.strictObject({
  action: z.enum(['approve', 'reject', 'claim']),
  reason: text(0, 1000).optional(),
  items: z
    .array(z.strictObject({ requestId: z.uuid(), taskId: z.string().min(1).max(48) }))
    .min(1)
    .max(200),
});

const DateQuery = z.iso.datetime({ offset: true }).or(z.iso.date()).optional();

export const ListRequestsQuery = PageQuery.extend({
  type: RequestType.optional(),
  state: z.enum(REQUEST_STATES).optional(),
  pspCode: Code.optional(),
  agentId: z.uuid().optional(),
  terminalId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(60).optional(),
  from: DateQuery,
  to: DateQuery,
});

export const InboxQuery = PageQuery.extend({
  view: z.enum(['mine', 'group', 'unassigned', 'escalated']).default('group'),
  type: RequestType.optional(),
  kind: z.enum(TASK_KINDS).optional(),
  pspCode: Code.optional(),
  agentId: z.uuid().optional(),
  sla: z.enum(['none', 'ok', 'warning', 'critical', 'breached']).optional(),
  q: z.string().trim().max(60).optional(),
  from: DateQuery,
  to: DateQuery,
});

export const SavedFilterBody = z.strictObject({
  name: text(1, 100),
  query: z.record(z.string(), z.union([z.string().max(100), z.number(), z.boolean()])),
});

export const TerminalsQuery = PageQuery.extend({
  q: z.string().trim().max(60).optional(),
  state: z.enum(['awaiting_device', 'active', 'deactivated', 'collected']).optional(),
  pspCode: Code.optional(),
  merchantId: z.uuid().optional(),
});

export const ReviewStepBody = z.strictObject({ enabled: z.boolean() });

const SLA_KEY = /^((install|define|swap|account|merchant|collect|reactivate)\.)?(review|approve|correction|fix|install)$/;

export const SlaPolicyBody = z.strictObject({
  calendar: z.enum(['business', 'continuous']),
  /** Minutes per stage (`review`) or per type and stage (`install.review`); 0 = no SLA. */
  minutes: z
    .record(
      z.string(),
      z
        .number()
        .min(0)
        .max(60 * 24 * 90),
    )
    .refine((m) => Object.keys(m).every((k) => SLA_KEY.test(k)), { message: 'keys are <kind> or <type>.<kind>' }),
});

/** Responses are described loosely (their shapes are in docs/REQUESTS.md and domain/requests/model.ts). */
export const RequestDetailSchema = z.looseObject({ id: z.string(), number: z.string(), type: RequestType, state: z.string() });
export const RequestListSchema = z.looseObject({ items: z.array(z.looseObject({})), total: z.number() });

/** `/requests/:id/documents/:docId`. */
export const RequestDocumentParams = z.object({ id: z.uuid(), docId: z.uuid() });

/** The multipart body of a document upload (parsed by multer; the schema documents it). */
export const UploadRequestDocumentBody = z.object({
  typeCode: z.string().meta({ description: 'A base-data `document-type` code' }),
  file: z.any().meta({ type: 'string', format: 'binary', description: 'An image (PNG, JPEG, WebP, GIF) or a PDF' }),
});

const Bilingual = z.object({ fa: z.string(), en: z.string() });

export const RequestDocumentSchema = z
  .object({
    id: z.uuid(),
    typeCode: z.string(),
    typeName: Bilingual,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number(),
    uploadedBy: z.object({ id: z.string(), displayName: z.string() }),
    createdAt: z.string(),
  })
  .meta({ id: 'RequestDocument' });

export const RequestDocumentListSchema = z.object({ items: z.array(RequestDocumentSchema) }).meta({ id: 'RequestDocumentList' });
