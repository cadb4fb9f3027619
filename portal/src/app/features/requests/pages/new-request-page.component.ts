import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { fieldErrors } from '../../../core/api/api-error';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { FileSizePipe } from '../../../shared/pipes/file-size.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { BaseDataNameComponent } from '../components/basedata-name.component';
import { RequestLabelPipe } from '../components/request-label.pipe';
import { baseDataName } from '../data/basedata-names';
import { DOCUMENT_ACCEPT, documentFileProblem, documentTarget, sameExceptDocuments } from '../data/request-documents';
import {
  CHANGE_FIELDS,
  ChangeField,
  FORM_STEPS,
  FormStep,
  RequestFormValue,
  emptyForm,
  formFieldErrors,
  formFromRequest,
  liveChangeError,
  newClientKey,
  payloadOf,
  startsFromTerminal,
  stepProblems,
  withType,
} from '../data/request-form';
import { REQUEST_TYPES, RequestType, TerminalState } from '../data/requests.models';
import { NewRequestPageActions } from '../state/requests.actions';
import { requestsFeature } from '../state/requests.feature';

type Mode = 'new' | 'edit' | 'correct';

/**
 * A new request in three steps (type and PSP → the type's details → review), saved as a draft at any
 * step; also a draft reopened (`/requests/:id/edit`) and a returned request corrected
 * (`/requests/:id/correct`, sent as `resubmit`).
 */
