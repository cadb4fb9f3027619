import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { PagerComponent } from '../../../shared/ui/pager.component';
import { ImportProgressComponent } from '../components/import-progress.component';
import { DocumentPageActions } from '../state/stock.actions';
import { selectDocument, selectDocumentError } from '../state/stock.feature';

@Component({
  selector: 'kt-stock-document-page',
  imports: [RouterLink, TranslatePipe, DigitsPipe, JalaliDatePipe, PagerComponent, ErrorBannerComponent, ImportProgressComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kt-error-banner [error]="error()" />
    @if (document(); as d) {
      <header class="page-head">
        <div>
          <h1 data-testid="page-title">
            {{ i18n.text(d.kindName) }} <span dir="ltr" data-testid="document-number">{{ d.number | digits }}</span>
          </h1>
          <p class="muted">{{ d.createdAt | jalali }} — {{ d.createdBy.name }}</p>
        </div>
        <a class="btn btn-ghost" routerLink="/stock/documents">{{ 'stock.back' | t }}</a>
      </header>
      <section class="card">
        <dl class="facts">
          @if (d.from) {
            <dt>{{ 'stock.documents.from' | t }}</dt>
            <dd>
              <a [routerLink]="['/stock/warehouses', d.from.id]">{{ i18n.pick(d.from.nameFa, d.from.nameEn) }}</a>
            </dd>
          }
          @if (d.to) {
            <dt>{{ 'stock.documents.to' | t }}</dt>
            <dd>
              <a [routerLink]="['/stock/warehouses', d.to.id]">{{ i18n.pick(d.to.nameFa, d.to.nameEn) }}</a>
            </dd>
          }
          @if (d.terminalId) {
            <dt>{{ 'stock.terminal' | t }}</dt>
            <dd dir="ltr" class="mono">{{ d.terminalId }}</dd>
          }
          @if (d.requestId) {
            <dt>{{ 'stock.request' | t }}</dt>
            <dd dir="ltr" class="mono">{{ d.requestId }}</dd>
          }
          @if (d.note) {
            <dt>{{ 'stock.entry.note' | t }}</dt>
            <dd>{{ d.note }}</dd>
          }
        </dl>
        <kt-import-progress [document]="d" />
      </section>
      @if (d.status === 'done' && d.lines.length) {
        <section class="card card-flush">
          <table class="table" data-testid="document-lines">
            <thead>
              <tr>
                <th>{{ 'stock.line' | t }}</th>
                <th>{{ 'stock.serial' | t }}</th>
                <th>{{ 'stock.model' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (l of d.lines; track l.line) {
                <tr data-testid="document-line" [attr.data-serial]="l.serial">
                  <td>{{ l.line | digits }}</td>
                  <td dir="ltr" class="mono">
                    <a [routerLink]="['/stock/devices', l.serial]" data-testid="document-line-link">{{ l.serial }}</a>
                  </td>
                  <td dir="ltr">{{ l.deviceModel }}</td>
                </tr>
              }
            </tbody>
          </table>
          <kt-pager
            [page]="d.linesPage"
            [pageSize]="d.linesPageSize"
            [total]="d.linesTotal"
            (pageChange)="linesPage(d.id, $event)"
          />
        </section>
      }
    } @else if (!error()) {
      <p class="empty">{{ 'common.loading' | t }}</p>
    }
  `,
})
export class DocumentPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  /** Route parameter (component input binding). */
  readonly id = input.required<string>();
  protected readonly document = this.store.selectSignal(selectDocument);
  protected readonly error = this.store.selectSignal(selectDocumentError);

  ngOnInit(): void {
    this.store.dispatch(DocumentPageActions.opened({ id: this.id() }));
  }

  protected linesPage(id: string, page: number): void {
    this.store.dispatch(DocumentPageActions.linesPageChanged({ id, page }));
  }
}
