import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { FieldErrorsComponent } from '../../../shared/ui/field-errors.component';
import { saveBlob } from '../../tickets/data/save-blob';
import {
  ATTRIBUTE_FIELDS,
  BASE_KINDS,
  BaseDataApi,
  BaseItem,
  BaseKind,
  ImportReport,
  isoToJalali,
} from '../data/basedata-api.service';

interface Draft {
  code: string;
  nameFa: string;
  nameEn: string;
  sortOrder: number;
  active: boolean;
  attributes: Record<string, string | boolean>;
}

/** One tab per base-data kind: search, create/edit with the kind's fields, (de)activate, CSV out and in. */
@Component({
  selector: 'kt-basedata-page',
  imports: [FormsModule, TranslatePipe, DigitsPipe, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'basedata.title' | t }}</h1>
        <p class="muted">{{ 'basedata.subtitle' | t }}</p>
      </div>
    </header>
    <nav class="filters" data-testid="basedata-kinds">
      @for (k of kinds; track k) {
        <button
          type="button"
          class="btn btn-sm"
          [class.btn-primary]="k === kind()"
          [class.btn-ghost]="k !== kind()"
          [attr.data-testid]="'basedata-kind-' + k"
          (click)="selectKind(k)"
        >
          {{ kindKey(k) | t }}
        </button>
      }
    </nav>
    <section class="card">
      <div class="page-tools">
        <input
          class="input"
          data-testid="basedata-search"
          [placeholder]="'basedata.search' | t"
          [ngModel]="q()"
          (ngModelChange)="q.set($event); load()"
        />
        <label class="label">
          <input
            type="checkbox"
            data-testid="basedata-inactive"
            [ngModel]="includeInactive()"
            (ngModelChange)="includeInactive.set($event); load()"
          />
          {{ 'basedata.includeInactive' | t }}
        </label>
        <button type="button" class="btn btn-primary btn-sm" data-testid="basedata-new" (click)="startNew()">
          {{ 'basedata.new' | t }}
        </button>
        <button type="button" class="btn btn-ghost btn-sm" data-testid="basedata-export" (click)="exportCsv()">
          {{ 'basedata.export' | t }}
        </button>
        <label class="btn btn-ghost btn-sm">
          {{ 'basedata.import' | t }}
          <input type="file" accept=".csv,text/csv" hidden data-testid="basedata-import" (change)="importCsv($event)" />
        </label>
      </div>

      @if (importReport(); as r) {
        <p class="banner" data-testid="basedata-import-report">
          {{ 'basedata.importDone' | t }} {{ r.created | digits }} / {{ r.updated | digits }} / {{ r.unchanged | digits }}
        </p>
      }
      @if (importError(); as e) {
        <div class="banner banner-error" data-testid="basedata-import-errors">
          <p>{{ i18n.text(e.message) }}</p>
          <table class="table">
            <thead>
              <tr>
                <th>{{ 'basedata.line' | t }}</th>
                <th>{{ 'basedata.column' | t }}</th>
                <th>{{ 'basedata.problem' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (f of e.fields; track f.field) {
                <tr data-testid="basedata-import-error-row">
                  <td>{{ lineOf(f.field) | digits }}</td>
                  <td>{{ columnOf(f.field) }}</td>
                  <td>{{ i18n.text(f.message) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      @if (draft(); as d) {
        <form class="card narrow" data-testid="basedata-form" (ngSubmit)="save()">
          <label class="label"
            >{{ 'basedata.code' | t }}
            <input
              class="input"
              name="code"
              data-testid="basedata-field-code"
              [(ngModel)]="d.code"
              [disabled]="editing() !== null"
            />
          </label>
          <kt-field-errors [error]="formError()" field="code" />
          <label class="label"
            >{{ 'basedata.nameFa' | t }}
            <input class="input" name="nameFa" data-testid="basedata-field-nameFa" [(ngModel)]="d.nameFa" />
          </label>
          <kt-field-errors [error]="formError()" field="nameFa" />
          <label class="label"
            >{{ 'basedata.nameEn' | t }}
            <input class="input" name="nameEn" dir="ltr" data-testid="basedata-field-nameEn" [(ngModel)]="d.nameEn" />
          </label>
          <kt-field-errors [error]="formError()" field="nameEn" />
          <label class="label"
            >{{ 'basedata.sortOrder' | t }}
            <input
              class="input"
              name="sortOrder"
              type="number"
              data-testid="basedata-field-sortOrder"
              [(ngModel)]="d.sortOrder"
            />
          </label>
          @for (f of fields(); track f.key) {
            <label class="label"
              >{{ attrKey(f.key) | t }}
              @switch (f.type) {
                @case ('select') {
                  <select
                    class="input"
                    [name]="f.key"
                    [attr.data-testid]="'basedata-field-' + f.key"
                    [(ngModel)]="d.attributes[f.key]"
                  >
                    @for (o of f.options ?? []; track o) {
                      <option [value]="o">{{ o }}</option>
                    }
                  </select>
                }
                @case ('boolean') {
                  <input
                    type="checkbox"
                    [name]="f.key"
                    [attr.data-testid]="'basedata-field-' + f.key"
                    [(ngModel)]="d.attributes[f.key]"
                  />
                }
                @default {
                  <input
                    class="input"
                    [name]="f.key"
                    [attr.data-testid]="'basedata-field-' + f.key"
                    [placeholder]="f.type === 'jalali' ? '۱۴۰۵/۰۱/۰۱' : ''"
                    [(ngModel)]="d.attributes[f.key]"
                  />
                }
              }
            </label>
            <kt-field-errors [error]="formError()" [field]="'attributes.' + f.key" />
          }
          <div class="page-tools">
            <button type="submit" class="btn btn-primary" data-testid="basedata-save" [disabled]="busy()">
              {{ 'basedata.save' | t }}
            </button>
            <button type="button" class="btn btn-ghost" (click)="draft.set(null)">{{ 'basedata.cancel' | t }}</button>
          </div>
        </form>
      }

      <table class="table" data-testid="basedata-table">
        <thead>
          <tr>
            <th>{{ 'basedata.code' | t }}</th>
            <th>{{ 'basedata.name' | t }}</th>
            <th>{{ 'basedata.details' | t }}</th>
            <th>{{ 'basedata.status' | t }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (item of items(); track item.code) {
            <tr [attr.data-testid]="'basedata-row-' + item.code">
              <td dir="ltr">{{ item.code | digits }}</td>
              <td>{{ i18n.lang() === 'fa' ? item.nameFa : item.nameEn }}</td>
              <td>{{ details(item) | digits }}</td>
              <td>
                <span class="badge">{{ (item.active ? 'basedata.active' : 'basedata.inactive') | t }}</span>
              </td>
              <td>
                <button
                  type="button"
                  class="btn btn-ghost btn-sm"
                  [attr.data-testid]="'basedata-edit-' + item.code"
                  (click)="startEdit(item)"
                >
                  {{ 'basedata.edit' | t }}
                </button>
                <button
                  type="button"
                  class="btn btn-sm"
                  [class.btn-danger-ghost]="item.active"
                  [class.btn-ghost]="!item.active"
                  [attr.data-testid]="'basedata-toggle-' + item.code"
                  (click)="toggle(item)"
                >
                  {{ (item.active ? 'basedata.deactivate' : 'basedata.activate') | t }}
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="empty">{{ 'basedata.empty' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
})
export class BaseDataPageComponent implements OnInit {
  private readonly api = inject(BaseDataApi);
  protected readonly i18n = inject(I18nService);
  protected readonly kinds = BASE_KINDS;
  protected readonly kind = signal<BaseKind>('guild');
  protected readonly q = signal('');
  protected readonly includeInactive = signal(false);
  protected readonly items = signal<BaseItem[]>([]);
  protected readonly draft = signal<Draft | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly busy = signal(false);
  protected readonly importReport = signal<ImportReport | null>(null);
  protected readonly importError = signal<ApiError | null>(null);
  protected readonly fields = computed(() => ATTRIBUTE_FIELDS[this.kind()]);

  ngOnInit(): void {
    this.load();
  }

  protected kindKey(kind: BaseKind): MessageKey {
    return `basedata.kind.${kind}` as MessageKey;
  }

  protected attrKey(key: string): MessageKey {
    return `basedata.attr.${key}` as MessageKey;
  }

  protected selectKind(kind: BaseKind): void {
    this.kind.set(kind);
    this.draft.set(null);
    this.importReport.set(null);
    this.importError.set(null);
    this.load();
  }

  protected load(): void {
    this.api.list(this.kind(), this.q().trim(), this.includeInactive()).subscribe({
      next: (page) => this.items.set(page.items),
      error: (e: unknown) => this.importError.set(toApiError(e)),
    });
  }

  protected details(item: BaseItem): string {
    return ATTRIBUTE_FIELDS[item.kind]
      .map((f) => {
        const v = item.attributes[f.key];
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return '';
        if (v === '') return '';
        return f.type === 'jalali' ? isoToJalali(String(v)) : String(v);
      })
      .filter(Boolean)
      .join(' · ');
  }

  protected startNew(): void {
    const attributes: Record<string, string | boolean> = {};
    for (const f of this.fields()) attributes[f.key] = f.type === 'boolean' ? false : (f.options?.[0] ?? '');
    this.editing.set(null);
    this.formError.set(null);
    this.draft.set({ code: '', nameFa: '', nameEn: '', sortOrder: 0, active: true, attributes });
  }

  protected startEdit(item: BaseItem): void {
    const attributes: Record<string, string | boolean> = {};
    for (const f of this.fields()) {
      const v = item.attributes[f.key];
      attributes[f.key] =
        f.type === 'boolean'
          ? v === true
          : f.type === 'jalali' && typeof v === 'string'
            ? isoToJalali(v)
            : typeof v === 'string'
              ? v
              : '';
    }
    this.editing.set(item.code);
    this.formError.set(null);
    this.draft.set({
      code: item.code,
      nameFa: item.nameFa,
      nameEn: item.nameEn,
      sortOrder: item.sortOrder,
      active: item.active,
      attributes,
    });
  }

  protected save(): void {
    const d = this.draft();
    if (!d) return;
    const attributes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(d.attributes)) if (v !== '') attributes[k] = v;
    const body = { nameFa: d.nameFa, nameEn: d.nameEn, sortOrder: Number(d.sortOrder) || 0, active: d.active, attributes };
    const code = this.editing();
    const call = code ? this.api.update(this.kind(), code, body) : this.api.create(this.kind(), { ...body, code: d.code });
    this.busy.set(true);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.draft.set(null);
        this.load();
      },
      error: (e: unknown) => {
        this.busy.set(false);
        this.formError.set(toApiError(e));
      },
    });
  }

  protected toggle(item: BaseItem): void {
    this.api.setActive(this.kind(), item.code, !item.active).subscribe({ next: () => this.load() });
  }

  protected exportCsv(): void {
    const kind = this.kind();
    this.api.exportCsv(kind).subscribe({ next: (blob) => saveBlob(blob, `${kind}.csv`) });
  }

  protected importCsv(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.importReport.set(null);
    this.importError.set(null);
    this.api.importCsv(this.kind(), file).subscribe({
      next: (report) => {
        this.importReport.set(report);
        this.load();
      },
      error: (e: unknown) => this.importError.set(toApiError(e)),
    });
  }

  protected lineOf(field: string): string {
    return /^rows\.(\d+)/.exec(field)?.[1] ?? '';
  }

  protected columnOf(field: string): string {
    return /^rows\.\d+\.(.+)$/.exec(field)?.[1] ?? '';
  }
}
