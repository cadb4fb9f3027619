import { DOCUMENT } from '@angular/common';
import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';

import { RUNTIME_CONFIG } from '../config/runtime-config';
import { I18nService } from '../i18n/i18n.service';

/** `GET /api/public/branding`: what the portal looks like for an agent. */
export interface PublicBranding {
  readonly agentCode: string;
  readonly realm: string;
  readonly titleFa: string;
  readonly titleEn: string;
  readonly primaryColor: string;
  readonly accentColor: string;
  readonly logoUrl: string | null;
  readonly matchedBy: 'host' | 'agent' | 'realm' | 'default';
}

export const BRAND_AGENT_STORAGE_KEY = 'kartabl.brandAgent';

/** Mixes a `#rrggbb` colour with white (`amount` > 0) or black (< 0). */
export function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount));
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/**
 * White label (R-BRAND): the branding of the host the portal is served on; on a host that is no
 * agent's domain (localhost), of the agent named by `?agent=<code>` (remembered), else of the
 * signed-in person's agent. Applied as CSS variables (`--primary`, `--sidebar`, …), the page title,
 * and the title/logo the side bar shows.
 */
@Injectable({ providedIn: 'root' })
export class BrandingService {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18nService);
  private readonly current = signal<PublicBranding | null>(null);
  private requested = '';

  readonly branding = this.current.asReadonly();
  readonly title = computed(() => {
    const b = this.current();
    return b ? this.i18n.pick(b.titleFa, b.titleEn) : null;
  });
  readonly logoUrl = computed(() => this.current()?.logoUrl ?? null);

  /** Reads `?agent=` once at start-up and applies the branding of this host (or that agent). */
  init(): void {
    const view = this.document.defaultView;
    const fromQuery = view ? new URLSearchParams(view.location.search).get('agent') : null;
    if (fromQuery) this.remember(fromQuery);
    this.load(this.remembered());
  }

  /** After sign-in: the signed-in agent's branding, unless the host or `?agent=` already chose one. */
  useAgent(code: string): void {
    if (this.current()?.matchedBy === 'host' || this.remembered()) return;
    this.load(code);
  }

  /** Shows a branding now (the editor's live preview), without saving anything. */
  preview(b: PublicBranding): void {
    this.apply(b);
  }

  /** Loads again (after the editor saved). */
  reload(code?: string): void {
    this.requested = '';
    this.load(this.remembered() ?? code ?? this.current()?.agentCode ?? null);
  }

  private load(agent: string | null): void {
    const host = this.document.defaultView?.location.host ?? '';
    const key = `${host}|${agent ?? ''}`;
    if (key === this.requested) return;
    this.requested = key;
    let params = new HttpParams().set('host', host);
    if (agent) params = params.set('agent', agent);
    this.http.get<PublicBranding>(`${this.base}/public/branding`, { params }).subscribe({
      next: (b) => this.apply(b),
      error: () => undefined, // the built-in look stays
    });
  }

  private apply(b: PublicBranding): void {
    this.current.set(b);
    const root = this.document.documentElement.style;
    root.setProperty('--primary', b.primaryColor);
    root.setProperty('--primary-hover', shade(b.primaryColor, -0.15));
    root.setProperty('--primary-soft', shade(b.primaryColor, 0.85));
    root.setProperty('--sidebar', b.accentColor);
    this.document.title = this.i18n.pick(b.titleFa, b.titleEn);
  }

  private remembered(): string | null {
    try {
      return this.document.defaultView?.localStorage.getItem(BRAND_AGENT_STORAGE_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private remember(code: string): void {
    try {
      this.document.defaultView?.localStorage.setItem(BRAND_AGENT_STORAGE_KEY, code);
    } catch {
      // storage disabled: applies to this page only
    }
  }
}