@Component({
  selector: 'kt-new-request-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    DigitsPipe,
    FileSizePipe,
    JalaliDatePipe,
    RequestLabelPipe,
    ErrorBannerComponent,
    FieldErrorsComponent,
    BaseDataNameComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ titleKey() | t }}</h1>
        @if (stored(); as s) {
          <p class="muted" dir="ltr">{{ s.number | digits }}</p>
        }
      </div>
    </header>

    <div class="layout">
      <section class="card form" data-testid="request-form" [attr.data-step]="step()">
        @if (mode() === 'correct' && stored()?.openTask; as task) {
          <!-- What the reviewer (or the PSP) asked to correct, in front of the person correcting it. -->
          @if (task.problem; as problem) {
            <p class="banner banner-error" data-testid="correction-reason">{{ i18n.text(problem.text) }}</p>
          } @else if (task.reason) {
            <p class="banner banner-info" data-testid="correction-reason">{{ task.reason }}</p>
          }
        }
        <ol class="steps" data-testid="form-steps">
          @for (s of steps; track s; let i = $index) {
            <li [class.current]="s === step()" [class.done]="i < stepIndex()" [attr.data-testid]="'form-step-' + s">
              <span class="n">{{ i + 1 | digits }}</span> {{ stepKey(s) | t }}
            </li>
          }
        </ol>

        <kt-error-banner [error]="bannerError()" />
        <kt-error-banner [error]="lookupError()" />

        @switch (step()) {
          @case ('type') {
            <div class="form-row two">
              <label class="field">
                <span class="label">{{ 'requests.type' | t }}</span>
                <select
                  class="input"
                  data-testid="request-type"
                  [disabled]="mode() !== 'new'"
                  (change)="setType($any($event.target).value)"
                >
                  <option value="">—</option>
                  @for (t of types; track t) {
                    <option [value]="t" [selected]="form().type === t">{{ t | requestLabel: 'type' }}</option>
                  }
                </select>
                <kt-field-errors [error]="apiErrors()" field="type" />
                @if (shown('type')) {
                  <p class="field-error" data-testid="field-error-type">{{ i18n.text(shown('type')) }}</p>
                }
              </label>
              <label class="field">
                <span class="label">{{ 'requests.psp' | t }}</span>
                <select class="input" data-testid="request-psp" (change)="set('pspCode', $any($event.target).value)">
                  <option value="">—</option>
                  @for (p of psps(); track p.code) {
                    <option [value]="p.code" [selected]="form().pspCode === p.code">{{ i18n.pick(p.nameFa, p.nameEn) }}</option>
                  }
                </select>
                <kt-field-errors [error]="apiErrors()" field="pspCode" />
                @if (shown('pspCode')) {
                  <p class="field-error" data-testid="field-error-pspCode">{{ i18n.text(shown('pspCode')) }}</p>
                }
              </label>
            </div>
          }
          @case ('details') {
            @if (form().type === 'install') {
              <fieldset class="group" data-testid="merchant-lookup">
                <legend>{{ 'requests.form.merchant' | t }}</legend>
                <div class="search-row">
                  <input
                    class="input"
                    data-testid="merchant-search"
                    [placeholder]="'requests.form.merchantSearch' | t"
                    [value]="merchantQ()"
                    (input)="merchantQ.set($any($event.target).value)"
                    (keydown.enter)="searchMerchant(); $event.preventDefault()"
                  />
                  <button type="button" class="btn btn-ghost" data-testid="merchant-search-go" (click)="searchMerchant()">
                    {{ 'common.search' | t }}
                  </button>
                </div>
                @if (merchants(); as list) {
                  <ul class="results">
                    @for (m of list; track m.id) {
                      <li>
                        <button
                          type="button"
                          class="result"
                          data-testid="merchant-result"
                          [attr.data-merchant-id]="m.id"
                          [class.on]="form().merchantId === m.id"
                          (click)="chooseMerchant(m.id)"
                        >
                          {{ i18n.pick(m.displayNameFa, m.displayNameEn) }} · <span dir="ltr">{{ m.identifier | digits }}</span>
                        </button>
                      </li>
                    } @empty {
                      <li class="muted" data-testid="merchant-none">{{ 'requests.form.noMerchant' | t }}</li>
                    }
                  </ul>
                }
                <kt-field-errors [error]="apiErrors()" field="merchantId" />
                @if (shown('merchantId')) {
                  <p class="field-error" data-testid="field-error-merchantId">{{ i18n.text(shown('merchantId')) }}</p>
                }
              </fieldset>
              @if (merchant(); as m) {
                <p class="chosen" data-testid="merchant-chosen">
                  {{ i18n.pick(m.displayNameFa, m.displayNameEn) }} · <span dir="ltr">{{ m.identifier | digits }}</span>
                </p>
                <div class="form-row two">
                  <label class="field">
                    <span class="label">{{ 'requests.form.shop' | t }}</span>
                    <select class="input" data-testid="request-shop" (change)="set('shopId', $any($event.target).value)">
                      <option value="">—</option>
                      @for (s of m.shops; track s.id) {
                        <option [value]="s.id" [selected]="form().shopId === s.id">{{ i18n.pick(s.nameFa, s.nameEn) }}</option>
                      }
                    </select>
                    <kt-field-errors [error]="apiErrors()" field="shopId" />
                    @if (shown('shopId')) {
                      <p class="field-error" data-testid="field-error-shopId">{{ i18n.text(shown('shopId')) }}</p>
                    }
                  </label>
                  <ng-container *ngTemplateOutlet="accountSelect" />
                </div>
              }
              <ng-container *ngTemplateOutlet="modelSelect; context: { required: true }" />
            } @else {
              <fieldset class="group" data-testid="terminal-lookup">
                <legend>{{ 'terminals.terminal' | t }}</legend>
                <div class="search-row">
                  <input
                    class="input"
                    data-testid="terminal-search"
                    [placeholder]="'requests.form.terminalSearch' | t"
                    [value]="terminalQ()"
                    (input)="terminalQ.set($any($event.target).value)"
                    (keydown.enter)="searchTerminal(); $event.preventDefault()"
                  />
                  <button type="button" class="btn btn-ghost" data-testid="terminal-search-go" (click)="searchTerminal()">
                    {{ 'common.search' | t }}
                  </button>
                </div>
                @if (terminals(); as list) {
                  <ul class="results">
                    @for (t of list; track t.id) {
                      <li>
                        <button
                          type="button"
                          class="result"
                          data-testid="terminal-result"
                          [attr.data-terminal-id]="t.id"
                          [class.on]="form().terminalId === t.id"
                          (click)="chooseTerminal(t.id)"
                        >
                          <span dir="ltr">{{ t.pspTerminalId ?? t.id }}</span> · {{ i18n.text(t.merchantName) }} ·
                          {{ terminalStateKey(t.state) | t }}
                        </button>
                      </li>
                    } @empty {
                      <li class="muted">{{ 'requests.form.noTerminal' | t }}</li>
                    }
                  </ul>
                }
                @if (terminal(); as t) {
                  <p class="chosen" data-testid="terminal-chosen">
                    <span dir="ltr">{{ t.pspTerminalId ?? t.id }}</span> · {{ i18n.text(t.merchantName) }} ·
                    <kt-basedata-name field="pspCode" [code]="t.pspCode" />
                  </p>
                }
                <kt-field-errors [error]="apiErrors()" field="terminalId" />
                @if (shown('terminalId')) {
                  <p class="field-error" data-testid="field-error-terminalId">{{ i18n.text(shown('terminalId')) }}</p>
                }
              </fieldset>

              @switch (form().type) {
                @case ('define') {
                  <div class="form-row two">
                    <ng-container *ngTemplateOutlet="modelSelect; context: { required: true }" />
                    <ng-container *ngTemplateOutlet="serialInput" />
                  </div>
                }
                @case ('swap') {
                  <div class="form-row two">
                    <ng-container *ngTemplateOutlet="reasonSelect; context: { options: swapReasons() }" />
                    <ng-container *ngTemplateOutlet="modelSelect; context: { required: false }" />
                    <ng-container *ngTemplateOutlet="serialInput" />
                  </div>
                }
                @case ('collect') {
                  <div class="form-row two">
                    <ng-container *ngTemplateOutlet="reasonSelect; context: { options: collectReasons() }" />
                  </div>
                }
                @case ('account') {
                  <div class="form-row two">
                    <ng-container *ngTemplateOutlet="accountSelect" />
                  </div>
                }
                @case ('reactivate') {
                  <label class="field">
                    <span class="label">{{ 'requests.form.note' | t }} ({{ 'common.optional' | t }})</span>
                    <textarea
                      class="input"
                      rows="2"
                      data-testid="request-note"
                      [value]="form().note"
                      (input)="set('note', $any($event.target).value)"
                    ></textarea>
                  </label>
                }
                @case ('merchant') {
                  <p class="hint">{{ 'requests.form.changesHint' | t }}</p>
                  @if (shown('changes')) {
                    <p class="field-error" data-testid="field-error-changes">{{ i18n.text(shown('changes')) }}</p>
                  }
                  <div class="form-row two">
                    @for (f of changeFields; track f) {
                      <label class="field" [class.span]="f === 'addressFa'">
                        <span class="label">{{ changeKey(f) | t }}</span>
                        <input
                          class="input"
                          [attr.data-testid]="'change-' + f"
                          [attr.dir]="f === 'shopNameEn' || f === 'postalCode' || f === 'phone' || f === 'mobile' ? 'ltr' : null"
                          [value]="form().changes[f]"
                          (input)="setChange(f, $any($event.target).value)"
                        />
                        @if (live(f); as e) {
                          <p
                            class="field-error"
                            role="alert"
                            [attr.data-testid]="'field-error-changes.' + f"
                            [attr.data-code]="e.code"
                          >
                            {{ i18n.text(e.message) }}
                          </p>
                        }
                        <kt-field-errors [error]="apiErrors()" [field]="'changes.' + f" />
                      </label>
                    }
                  </div>
                }
              }
            }
            <ng-container *ngTemplateOutlet="documentsSection" />
          }
          @case ('review') {
            <dl class="facts" data-testid="request-review">
              <dt>{{ 'requests.type' | t }}</dt>
              <dd>{{ form().type | requestLabel: 'type' }}</dd>
              <dt>{{ 'requests.psp' | t }}</dt>
              <dd data-testid="review-pspCode">{{ pspName() }}</dd>
              @if (merchant(); as m) {
                <dt>{{ 'requests.merchant' | t }}</dt>
                <dd>{{ i18n.pick(m.displayNameFa, m.displayNameEn) }}</dd>
              }
              @if (terminal(); as t) {
                <dt>{{ 'terminals.terminal' | t }}</dt>
                <dd dir="ltr">{{ t.pspTerminalId ?? t.id }}</dd>
              }
              @for (f of reviewFacts(); track f.key) {
                <dt>{{ f.label }}</dt>
                <dd [attr.data-testid]="'review-' + f.key">
                  <bdi>{{ f.value | digits }}</bdi>
                </dd>
              }
              @if (documents().length) {
                <dt>{{ 'requests.docs.title' | t }}</dt>
                <dd data-testid="review-documents">
                  @for (d of documents(); track d.id) {
                    <div>
                      {{ i18n.text(d.typeName) }} · <bdi>{{ d.fileName }}</bdi>
                    </div>
                  }
                </dd>
              }
            </dl>
          }
        }

        <div class="form-actions">
          @if (stepIndex() > 0) {
            <button type="button" class="btn btn-ghost" data-testid="form-back" (click)="back()">
              {{ 'requests.form.back' | t }}
            </button>
          }
          @if (mode() !== 'correct') {
            <button
              type="button"
              class="btn btn-ghost"
              data-testid="form-save-draft"
              [disabled]="saving() !== null || !form().type || !form().pspCode"
              (click)="saveDraft()"
            >
              {{ 'requests.form.saveDraft' | t }}
            </button>
          }
          @if (step() !== 'review') {
            <button type="button" class="btn btn-primary" data-testid="form-next" (click)="next()">
              {{ 'requests.form.next' | t }}
            </button>
          } @else {
            <button
              type="button"
              class="btn btn-primary"
              data-testid="form-submit"
              [disabled]="saving() !== null"
              (click)="submit()"
            >
              {{ (mode() === 'correct' ? 'requests.form.resubmit' : 'requests.form.submit') | t }}
            </button>
          }
        </div>
      </section>

      @if (mode() !== 'correct') {
        <aside class="card drafts" data-testid="drafts">
          <h2 class="card-title">{{ 'requests.form.drafts' | t }}</h2>
          @for (d of drafts(); track d.id) {
            <div class="draft" data-testid="draft" [attr.data-request-id]="d.id">
              <a [routerLink]="['/requests', d.id, 'edit']" data-testid="draft-open">{{ d.type | requestLabel: 'type' }}</a>
              <span class="muted">{{ d.updatedAt | jalali: 'short' }}</span>
              <button type="button" class="btn btn-danger-ghost btn-sm" data-testid="draft-delete" (click)="deleteDraft(d.id)">
                {{ 'requests.form.deleteDraft' | t }}
              </button>
            </div>
          } @empty {
            <p class="muted">{{ 'requests.form.noDrafts' | t }}</p>
          }
        </aside>
      }
    </div>

    <ng-template #documentsSection>
      <fieldset class="group" data-testid="request-docs">
        <legend>{{ 'requests.docs.title' | t }}</legend>
        <ul class="docs">
          @for (d of documents(); track d.id) {
            <li class="doc" data-testid="request-doc" [attr.data-doc-id]="d.id" [attr.data-type-code]="d.typeCode">
              <span class="doc-type">{{ i18n.text(d.typeName) }}</span>
              <bdi class="doc-name">{{ d.fileName }}</bdi>
              <span class="muted">{{ d.size | fileSize }}</span>
              <button
                type="button"
                class="btn btn-danger-ghost btn-sm"
                data-testid="request-doc-remove"
                [disabled]="docBusy()"
                (click)="removeDocument(d.id)"
              >
                {{ 'requests.docs.remove' | t }}
              </button>
            </li>
          } @empty {
            <li class="muted" data-testid="request-docs-empty">{{ 'requests.docs.empty' | t }}</li>
          }
        </ul>
        <kt-error-banner [error]="docBanner()" />
        <div class="form-row two">
          <label class="field">
            <span class="label">{{ 'requests.docs.type' | t }}</span>
            <select class="input" data-testid="request-doc-type" (change)="docType.set($any($event.target).value)">
              <option value="">—</option>
              @for (t of documentTypes(); track t.code) {
                <option [value]="t.code" [selected]="docType() === t.code">{{ i18n.pick(t.nameFa, t.nameEn) }}</option>
              }
            </select>
            <kt-field-errors [error]="docError()" field="typeCode" />
          </label>
          <label class="field">
            <span class="label">{{ 'requests.docs.file' | t }}</span>
            <input
              #docFileInput
              type="file"
              class="input"
              data-testid="request-doc-file"
              [accept]="docAccept"
              (change)="docFile.set($any($event.target).files?.item(0) ?? null)"
            />
            @if (docFileProblem(); as p) {
              <p class="field-error" role="alert" data-testid="field-error-file" [attr.data-code]="p.code">
                {{ i18n.text(p.message) }}
              </p>
            }
            <kt-field-errors [error]="docError()" field="file" />
          </label>
        </div>
        @if (!docTarget()) {
          <p class="hint">{{ 'requests.docs.saveFirst' | t }}</p>
        }
        <button
          type="button"
          class="btn btn-ghost doc-upload"
          data-testid="request-doc-upload"
          [disabled]="docBusy() || saving() !== null || !docType() || !docFile() || docFileProblem() !== null"
          (click)="uploadDocument()"
        >
          {{ 'requests.docs.upload' | t }}
        </button>
      </fieldset>
    </ng-template>

    <ng-template #modelSelect let-required="required">
      <label class="field">
        <span class="label"
          >{{ 'requests.form.deviceModel' | t }}
          @if (!required) {
            ({{ 'common.optional' | t }})
          }
        </span>
        <select class="input" data-testid="request-device-model" (change)="set('deviceModel', $any($event.target).value)">
          <option value="">—</option>
          @for (d of deviceModels(); track d.code) {
            <option [value]="d.code" [selected]="form().deviceModel === d.code">{{ i18n.pick(d.nameFa, d.nameEn) }}</option>
          }
        </select>
        <kt-field-errors [error]="apiErrors()" field="deviceModel" />
        @if (shown('deviceModel')) {
          <p class="field-error" data-testid="field-error-deviceModel">{{ i18n.text(shown('deviceModel')) }}</p>
        }
      </label>
    </ng-template>

    <ng-template #serialInput>
      <label class="field">
        <span class="label">{{ 'terminals.serial' | t }} ({{ 'common.optional' | t }})</span>
        <input
          class="input"
          dir="ltr"
          data-testid="request-serial"
          [value]="form().serial"
          (input)="set('serial', $any($event.target).value)"
        />
        <kt-field-errors [error]="apiErrors()" field="serial" />
      </label>
    </ng-template>

    <ng-template #reasonSelect let-options="options">
      <label class="field">
        <span class="label">{{ 'requests.reason' | t }}</span>
        <select class="input" data-testid="request-reason" (change)="set('reason', $any($event.target).value)">
          <option value="">—</option>
          @for (o of options; track o.code) {
            <option [value]="o.code" [selected]="form().reason === o.code">{{ i18n.pick(o.nameFa, o.nameEn) }}</option>
          }
        </select>
        <kt-field-errors [error]="apiErrors()" field="reason" />
        @if (shown('reason')) {
          <p class="field-error" data-testid="field-error-reason">{{ i18n.text(shown('reason')) }}</p>
        }
      </label>
    </ng-template>

    <ng-template #accountSelect>
      <label class="field">
        <span class="label">{{ 'requests.form.account' | t }}</span>
        <select class="input" data-testid="request-account" (change)="set('accountId', $any($event.target).value)">
          <option value="">—</option>
          @for (a of merchant()?.accounts ?? []; track a.id) {
            <option [value]="a.id" [selected]="form().accountId === a.id">
              {{ a.sheba }} · {{ i18n.pick(a.bank.nameFa, a.bank.nameEn) }}
            </option>
          }
        </select>
        <kt-field-errors [error]="apiErrors()" field="accountId" />
        @if (shown('accountId')) {
          <p class="field-error" data-testid="field-error-accountId">{{ i18n.text(shown('accountId')) }}</p>
        }
      </label>
    </ng-template>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 16rem;
      gap: 1rem;
      align-items: start;
    }
    @media (max-width: 64rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .steps {
      display: flex;
      gap: 1.5rem;
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
      color: var(--muted);
      flex-wrap: wrap;
    }
    .steps li.current {
      color: var(--primary);
      font-weight: 600;
    }
    .steps li.done {
      color: #15803d;
    }
    .steps .n {
      display: inline-grid;
      place-items: center;
      width: 1.5rem;
      height: 1.5rem;
      border-radius: 50%;
      border: 1px solid currentColor;
      font-size: 0.8rem;
      margin-inline-end: 0.3rem;
    }
    .group {
      border: 1px solid var(--border);
      border-radius: 10px;
      padding: 0.75rem 1rem;
      display: grid;
      gap: 0.5rem;
      margin: 0;
    }
    .search-row {
      display: flex;
      gap: 0.5rem;
    }
    .search-row .input {
      flex: 1;
      min-width: 0;
    }
    .results {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .result {
      width: 100%;
      text-align: start;
      border: 1px solid var(--border);
      border-radius: 8px;
      background: #fff;
      padding: 0.45rem 0.75rem;
      cursor: pointer;
      font: inherit;
    }
    .result.on {
      border-color: var(--primary);
      background: #eff6ff;
    }
    .chosen {
      margin: 0;
      font-weight: 600;
    }
    .draft {
      display: grid;
      gap: 0.2rem;
      padding: 0.5rem 0;
      border-bottom: 1px solid #f1f5f9;
    }
    .draft .btn {
      justify-self: start;
    }
    .docs {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.25rem;
    }
    .doc {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
      padding: 0.35rem 0;
      border-bottom: 1px solid #f1f5f9;
    }
    .doc-type {
      font-weight: 600;
    }
    .doc .btn {
      margin-inline-start: auto;
    }
    .doc-upload {
      justify-self: start;
    }
  `,
})
export class NewRequestPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);

  /** `:id` of a draft (edit) or a returned request (correct); absent for a new request. */
  readonly id = input<string | undefined>(undefined);
  /** Route data: `new` | `edit` | `correct`. */
  readonly mode = input<Mode>('new');
  /** Query parameters from a terminal page: `?type=swap&terminalId=…`. */
  readonly type = input<string | undefined>(undefined);
  readonly terminalId = input<string | undefined>(undefined);

  protected readonly psps = this.store.selectSignal(requestsFeature.selectPsps);
  protected readonly deviceModels = this.store.selectSignal(requestsFeature.selectDeviceModels);
  protected readonly swapReasons = this.store.selectSignal(requestsFeature.selectSwapReasons);
  protected readonly collectReasons = this.store.selectSignal(requestsFeature.selectCollectReasons);
  protected readonly drafts = this.store.selectSignal(requestsFeature.selectDrafts);
  protected readonly stored = this.store.selectSignal(requestsFeature.selectStored);
  protected readonly merchants = this.store.selectSignal(requestsFeature.selectMerchants);
  protected readonly merchant = this.store.selectSignal(requestsFeature.selectMerchant);
  protected readonly terminals = this.store.selectSignal(requestsFeature.selectTerminals);
  protected readonly terminal = this.store.selectSignal(requestsFeature.selectTerminal);
  protected readonly lookupError = this.store.selectSignal(requestsFeature.selectLookupError);
  protected readonly saving = this.store.selectSignal(requestsFeature.selectSaving);
  private readonly formError = this.store.selectSignal(requestsFeature.selectFormError);
  protected readonly documentTypes = this.store.selectSignal(requestsFeature.selectDocumentTypes);
  protected readonly docBusy = this.store.selectSignal(requestsFeature.selectDocumentBusy);
  protected readonly docError = this.store.selectSignal(requestsFeature.selectDocumentError);

  protected readonly steps = FORM_STEPS;
  protected readonly types = REQUEST_TYPES;
  protected readonly changeFields = CHANGE_FIELDS;

  protected readonly form = signal<RequestFormValue>(emptyForm());
  protected readonly step = signal<FormStep>('type');
  /** Problems are shown once the person tried to move on from a step. */
  protected readonly tried = signal(false);
  /** The documents section: the chosen type and file. */
  protected readonly docType = signal('');
  protected readonly docFile = signal<File | null>(null);
  protected readonly docAccept = DOCUMENT_ACCEPT;
  private readonly docFileInput = viewChild<ElementRef<HTMLInputElement>>('docFileInput');
  protected readonly merchantQ = signal('');
  protected readonly terminalQ = signal('');
  /** One key per form: a double click or a retried POST creates one request. */
  private readonly clientKey = newClientKey();

  protected readonly stepIndex = computed(() => FORM_STEPS.indexOf(this.step()));
  /** The stored request's documents (none until the form is saved). */
  protected readonly documents = computed(() => this.stored()?.documents ?? []);
  protected readonly docTarget = computed(() => documentTarget(this.id(), this.stored()?.id));
  protected readonly docFileProblem = computed(() => documentFileProblem(this.docFile()));
  /** A refusal of the upload that is not about the type or the file (state, size, scope). */
  protected readonly docBanner = computed(() => {
    const e = this.docError();
    return e && fieldErrors(e, 'typeCode').length + fieldErrors(e, 'file').length === 0 ? e : null;
  });
  /** The stored request, changing only when more than its documents changes (they do not refill the form). */
  private readonly storedContents = computed(() => this.stored(), { equal: sameExceptDocuments });
  protected readonly problems = computed(() => stepProblems(this.form(), this.step()));
  protected readonly apiErrors = computed(() => formFieldErrors(this.formError()));
  protected readonly bannerError = computed(() => {
    const e = this.formError();
    return e && e.fields.length === 0 ? e : null;
  });
  protected readonly titleKey = computed(() =>
    this.mode() === 'correct'
      ? 'requests.form.correctTitle'
      : this.mode() === 'edit'
        ? 'requests.form.editTitle'
        : 'requests.form.title',
  );
  private readonly baseData = this.store.selectSignal(requestsFeature.selectBaseDataLists);
  protected readonly pspName = computed(() => {
    const code = this.form().pspCode;
    const name = baseDataName('pspCode', code, this.baseData());
    return name ? this.i18n.text(name) : code;
  });
  protected readonly reviewFacts = computed(() => {
    const payload = (payloadOf(this.form()) ?? {}) as Record<string, unknown>;
    const merchant = this.merchant();
    const facts: { key: string; label: string; value: string }[] = [];
    for (const [key, value] of Object.entries(payload)) {
      if (key === 'merchantId' || key === 'terminalId') continue;
      if (key === 'changes') {
        for (const [k, v] of Object.entries(value as Record<string, string>)) {
          facts.push({ key: `changes.${k}`, label: this.i18n.t(this.changeKey(k as ChangeField)), value: v });
        }
        continue;
      }
      let text = String(value);
      const name = baseDataName(key, value, this.baseData());
      if (name) text = this.i18n.text(name);
      if (key === 'shopId') {
        const s = merchant?.shops.find((x) => x.id === value);
        text = s ? this.i18n.pick(s.nameFa, s.nameEn) : text;
      }
      if (key === 'accountId') text = merchant?.accounts.find((x) => x.id === value)?.sheba ?? text;
      facts.push({ key, label: this.i18n.t(this.fieldKey(key)), value: text });
    }
    return facts;
  });

  constructor() {
    // A stored request (draft or returned) fills the form once it arrives.
    effect(() => {
      const stored = this.storedContents();
      if (!stored || stored.id !== this.id()) return;
      untracked(() => {
        this.form.set(formFromRequest(stored.type, stored.pspCode, stored.payload));
        this.step.set('details');
      });
    });
    // A document attached: the section is cleared for the next one.
    let documentCount = 0;
    effect(() => {
      const n = this.documents().length;
      untracked(() => {
        if (n > documentCount) {
          this.docType.set('');
          this.docFile.set(null);
          const el = this.docFileInput()?.nativeElement;
          if (el) el.value = '';
        }
        documentCount = n;
      });
    });
  }

  ngOnInit(): void {
    const type = this.type();
    if (this.mode() === 'new' && type && (REQUEST_TYPES as readonly string[]).includes(type)) {
      this.form.set({ ...withType(emptyForm(), type as RequestType), terminalId: this.terminalId() ?? '' });
    }
    this.store.dispatch(
      NewRequestPageActions.opened({
        requestId: this.id() ?? null,
        terminalId: this.mode() === 'new' ? (this.terminalId() ?? null) : null,
      }),
    );
  }

  protected terminalStateKey(state: TerminalState) {
    return `terminals.state.${state}` as const;
  }

  protected stepKey(s: FormStep) {
    return `requests.form.step.${s}` as const;
  }

  protected changeKey(f: ChangeField) {
    return `requests.change.${f}` as const;
  }

  protected fieldKey(key: string) {
    return `requests.field.${key as 'shopId' | 'accountId' | 'deviceModel' | 'serial' | 'reason' | 'note'}` as const;
  }

  protected shown(field: string) {
    return this.tried() ? (this.problems()[field] ?? null) : null;
  }

  protected live(field: ChangeField) {
    return liveChangeError(field, this.form().changes[field]);
  }

  protected setType(type: string): void {
    this.form.update((f) => withType(f, type as RequestType | ''));
  }

  protected set(field: keyof Omit<RequestFormValue, 'changes' | 'type'>, value: string): void {
    this.form.update((f) => ({ ...f, [field]: value }));
  }

  protected setChange(field: ChangeField, value: string): void {
    this.form.update((f) => ({ ...f, changes: { ...f.changes, [field]: value } }));
  }

  protected searchMerchant(): void {
    const q = this.merchantQ().trim();
    if (q) this.store.dispatch(NewRequestPageActions.merchantSearched({ q }));
  }

  protected chooseMerchant(id: string): void {
    this.form.update((f) => ({ ...f, merchantId: id, shopId: '', accountId: '' }));
    this.store.dispatch(NewRequestPageActions.merchantChosen({ id }));
  }

  protected searchTerminal(): void {
    const q = this.terminalQ().trim();
    if (q) this.store.dispatch(NewRequestPageActions.terminalSearched({ q }));
  }

  protected chooseTerminal(id: string): void {
    this.form.update((f) => ({ ...f, terminalId: id, accountId: '' }));
    this.store.dispatch(NewRequestPageActions.terminalChosen({ id }));
  }

  protected next(): void {
    this.tried.set(true);
    if (Object.keys(this.problems()).length > 0) return;
    this.tried.set(false);
    this.step.set(FORM_STEPS[this.stepIndex() + 1] ?? 'review');
  }

  protected back(): void {
    this.tried.set(false);
    this.step.set(FORM_STEPS[Math.max(0, this.stepIndex() - 1)]);
  }

  protected saveDraft(): void {
    const f = this.form();
    if (!f.type) return;
    this.store.dispatch(
      NewRequestPageActions.draftSaved({
        draftId: this.mode() === 'edit' ? (this.id() ?? null) : (this.stored()?.id ?? null),
        body: {
          type: f.type,
          pspCode: f.pspCode,
          payload: (payloadOf(f) ?? {}) as Record<string, unknown>,
          clientKey: this.clientKey,
        },
      }),
    );
  }

  protected submit(): void {
    this.tried.set(true);
    if (Object.keys(this.problems()).length > 0) return;
    const f = this.form();
    if (!f.type) return;
    const payload = (payloadOf(f) ?? {}) as Record<string, unknown>;
    const id = this.id();
    if (this.mode() === 'correct' && id) {
      const taskId = this.stored()?.openTask?.id;
      if (!taskId) return;
      this.store.dispatch(NewRequestPageActions.resubmitted({ id, body: { action: 'resubmit', taskId, payload } }));
      return;
    }
    this.store.dispatch(
      NewRequestPageActions.submitted({
        draftId: this.mode() === 'edit' ? (id ?? null) : (this.stored()?.id ?? null),
        body: { type: f.type, pspCode: f.pspCode, payload, clientKey: this.clientKey },
      }),
    );
  }

  protected uploadDocument(): void {
    const f = this.form();
    const file = this.docFile();
    const typeCode = this.docType();
    if (!f.type || !file || !typeCode) return;
    this.store.dispatch(
      NewRequestPageActions.documentAdded({
        requestId: this.docTarget(),
        draft: {
          type: f.type,
          pspCode: f.pspCode,
          payload: (payloadOf(f) ?? {}) as Record<string, unknown>,
          clientKey: this.clientKey,
        },
        typeCode,
        file,
      }),
    );
  }

  protected removeDocument(documentId: string): void {
    const requestId = this.docTarget();
    if (requestId) this.store.dispatch(NewRequestPageActions.documentRemoved({ requestId, documentId }));
  }

  protected deleteDraft(id: string): void {
    this.store.dispatch(NewRequestPageActions.draftDeleted({ id }));
  }

  protected readonly startsFromTerminal = startsFromTerminal;
}
