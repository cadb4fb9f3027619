import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { diffFields } from '../state/audit-helpers';

/** Before and after of one audit entry side by side; changed fields are highlighted. */
@Component({
  selector: 'kt-audit-diff',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th>{{ 'audit.field' | t }}</th>
          <th>{{ 'audit.before' | t }}</th>
          <th>{{ 'audit.after' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.field) {
          <tr
            data-testid="diff-row"
            [attr.data-field]="row.field"
            [attr.data-changed]="row.changed"
            [class.changed]="row.changed"
          >
            <th scope="row">
              <code>{{ row.field || '—' }}</code>
            </th>
            <td class="before" dir="ltr">
              @if (row.before !== null) {
                <code>{{ row.before }}</code>
              } @else {
                <span class="muted">{{ 'audit.absent' | t }}</span>
              }
            </td>
            <td class="after" dir="ltr">
              @if (row.after !== null) {
                <code>{{ row.after }}</code>
              } @else {
                <span class="muted">{{ 'audit.absent' | t }}</span>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="3" class="muted">{{ 'audit.noDetails' | t }}</td>
          </tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    .diff {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.84rem;
      background: #fff;
      border: 1px solid var(--border);
      border-radius: 8px;
    }
    .diff th,
    .diff td {
      padding: 0.4rem 0.75rem;
      border-bottom: 1px solid #f1f5f9;
      text-align: start;
      vertical-align: top;
    }
    .diff thead th {
      color: var(--muted);
      font-size: 0.78rem;
      background: #f8fafc;
    }
    .diff tbody th {
      font-weight: 500;
      width: 12rem;
    }
    .diff td {
      width: 40%;
      word-break: break-word;
    }
    .diff td[dir='ltr'] {
      text-align: left;
    }
    tr.changed .before {
      background: #fef2f2;
    }
    tr.changed .after {
      background: #f0fdf4;
    }
    tr.changed th code {
      font-weight: 700;
    }
    code {
      font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
      font-size: 0.8rem;
      white-space: pre-wrap;
    }
  `,
})
export class AuditDiffComponent {
  readonly before = input<unknown>(null);
  readonly after = input<unknown>(null);
  protected readonly rows = computed(() => diffFields(this.before(), this.after()));
}
