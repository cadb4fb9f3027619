import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Permission } from '../../domain/access';
import { AppError, ErrorBodySchema, fieldErrorFromIssue, type FieldError } from './errors';
import type { AuthContext } from './auth';

/** Every route says who may call it; there is no default. */
export type Access = { public: true } | { authenticated: true } | { anyOf: readonly Permission[] };

type ZObject = z.ZodObject<z.ZodRawShape>;

export interface RouteSpec<P extends ZObject, Q extends ZObject, B extends z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style path below `/api`, e.g. `/tickets/:id`. */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  bodyContentType?: 'application/json' | 'multipart/form-data';
  headers?: ZObject;
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Extra middleware before validation (e.g. a multipart parser). */
  before?: RequestHandler[];
  handler: (ctx: {
    req: Request;
    res: Response;
    auth: AuthContext | null;
    params: z.output<P>;
    query: z.output<Q>;
    body: z.output<B>;
  }) => Promise<unknown>;
}

export interface RegisteredRoute {
  method: string;
  path: string;
  access: Access;
}

const ERROR_RESPONSES = {
  400: 'Invalid input (VALIDATION_FAILED with fields)',
  401: 'Missing, invalid or expired token',
  403: 'No permission, or outside your scope',
  404: 'Not found',
};

/** Collects routes once: the same zod schemas validate requests and describe them in OpenAPI. */
export class RouteTable {
  readonly registry = new OpenAPIRegistry();
  readonly routes: RegisteredRoute[] = [];
  private readonly mounts: ((router: Router, authenticate: (req: Request) => Promise<AuthContext>) => void)[] = [];

  constructor() {
    this.registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  }

  add<P extends ZObject = ZObject, Q extends ZObject = ZObject, B extends z.ZodType = z.ZodUnknown>(
    spec: RouteSpec<P, Q, B>,
  ): void {
    this.routes.push({ method: spec.method.toUpperCase(), path: spec.path, access: spec.access });
    const isPublic = 'public' in spec.access;
    const errorResponses = Object.fromEntries(
      Object.entries(ERROR_RESPONSES)
        .filter(([status]) => !isPublic || status === '400' || status === '404')
        .map(([status, description]) => [status, { description, content: { 'application/json': { schema: ErrorBodySchema } } }]),
    );
    this.registry.registerPath({
      method: spec.method,
      path: `/api${spec.path.replace(/:(\w+)/g, '{$1}')}`,
      summary: spec.summary,
      tags: [spec.tag],
      security: isPublic ? [] : [{ bearer: [] }],
      description: 'anyOf' in spec.access ? `Requires one of: ${spec.access.anyOf.join(', ')}` : undefined,
      request: {
        params: spec.params,
        query: spec.query,
        headers: spec.headers,
        body: spec.body
          ? { content: { [spec.bodyContentType ?? 'application/json']: { schema: spec.body } }, required: true }
          : undefined,
      },
      responses: {
        [spec.response.status]: {
          description: spec.response.description,
          content: spec.response.schema
            ? { [spec.response.contentType ?? 'application/json']: { schema: spec.response.schema } }
            : undefined,
        },
        ...errorResponses,
      },
    });

    this.mounts.push((router, authenticate) => {
      const run = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
        try {
          const auth = isPublic ? null : await authenticate(req);
          if (auth && 'anyOf' in spec.access && !spec.access.anyOf.some((p) => auth.permissions.includes(p))) {
            throw AppError.forbidden();
          }
          const fields: FieldError[] = [];
          const parse = <T extends z.ZodType>(schema: T | undefined, input: unknown, prefix: string[]): z.output<T> => {
            if (!schema) return undefined as z.output<T>;
            const result = schema.safeParse(input);
            if (result.success) return result.data;
            fields.push(...result.error.issues.map((i) => fieldErrorFromIssue(i, prefix)));
            return undefined as z.output<T>;
          };
          const params = parse(spec.params, req.params, []);
          const query = parse(spec.query, req.query, []);
          // A multipart body is parsed by its own middleware; its schema only documents it.
          const multipart = spec.bodyContentType === 'multipart/form-data';
          const body = multipart ? (undefined as z.output<B>) : parse(spec.body, req.body ?? {}, []);
          // One reason per field: the first one found.
          const seen = new Set<string>();
          const unique = fields.filter((f) => !seen.has(f.field) && seen.add(f.field));
          if (unique.length) throw AppError.validation(unique);
          const result = await spec.handler({ req, res, auth, params, query, body });
          if (!res.headersSent) {
            if (result === undefined) res.status(spec.response.status).end();
            else res.status(spec.response.status).json(result);
          }
        } catch (err) {
          next(err);
        }
      };
      router[spec.method](spec.path, ...(spec.before ?? []), run);
    });
  }

  mount(router: Router, authenticate: (req: Request) => Promise<AuthContext>): void {
    for (const m of this.mounts) m(router, authenticate);
  }

  openApiDocument(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
    return new OpenApiGeneratorV31(this.registry.definitions).generateDocument({
      openapi: '3.1.0',
      info: {
        title: 'Kartabl API',
        version: '0.1.0',
        description:
          'Kartabl REST API. Errors: `{ error: { code, message: { fa, en }, fields? } }`. Authenticate with a Keycloak access token of an agent realm.',
      },
      servers: [{ url: '/' }],
    });
  }
}

/** An id in a path: a UUID. */
export const IdParams = z.object({ id: z.uuid() });
