import { z } from 'zod';
import { mobileSchema } from '../../../domain/iran-schemas';
import { BoolQuery, PageQuery, pageOf, text } from '../../lib/schemas';
import { EmailSchema, UsernameSchema } from '../agents/agents.schemas';

export const ListUsersQuery = PageQuery.extend({
  agentId: z.uuid().optional(),
  q: z.string().max(100).optional(),
  active: BoolQuery,
});

export const CreateUserBody = z
  .strictObject({
    agentId: z.uuid().optional(),
    username: UsernameSchema,
    firstName: text(1, 100),
    lastName: text(1, 100),
    email: EmailSchema.optional(),
    mobile: mobileSchema.optional(),
  })
  .meta({ id: 'CreateUser' });

export const UpdateUserBody = z
  .strictObject({
    firstName: text(1, 100).optional(),
    lastName: text(1, 100).optional(),
    email: EmailSchema.nullable().optional(),
    mobile: mobileSchema.nullable().optional(),
  })
  .meta({ id: 'UpdateUser' });

export const UserSummary = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    active: z.boolean(),
    agent: z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() }),
    lastSeenAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'UserSummary' });

export const UserList = pageOf(UserSummary).meta({ id: 'UserList' });

export const UserDetail = z
  .object({
    user: UserSummary.extend({
      issuer: z.string(),
      subject: z.string(),
      createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    }),
    agent: z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string(), status: z.string() }),
    roles: z.array(z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string() })),
    createdAgents: z.array(
      z.object({ id: z.string(), code: z.string(), nameFa: z.string(), nameEn: z.string(), status: z.string() }),
    ),
    createdUsers: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
    tickets: z.array(
      z.object({ id: z.string(), number: z.string(), subject: z.string(), state: z.string(), createdAt: z.string() }),
    ),
    /** Filled by later issues (requests, devices, documents); empty until then. */
    requests: z.array(z.unknown()),
    devices: z.array(z.unknown()),
    documents: z.array(z.unknown()),
  })
  .meta({ id: 'UserDetail' });

export const CreatedUser = z.object({ user: UserSummary, temporaryPassword: z.string() }).meta({ id: 'CreatedUser' });

export const TemporaryPassword = z.object({ temporaryPassword: z.string() }).meta({ id: 'TemporaryPassword' });
