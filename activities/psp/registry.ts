import type { PspAdapter, PspAdapterFactory, PspEndpoint } from '../../domain/psp/adapter';
import { PspAdapterMissing } from '../../domain/psp/errors';
import { createPspAAdapter, type PspAAdapterOptions } from './psp-a-rest';
import { createPspBAdapter, type PspBAdapterOptions } from './psp-b-soap';

/**
 * Adapters by protocol (the PSP item's `protocol` attribute: `rest`, `soap`), or by PSP code when one
 * PSP needs its own. `forPsp` throws PspAdapterMissing (non-retryable) when none fits.
 */
export class PspAdapterRegistry {
  private readonly byProtocol = new Map<string, PspAdapterFactory>();
  private readonly byPsp = new Map<string, PspAdapterFactory>();

  registerProtocol(protocol: string, factory: PspAdapterFactory): this {
    this.byProtocol.set(protocol, factory);
    return this;
  }

  registerPsp(pspCode: string, factory: PspAdapterFactory): this {
    this.byPsp.set(pspCode, factory);
    return this;
  }

  has(endpoint: Pick<PspEndpoint, 'pspCode' | 'protocol'>): boolean {
    return this.byPsp.has(endpoint.pspCode) || this.byProtocol.has(endpoint.protocol);
  }

  forPsp(endpoint: PspEndpoint): PspAdapter {
    const factory = this.byPsp.get(endpoint.pspCode) ?? this.byProtocol.get(endpoint.protocol);
    if (!factory) throw new PspAdapterMissing(endpoint.pspCode, endpoint.protocol);
    return factory(endpoint);
  }
}

export interface DefaultAdapterOptions {
  /** Options of the JSON/REST adapter (PSP-A style): timeout, callback URL, fetch for tests. */
  rest?: PspAAdapterOptions;
  /** Options of the SOAP 1.1 adapter (PSP-B style). */
  soap?: PspBAdapterOptions;
  /**
   * The API's address as the PSPs reach it (PSP_CALLBACK_BASE_URL): REST PSPs then POST verdicts to
   * `<base>/api/psp-callbacks/<psp code>`, which makes the request poll at once.
   */
  callbackBaseUrl?: string;
}

/**
 * The adapters the API and the worker use, chosen by the PSP item's `protocol`: `rest` → the PSP-A
 * adapter (psp-a-rest.ts), `soap` → the PSP-B adapter (psp-b-soap.ts); each reaches the PSP at the
 * item's `endpointUrl` (none: PspAdapterMissing 'no-endpoint').
 */
export function createDefaultAdapterRegistry(opts: DefaultAdapterOptions = {}): PspAdapterRegistry {
  return new PspAdapterRegistry()
    .registerProtocol('rest', (e) =>
      createPspAAdapter(e, {
        ...opts.rest,
        ...(opts.callbackBaseUrl
          ? { callbackUrl: `${opts.callbackBaseUrl.replace(/\/+$/, '')}/api/psp-callbacks/${encodeURIComponent(e.pspCode)}` }
          : {}),
      }),
    )
    .registerProtocol('soap', (e) => createPspBAdapter(e, opts.soap));
}
