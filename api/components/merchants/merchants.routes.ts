import { z } from 'zod';
import type { ApiContext } from '../../app';
import type { Permission } from '../../../domain/access';
import { EmptyBody } from '../../lib/schemas';
import { FILE_RESPONSE, sendFile, singleFile } from '../../lib/uploads';
import type { RouteTable } from '../../lib/routes';
import {
  AccountInput,
  AccountParams,
  AccountSchema,
  CreateMerchantBody,
  DocumentListSchema,
  DocumentParams,
  DocumentSchema,
  DocumentTypesSchema,
  ListMerchantsQuery,
  MerchantDetailSchema,
  MerchantListSchema,
  MerchantParams,
  ReviewDocumentBody,
  ShopInput,
  ShopParams,
  ShopPatch,
  ShopSchema,
  UpdateMerchantBody,
} from './merchants.schemas';
import { createMerchantService } from './merchants.service';

const READ: Permission[] = ['merchants.read'];
const EDIT: Permission[] = ['merchants.update'];
/** Whoever registers merchants may also attach their documents. */
const UPLOAD: Permission[] = ['merchants.create', 'merchants.update'];

export function merchantRoutes(routes: RouteTable, ctx: ApiContext): void {
  const service = createMerchantService({ db: ctx.db, agents: ctx.agents });
  const tag = 'merchants';

  routes.add({
    method: 'get',
    path: '/merchants',
    tag,
    summary: 'List merchants in your subtree; search by name, national code / legal ID, mobile or Sheba',
    access: { anyOf: READ },
    query: ListMerchantsQuery,
    response: { status: 200, description: 'A page of merchants', schema: MerchantListSchema },
    handler: ({ auth, query }) => service.list(auth!, query),
  });

  routes.add({
    method: 'get',
    path: '/merchants/document-types',
    tag,
    summary: 'Types of merchant identity documents',
    access: { anyOf: READ },
    response: { status: 200, description: 'Document types', schema: DocumentTypesSchema },
    handler: () => service.documentTypes(),
  });

  routes.add({
    method: 'post',
    path: '/merchants',
    tag,
    summary: 'Register a natural or legal merchant with addresses and, optionally, shops and Sheba accounts (all or nothing)',
    access: { anyOf: ['merchants.create'] },
    body: CreateMerchantBody,
    response: { status: 201, description: 'The new merchant', schema: MerchantDetailSchema },
    handler: ({ auth, body }) => service.create(auth!, body),
  });

  routes.add({
    method: 'get',
    path: '/merchants/:id',
    tag,
    summary: 'A merchant with representatives, addresses, shops, accounts and documents',
    access: { anyOf: READ },
    params: MerchantParams,
    response: { status: 200, description: 'The merchant', schema: MerchantDetailSchema },
    handler: ({ auth, params }) => service.get(auth!, params.id),
  });

  routes.add({
    method: 'patch',
    path: '/merchants/:id',
    tag,
    summary: 'Edit a merchant (its kind and national code / legal ID are fixed; addresses and representatives are replaced)',
    access: { anyOf: EDIT },
    params: MerchantParams,
    body: UpdateMerchantBody,
    response: { status: 200, description: 'The merchant', schema: MerchantDetailSchema },
    handler: ({ auth, params, body }) => service.update(auth!, params.id, body),
  });

  routes.add({
    method: 'post',
    path: '/merchants/:id/shops',
    tag,
    summary: 'Add a shop',
    access: { anyOf: EDIT },
    params: MerchantParams,
    body: ShopInput,
    response: { status: 201, description: 'The shop', schema: ShopSchema },
    handler: ({ auth, params, body }) => service.addShop(auth!, params.id, body),
  });

  routes.add({
    method: 'patch',
    path: '/merchants/:id/shops/:shopId',
    tag,
    summary: 'Edit a shop',
    access: { anyOf: EDIT },
    params: ShopParams,
    body: ShopPatch,
    response: { status: 200, description: 'The shop', schema: ShopSchema },
    handler: ({ auth, params, body }) => service.updateShop(auth!, params.id, params.shopId, body),
  });

  routes.add({
    method: 'delete',
    path: '/merchants/:id/shops/:shopId',
    tag,
    summary: 'Remove a shop',
    access: { anyOf: EDIT },
    params: ShopParams,
    response: { status: 204, description: 'Removed' },
    handler: ({ auth, params }) => service.removeShop(auth!, params.id, params.shopId),
  });

  routes.add({
    method: 'post',
    path: '/merchants/:id/accounts',
    tag,
    summary: 'Add a Sheba account (the bank is derived from the Sheba); the first one is the primary account',
    access: { anyOf: EDIT },
    params: MerchantParams,
    body: AccountInput,
    response: { status: 201, description: 'The account', schema: AccountSchema },
    handler: ({ auth, params, body }) => service.addAccount(auth!, params.id, body),
  });

  routes.add({
    method: 'delete',
    path: '/merchants/:id/accounts/:accountId',
    tag,
    summary: 'Remove a Sheba account (the oldest remaining one becomes primary)',
    access: { anyOf: EDIT },
    params: AccountParams,
    response: { status: 204, description: 'Removed' },
    handler: ({ auth, params }) => service.removeAccount(auth!, params.id, params.accountId),
  });

  routes.add({
    method: 'post',
    path: '/merchants/:id/accounts/:accountId/primary',
    tag,
    summary: 'Make a Sheba account the primary one',
    access: { anyOf: EDIT },
    params: AccountParams,
    body: EmptyBody,
    response: { status: 200, description: 'All accounts of the merchant', schema: z.object({ items: z.array(AccountSchema) }) },
    handler: async ({ auth, params }) => ({ items: await service.setPrimaryAccount(auth!, params.id, params.accountId) }),
  });

  routes.add({
    method: 'get',
    path: '/merchants/:id/documents',
    tag,
    summary: "A merchant's documents with their review status",
    access: { anyOf: READ },
    params: MerchantParams,
    response: { status: 200, description: 'Documents', schema: DocumentListSchema },
    handler: ({ auth, params }) => service.listDocuments(auth!, params.id),
  });

  routes.add({
    method: 'post',
    path: '/merchants/:id/documents',
    tag,
    summary: 'Upload an identity document (image or PDF) of a given type; it waits for review',
    access: { anyOf: UPLOAD },
    params: MerchantParams,
    bodyContentType: 'multipart/form-data',
    body: z.object({ typeCode: z.string(), file: z.any().meta({ type: 'string', format: 'binary' }) }),
    before: [singleFile(ctx.config.attachmentMaxBytes, 2)],
    response: { status: 201, description: 'The document', schema: DocumentSchema },
    handler: ({ auth, params, req }) =>
      service.uploadDocument(auth!, params.id, (req.body as Record<string, unknown> | undefined)?.typeCode, req.file),
  });

  routes.add({
    method: 'get',
    path: '/merchants/:id/documents/:documentId/file',
    tag,
    summary: "Download a document's file",
    access: { anyOf: READ },
    params: DocumentParams,
    response: FILE_RESPONSE,
    handler: async ({ auth, params, res }) => {
      sendFile(res, await service.documentFile(auth!, params.id, params.documentId), { inline: true });
      return undefined;
    },
  });

  routes.add({
    method: 'post',
    path: '/merchants/:id/documents/:documentId/review',
    tag,
    summary: 'Approve a document, or reject it with a reason',
    access: { anyOf: ['merchants.review-documents'] },
    params: DocumentParams,
    body: ReviewDocumentBody,
    response: { status: 200, description: 'The reviewed document', schema: DocumentSchema },
    handler: ({ auth, params, body }) => service.reviewDocument(auth!, params.id, params.documentId, body),
  });
}
