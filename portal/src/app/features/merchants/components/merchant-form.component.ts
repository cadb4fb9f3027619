import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';

import { ApiError, validationError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import {
  LiveCheck,
  liveJalaliDate,
  liveLegalId,
  liveMobile,
  liveNationalCode,
  livePostalCode,
  liveSheba,
} from '../data/live-checks';
import { MerchantDraft, MerchantKind } from '../data/merchants.models';

/** One input of the form; `path` is the API's field path (also the key of its error messages). */
export interface FieldDef {
  readonly path: string;
  readonly label: MessageKey;
  readonly ltr?: boolean;
  readonly optional?: boolean;
  readonly placeholder?: string;
  readonly live?: (value: string) => LiveCheck;
}

type SectionKey = 'natural' | 'legal' | 'ceo' | 'contact' | 'address' | 'shop' | 'account';

export const MERCHANT_FORM_SECTIONS: Readonly<Record<SectionKey, readonly FieldDef[]>> = {
  natural: [
    { path: 'nationalCode', label: 'merchants.nationalCode', ltr: true, placeholder: '0013542419', live: liveNationalCode },
    { path: 'firstNameFa', label: 'merchants.firstNameFa' },
    { path: 'lastNameFa', label: 'merchants.lastNameFa' },
    { path: 'firstNameEn', label: 'merchants.firstNameEn', ltr: true },
    { path: 'lastNameEn', label: 'merchants.lastNameEn', ltr: true },
    { path: 'fatherNameFa', label: 'merchants.fatherNameFa' },
    { path: 'birthDate', label: 'merchants.birthDate', ltr: true, placeholder: '۱۳۷۰/۰۵/۱۲', live: liveJalaliDate },
    { path: 'idCardNumber', label: 'merchants.idCardNumber', ltr: true, optional: true },
  ],
  legal: [
    { path: 'legalId', label: 'merchants.legalId', ltr: true, placeholder: '10380284790', live: liveLegalId },
    { path: 'companyNameFa', label: 'merchants.companyNameFa' },
    { path: 'companyNameEn', label: 'merchants.companyNameEn', ltr: true },
    { path: 'registrationNumber', label: 'merchants.registrationNumber', ltr: true },
    { path: 'registrationDate', label: 'merchants.registrationDate', ltr: true, placeholder: '۱۳۸۵/۰۳/۲۰', live: liveJalaliDate },
  ],
  ceo: [
    { path: 'representatives.0.nationalCode', label: 'merchants.nationalCode', ltr: true, live: liveNationalCode },
    { path: 'representatives.0.firstNameFa', label: 'merchants.firstNameFa' },
    { path: 'representatives.0.lastNameFa', label: 'merchants.lastNameFa' },
    { path: 'representatives.0.firstNameEn', label: 'merchants.firstNameEn', ltr: true },
    { path: 'representatives.0.lastNameEn', label: 'merchants.lastNameEn', ltr: true },
  ],
  contact: [
    { path: 'mobile', label: 'merchants.mobile', ltr: true, placeholder: '09123456789', live: liveMobile },
    { path: 'taxTrackingCode', label: 'merchants.taxTrackingCode', ltr: true, optional: true },
  ],
  address: [
    { path: 'addresses.0.addressFa', label: 'merchants.addressFa' },
    { path: 'addresses.0.addressEn', label: 'merchants.addressEn', ltr: true },
    { path: 'addresses.0.postalCode', label: 'merchants.postalCode', ltr: true, live: livePostalCode },
  ],
  shop: [
    { path: 'shops.0.nameFa', label: 'merchants.shop.nameFa' },
    { path: 'shops.0.nameEn', label: 'merchants.shop.nameEn', ltr: true },
    { path: 'shops.0.guildCode', label: 'merchants.shop.guildCode', ltr: true, placeholder: '5411' },
    { path: 'shops.0.addressFa', label: 'merchants.addressFa' },
    { path: 'shops.0.addressEn', label: 'merchants.addressEn', ltr: true },
    { path: 'shops.0.postalCode', label: 'merchants.postalCode', ltr: true, live: livePostalCode },
    { path: 'shops.0.phone', label: 'merchants.phone', ltr: true, optional: true },
  ],
  account: [
    { path: 'accounts.0.sheba', label: 'merchants.account.sheba', ltr: true, placeholder: 'IR…', live: liveSheba },
    { path: 'accounts.0.ownerNameFa', label: 'merchants.account.ownerNameFa' },
  ],
};

/** Sets `a.0.b` in a plain object, creating arrays for numeric steps. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const steps = path.split('.');
  let node: Record<string, unknown> = target;
  steps.forEach((step, i) => {
    if (i === steps.length - 1) {
      node[step] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(steps[i + 1]);
    node[step] ??= nextIsIndex ? [] : {};
    node = node[step] as Record<string, unknown>;
  });
}

/** Builds the API body from the visible fields (empty optional fields are left out). */
export function buildMerchantDraft(
  kind: MerchantKind,
  values: Readonly<Record<string, string>>,
  sections: readonly FieldDef[],
): MerchantDraft {
  const draft: Record<string, unknown> = { kind };
  for (const f of sections) {
    const v = (values[f.path] ?? '').trim();
    if (v === '' && f.optional) continue;
    setPath(draft, f.path, v);
  }
  if (kind === 'legal') setPath(draft, 'representatives.0.role', 'ceo');
  return draft as MerchantDraft;
}

/** The new-merchant form: natural or legal person, one address, optionally a shop and a Sheba account. */
@Component({
  selector: 'kt-merchant-form',
  imports: [TranslatePipe, FieldErrorsComponent, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" (submit)="$event.preventDefault(); submit()" data-testid="merchant-form" novalidate>
      <kt-error-banner [error]="banner()" />
      <fieldset class="kinds" data-testid="merchant-kind">
        <legend class="label">{{ 'merchants.kind' | t }}</legend>
        <label
          ><input
            type="radio"
            name="kind"
            value="natural"
            data-testid="merchant-kind-natural"
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
                    [value]="values()[f.path] ?? ''"
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
        <button type="submit" class="btn btn-primary" data-testid="merchant-submit" [disabled]="busy()">
          @if (busy()) {
            <span class="spinner" aria-hidden="true"></span>
          }
          {{ 'merchants.form.submit' | t }}
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
    }
  `,
})
export class MerchantFormComponent {
  protected readonly i18n = inject(I18nService);
  readonly busy = input(false);
  readonly error = input<ApiError | null>(null);
  readonly submitted = output<MerchantDraft>();

  protected readonly kind = signal<MerchantKind>('natural');
  protected readonly withShop = signal(true);
  protected readonly withAccount = signal(true);
  protected readonly values = signal<Readonly<Record<string, string>>>({});
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
    this.submitted.emit(buildMerchantDraft(this.kind(), values, fields));
  }
}
