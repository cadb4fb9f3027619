import { z } from 'zod';
import { AGENT_STATUSES, isHostName, normalizeDomain } from '../../../domain/agents';
import { legalIdSchema, mobileSchema, nationalCodeSchema, postalCodeSchema } from '../../../domain/iran-schemas';
import { toAsciiDigits } from '../../../domain/text';
import { Code, Names, text } from '../../lib/schemas';

const issue = (code: string, fa: string, en: string) => ({ params: { code, fa, en }, message: en });

const digits = (min: number, max: number, code: string, fa: string, en: string) =>
  z
    .string()
    .transform((v) => toAsciiDigits(v).replace(/[\s-]/g, ''))
    .refine((v) => new RegExp(`^\\d{${min},${max}}$`).test(v), issue(code, fa, en));

export const DomainSchema = z
  .string()
  .transform(normalizeDomain)
  .refine(
    isHostName,
    issue('invalid_domain', 'نام دامنه درست نیست (مثلاً panel.example.ir).', 'Not a valid host name (e.g. panel.example.ir).'),
  )
  .meta({ description: 'Host name the agent portal is served on (lower-cased).', example: 'panel.alpha.ir' });

export const UsernameSchema = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine(
    (v) => /^[a-z0-9][a-z0-9._@-]{2,63}$/.test(v),
    issue(
      'invalid_username',
      'نام کاربری ۳ تا ۶۴ نویسه از حروف لاتین کوچک، رقم و . _ - @ است.',
      'A username is 3–64 characters: lower-case latin letters, digits, . _ - @.',
    ),
  );

/** An e-mail address, lower-cased; empty text means none (null). */
export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email().max(300))
  .or(z.literal('').transform(() => null));

export const LegalSchema = z
  .strictObject({
    entityType: z.enum(['legal', 'natural']),
    legalName: text(2, 300),
    legalId: legalIdSchema.optional(),
    nationalCode: nationalCodeSchema.optional(),
    economicCode: digits(
      10,
      14,
      'invalid_economic_code',
      'کد اقتصادی باید ۱۰ تا ۱۴ رقم باشد.',
      'The economic (tax) code must be 10–14 digits.',
    ).optional(),
    registrationNo: digits(
      1,
      20,
      'invalid_registration_no',
      'شمارهٔ ثبت فقط رقم است.',
      'The registration number is digits only.',
    ).optional(),
    address: text(5, 500, true),
    postalCode: postalCodeSchema,
    phone: digits(
      8,
      11,
      'invalid_phone',
      'شمارهٔ تلفن ۸ تا ۱۱ رقم است (با پیش‌شماره).',
      'The phone number is 8–11 digits (with area code).',
    ),
  })
  .superRefine((v, ctx) => {
    const need = v.entityType === 'legal' ? 'legalId' : 'nationalCode';
    if (!v[need]) {
      ctx.addIssue({
        code: 'custom',
        path: [need],
        ...issue(
          'required',
          v.entityType === 'legal' ? 'شناسهٔ ملی شخص حقوقی الزامی است.' : 'کد ملی الزامی است.',
          v.entityType === 'legal' ? 'The legal national ID is required.' : 'The national code is required.',
        ),
      });
    }
  });

export const ContactSchema = z.strictObject({
  name: text(2, 200),
  role: text(0, 100).optional(),
  mobile: mobileSchema.optional(),
  email: EmailSchema.optional(),
});

const Domains = z
  .array(DomainSchema)
  .max(20)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((d, i) => {
      if (seen.has(d)) {
        ctx.addIssue({
          code: 'custom',
          path: [i],
          ...issue('duplicate_domain', 'این دامنه تکراری است.', 'This domain is listed twice.'),
        });
      }
      seen.add(d);
    });
  });

export const FirstAdminSchema = z.strictObject({
  username: UsernameSchema,
  firstName: text(1, 100),
  lastName: text(1, 100),
  email: EmailSchema.optional(),
  mobile: mobileSchema.optional(),
});

export const CreateAgentBody = z
  .strictObject({
    parentId: z.uuid().optional(),
    code: Code,
    ...Names,
    legal: LegalSchema,
    contacts: z.array(ContactSchema).max(10).default([]),
    domains: Domains.default([]),
    firstAdmin: FirstAdminSchema,
  })
  .meta({ id: 'CreateAgent' });

export const UpdateAgentBody = z
  .strictObject({
    nameFa: Names.nameFa.optional(),
    nameEn: Names.nameEn.optional(),
    legal: LegalSchema.optional(),
    contacts: z.array(ContactSchema).max(10).optional(),
    domains: Domains.optional(),
  })
  .meta({ id: 'UpdateAgent' });

export const MoveAgentBody = z.strictObject({ parentId: z.uuid() }).meta({ id: 'MoveAgent' });

export const PspParams = z.object({ id: z.uuid(), pspCode: Code });

export const PutPspBody = z
  .strictObject({
    direct: z.boolean(),
    /** Omitted: unchanged; null: removed; an object: replaced (sealed, never returned). */
    credentials: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/), z.string().max(500))
      .nullable()
      .optional(),
  })
  .meta({ id: 'PutAgentPsp' });

export const ListAgentsQuery = z.object({
  status: z.enum(AGENT_STATUSES).optional(),
  q: z.string().max(100).optional(),
});

export const AgentSummary = z
  .object({
    id: z.string(),
    code: z.string(),
    realm: z.string(),
    parentId: z.string().nullable(),
    nameFa: z.string(),
    nameEn: z.string(),
    status: z.enum(AGENT_STATUSES),
    isBroker: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'AgentSummary' });

export const PspLink = z
  .object({
    pspCode: z.string(),
    direct: z.boolean(),
    credentials: z.object({
      stored: z.boolean(),
      setAt: z.string().nullable(),
      setBy: z.string().nullable(),
    }),
  })
  .meta({ id: 'AgentPsp' });

export const AgentDetail = AgentSummary.extend({
  legal: z.object({
    entityType: z.enum(['legal', 'natural']).nullable(),
    legalName: z.string().nullable(),
    legalId: z.string().nullable(),
    nationalCode: z.string().nullable(),
    economicCode: z.string().nullable(),
    registrationNo: z.string().nullable(),
    address: z.string().nullable(),
    postalCode: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  contacts: z.array(
    z.object({
      name: z.string(),
      role: z.string().nullable(),
      mobile: z.string().nullable(),
      email: z.string().nullable(),
    }),
  ),
  domains: z.array(z.string()),
  psps: z.array(PspLink),
  firstAdmin: z
    .object({
      username: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string().nullable(),
      mobile: z.string().nullable(),
    })
    .nullable(),
  parent: z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() }).nullable(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  provisionError: z.string().nullable(),
  provisionedAt: z.string().nullable(),
  issuer: z.string(),
}).meta({ id: 'AgentDetail' });

export const CreatedAgent = z
  .object({
    agent: AgentDetail,
    /** Shown once: the first admin must change it at first login. */
    firstAdminPassword: z.string(),
  })
  .meta({ id: 'CreatedAgent' });

export const AgentList = z.object({ items: z.array(AgentSummary) }).meta({ id: 'AgentList' });
