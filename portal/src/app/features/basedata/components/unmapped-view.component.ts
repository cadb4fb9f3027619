import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { BaseKind, UnmappedKind } from '../data/basedata-api.service';

/** What the PSP still lacks a code for, per kind (requests that need one are stopped). */
@Component({
  selector: 'kt-unmapped-view',
  imports: [TranslatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" data-testid="unmapped-view">
      <h2 class="card-title">{{ 'basedata.mapping.unmapped' | t }}</h2>
      @for (u of kinds(); track u.kind) {
        <div class="kind" [attr.data-testid]="'unmapped-' + u.kind">
          <strong>{{ kindKey(u.kind) | t }}</strong>
          <span class="badge badge-warn">{{ u.unmapped | digits }} / {{ u.total | digits }}</span>
          <ul class="chips">
            @for (i of u.items; track i.code) {
              <li class="chip" [attr.data-testid]="'unmapped-item-' + u.kind + '-' + i.code">
                {{ i18n.pick(i.nameFa, i.nameEn) }} <bdi dir="ltr" class="muted">{{ i.code }}</bdi>
              </li>
            }
          </ul>
        </div>
      } @empty {
        <p class="empty" data-testid="unmapped-none">{{ 'basedata.mapping.allMapped' | t }}</p>
      }
    </section>
  `,
  styles: `
    .kind + .kind {
      margin-top: 1rem;
    }
    .kind .badge {
      margin-inline-start: 0.5rem;
    }
    .chips {
      list-style: none;
      padding: 0;
      margin: 0.5rem 0 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .chip {
      border: 1px solid var(--border);
      border-radius: 999px;
      padding: 0.15rem 0.6rem;
      font-size: 0.85rem;
    }
  `,
})
export class UnmappedViewComponent {
  protected readonly i18n = inject(I18nService);
  readonly kinds = input.required<readonly UnmappedKind[]>();

  protected kindKey(kind: BaseKind): MessageKey {
    return `basedata.kind.${kind}` as MessageKey;
  }
}
