import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
  untracked,
} from '@angular/core';

import { ApiError, validationError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { LiveCheck } from '../data/live-checks';
import {
  FIXED_ON_EDIT,
  FieldDef,
  MERCHANT_FORM_SECTIONS,
  SectionKey,
  buildMerchantDraft,
  buildMerchantUpdate,
  merchantFormValues,
} from '../data/merchant-draft';
import { GuildOption } from '../data/merchants-api.service';
import { MerchantDetail, MerchantDraft, MerchantKind } from '../data/merchants.models';

/**
 * The merchant form. New: natural or legal person, one address, optionally a shop and a Sheba account.
 * Edit (`[merchant]` given): the same fields filled in, kind and national code / legal ID fixed, no shop or
 * account sections (those are edited on the merchant page); emits the PATCH body.
 */
@Component({
  selector: 'kt-merchant-form',
  imports: [TranslatePipe, FieldErrorsComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" (submit)="$event.preventDefault(); submit()" data-testid="merchant-form" novalidate>
      <kt-error-banner [error]="banner()" />
      <datalist id="mf-list-guild" data-testid="guild-suggestions">
        @for (g of guilds(); track g.code) {
          <option [value]="g.code">{{ i18n.pick(g.nameFa, g.nameEn) }}</option>
        }
      </datalist>
      <fieldset class="kinds" data-testid="merchant-kind">
        <legend class="label">{{ 'merchants.kind' | t }}</legend>
        <label
          ><input
            type="radio"
            name="kind"
            value="natural"
            data-testid="merchant-kind-natural"
            [disabled]="editing()"
            [checked]="kind() === 'natural'"
            (change)="kind.set('natural')"
          />
          {{ 'merchants.kind.natural' | t }}</label
        >
        <label
          ><input
            type="radio"
            name="kind"
            value="legal"
            data-testid="merchant-kind-legal"
            [disabled]="editing()"
            [checked]="kind() === 'legal'"
            (change)="kind.set('legal')"
          />
          {{ 'merchants.kind.legal' | t }}</label
        >
      </fieldset>

      @for (section of visibleSections(); track section.key) {
        <section class="section" [attr.data-testid]="'merchant-section-' + section.key">
          <h2 class="card-title">{{ section.title | t }}</h2>
          @if (section.key === 'shop' || section.key === 'account') {
            <label class="toggle">
              <input
                type="checkbox"
                [attr.data-testid]="'merchant-add-' + section.key"
                [checked]="section.key === 'shop' ? withShop() : withAccount()"
                (change)="toggle(section.key)"
              />
              {{ (section.key === 'shop' ? 'merchants.form.addShop' : 'merchants.form.addAccount') | t }}
            </label>
          }
          @if (section.open) {
            <div class="grid">
              @for (f of section.fields; track f.path) {
                <div class="field">
                  <label class="label" [attr.for]="'mf-' + f.path">
                    {{ f.label | t }}
                    @if (f.optional) {
                      <small class="muted">({{ 'common.optional' | t }})</small>
                    }
                  </label>
                  <input
                    class="input"
                    [id]="'mf-' + f.path"
                    [attr.dir]="f.ltr ? 'ltr' : null"
                    [attr.data-testid]="'merchant-field-' + f.path"
                    [attr.placeholder]="f.placeholder ?? null"
                    [attr.list]="f.suggest ? 'mf-list-' + f.suggest : null"
                    [value]="values()[f.path] || ''"
                    [readOnly]="fixed(f)"
                    [class.fixed]="fixed(f)"
                    (input)="setValue(f.path, $any($event.target).value)"
                    (blur)="blurred(f.path)"
                    autocomplete="off"
                  />
                  @if (liveOf(f); as live) {
                    @if (live.error && shown(f.path)) {
                      <p
                        class="field-error"
                        role="alert"
                        [attr.data-testid]="'field-error-' + f.path"
                        [attr.data-code]="live.error.code"
                      >
                        {{ i18n.text(live.error.message) }}
                      </p>
                    }
                    @if (live.bank) {
                      <p class="bank" data-testid="merchant-account-bank" [attr.data-bank-code]="live.bank.code">
                        {{ 'merchants.account.bank' | t }}: <strong>{{ i18n.pick(live.bank.nameFa, live.bank.nameEn) }}</strong>
                      </p>
                    }
                    @if (live.warning) {
                      <p class="muted small" [attr.data-testid]="'field-warning-' + f.path">{{ i18n.text(live.warning) }}</p>
                    }
                  }
                  @if (required(f)) {
                    <p class="field-error" [attr.data-testid]="'field-error-' + f.path" data-code="required">
                      {{ 'validation.required' | t }}
                    </p>
                  }
                  <kt-field-errors [error]="error()" [field]="f.path" />
                </div>
              }
            </div>
          }
        </section>
      }
      <div class="form-actions">
        @if (editing()) {
          <button type="button" class="btn btn-ghost" data-testid="merchant-edit-cancel" (click)="cancelled.emit()">
            {{ 'merchants.edit.cancel' | t }}
          </button>
        }
        <button type="submit" class="btn btn-primary" data-testid="merchant-submit" [disabled]="busy()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ (editing() ? 'merchants.edit.save' : 'merchants.form.submit') | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: grid;
      gap: 1.25rem;
    }
    .kinds {
      display: flex;
      gap: 1.5rem;
      border: 0;
      padding: 0;
    }
    .section {
      display: grid;
      gap: 0.75rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
      gap: 0.9rem 1rem;
    }
    .field {
      display: grid;
      gap: 0.3rem;
      align-content: start;
    }
    .bank {
      color: var(--ok, #17803d);
      margin: 0;
    }
    .small {
      font-size: 0.85em;
      margin: 0;
    }
    .form-actions {
      display: flex;
      justify-content: flex-end;
      gap: 0.5rem;
    }
    .fixed {
      background: #f1f5f9;
      color: var(--muted);
    }
  `,
})
export class MerchantFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  /** The stored merchant to edit; without it the form creates a new one. */
  readonly merchant = input<MerchantDetail | null>(null);
  /** Base-data guilds suggested for the shop's guild code. */
  readonly guilds = input<readonly GuildOption[]>([]);
  readonly submitted = output<MerchantDraft>();
  /** Edit mode: the PATCH body. */
  readonly saved = output<Record<string, unknown>>();
  readonly cancelled = output();

  protected readonly editing = computed(() => this.merchant() !== null);
  protected readonly kind = linkedSignal<MerchantKind>(() => this.merchant()?.kind ?? 'natural');
  protected readonly withShop = signal(true);
  protected readonly withAccount = signal(true);
  /** Which stored merchant (and which version of it) the form was filled from. */
  private readonly merchantKey = computed(() => {
    const m = this.merchant();
    return m ? `${m.id}|${m.updatedAt}` : '';
  });
  /**
   * Refilled only when another merchant or another version of it arrives: the same merchant read again
   * (the page reloads it on opening) keeps what the user has typed meanwhile.
   */
  protected readonly values = linkedSignal<string, Readonly<Record<string, string>>>({
    source: this.merchantKey,
    computation: () => {
      const m = untracked(() => this.merchant());
      return m
        ? merchantFormValues(
            m,
            untracked(() => this.i18n.lang()),
          )
        : {};
    },
  });
  private readonly touched = signal<ReadonlySet<string>>(new Set());
  private readonly tried = signal(false);
  /** Errors that are not about a field of this form (e.g. MERCHANT_EXISTS is, and shows under it). */
  protected readonly banner = computed(() => validationError(this.error()) ?? this.error());

  protected readonly visibleSections = computed(() => {
    const legal = this.kind() === 'legal';
    const s = MERCHANT_FORM_SECTIONS;
    const list: { key: SectionKey; title: MessageKey; fields: readonly FieldDef[]; open: boolean }[] = [
      legal
        ? { key: 'legal', title: 'merchants.form.company', fields: s.legal, open: true }
        : { key: 'natural', title: 'merchants.form.person', fields: s.natural, open: true },
    ];
    if (legal) list.push({ key: 'ceo', title: 'merchants.form.ceo', fields: s.ceo, open: true });
    list.push(
      { key: 'contact', title: 'merchants.form.contact', fields: s.contact, open: true },
      { key: 'address', title: 'merchants.form.address', fields: s.address, open: true },
    );
    if (this.editing()) return list;
    list.push(
      { key: 'shop', title: 'merchants.form.shop', fields: s.shop, open: this.withShop() },
      { key: 'account', title: 'merchants.form.account', fields: s.account, open: this.withAccount() },
    );
    return list;
  });

  private readonly activeFields = computed(() =>
    this.visibleSections()
      .filter((x) => x.open)
      .flatMap((x) => x.fields),
  );

  /** The identity of a stored merchant is shown but not editable. */
  protected fixed(f: FieldDef): boolean {
    return this.editing() && FIXED_ON_EDIT.includes(f.path);
  }

  protected setValue(path: string, value: string): void {
    this.values.update((v) => ({ ...v, [path]: value }));
  }

  protected blurred(path: string): void {
    this.touched.update((t) => new Set([...t, path]));
  }

  protected shown(path: string): boolean {
    return this.tried() || this.touched().has(path);
  }

  protected liveOf(f: FieldDef): LiveCheck | null {
    return f.live ? f.live(this.values()[f.path] ?? '') : null;
  }

  protected required(f: FieldDef): boolean {
    return this.tried() && !f.optional && !(this.values()[f.path] ?? '').trim();
  }

  protected toggle(key: SectionKey): void {
    (key === 'shop' ? this.withShop : this.withAccount).update((v) => !v);
  }

  protected submit(): void {
    this.tried.set(true);
    const fields = this.activeFields();
    const values = this.values();
    const blocked = fields.some(
      (f) => (!f.optional && !(values[f.path] ?? '').trim()) || (f.live && f.live(values[f.path] ?? '').error),
    );
    if (blocked || this.busy()) return;
    const stored = this.merchant();
    if (stored) this.saved.emit(buildMerchantUpdate(stored, values, fields));
    else this.submitted.emit(buildMerchantDraft(this.kind(), values, fields));
  }
}
