import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { FileSizePipe } from '../../../shared/pipes/file-size.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { saveBlob } from '../../tickets/data/save-blob';
import { AgreementFile, AgreementStatus, AgreementsApi } from '../data/agreements-api.service';
import { periodLabel, statusLabel, transitionLabel } from '../data/labels';
import { AgreementDetailPageActions } from '../state/agreements.actions';
import { agreementsFeature } from '../state/agreements.feature';

@Component({
  selector: 'kt-agreement-detail-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, FileSizePipe, ErrorBannerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <a routerLink="/agreements" class="muted">{{ 'agreements.back' | t }}</a>
        <h1 data-testid="agreement-title">{{ agreement()?.title ?? '' | digits }}</h1>
      </div>
      @if (agreement(); as a) {
        <div class="page-tools">
          <span class="badge" data-testid="agreement-status" [attr.data-status]="a.effectiveStatus">
            {{ statusLabel(a.effectiveStatus) | t }}
          </span>
          @if (canManage() && a.status !== 'terminated') {
            <a class="btn btn-primary btn-sm" data-testid="agreement-edit" [routerLink]="['/agreements', a.id, 'edit']">{{
              'agreements.edit.button' | t
            }}</a>
          }
        </div>
      }
    </header>
    <kt-error-banner [error]="error()" />
    @if (agreement(); as a) {
      <section class="card">
        <dl class="facts">
          <dt>{{ 'agreements.field.party' | t }}</dt>
          <dd data-testid="agreement-party">
            {{ i18n.pick(a.agent.nameFa, a.agent.nameEn) }}
            @if (a.user) {
              — {{ a.user.displayName }}
            }
          </dd>
          <dt>{{ 'agreements.field.validity' | t }}</dt>
          <dd data-testid="agreement-validity">{{ a.validFromJalali | digits }} – {{ a.validToJalali | digits }}</dd>
          <dt>{{ 'agreements.field.signedBy' | t }}</dt>
          <dd data-testid="agreement-signed">
            {{ a.signedBy ?? '—' }}
            @if (a.signedOnJalali) {
              · {{ a.signedOnJalali | digits }}
            }
          </dd>
          <dt>{{ 'agreements.field.createdBy' | t }}</dt>
          <dd>{{ a.createdBy.name }}</dd>
          <dt>{{ 'agreements.terms.psps' | t }}</dt>
          <dd data-testid="agreement-psps">
            <bdi dir="ltr">{{ a.terms.allowedPsps.join(', ') || '—' }}</bdi>
          </dd>
          <dt>{{ 'agreements.terms.models' | t }}</dt>
          <dd data-testid="agreement-models">
            <bdi dir="ltr">{{ a.terms.allowedDeviceModels.join(', ') || '—' }}</bdi>
          </dd>
        </dl>
        @if (a.terms.commissions.length) {
          <h2 class="card-title">{{ 'agreements.terms.commissions' | t }}</h2>
          <ul data-testid="agreement-commissions">
            @for (c of a.terms.commissions; track c.service) {
              <li>
                {{ c.service }}:
                @if (c.kind === 'percent') {
                  {{ c.value | digits }}٪
                } @else {
                  {{ c.value | digits: 'group' }} {{ 'agreements.rial' | t }}
                }
              </li>
            }
          </ul>
        }
        @if (a.terms.quotas.length) {
          <h2 class="card-title">{{ 'agreements.terms.quotas' | t }}</h2>
          <ul>
            @for (q of a.terms.quotas; track q.key + q.period) {
              <li>{{ q.key }}: {{ q.limit | digits: 'group' }} / {{ periodLabel(q.period) | t }}</li>
            }
          </ul>
        }
      </section>
      @if (canManage() && a.allowedTransitions.length) {
        <section class="card actions">
          @for (s of a.allowedTransitions; track s) {
            <button
              type="button"
              class="btn btn-ghost"
              [attr.data-testid]="'agreement-to-' + s"
              [disabled]="busy()"
              (click)="changeStatus(a.id, s)"
            >
              {{ transitionLabel(s) | t }}
            </button>
          }
        </section>
      }
      <section class="card">
        <h2 class="card-title">{{ 'agreements.attachments' | t }}</h2>
        <ul data-testid="agreement-files">
          @for (f of a.attachments; track f.id) {
            <li data-testid="agreement-file" [attr.data-file-id]="f.id">
              <button type="button" class="btn btn-ghost btn-sm" (click)="download(a.id, f)">{{ f.fileName }}</button>
              <small class="muted">{{ f.size | fileSize }}</small>
              @if (canManage()) {
                <button
                  type="button"
                  class="btn btn-danger-ghost btn-sm"
                  data-testid="agreement-file-remove"
                  [attr.aria-label]="('agreements.removeFile' | t) + ' ' + f.fileName"
                  [disabled]="busy()"
                  (click)="removeFile(a.id, f.id)"
                >
                  {{ 'agreements.removeFile' | t }}
                </button>
              }
            </li>
          } @empty {
            <li class="muted">{{ 'agreements.noFiles' | t }}</li>
          }
        </ul>
        @if (canManage()) {
          <label class="btn btn-ghost btn-sm">
            {{ 'agreements.attach' | t }}
            <input type="file" hidden accept=".pdf,image/*" data-testid="agreement-file-input" (change)="attach(a.id, $event)" />
          </label>
        }
      </section>
    } @else if (loading()) {
      <p class="card empty"><span class="spinner" aria-hidden="true"></span> {{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.4rem 1.25rem;
      margin: 0;
    }
    .facts dt {
      color: var(--muted);
    }
    .facts dd {
      margin: 0;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      margin-block: 1rem;
    }
    .card + .card {
      margin-top: 1rem;
    }
  `,
})
export class AgreementDetailPageComponent implements OnInit {
  private readonly store = inject(Store);
  private readonly api = inject(AgreementsApi);
  protected readonly i18n = inject(I18nService);
  protected readonly statusLabel = statusLabel;
  protected readonly transitionLabel = transitionLabel;
  protected readonly periodLabel = periodLabel;
  readonly id = input.required<string>();
  protected readonly agreement = this.store.selectSignal(agreementsFeature.selectDetail);
  protected readonly loading = this.store.selectSignal(agreementsFeature.selectDetailLoading);
  protected readonly error = this.store.selectSignal(agreementsFeature.selectDetailError);
  protected readonly busy = this.store.selectSignal(agreementsFeature.selectBusy);
  protected readonly canManage = this.store.selectSignal(selectHasAnyPermission('agreements.manage'));

  ngOnInit(): void {
    this.store.dispatch(AgreementDetailPageActions.opened({ id: this.id() }));
  }

  protected changeStatus(id: string, status: AgreementStatus): void {
    this.store.dispatch(AgreementDetailPageActions.statusChosen({ id, status }));
  }

  protected attach(id: string, event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.store.dispatch(AgreementDetailPageActions.fileChosen({ id, file }));
    input.value = '';
  }

  protected removeFile(id: string, fileId: string): void {
    this.store.dispatch(AgreementDetailPageActions.fileRemoved({ id, fileId }));
  }

  protected download(id: string, file: AgreementFile): void {
    this.api.download(id, file.id).subscribe((blob) => saveBlob(blob, file.fileName));
  }
}
