import { z } from 'zod';
import {
  AGREEMENT_STATUSES,
  AgreementTermsSchema,
  JalaliDateSchema,
  checkValidityRange,
} from '../../../domain/agreements/agreement';
import { PageQuery, text } from '../../lib/schemas';
import { AgentRefSchema } from '../../lib/scope';

const Party = z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() });

export const AgreementFile = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number(), createdAt: z.string() })
  .meta({ id: 'AgreementFile' });

export const Agreement = z
  .object({
    id: z.uuid(),
    party: z.enum(['agent', 'user']),
    agent: Party,
    user: z.object({ id: z.string(), username: z.string(), displayName: z.string() }).nullable(),
    title: z.string(),
    terms: AgreementTermsSchema,
    validFrom: z.string().meta({ description: 'Gregorian calendar day YYYY-MM-DD' }),
    validTo: z.string(),
    validFromJalali: z.string().meta({ example: '1404/01/01' }),
    validToJalali: z.string(),
    status: z.enum(AGREEMENT_STATUSES),
    effectiveStatus: z.enum([...AGREEMENT_STATUSES, 'expired']),
    inForce: z.boolean().meta({ description: 'Active and today (Asia/Tehran) within the validity dates' }),
    allowedTransitions: z.array(z.enum(AGREEMENT_STATUSES)),
    signedBy: z.string().nullable(),
    signedOn: z.string().nullable(),
    signedOnJalali: z.string().nullable(),
    createdBy: z.object({ id: z.string().nullable(), name: z.string() }),
    attachments: z.array(AgreementFile),
    version: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Agreement' });

export type AgreementDto = z.output<typeof Agreement>;

const fields = {
  title: text(3, 200),
  terms: AgreementTermsSchema,
  validFrom: JalaliDateSchema,
  validTo: JalaliDateSchema,
  signedBy: text(0, 200).optional(),
  signedOn: JalaliDateSchema.optional(),
};

export const CreateAgreement = z
  .strictObject({
    /** The agent's id or code. */
    agentId: AgentRefSchema,
    /** When the agreement is with a user of that agent. */
    userId: z.uuid().optional(),
    ...fields,
    status: z.enum(['draft', 'active']).default('draft'),
  })
  .superRefine((b, ctx) => checkValidityRange(b.validFrom, b.validTo, ctx))
  .meta({ id: 'CreateAgreement' });

export const UpdateAgreement = z
  .strictObject({
    title: fields.title.optional(),
    terms: fields.terms.optional(),
    validFrom: fields.validFrom.optional(),
    validTo: fields.validTo.optional(),
    signedBy: fields.signedBy.nullable(),
    signedOn: fields.signedOn.nullable(),
    /** The version you read; a newer one in the database answers 409. */
    version: z.number().int().optional(),
  })
  .meta({ id: 'UpdateAgreement' });

export const ChangeAgreementStatus = z
  .strictObject({ status: z.enum(AGREEMENT_STATUSES), reason: text(0, 500).optional() })
  .meta({ id: 'ChangeAgreementStatus' });

export const AgreementQuery = PageQuery.extend({
  agentId: z.uuid().optional(),
  userId: z.uuid().optional(),
  status: z.enum([...AGREEMENT_STATUSES, 'expired']).optional(),
  current: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(100).optional(),
});

export const CurrentQuery = z.object({ userId: z.uuid().optional() });

export const AgreementFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
