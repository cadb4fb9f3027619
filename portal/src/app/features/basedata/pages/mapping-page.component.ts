import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';

import { ApiError, toApiError } from '../../../core/api/api-error';
import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { BaseDataApi, BaseItem, BaseKind, MAPPABLE_KINDS, MappingItem, UnmappedKind } from '../data/basedata-api.service';

/** Per PSP: each item's code at that PSP with inline edit, and what is still unmapped. */
@Component({
  selector: 'kt-mapping-page',
  imports: [FormsModule, TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-head">
      <div>
        <h1 data-testid="page-title">{{ 'basedata.mapping.title' | t }}</h1>
        <p class="muted">{{ 'basedata.mapping.subtitle' | t }}</p>
      </div>
    </header>
    <section class="card">
      <div class="page-tools">
        <label class="label"
          >{{ 'basedata.kind.psp' | t }}
          <select class="input" data-testid="mapping-psp" [ngModel]="psp()" (ngModelChange)="psp.set($event); reload()">
            @for (p of psps(); track p.code) {
              <option [value]="p.code">{{ i18n.lang() === 'fa' ? p.nameFa : p.nameEn }}</option>
            }
          </select>
        </label>
        <label class="label"
          >{{ 'basedata.mapping.kind' | t }}
          <select class="input" data-testid="mapping-kind" [ngModel]="kind()" (ngModelChange)="kind.set($event); reload()">
            @for (k of kinds; track k) {
              <option [value]="k">{{ kindKey(k) | t }}</option>
            }
          </select>
        </label>
      </div>
      @if (error(); as e) {
        <p class="banner banner-error" role="alert">{{ i18n.text(e.message) }}</p>
      }
      <table class="table" data-testid="mapping-table">
        <thead>
          <tr>
            <th>{{ 'basedata.code' | t }}</th>
            <th>{{ 'basedata.name' | t }}</th>
            <th>{{ 'basedata.mapping.pspCode' | t }}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          @for (m of items(); track m.code) {
            <tr [attr.data-testid]="'mapping-row-' + m.code">
              <td dir="ltr">{{ m.code | digits }}</td>
              <td>{{ i18n.lang() === 'fa' ? m.nameFa : m.nameEn }}</td>
              <td>
                <input class="input" dir="ltr" [attr.data-testid]="'mapping-input-' + m.code" [(ngModel)]="edits[m.code]" />
              </td>
              <td>
                <button
                  type="button"
                  class="btn btn-primary btn-sm"
                  [attr.data-testid]="'mapping-save-' + m.code"
                  (click)="save(m)"
                >
                  {{ 'basedata.save' | t }}
                </button>
                @if (m.pspCode !== null) {
                  <button
                    type="button"
                    class="btn btn-danger-ghost btn-sm"
                    [attr.data-testid]="'mapping-clear-' + m.code"
                    (click)="clear(m)"
                  >
                    {{ 'basedata.mapping.clear' | t }}
                  </button>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </section>
    <section class="card" data-testid="unmapped-view">
      <h2 class="card-title">{{ 'basedata.mapping.unmapped' | t }}</h2>
      @for (u of unmapped(); track u.kind) {
        <div [attr.data-testid]="'unmapped-' + u.kind">
          <strong>{{ kindKey(u.kind) | t }}</strong>: {{ u.unmapped | digits }} / {{ u.total | digits }}
          <ul>
            @for (i of u.items; track i.code) {
              <li [attr.data-testid]="'unmapped-item-' + u.kind + '-' + i.code">
                {{ i18n.lang() === 'fa' ? i.nameFa : i.nameEn }} ({{ i.code | digits }})
              </li>
            }
          </ul>
        </div>
      }
    </section>
  `,
})
export class MappingPageComponent implements OnInit {
  private readonly api = inject(BaseDataApi);
  protected readonly i18n = inject(I18nService);
  protected readonly kinds = MAPPABLE_KINDS;
  protected readonly psps = signal<BaseItem[]>([]);
  protected readonly psp = signal('');
  protected readonly kind = signal<BaseKind>('guild');
  protected readonly items = signal<MappingItem[]>([]);
  protected readonly unmapped = signal<UnmappedKind[]>([]);
  protected readonly error = signal<ApiError | null>(null);
  protected edits: Record<string, string> = {};

  ngOnInit(): void {
    this.api.list('psp', '', false).subscribe({
      next: (page) => {
        this.psps.set(page.items);
        this.psp.set(page.items[0]?.code ?? '');
        this.reload();
      },
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }

  protected kindKey(kind: BaseKind): MessageKey {
    return `basedata.kind.${kind}` as MessageKey;
  }

  protected reload(): void {
    const psp = this.psp();
    if (!psp) return;
    this.api.mappings(psp, this.kind()).subscribe({
      next: ({ items }) => {
        this.edits = Object.fromEntries(items.map((i) => [i.code, i.pspCode ?? '']));
        this.items.set(items);
      },
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
    this.api.unmapped(psp).subscribe({ next: ({ kinds }) => this.unmapped.set(kinds.filter((k) => k.unmapped > 0)) });
  }

  protected save(m: MappingItem): void {
    const value = (this.edits[m.code] ?? '').trim();
    this.write(m, value === '' ? null : value);
  }

  protected clear(m: MappingItem): void {
    this.write(m, null);
  }

  private write(m: MappingItem, pspCode: string | null): void {
    this.error.set(null);
    this.api.setMapping(this.psp(), m.kind, m.code, pspCode).subscribe({
      next: () => this.reload(),
      error: (e: unknown) => this.error.set(toApiError(e)),
    });
  }
}
