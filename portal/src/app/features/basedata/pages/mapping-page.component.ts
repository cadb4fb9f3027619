import { ChangeDetectionStrategy, Component, OnInit, inject, input } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ImportProblemsComponent } from '../components/import-problems.component';
import { MappingTableComponent } from '../components/mapping-table.component';
import { UnmappedViewComponent } from '../components/unmapped-view.component';
import { BaseKind, MAPPABLE_KINDS, MappingChange } from '../data/basedata-api.service';
import { MappingPageActions } from '../state/basedata.actions';
import { mappingFeature } from '../state/mapping.feature';

/** Per PSP: each item's code at that PSP (row or bulk save, CSV out and in), and what is still unmapped. */
@Component({
  selector: 'kt-mapping-page',
  imports: [FormsModule, TranslatePipe, ImportProblemsComponent, MappingTableComponent, UnmappedViewComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'basedata.mapping.title' | t }}</h1>
        <p class="muted">{{ 'basedata.mapping.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card card-flush">
      <div class="filters">
        <div class="filter">
          <label class="label" for="map-psp">{{ 'basedata.mapping.psp' | t }}</label>
          <select id="map-psp" class="input" data-testid="mapping-psp" [ngModel]="psp()" (ngModelChange)="choosePsp($event)">
            @for (p of psps(); track p.code) {
              <option [value]="p.code">{{ i18n.pick(p.nameFa, p.nameEn) }}</option>
            }
          </select>
        </div>
        <div class="filter">
          <label class="label" for="map-kind">{{ 'basedata.mapping.kind' | t }}</label>
          <select id="map-kind" class="input" data-testid="mapping-kind" [ngModel]="kind()" (ngModelChange)="chooseKind($event)">
            @for (k of kinds; track k) {
              <option [value]="k">{{ kindKey(k) | t }}</option>
            }
          </select>
        </div>
        <div class="page-tools push">
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            data-testid="mapping-export"
            [disabled]="!psp()"
            (click)="exportCsv()"
          >
            {{ 'basedata.export' | t }}
          </button>
          <label class="btn btn-ghost btn-sm" [class.disabled]="!psp() || importing()">
            @if (importing()) {
              <span class="spinner" aria-hidden="true"></span>
            }
            {{ 'basedata.import' | t }}
            <input type="file" accept=".csv,text/csv" hidden data-testid="mapping-import" (change)="importCsv($event)" />
          </label>
        </div>
      </div>
      @if (report() || error() || (!loading() && psps().length === 0)) {
        <div class="body">
          @if (report(); as r) {
            <p class="banner banner-info" data-testid="mapping-report">
              {{ 'basedata.mapping.report' | t: { set: r.set, cleared: r.cleared, unchanged: r.unchanged } }}
            </p>
          }
          @if (error(); as e) {
            <kt-import-problems
              [error]="e"
              [problems]="problems()"
              [lineLabel]="refused().length ? 'basedata.item' : 'basedata.line'"
              testId="mapping-errors"
              rowTestId="mapping-error-row"
            />
          }
          @if (!loading() && psps().length === 0 && !error()) {
            <p class="empty" data-testid="mapping-no-psp">{{ 'basedata.mapping.noPsp' | t }}</p>
          }
        </div>
      }
      <kt-mapping-table
        [items]="items()"
        [loading]="loading()"
        [saving]="saving()"
        (save)="submit([$event])"
        (saveAll)="submit($event)"
      />
    </section>
    <kt-unmapped-view [kinds]="unmapped()" />
  `,
  styles: `
    .push {
      margin-inline-start: auto;
    }
    .body {
      padding: 1rem 1rem 0;
    }
    .disabled {
      pointer-events: none;
      opacity: 0.6;
    }
    kt-unmapped-view {
      display: block;
      margin-top: 1rem;
    }
  `,
})
export class MappingPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly i18n = inject(I18nService);
  protected readonly kinds = MAPPABLE_KINDS;
  /** Query parameters `?psp=…&kind=…` (component input binding): where a "fix the mapping" link points. */
  readonly pspParam = input<string | undefined>(undefined, { alias: 'psp' });
  readonly kindParam = input<string | undefined>(undefined, { alias: 'kind' });
  protected readonly psps = this.store.selectSignal(mappingFeature.selectPsps);
  protected readonly psp = this.store.selectSignal(mappingFeature.selectPsp);
  protected readonly kind = this.store.selectSignal(mappingFeature.selectKind);
  protected readonly items = this.store.selectSignal(mappingFeature.selectItems);
  protected readonly unmapped = this.store.selectSignal(mappingFeature.selectUnmapped);
  protected readonly loading = this.store.selectSignal(mappingFeature.selectLoading);
  protected readonly saving = this.store.selectSignal(mappingFeature.selectSaving);
  protected readonly importing = this.store.selectSignal(mappingFeature.selectImporting);
  protected readonly report = this.store.selectSignal(mappingFeature.selectReport);
  protected readonly error = this.store.selectSignal(mappingFeature.selectError);
  protected readonly refused = this.store.selectSignal(mappingFeature.selectRefused);
  protected readonly problems = this.store.selectSignal(mappingFeature.selectProblems);

  ngOnInit(): void {
    const kind = this.kindParam();
    this.store.dispatch(
      MappingPageActions.opened({
        psp: this.pspParam() || null,
        kind: kind && (MAPPABLE_KINDS as readonly string[]).includes(kind) ? (kind as BaseKind) : null,
      }),
    );
  }

  protected kindKey(kind: BaseKind): MessageKey {
    return `basedata.kind.${kind}` as MessageKey;
  }

  protected choosePsp(psp: string): void {
    this.store.dispatch(MappingPageActions.pspChosen({ psp }));
  }

  protected chooseKind(kind: BaseKind): void {
    this.store.dispatch(MappingPageActions.kindChosen({ kind }));
  }

  protected submit(changes: readonly MappingChange[]): void {
    if (changes.length) this.store.dispatch(MappingPageActions.changesSubmitted({ psp: this.psp(), changes }));
  }

  protected exportCsv(): void {
    this.store.dispatch(MappingPageActions.exportClicked({ psp: this.psp() }));
  }

  protected importCsv(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.store.dispatch(MappingPageActions.importChosen({ psp: this.psp(), file }));
  }
}
