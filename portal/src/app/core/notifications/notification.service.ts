import { Injectable, inject, signal } from '@angular/core';

import { ApiError } from '../api/api-error';
import { LocalizedText } from '../api/api.models';
import { I18nService, MessageParams } from '../i18n/i18n.service';
import { MessageKey } from '../i18n/messages.fa';

export interface Toast {
  readonly id: number;
  readonly kind: 'error' | 'success' | 'info';
  /** Kept bilingual so a language switch also changes toasts already on screen. */
  readonly message: LocalizedText;
  readonly code?: string;
}

const ERROR_MS = 10_000;
const INFO_MS = 5_000;

/** Toasts at the edge of the screen: API errors that belong to no form field, and confirmations. */
@Injectable({ providedIn: 'root' })
export class NotificationService {
  private readonly i18n = inject(I18nService);
  private nextId = 1;
  private readonly items = signal<readonly Toast[]>([]);
  readonly toasts = this.items.asReadonly();

  error(error: ApiError): void {
    this.push({ kind: 'error', message: error.message, code: error.code }, ERROR_MS);
  }

  success(key: MessageKey, params?: MessageParams): void {
    this.push({ kind: 'success', message: this.bilingual(key, params) }, INFO_MS);
  }

  dismiss(id: number): void {
    this.items.update((items) => items.filter((toast) => toast.id !== id));
  }

  private bilingual(key: MessageKey, params?: MessageParams): LocalizedText {
    return { fa: this.i18n.tIn('fa', key, params), en: this.i18n.tIn('en', key, params) };
  }

  private push(toast: Omit<Toast, 'id'>, lifetimeMs: number): void {
    const id = this.nextId++;
    this.items.update((items) => [...items.slice(-3), { ...toast, id }]);
    setTimeout(() => this.dismiss(id), lifetimeMs);
  }
}
