import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { FileSizePipe } from '../../../shared/pipes/file-size.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { saveBlob } from '../../tickets/data/save-blob';
import { liveSheba } from '../data/live-checks';
import { MERCHANT_FORM_SECTIONS } from '../data/merchant-draft';
import { MerchantsApi } from '../data/merchants-api.service';
import { MerchantDocument, ShopDraft } from '../data/merchants.models';
import { MerchantDetailPageActions } from '../state/merchants.actions';
import {
  selectChangeBusy,
  selectChangeError,
  selectDetailError,
  selectDocumentTypes,
  selectMerchantDetail,
} from '../state/merchants.feature';

type Tab = 'details' | 'shops' | 'accounts' | 'documents';

@Component({
  selector: 'kt-merchant-detail-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, FileSizePipe, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kt-error-banner [error]="loadError()" />
    @if (merchant(); as m) {
      <header class="page-head">
        <div>
          <h1 data-testid="page-title">
            <span data-testid="merchant-name">{{ i18n.pick(m.displayNameFa, m.displayNameEn) }}</span>
          </h1>
          <p class="muted">
            {{ (m.kind === 'legal' ? 'merchants.kind.legal' : 'merchants.kind.natural') | t }} ·
            <span dir="ltr" data-testid="merchant-identifier">{{ m.identifier | digits }}</span> ·
            {{ i18n.pick(m.agent.nameFa, m.agent.nameEn) }}
          </p>
        </div>
        <div class="page-tools">
          @if (canEdit()) {
            <a class="btn btn-primary" data-testid="merchant-edit" [routerLink]="['/merchants', m.id, 'edit']">{{
              'merchants.edit.button' | t
            }}</a>
          }
          <a class="btn btn-ghost" routerLink="/merchants">{{ 'common.back' | t }}</a>
        </div>
      </header>
      <nav class="tabs" role="tablist" data-testid="merchant-tabs">
        @for (t of tabs; track t.key) {
          <button
            type="button"
            role="tab"
            class="btn btn-sm"
            [class.btn-primary]="tab() === t.key"
            [class.btn-ghost]="tab() !== t.key"
            [attr.aria-selected]="tab() === t.key"
            [attr.data-testid]="'merchant-tab-' + t.key"
            (click)="tab.set(t.key)"
          >
            {{ t.label | t }}
          </button>
        }
      </nav>
      <kt-error-banner [error]="changeError()?.error ?? null" />

      @switch (tab()) {
        @case ('details') {
          <section class="card" data-testid="merchant-details">
            <dl class="facts">
              @if (m.kind === 'natural') {
                <dt>{{ 'merchants.nationalCode' | t }}</dt>
                <dd dir="ltr">{{ m.nationalCode | digits }}</dd>
                <dt>{{ 'merchants.fatherNameFa' | t }}</dt>
                <dd>{{ m.fatherNameFa }}</dd>
                <dt>{{ 'merchants.birthDate' | t }}</dt>
                <dd data-testid="merchant-birth-date">{{ m.birthDateJalali | digits }}</dd>
                <dt>{{ 'merchants.nameEn' | t }}</dt>
                <dd dir="ltr">{{ m.displayNameEn }}</dd>
              } @else {
                <dt>{{ 'merchants.legalId' | t }}</dt>
                <dd dir="ltr">{{ m.legalId | digits }}</dd>
                <dt>{{ 'merchants.companyNameEn' | t }}</dt>
                <dd dir="ltr">{{ m.companyNameEn }}</dd>
                <dt>{{ 'merchants.registrationNumber' | t }}</dt>
                <dd>{{ m.registrationNumber | digits }}</dd>
                <dt>{{ 'merchants.registrationDate' | t }}</dt>
                <dd>{{ m.registrationDateJalali | digits }}</dd>
                @for (r of m.representatives; track r.nationalCode) {
                  <dt>{{ (r.role === 'ceo' ? 'merchants.form.ceo' : 'merchants.signatory') | t }}</dt>
                  <dd>
                    {{ i18n.pick(r.firstNameFa + ' ' + r.lastNameFa, r.firstNameEn + ' ' + r.lastNameEn) }} (<span dir="ltr">{{
                      r.nationalCode | digits
                    }}</span
                    >)
                  </dd>
                }
              }
              <dt>{{ 'merchants.mobile' | t }}</dt>
              <dd dir="ltr">{{ m.mobile | digits }}</dd>
              <dt>{{ 'merchants.taxTrackingCode' | t }}</dt>
              <dd>{{ (m.taxTrackingCode | digits) || '—' }}</dd>
              @for (a of m.addresses; track $index) {
                <dt>{{ 'merchants.form.address' | t }}</dt>
                <dd>{{ i18n.pick(a.addressFa, a.addressEn) }} — {{ 'merchants.postalCode' | t }} {{ a.postalCode | digits }}</dd>
              }
              <dt>{{ 'merchants.createdAt' | t }}</dt>
              <dd>{{ m.createdAt | jalali }} · {{ m.createdBy.displayName }}</dd>
            </dl>
          </section>
        }
        @case ('shops') {
          <section class="card" data-testid="merchant-shops">
            @for (s of m.shops; track s.id) {
              <div class="row" data-testid="shop-row" [attr.data-shop-id]="s.id">
                <div>
                  <strong>{{ i18n.pick(s.nameFa, s.nameEn) }}</strong>
                  <span class="muted"> · {{ 'merchants.shop.guildCode' | t }} {{ s.guildCode | digits }}</span>
                  <div class="muted">{{ i18n.pick(s.addressFa, s.addressEn) }} — {{ s.postalCode | digits }}</div>
                </div>
                @if (canEdit()) {
                  <button type="button" class="btn btn-sm btn-danger-ghost" data-testid="shop-remove" (click)="removeShop(s.id)">
                    {{ 'merchants.remove' | t }}
                  </button>
                }
              </div>
            } @empty {
              <p class="empty">{{ 'merchants.shops.empty' | t }}</p>
            }
            @if (canEdit()) {
              <form class="mini" (submit)="$event.preventDefault(); addShop()" data-testid="shop-form">
                @for (f of shopFields; track f.path) {
                  <label class="field">
                    <span class="label">{{ f.label | t }}</span>
                    <input
                      class="input"
                      [attr.dir]="f.ltr ? 'ltr' : null"
                      [attr.data-testid]="'shop-field-' + key(f.path)"
                      [value]="shop()[key(f.path)] || ''"
                      (input)="setShop(key(f.path), $any($event.target).value)"
                    />
                    <kt-field-errors [error]="errorOf('shop')" [field]="key(f.path)" />
                  </label>
                }
                <button type="submit" class="btn btn-primary btn-sm" data-testid="shop-add" [disabled]="busy() === 'shop'">
                  {{ 'merchants.form.addShop' | t }}
                </button>
              </form>
            }
          </section>
        }
        @case ('accounts') {
          <section class="card" data-testid="merchant-accounts">
            @for (a of m.accounts; track a.id) {
              <div class="row" data-testid="account-row" [attr.data-account-id]="a.id" [attr.data-primary]="a.isPrimary">
                <div>
                  <span dir="ltr" data-testid="account-sheba">{{ a.sheba }}</span>
                  <strong data-testid="account-bank"> · {{ i18n.pick(a.bank.nameFa, a.bank.nameEn) }}</strong>
                  @if (a.isPrimary) {
                    <span class="badge state-answered" data-testid="account-primary">{{ 'merchants.account.primary' | t }}</span>
                  }
                  <div class="muted">{{ a.ownerNameFa }}</div>
                </div>
                @if (canEdit()) {
                  <div class="actions">
                    @if (!a.isPrimary) {
                      <button
                        type="button"
                        class="btn btn-sm btn-ghost"
                        data-testid="account-make-primary"
                        (click)="makePrimary(a.id)"
                      >
                        {{ 'merchants.account.makePrimary' | t }}
                      </button>
                    }
                    <button
                      type="button"
                      class="btn btn-sm btn-danger-ghost"
                      data-testid="account-remove"
                      (click)="removeAccount(a.id)"
                    >
                      {{ 'merchants.remove' | t }}
                    </button>
                  </div>
                }
              </div>
            } @empty {
              <p class="empty">{{ 'merchants.accounts.empty' | t }}</p>
            }
            @if (canEdit()) {
              <form class="mini" (submit)="$event.preventDefault(); addAccount()" data-testid="account-form">
                <label class="field">
                  <span class="label">{{ 'merchants.account.sheba' | t }}</span>
                  <input
                    class="input"
                    dir="ltr"
                    data-testid="account-field-sheba"
                    [value]="sheba()"
                    (input)="sheba.set($any($event.target).value)"
                    placeholder="IR…"
                  />
                  @if (shebaCheck().error; as e) {
                    <p class="field-error" data-testid="field-error-sheba" [attr.data-code]="e.code">
                      {{ i18n.text(e.message) }}
                    </p>
                  }
                  @if (shebaCheck().bank; as b) {
                    <p data-testid="account-form-bank">
                      {{ 'merchants.account.bank' | t }}: <strong>{{ i18n.pick(b.nameFa, b.nameEn) }}</strong>
                    </p>
                  }
                  <kt-field-errors [error]="errorOf('account')" field="sheba" />
                </label>
                <label class="field">
                  <span class="label">{{ 'merchants.account.ownerNameFa' | t }}</span>
                  <input
                    class="input"
                    data-testid="account-field-owner"
                    [value]="owner()"
                    (input)="owner.set($any($event.target).value)"
                  />
                  <kt-field-errors [error]="errorOf('account')" field="ownerNameFa" />
                </label>
                <button
                  type="submit"
                  class="btn btn-primary btn-sm"
                  data-testid="account-add"
                  [disabled]="busy() === 'account' || !!shebaCheck().error"
                >
                  {{ 'merchants.form.addAccount' | t }}
                </button>
              </form>
            }
          </section>
        }
        @case ('documents') {
          <section class="card" data-testid="merchant-documents">
            <table class="table">
              <tbody>
                @for (d of m.documents; track d.id) {
                  <tr data-testid="document-row" [attr.data-document-id]="d.id" [attr.data-status]="d.status">
                    <td>{{ typeName(d.typeCode) }}</td>
                    <td>
                      <button type="button" class="btn btn-sm btn-ghost" data-testid="document-download" (click)="download(d)">
                        {{ d.file.fileName }}
                      </button>
                      <span class="muted">{{ d.file.size | fileSize }}</span>
                    </td>
                    <td>
                      <span class="badge" [class]="'badge doc-' + d.status" data-testid="document-status">{{
                        statusLabel(d.status) | t
                      }}</span>
                      @if (d.rejectReason) {
                        <div class="muted" data-testid="document-reason">{{ d.rejectReason }}</div>
                      }
                      @if (d.reviewedBy) {
                        <div class="muted">{{ d.reviewedBy.displayName }} · {{ d.reviewedAt | jalali }}</div>
                      }
                    </td>
                    <td>
                      @if (canReview() && d.status === 'pending') {
                        <div class="actions">
                          <button
                            type="button"
                            class="btn btn-sm btn-primary"
                            data-testid="document-approve"
                            (click)="review(d.id, 'approve')"
                          >
                            {{ 'merchants.doc.approve' | t }}
                          </button>
                          <input
                            class="input"
                            data-testid="document-reject-reason"
                            [placeholder]="'merchants.doc.reason' | t"
                            [value]="reason()"
                            (input)="reason.set($any($event.target).value)"
                          />
                          <button
                            type="button"
                            class="btn btn-sm btn-danger-ghost"
                            data-testid="document-reject"
                            (click)="review(d.id, 'reject')"
                          >
                            {{ 'merchants.doc.reject' | t }}
                          </button>
                        </div>
                        <kt-field-errors [error]="errorOf('review')" field="reason" />
                      }
                    </td>
                  </tr>
                } @empty {
                  <tr>
                    <td class="empty">{{ 'merchants.documents.empty' | t }}</td>
                  </tr>
                }
              </tbody>
            </table>
            @if (canUpload()) {
              <form class="mini" (submit)="$event.preventDefault(); upload()" data-testid="document-form">
                <label class="field">
                  <span class="label">{{ 'merchants.doc.type' | t }}</span>
                  <select class="input" data-testid="document-type" (change)="docType.set($any($event.target).value)">
                    <option value="">—</option>
                    @for (t of availableTypes(); track t.code) {
                      <option [value]="t.code">{{ i18n.pick(t.nameFa, t.nameEn) }}</option>
                    }
                  </select>
                  <kt-field-errors [error]="errorOf('document')" field="typeCode" />
                </label>
                <label class="field">
                  <span class="label">{{ 'merchants.doc.file' | t }}</span>
                  <input
                    type="file"
                    accept="image/*,application/pdf"
                    data-testid="document-file"
                    (change)="file.set($any($event.target).files?.item(0) ?? null)"
                  />
                  <kt-field-errors [error]="errorOf('document')" field="file" />
                </label>
                <button
                  type="submit"
                  class="btn btn-primary btn-sm"
                  data-testid="document-upload"
                  [disabled]="busy() === 'document' || !file() || !docType()"
                >
                  {{ 'merchants.doc.upload' | t }}
                </button>
              </form>
            }
          </section>
        }
      }
    }
  `,
  styles: `
    .tabs {
      display: flex;
      gap: 0.5rem;
      margin-block-end: 1rem;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.5rem 1.5rem;
      margin: 0;
    }
    .facts dt {
      color: var(--muted, #666);
    }
    .facts dd {
      margin: 0;
    }
    .row {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
      padding: 0.6rem 0;
      border-block-end: 1px solid var(--border, #e5e7eb);
    }
    .actions {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .mini {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0.75rem;
      align-items: end;
      margin-block-start: 1rem;
    }
    .field {
      display: grid;
      gap: 0.3rem;
    }
    .doc-approved {
      background: #dcfce7;
      color: #166534;
    }
    .doc-rejected {
      background: #fee2e2;
      color: #991b1b;
    }
    .doc-pending {
      background: #fef9c3;
      color: #854d0e;
    }
  `,
})
export class MerchantDetailPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly api = inject(MerchantsApi);
  protected readonly i18n = inject(I18nService);
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();

  protected readonly merchant = this.store.selectSignal(selectMerchantDetail);
  protected readonly loadError = this.store.selectSignal(selectDetailError);
  protected readonly busy = this.store.selectSignal(selectChangeBusy);
  protected readonly changeError = this.store.selectSignal(selectChangeError);
  private readonly types = this.store.selectSignal(selectDocumentTypes);
  protected readonly canEdit = this.store.selectSignal(selectHasAnyPermission('merchants.update'));
  protected readonly canUpload = this.store.selectSignal(selectHasAnyPermission('merchants.create', 'merchants.update'));
  protected readonly canReview = this.store.selectSignal(selectHasAnyPermission('merchants.review-documents'));

  protected readonly tabs: readonly { key: Tab; label: MessageKey }[] = [
    { key: 'details', label: 'merchants.tab.details' },
    { key: 'shops', label: 'merchants.tab.shops' },
    { key: 'accounts', label: 'merchants.tab.accounts' },
    { key: 'documents', label: 'merchants.tab.documents' },
  ];
  protected readonly tab = signal<Tab>('details');
  protected readonly shopFields = MERCHANT_FORM_SECTIONS.shop;
  protected readonly shop = signal<Readonly<Record<string, string>>>({});
  protected readonly sheba = signal('');
  protected readonly owner = signal('');
  protected readonly shebaCheck = computed(() => liveSheba(this.sheba()));
  protected readonly docType = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly reason = signal('');
  protected readonly availableTypes = computed(() =>
    this.types().filter((t) => !t.legalOnly || this.merchant()?.kind === 'legal'),
  );

  ngOnInit(): void {
    this.store.dispatch(MerchantDetailPageActions.opened({ id: this.id() }));
  }

  protected key(path: string): string {
    return path.replace(/^shops\.0\./, '');
  }

  protected errorOf(kind: string) {
    const e = this.changeError();
    return e && e.kind === kind ? e.error : null;
  }

  protected setShop(key: string, value: string): void {
    this.shop.update((s) => ({ ...s, [key]: value }));
  }

  protected addShop(): void {
    const s = this.shop();
    const draft = Object.fromEntries(Object.entries(s).filter(([, v]) => v.trim() !== '')) as unknown as ShopDraft;
    this.store.dispatch(MerchantDetailPageActions.shopAdded({ id: this.id(), shop: draft }));
  }

  protected removeShop(shopId: string): void {
    this.store.dispatch(MerchantDetailPageActions.shopRemoved({ id: this.id(), shopId }));
  }

  protected addAccount(): void {
    this.store.dispatch(
      MerchantDetailPageActions.accountAdded({ id: this.id(), account: { sheba: this.sheba(), ownerNameFa: this.owner() } }),
    );
  }

  protected removeAccount(accountId: string): void {
    this.store.dispatch(MerchantDetailPageActions.accountRemoved({ id: this.id(), accountId }));
  }

  protected makePrimary(accountId: string): void {
    this.store.dispatch(MerchantDetailPageActions.primaryChosen({ id: this.id(), accountId }));
  }

  protected upload(): void {
    const file = this.file();
    if (!file || !this.docType()) return;
    this.store.dispatch(MerchantDetailPageActions.documentUploaded({ id: this.id(), typeCode: this.docType(), file }));
  }

  protected review(documentId: string, decision: 'approve' | 'reject'): void {
    this.store.dispatch(
      MerchantDetailPageActions.documentReviewed({
        id: this.id(),
        documentId,
        decision: decision === 'approve' ? { decision } : { decision, reason: this.reason() },
      }),
    );
  }

  protected download(d: MerchantDocument): void {
    this.api.documentFile(this.id(), d.id).subscribe({ next: (blob) => saveBlob(blob, d.file.fileName) });
  }

  protected typeName(code: string): string {
    const t = this.types().find((x) => x.code === code);
    return t ? this.i18n.pick(t.nameFa, t.nameEn) : code;
  }

  protected statusLabel(status: string): MessageKey {
    return status === 'approved'
      ? 'merchants.doc.approved'
      : status === 'rejected'
        ? 'merchants.doc.rejected'
        : 'merchants.doc.pending';
  }
}
