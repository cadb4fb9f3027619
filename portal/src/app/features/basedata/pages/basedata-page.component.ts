import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Store } from '@ngrx/store';

import { MessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { BaseDataFormComponent } from '../components/basedata-form.component';
import { BaseDataTableComponent } from '../components/basedata-table.component';
import { ImportProblemsComponent } from '../components/import-problems.component';
import { BASE_KINDS, BaseItem, BaseKind } from '../data/basedata-api.service';
import { BaseItemDraft, bodyFromDraft } from '../data/basedata-drafts';
import { BaseDataPageActions } from '../state/basedata.actions';
import { basedataFeature } from '../state/basedata.feature';

/** One tab per base-data kind: search, create/edit with the kind's fields, (de)activate, CSV out and in. */
@Component({
  selector: 'kt-basedata-page',
  imports: [
    FormsModule,
    TranslatePipe,
    DigitsPipe,
    ErrorBannerComponent,
    BaseDataFormComponent,
    BaseDataTableComponent,
    ImportProblemsComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'basedata.title' | t }}</h1>
        <p class="muted">{{ 'basedata.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card card-flush">
      <nav class="kinds" data-testid="basedata-kinds" role="tablist">
        @for (k of kinds; track k) {
          <button
            type="button"
            role="tab"
            class="btn btn-sm"
            [attr.aria-selected]="k === kind()"
            [class.btn-primary]="k === kind()"
            [class.btn-ghost]="k !== kind()"
            [attr.data-testid]="'basedata-kind-' + k"
            (click)="chooseKind(k)"
          >
            {{ kindKey(k) | t }}
          </button>
        }
      </nav>
      <div class="filters">
        <div class="filter grow">
          <label class="label" for="bd-search">{{ 'basedata.search' | t }}</label>
          <input
            id="bd-search"
            class="input"
            type="search"
            data-testid="basedata-search"
            [placeholder]="'basedata.searchHint' | t"
            [ngModel]="q()"
            (ngModelChange)="search($event)"
          />
        </div>
        <label class="label inline">
          <input
            type="checkbox"
            data-testid="basedata-inactive"
            [ngModel]="includeInactive()"
            (ngModelChange)="showInactive($event)"
          />
          {{ 'basedata.includeInactive' | t }}
        </label>
        <div class="page-tools push">
          <button type="button" class="btn btn-ghost btn-sm" data-testid="basedata-export" (click)="exportCsv()">
            {{ 'basedata.export' | t }}
          </button>
          <label class="btn btn-ghost btn-sm" [class.disabled]="importing()">
            @if (importing()) {
              <span class="spinner" aria-hidden="true"></span>
            }
            {{ 'basedata.import' | t }}
            <input type="file" accept=".csv,text/csv" hidden data-testid="basedata-import" (change)="importCsv($event)" />
          </label>
          <button type="button" class="btn btn-primary btn-sm" data-testid="basedata-new" (click)="startNew()">
            {{ 'basedata.new' | t }}
          </button>
        </div>
      </div>
      @if (listError() || importReport() || importError() || draft()) {
        <div class="body">
          <kt-error-banner [error]="listError()" />
          @if (importReport(); as r) {
            <p class="banner banner-info" data-testid="basedata-import-report">
              {{ 'basedata.importDone' | t }} {{ r.created | digits }} / {{ r.updated | digits }} / {{ r.unchanged | digits }}
            </p>
          }
          <kt-import-problems [error]="importError()" [problems]="importProblems()" />
          @if (draft(); as d) {
            <kt-basedata-form
              [draft]="d"
              [fields]="fields()"
              [editing]="editing() !== null"
              [saving]="saving()"
              [error]="formError()"
              (save)="save($event)"
              (cancel)="cancel()"
            />
          }
        </div>
      }
      <kt-basedata-table
        [items]="items()"
        [loading]="loading()"
        [connectionTests]="connectionTests()"
        (edit)="edit($event)"
        (toggle)="toggle($event)"
        (testConnection)="testConnection($event)"
      />
    </section>
  `,
  styles: `
    .kinds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      padding: 1rem 1rem 0.75rem;
    }
    .inline {
      display: flex;
      gap: 0.4rem;
      align-items: center;
      padding-bottom: 0.55rem;
    }
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
  `,
})
export class BaseDataPageComponent implements OnInit {
  private readonly store = inject(Store);
  protected readonly kinds = BASE_KINDS;
  protected readonly kind = this.store.selectSignal(basedataFeature.selectKind);
  protected readonly q = this.store.selectSignal(basedataFeature.selectQ);
  protected readonly includeInactive = this.store.selectSignal(basedataFeature.selectIncludeInactive);
  protected readonly items = this.store.selectSignal(basedataFeature.selectItems);
  protected readonly loading = this.store.selectSignal(basedataFeature.selectLoading);
  protected readonly listError = this.store.selectSignal(basedataFeature.selectListError);
  protected readonly draft = this.store.selectSignal(basedataFeature.selectDraft);
  protected readonly editing = this.store.selectSignal(basedataFeature.selectEditing);
  protected readonly saving = this.store.selectSignal(basedataFeature.selectSaving);
  protected readonly formError = this.store.selectSignal(basedataFeature.selectFormError);
  protected readonly fields = this.store.selectSignal(basedataFeature.selectFields);
  protected readonly importing = this.store.selectSignal(basedataFeature.selectImporting);
  protected readonly importReport = this.store.selectSignal(basedataFeature.selectImportReport);
  protected readonly importError = this.store.selectSignal(basedataFeature.selectImportError);
  protected readonly importProblems = this.store.selectSignal(basedataFeature.selectImportProblems);
  protected readonly connectionTests = this.store.selectSignal(basedataFeature.selectConnectionTests);

  ngOnInit(): void {
    this.store.dispatch(BaseDataPageActions.opened());
  }

  protected kindKey(kind: BaseKind): MessageKey {
    return `basedata.kind.${kind}` as MessageKey;
  }

  protected chooseKind(kind: BaseKind): void {
    this.store.dispatch(BaseDataPageActions.kindChosen({ kind }));
  }

  protected search(q: string): void {
    this.store.dispatch(BaseDataPageActions.searchChanged({ q }));
  }

  protected showInactive(includeInactive: boolean): void {
    this.store.dispatch(BaseDataPageActions.inactiveToggled({ includeInactive }));
  }

  protected startNew(): void {
    this.store.dispatch(BaseDataPageActions.newStarted());
  }

  protected edit(item: BaseItem): void {
    this.store.dispatch(BaseDataPageActions.editStarted({ item }));
  }

  protected cancel(): void {
    this.store.dispatch(BaseDataPageActions.formCancelled());
  }

  protected save(draft: BaseItemDraft): void {
    this.store.dispatch(
      BaseDataPageActions.saveSubmitted({ kind: this.kind(), code: this.editing(), item: bodyFromDraft(draft) }),
    );
  }

  protected toggle(item: BaseItem): void {
    this.store.dispatch(BaseDataPageActions.activeToggled({ kind: item.kind, code: item.code, active: !item.active }));
  }

  protected testConnection(item: BaseItem): void {
    this.store.dispatch(BaseDataPageActions.connectionTestClicked({ psp: item.code }));
  }

  protected exportCsv(): void {
    this.store.dispatch(BaseDataPageActions.exportClicked({ kind: this.kind() }));
  }

  protected importCsv(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.store.dispatch(BaseDataPageActions.importChosen({ kind: this.kind(), file }));
  }
}
