import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { AgentsApi } from '../data/agents-api.service';

/** Create an agent: names, legal details, a contact, domains and the first admin. */
@Component({
  selector: 'kt-new-agent-page',
  imports: [TranslatePipe, FormsModule, RouterLink, ErrorBannerComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <h1 data-testid="page-title">{{ 'agents.new.title' | t }}</h1>
      <a class="btn btn-ghost" routerLink="/agents">{{ 'agents.back' | t }}</a>
    </header>
    @if (created(); as c) {
      <div class="card" data-testid="agent-created">
        <p>{{ 'agents.new.created' | t }}</p>
        <p>
          {{ 'agents.new.password' | t }} <code dir="ltr" data-testid="first-admin-password">{{ c.password }}</code>
        </p>
        <a class="btn btn-primary" [routerLink]="['/agents', c.id]" data-testid="open-agent">{{ 'agents.open' | t }}</a>
      </div>
    } @else {
      <kt-error-banner [error]="error()" />
      <form class="form card" data-testid="new-agent-form" (ngSubmit)="submit()" novalidate>
        <h2>{{ 'agents.section.identity' | t }}</h2>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="a-code">{{ 'agents.field.code' | t }}</label>
            <input id="a-code" class="input" dir="ltr" name="code" data-testid="agent-code" [(ngModel)]="m.code" />
            <kt-field-errors [error]="error()" field="code" />
          </div>
          <div class="field">
            <label class="label" for="a-nameFa">{{ 'agents.field.nameFa' | t }}</label>
            <input id="a-nameFa" class="input" name="nameFa" data-testid="agent-nameFa" [(ngModel)]="m.nameFa" />
            <kt-field-errors [error]="error()" field="nameFa" />
          </div>
          <div class="field">
            <label class="label" for="a-nameEn">{{ 'agents.field.nameEn' | t }}</label>
            <input id="a-nameEn" class="input" dir="ltr" name="nameEn" data-testid="agent-nameEn" [(ngModel)]="m.nameEn" />
            <kt-field-errors [error]="error()" field="nameEn" />
          </div>
          <div class="field">
            <label class="label" for="a-domains">{{ 'agents.field.domains' | t }}</label>
            <input id="a-domains" class="input" dir="ltr" name="domains" data-testid="agent-domains" [(ngModel)]="m.domains" />
            <kt-field-errors [error]="error()" field="domains.0" />
          </div>
        </div>
        <h2>{{ 'agents.section.legal' | t }}</h2>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="a-type">{{ 'agents.field.entityType' | t }}</label>
            <select id="a-type" class="input" name="entityType" data-testid="agent-entityType" [(ngModel)]="m.entityType">
              <option value="legal">{{ 'agents.entity.legal' | t }}</option>
              <option value="natural">{{ 'agents.entity.natural' | t }}</option>
            </select>
          </div>
          <div class="field">
            <label class="label" for="a-legalName">{{ 'agents.field.legalName' | t }}</label>
            <input id="a-legalName" class="input" name="legalName" data-testid="agent-legalName" [(ngModel)]="m.legalName" />
            <kt-field-errors [error]="error()" field="legal.legalName" />
          </div>
          <div class="field">
            <label class="label" for="a-legalId">{{
              (m.entityType === 'legal' ? 'agents.field.legalId' : 'agents.field.nationalCode') | t
            }}</label>
            <input id="a-legalId" class="input" dir="ltr" name="legalId" data-testid="agent-legalId" [(ngModel)]="m.legalId" />
            <kt-field-errors [error]="error()" [field]="m.entityType === 'legal' ? 'legal.legalId' : 'legal.nationalCode'" />
          </div>
          <div class="field">
            <label class="label" for="a-economic">{{ 'agents.field.economicCode' | t }}</label>
            <input id="a-economic" class="input" dir="ltr" name="economicCode" [(ngModel)]="m.economicCode" />
            <kt-field-errors [error]="error()" field="legal.economicCode" />
          </div>
          <div class="field">
            <label class="label" for="a-postal">{{ 'agents.field.postalCode' | t }}</label>
            <input
              id="a-postal"
              class="input"
              dir="ltr"
              name="postalCode"
              data-testid="agent-postalCode"
              [(ngModel)]="m.postalCode"
            />
            <kt-field-errors [error]="error()" field="legal.postalCode" />
          </div>
          <div class="field">
            <label class="label" for="a-phone">{{ 'agents.field.phone' | t }}</label>
            <input id="a-phone" class="input" dir="ltr" name="phone" data-testid="agent-phone" [(ngModel)]="m.phone" />
            <kt-field-errors [error]="error()" field="legal.phone" />
          </div>
        </div>
        <div class="field">
          <label class="label" for="a-address">{{ 'agents.field.address' | t }}</label>
          <input id="a-address" class="input" name="address" data-testid="agent-address" [(ngModel)]="m.address" />
          <kt-field-errors [error]="error()" field="legal.address" />
        </div>
        <h2>{{ 'agents.section.contact' | t }}</h2>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="c-name">{{ 'agents.field.contactName' | t }}</label>
            <input id="c-name" class="input" name="contactName" data-testid="contact-name" [(ngModel)]="m.contactName" />
            <kt-field-errors [error]="error()" field="contacts.0.name" />
          </div>
          <div class="field">
            <label class="label" for="c-mobile">{{ 'agents.field.mobile' | t }}</label>
            <input
              id="c-mobile"
              class="input"
              dir="ltr"
              name="contactMobile"
              data-testid="contact-mobile"
              [(ngModel)]="m.contactMobile"
            />
            <kt-field-errors [error]="error()" field="contacts.0.mobile" />
          </div>
        </div>
        <h2>{{ 'agents.section.firstAdmin' | t }}</h2>
        <div class="form-row two">
          <div class="field">
            <label class="label" for="f-user">{{ 'agents.field.username' | t }}</label>
            <input
              id="f-user"
              class="input"
              dir="ltr"
              name="adminUsername"
              data-testid="admin-username"
              [(ngModel)]="m.adminUsername"
            />
            <kt-field-errors [error]="error()" field="firstAdmin.username" />
          </div>
          <div class="field">
            <label class="label" for="f-first">{{ 'agents.field.firstName' | t }}</label>
            <input id="f-first" class="input" name="adminFirst" data-testid="admin-firstName" [(ngModel)]="m.adminFirst" />
            <kt-field-errors [error]="error()" field="firstAdmin.firstName" />
          </div>
          <div class="field">
            <label class="label" for="f-last">{{ 'agents.field.lastName' | t }}</label>
            <input id="f-last" class="input" name="adminLast" data-testid="admin-lastName" [(ngModel)]="m.adminLast" />
            <kt-field-errors [error]="error()" field="firstAdmin.lastName" />
          </div>
        </div>
        <button type="submit" class="btn btn-primary" data-testid="agent-submit" [disabled]="saving()">
          {{ 'agents.new.submit' | t }}
        </button>
      </form>
    }
  `,
})
export class NewAgentPageComponent {
  private readonly api = inject(AgentsApi);
  protected readonly router = inject(Router);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly saving = signal(false);
  protected readonly created = signal<{ id: string; password: string } | null>(null);
  protected readonly m = {
    code: '',
    nameFa: '',
    nameEn: '',
    domains: '',
    entityType: 'legal' as 'legal' | 'natural',
    legalName: '',
    legalId: '',
    economicCode: '',
    postalCode: '',
    phone: '',
    address: '',
    contactName: '',
    contactMobile: '',
    adminUsername: '',
    adminFirst: '',
    adminLast: '',
  };

  protected submit(): void {
    const m = this.m;
    const opt = (v: string) => v.trim() || undefined;
    this.saving.set(true);
    this.api
      .create({
        code: m.code.trim(),
        nameFa: m.nameFa,
        nameEn: m.nameEn,
        domains: m.domains
          .split(/[\s,،]+/)
          .map((d) => d.trim())
          .filter(Boolean),
        legal: {
          entityType: m.entityType,
          legalName: m.legalName,
          [m.entityType === 'legal' ? 'legalId' : 'nationalCode']: m.legalId,
          economicCode: opt(m.economicCode),
          postalCode: m.postalCode,
          phone: m.phone,
          address: m.address,
        },
        contacts: m.contactName.trim() ? [{ name: m.contactName, mobile: opt(m.contactMobile) }] : [],
        firstAdmin: { username: m.adminUsername, firstName: m.adminFirst, lastName: m.adminLast },
      })
      .subscribe({
        next: (res) => {
          this.saving.set(false);
          this.error.set(null);
          this.created.set({ id: res.agent.id, password: res.firstAdminPassword });
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.error.set(toApiError(err));
        },
      });
  }
}
