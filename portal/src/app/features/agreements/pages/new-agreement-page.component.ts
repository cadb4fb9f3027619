import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { PublicApi } from '../../auth/data/public-api.service';
import { codesFrom as codes } from '../data/agreement-form';
import { NewAgreementPageActions } from '../state/agreements.actions';
import { agreementsFeature } from '../state/agreements.feature';

/** Create an agreement: party, title, Jalali dates (any digits), PSPs, models, one commission and one quota. */
@Component({
  selector: 'kt-new-agreement-page',
  imports: [FormsModule, TranslatePipe, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <h1 data-testid="page-title">{{ 'agreements.new' | t }}</h1>
    </header>
    <section class="card narrow">
      <form class="form" (ngSubmit)="submit()" data-testid="agreement-form" novalidate>
        <kt-error-banner [error]="error()" />
        <div class="field">
          <label class="label" for="ag-agent">{{ 'agreements.field.party' | t }}</label>
          <select id="ag-agent" class="input" name="agent" [(ngModel)]="agent" data-testid="agreement-agent">
            @for (a of agents(); track a.code) {
              <option [value]="a.code">{{ i18n.pick(a.nameFa, a.nameEn) }}</option>
            }
          </select>
          <kt-field-errors [error]="error()" field="agentId" />
        </div>
        <div class="field">
          <label class="label" for="ag-title">{{ 'agreements.field.title' | t }}</label>
          <input id="ag-title" class="input" name="title" [(ngModel)]="title" data-testid="agreement-title-input" />
          <kt-field-errors [error]="error()" field="title" />
        </div>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="ag-from">{{ 'agreements.field.validFrom' | t }}</label>
            <input
              id="ag-from"
              class="input"
              name="from"
              placeholder="۱۴۰۴/۰۱/۰۱"
              [(ngModel)]="validFrom"
              data-testid="agreement-from"
            />
            <kt-field-errors [error]="error()" field="validFrom" />
          </div>
          <div class="field">
            <label class="label" for="ag-to">{{ 'agreements.field.validTo' | t }}</label>
            <input id="ag-to" class="input" name="to" placeholder="۱۴۰۴/۱۲/۲۹" [(ngModel)]="validTo" data-testid="agreement-to" />
            <kt-field-errors [error]="error()" field="validTo" />
          </div>
        </div>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="ag-psps">{{ 'agreements.terms.psps' | t }}</label>
            <input
              id="ag-psps"
              class="input"
              name="psps"
              dir="ltr"
              placeholder="sep, pec"
              [(ngModel)]="psps"
              data-testid="agreement-psps-input"
            />
            <kt-field-errors [error]="error()" field="terms.allowedPsps" />
          </div>
          <div class="field">
            <label class="label" for="ag-models">{{ 'agreements.terms.models' | t }}</label>
            <input
              id="ag-models"
              class="input"
              name="models"
              dir="ltr"
              [(ngModel)]="models"
              data-testid="agreement-models-input"
            />
          </div>
        </div>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="ag-commission">{{ 'agreements.terms.percent' | t }}</label>
            <input
              id="ag-commission"
              class="input"
              name="commission"
              dir="ltr"
              [(ngModel)]="percent"
              data-testid="agreement-percent"
            />
            <kt-field-errors [error]="error()" field="terms.commissions.0.value" />
          </div>
          <div class="field">
            <label class="label" for="ag-quota">{{ 'agreements.terms.monthlyQuota' | t }}</label>
            <input id="ag-quota" class="input" name="quota" dir="ltr" [(ngModel)]="quota" data-testid="agreement-quota" />
            <kt-field-errors [error]="error()" field="terms.quotas.0.limit" />
          </div>
        </div>
        <div class="field">
          <label class="label" for="ag-signed">{{ 'agreements.field.signedBy' | t }}</label>
          <input id="ag-signed" class="input" name="signed" [(ngModel)]="signedBy" />
        </div>
        <label
          ><input type="checkbox" name="activate" [(ngModel)]="activate" data-testid="agreement-activate" />
          {{ 'agreements.activateNow' | t }}</label
        >
        <div>
          <button type="submit" class="btn btn-primary" data-testid="agreement-submit" [disabled]="busy()">
            {{ 'agreements.save' | t }}
          </button>
        </div>
      </form>
    </section>
  `,
})
export class NewAgreementPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly agents = signal<readonly { code: string; nameFa: string; nameEn: string }[]>([]);
  protected readonly error = this.store.selectSignal(agreementsFeature.selectFormError);
  protected readonly busy = this.store.selectSignal(agreementsFeature.selectBusy);
  private readonly publicApi = inject(PublicApi);
  protected agent = '';
  protected title = '';
  protected validFrom = '';
  protected validTo = '';
  protected psps = '';
  protected models = '';
  protected percent = '';
  protected quota = '';
  protected signedBy = '';
  protected activate = true;

  ngOnInit(): void {
    this.store.dispatch(NewAgreementPageActions.opened());
    this.publicApi.agents().subscribe((list) => {
      const agents = list.filter((a) => !a.isBroker);
      this.agents.set(agents);
      this.agent ||= agents[0]?.code ?? '';
    });
  }

  protected submit(): void {
    this.store.dispatch(
      NewAgreementPageActions.submitted({
        agreement: {
          agentId: this.agent,
          title: this.title,
          validFrom: this.validFrom,
          validTo: this.validTo,
          ...(this.signedBy.trim() ? { signedBy: this.signedBy } : {}),
          status: this.activate ? 'active' : 'draft',
          terms: {
            allowedPsps: codes(this.psps),
            allowedDeviceModels: codes(this.models),
            commissions: this.percent.trim()
              ? [
                  {
                    service: 'terminal-registration',
                    kind: 'percent',
                    value: Number(this.percent.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace('/', '.')),
                  },
                ]
              : [],
            quotas: this.quota.trim()
              ? [
                  {
                    key: 'terminals',
                    limit: Number(this.quota.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))),
                    period: 'month',
                  },
                ]
              : [],
          },
        },
      }),
    );
  }
}
