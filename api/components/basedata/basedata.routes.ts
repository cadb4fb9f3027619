import express, { type RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { BASE_KINDS, MAPPABLE_KINDS } from '../../../domain/basedata';
import { bi } from '../../../domain/i18n';
import type { ApiContext } from '../../app';
import { AppError } from '../../lib/errors';
import { sendCsv } from '../../lib/uploads';
import type { RouteTable } from '../../lib/routes';
import { BoolQuery, Code, pageOf } from '../../lib/schemas';
import { createBaseDataService, ItemFields, NewItem, PspCodeValue } from './basedata.service';

const TAG = 'basedata';
const READ = { anyOf: ['basedata.read' as const] };
const MANAGE = { anyOf: ['basedata.manage' as const] };

const Kind = z.enum(BASE_KINDS).meta({ description: 'The base-data kind' });
const MappableKind = z.enum(MAPPABLE_KINDS);
const KindParams = z.object({ kind: Kind });
const ItemParams = z.object({ kind: Kind, code: Code });
const PspParams = z.object({ psp: Code });
const MappingParams = z.object({ psp: Code, kind: MappableKind, code: Code });

const Item = z
  .object({
    kind: Kind,
    code: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    sortOrder: z.number(),
    attributes: z.record(z.string(), z.unknown()).meta({ description: 'Kind-specific attributes (see domain/basedata.ts)' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'BaseItem' });

const ListQuery = z.object({
  q: z.string().max(100).optional(),
  includeInactive: BoolQuery,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1000).default(50),
});

const ImportQuery = z.object({ dryRun: BoolQuery });
const CsvBody = z.object({ file: z.any().meta({ type: 'string', format: 'binary' }) });

const ImportReport = z
  .object({
    dryRun: z.boolean(),
    created: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    changes: z.array(z.object({ line: z.number(), code: z.string(), action: z.enum(['create', 'update']) })),
  })
  .meta({ id: 'BaseDataImportReport' });

const MappingReport = z
  .object({ dryRun: z.boolean(), set: z.number(), cleared: z.number(), unchanged: z.number() })
  .meta({ id: 'MappingReport' });

const MappingItem = z
  .object({
    kind: MappableKind,
    code: z.string(),
    nameFa: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    pspCode: z.string().nullable(),
  })
  .meta({ id: 'MappingItem' });

const Unmapped = z
  .object({
    psp: z.string(),
    kinds: z.array(
      z.object({
        kind: MappableKind,
        total: z.number(),
        unmapped: z.number(),
        items: z.array(z.object({ code: z.string(), nameFa: z.string(), nameEn: z.string() })),
      }),
    ),
  })
  .meta({ id: 'UnmappedView' });

const BulkMappings = z.strictObject({
  items: z
    .array(z.strictObject({ kind: z.string().max(32), code: Code, pspCode: PspCodeValue.nullable() }))
    .min(1)
    .max(5000),
});

/** CSV as `text/csv` (or text/plain) body, or a multipart upload in the field `file`. */
function csvUpload(): RequestHandler[] {
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 5 * 1024 * 1024, files: 1 } }).single('file');
  const text = express.text({ type: ['text/csv', 'text/plain', 'application/csv'], limit: '5mb' });
  return [
    (req, res, next) =>
      (req.headers['content-type'] ?? '').startsWith('multipart/') ? upload(req, res, next) : text(req, res, next),
  ];
}

function csvText(req: express.Request): string {
  const fromFile = req.file?.buffer.toString('utf8');
  const value = fromFile ?? (typeof req.body === 'string' ? req.body : '');
  if (!value.trim()) {
    throw AppError.validation([
      {
        field: 'file',
        code: 'required',
        message: bi(
          'فایل CSV فرستاده نشده است (بدنهٔ text/csv یا فیلد file).',
          'No CSV was sent (a text/csv body or a file field).',
        ),
      },
    ]);
  }
  return value;
}

