import type { PspAdapter, PspAdapterFactory, PspEndpoint } from '../../domain/psp/adapter';
import { PspAdapterMissing } from '../../domain/psp/errors';

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

/**
 * The adapters the API and the worker use. Empty until the simulator adapters land: register them
 * here (`registerProtocol('rest', (e) => createPspAAdapter(e))`, `registerProtocol('soap', …)`).
 */
export function createDefaultAdapterRegistry(): PspAdapterRegistry {
  return new PspAdapterRegistry();
}
