import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import Keycloak from 'keycloak-js';

import { RUNTIME_CONFIG } from '../config/runtime-config';
import { Lang } from '../i18n/locale-format';

/** Realm of the current (or just started) sign-in; `check-sso` runs on load only while it is set. */
export const REALM_STORAGE_KEY = 'kartabl.realm';
/** Realm chosen last, kept after sign-out so the chooser can point it out. */
export const LAST_REALM_STORAGE_KEY = 'kartabl.lastRealm';

/**
 * Keycloak login of the portal. One realm per agent: the person chooses an organisation, its realm
 * is remembered in localStorage, and keycloak-js (client `kartabl-portal`, PKCE S256) signs in there.
 * On later loads `check-sso` picks the session up again without showing the login page.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly config = inject(RUNTIME_CONFIG);
  private readonly document = inject(DOCUMENT);
  private readonly window = this.document.defaultView!;
  private keycloak: Keycloak | null = null;

  private readonly authenticatedState = signal(false);
  /** True once keycloak-js holds tokens for the remembered realm. */
  readonly authenticated = this.authenticatedState.asReadonly();
  /** The realm the person chose last, or null. */
  readonly lastRealm = signal<string | null>(this.read(LAST_REALM_STORAGE_KEY));

  /** Runs once before the first navigation: picks up an existing session of the remembered realm. */
  async restoreSession(): Promise<boolean> {
    const realm = this.read(REALM_STORAGE_KEY);
    if (!realm) return false;
    const keycloak = this.createKeycloak(realm);
    try {
      const authenticated = await keycloak.init({
        onLoad: 'check-sso',
        pkceMethod: 'S256',
        checkLoginIframe: false,
        responseMode: 'fragment',
      });
      this.authenticatedState.set(authenticated);
      if (!authenticated) this.write(REALM_STORAGE_KEY, null);
      return authenticated;
    } catch (error) {
      console.error('Keycloak check-sso failed', error);
      this.write(REALM_STORAGE_KEY, null);
      this.authenticatedState.set(false);
      return false;
    }
  }

  /** Remembers the realm and sends the browser to its Keycloak login page (never resolves on success). */
  async login(realm: string, lang: Lang): Promise<void> {
    this.write(REALM_STORAGE_KEY, realm);
    this.write(LAST_REALM_STORAGE_KEY, realm);
    this.lastRealm.set(realm);
    const keycloak = this.keycloak?.realm === realm && this.keycloak.didInitialize ? this.keycloak : this.createKeycloak(realm);
    if (!keycloak.didInitialize) {
      await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'fragment' });
    }
    await keycloak.login({ locale: lang, redirectUri: this.homeUrl() });
  }

  /** Ends the Keycloak session; the browser comes back to the organisation chooser. */
  async logout(): Promise<void> {
    const keycloak = this.keycloak;
    this.write(REALM_STORAGE_KEY, null);
    this.authenticatedState.set(false);
    if (!keycloak?.authenticated) {
      this.window.location.assign(this.homeUrl());
      return;
    }
    await keycloak.logout({ redirectUri: this.homeUrl() });
  }

  /** A fresh access token (refreshed when it expires within 30 s), or null when not signed in. */
  async accessToken(): Promise<string | null> {
    const keycloak = this.keycloak;
    if (!keycloak?.authenticated) return null;
    try {
      await keycloak.updateToken(30);
    } catch {
      // The refresh token is gone (session ended at Keycloak): sign in again.
      this.authenticatedState.set(false);
      await keycloak.login({ redirectUri: this.window.location.href });
      return null;
    }
    return keycloak.token ?? null;
  }

  private createKeycloak(realm: string): Keycloak {
    this.keycloak = new Keycloak({ url: this.config.keycloakUrl, realm, clientId: this.config.clientId });
    return this.keycloak;
  }

  private homeUrl(): string {
    return `${this.window.location.origin}/`;
  }

  private read(key: string): string | null {
    try {
      return this.window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  private write(key: string, value: string | null): void {
    try {
      if (value === null) this.window.localStorage.removeItem(key);
      else this.window.localStorage.setItem(key, value);
    } catch {
      /* storage unavailable: the choice lasts for this page only */
    }
  }
}