export function basedataRoutes(routes: RouteTable, ctx: ApiContext): void {
  const service = createBaseDataService(ctx.db);
  const who = (auth: { who: import('../../../db/audit').Actor } | null) => auth!.who;

  routes.add({
    method: 'get',
    path: '/basedata/kinds',
    tag: TAG,
    summary: 'The base-data kinds and which of them are mapped per PSP',
    access: READ,
    response: {
      status: 200,
      description: 'Kinds',
      schema: z.object({ kinds: z.array(Kind), mappable: z.array(MappableKind) }),
    },
    handler: () => Promise.resolve({ kinds: [...BASE_KINDS], mappable: [...MAPPABLE_KINDS] }),
  });

  // Mapping (before /basedata/:kind/... so that nothing shadows it; paths differ anyway).
  routes.add({
    method: 'get',
    path: '/mappings/:psp',
    tag: TAG,
    summary: "Every mappable item with this PSP's code (null where unmapped)",
    access: READ,
    params: PspParams,
    query: z.object({ kind: MappableKind.optional() }),
    response: { status: 200, description: 'Items and codes', schema: z.object({ items: z.array(MappingItem) }) },
    handler: async ({ params, query }) => ({ items: await service.mappings(params.psp, query.kind) }),
  });

  routes.add({
    method: 'get',
    path: '/mappings/:psp/unmapped',
    tag: TAG,
    summary: 'What is still unmapped for this PSP: counts and items per kind (active items only)',
    access: READ,
    params: PspParams,
    response: { status: 200, description: 'Unmapped view', schema: Unmapped },
    handler: async ({ params }) => ({ psp: params.psp, kinds: await service.unmapped(params.psp) }),
  });

  routes.add({
    method: 'get',
    path: '/mappings/:psp/export.csv',
    tag: TAG,
    summary: "Export this PSP's mapping as CSV (kind, code, pspCode, nameFa, nameEn)",
    access: READ,
    params: PspParams,
    response: { status: 200, description: 'CSV (UTF-8 with BOM)', schema: z.string(), contentType: 'text/csv' },
    handler: async ({ params, res }) => sendCsv(res, `mapping-${params.psp}.csv`, await service.exportMappingsCsv(params.psp)),
  });

  routes.add({
    method: 'post',
    path: '/mappings/:psp/import',
    tag: TAG,
    summary: 'Import mappings from CSV (kind, code, pspCode; empty pspCode clears): all lines or none',
    access: MANAGE,
    params: PspParams,
    query: ImportQuery,
    bodyContentType: 'multipart/form-data',
    body: CsvBody,
    before: csvUpload(),
    response: { status: 200, description: 'What changed', schema: MappingReport },
    handler: async ({ params, query, req, auth }) =>
      service.importMappingsCsv(params.psp, csvText(req), who(auth), query.dryRun ?? false),
  });

  routes.add({
    method: 'post',
    path: '/mappings/:psp/bulk',
    tag: TAG,
    summary: 'Set (pspCode) or clear (null) many mappings at once: all or none',
    access: MANAGE,
    params: PspParams,
    body: BulkMappings,
    response: { status: 200, description: 'What changed', schema: MappingReport },
    handler: async ({ params, body, auth }) =>
      service.applyMappings(
        params.psp,
        body.items.map((i, n) => ({ ...i, where: `items.${n}` })),
        who(auth),
      ),
  });

  routes.add({
    method: 'get',
    path: '/mappings/:psp/:kind/:code',
    tag: TAG,
    summary: "An item's code at this PSP (404 UNMAPPED_VALUE when it has none)",
    access: READ,
    params: MappingParams,
    response: { status: 200, description: 'The PSP code', schema: z.object({ pspCode: z.string() }) },
    handler: async ({ params }) => {
      try {
        return { pspCode: await service.repo.resolvePspCode(params.kind, params.code, params.psp) };
      } catch (err) {
        if (err instanceof Error && err.name === 'UnmappedValueError') {
          const e = err as import('../../../domain/basedata').UnmappedValueError;
          throw new AppError(404, e.code, e.text);
        }
        throw err;
      }
    },
  });

  routes.add({
    method: 'put',
    path: '/mappings/:psp/:kind/:code',
    tag: TAG,
    summary: "Set an item's code at this PSP",
    access: MANAGE,
    params: MappingParams,
    body: z.strictObject({ pspCode: PspCodeValue }),
    response: { status: 200, description: 'What changed', schema: MappingReport },
    handler: async ({ params, body, auth }) => {
      await service.get(params.kind, params.code);
      return service.applyMappings(
        params.psp,
        [{ kind: params.kind, code: params.code, pspCode: body.pspCode, where: 'body' }],
        who(auth),
      );
    },
  });

  routes.add({
    method: 'delete',
    path: '/mappings/:psp/:kind/:code',
    tag: TAG,
    summary: "Clear an item's code at this PSP",
    access: MANAGE,
    params: MappingParams,
    response: { status: 200, description: 'What changed', schema: MappingReport },
    handler: async ({ params, auth }) => {
      await service.get(params.kind, params.code);
      return service.applyMappings(
        params.psp,
        [{ kind: params.kind, code: params.code, pspCode: null, where: 'body' }],
        who(auth),
      );
    },
  });

  // Items
  routes.add({
    method: 'get',
    path: '/basedata/:kind',
    tag: TAG,
    summary: 'List the items of a kind (active only unless includeInactive=true; q searches codes, names, attributes)',
    access: READ,
    params: KindParams,
    query: ListQuery,
    response: { status: 200, description: 'A page of items', schema: pageOf(Item) },
    handler: async ({ params, query }) => {
      const { items, total } = await service.list(params.kind, {
        q: query.q?.trim() || undefined,
        includeInactive: query.includeInactive ?? false,
        offset: (query.page - 1) * query.pageSize,
        limit: query.pageSize,
      });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  });

  routes.add({
    method: 'get',
    path: '/basedata/:kind/export.csv',
    tag: TAG,
    summary: 'Export every item of a kind as CSV (UTF-8 with BOM, RFC 4180, stable header)',
    access: READ,
    params: KindParams,
    response: { status: 200, description: 'CSV', schema: z.string(), contentType: 'text/csv' },
    handler: async ({ params, res }) => sendCsv(res, `${params.kind}.csv`, await service.exportCsv(params.kind)),
  });

  routes.add({
    method: 'post',
    path: '/basedata/:kind/import',
    tag: TAG,
    summary: 'Import items from CSV: every line validated first, then upserted by code in one transaction',
    access: MANAGE,
    params: KindParams,
    query: ImportQuery,
    bodyContentType: 'multipart/form-data',
    body: CsvBody,
    before: csvUpload(),
    response: { status: 200, description: 'What changed (or would change, with dryRun)', schema: ImportReport },
    handler: async ({ params, query, req, auth }) =>
      service.importCsv(params.kind, csvText(req), who(auth), query.dryRun ?? false),
  });

  routes.add({
    method: 'get',
    path: '/basedata/:kind/:code',
    tag: TAG,
    summary: 'One item',
    access: READ,
    params: ItemParams,
    response: { status: 200, description: 'The item', schema: Item },
    handler: async ({ params }) => service.get(params.kind, params.code),
  });

  routes.add({
    method: 'post',
    path: '/basedata/:kind',
    tag: TAG,
    summary: 'Create an item (409 when the code is taken)',
    access: MANAGE,
    params: KindParams,
    body: NewItem.meta({ id: 'NewBaseItem' }),
    response: { status: 201, description: 'The item', schema: Item },
    handler: async ({ params, body, auth }) => service.create(params.kind, body, who(auth)),
  });

  routes.add({
    method: 'put',
    path: '/basedata/:kind/:code',
    tag: TAG,
    summary: 'Update an item (its code never changes)',
    access: MANAGE,
    params: ItemParams,
    body: ItemFields.meta({ id: 'BaseItemFields' }),
    response: { status: 200, description: 'The item', schema: Item },
    handler: async ({ params, body, auth }) => service.update(params.kind, params.code, body, who(auth)),
  });

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    routes.add({
      method: 'post',
      path: `/basedata/:kind/:code/${action}`,
      tag: TAG,
      summary: active ? 'Switch an item on again' : 'Switch an item off (items are never deleted: history refers to them)',
      access: MANAGE,
      params: ItemParams,
      response: { status: 200, description: 'The item', schema: Item },
      handler: async ({ params, auth }) => service.setActive(params.kind, params.code, active, who(auth)),
    });
  }
}
