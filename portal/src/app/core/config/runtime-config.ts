import { InjectionToken } from '@angular/core';

/** What `GET /config.json` tells the portal at start-up (served by infra/dev/portal-server.ts). */
export interface RuntimeConfig {
  /** Public base URL of Keycloak, e.g. `http://localhost:8180`. */
  readonly keycloakUrl: string;
  readonly clientId: string;
  /** Base path of the REST API, `/api`. */
  readonly apiBase: string;
}

export const RUNTIME_CONFIG = new InjectionToken<RuntimeConfig>('RUNTIME_CONFIG');

export const DEFAULT_RUNTIME_CONFIG: RuntimeConfig = {
  keycloakUrl: 'http://localhost:8180',
  clientId: 'kartabl-portal',
  apiBase: '/api',
};

/** Reads `/config.json`; falls back to the defaults (with a warning) when it is missing, e.g. under `ng serve`. */
export async function loadRuntimeConfig(fetchFn: typeof fetch = fetch): Promise<RuntimeConfig> {
  try {
    const response = await fetchFn('/config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`GET /config.json answered ${response.status}`);
    const body = (await response.json()) as Partial<RuntimeConfig>;
    return {
      keycloakUrl: (body.keycloakUrl ?? DEFAULT_RUNTIME_CONFIG.keycloakUrl).replace(/\/+$/, ''),
      clientId: body.clientId ?? DEFAULT_RUNTIME_CONFIG.clientId,
      apiBase: (body.apiBase ?? DEFAULT_RUNTIME_CONFIG.apiBase).replace(/\/+$/, ''),
    };
  } catch (error) {
    console.warn('Using the default runtime configuration:', error);
    return DEFAULT_RUNTIME_CONFIG;
  }
}
