import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';

import { LocalizedText } from '../../../core/api/api.models';
import { I18nService } from '../../../core/i18n/i18n.service';
import { isMessageKey } from '../../../core/i18n/messages.fa';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { BaseDataLists, NO_BASE_DATA } from '../data/basedata-names';
import { PspCall, RequestEvent } from '../data/requests.models';
import { ProblemLabel, TimelineDetail, TimelineEntry, mergeTimeline } from '../data/timeline';

/** The auditors' timeline: every event and PSP call in order, with who and when (Jalali). */
@Component({
  selector: 'kt-request-timeline',
  imports: [TranslatePipe, JalaliDatePipe, DigitsPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="timeline" data-testid="request-timeline">
      @for (e of entries(); track e.key) {
        <li data-testid="timeline-entry" [attr.data-type]="e.type" [class.psp]="e.source === 'psp'">
          <div class="when">{{ e.at | jalali: 'short' }}</div>
          <div class="what">
            <strong>{{ label(e) | t }}</strong>
            @if (e.actor) {
              <span class="who" data-testid="timeline-actor">{{ e.actor.displayName }}</span>
            } @else if (e.source === 'event') {
              <span class="who muted">{{ 'requests.timeline.system' | t }}</span>
            }
            @if (e.call; as c) {
              <span class="detail">
                <bdi data-testid="timeline-call-operation" [attr.data-operation]="c.operation">{{
                  pspLabel('op', c.operation)
                }}</bdi>
                →
                <bdi data-testid="timeline-call-outcome" [attr.data-outcome]="c.outcome">{{
                  pspLabel('outcome', c.outcome)
                }}</bdi>
                @if (c.trackingCode) {
                  · {{ 'requests.psp.tracking' | t }}: <bdi class="mono" dir="ltr">{{ c.trackingCode }}</bdi>
                }
                @if (c.errorCode) {
                  · <bdi class="mono" dir="ltr">{{ c.errorCode }}</bdi>
                }
                @if (e.callText; as text) {
                  · <bdi data-testid="timeline-call-message" [title]="c.message ?? ''">{{ i18n.text(text) }}</bdi>
                  @if (c.outcome === 'rejected' && c.message) {
                    · <span class="muted">{{ 'requests.psp.message' | t }}:</span>
                    <bdi data-testid="timeline-call-psp-message">{{ c.message }}</bdi>
                  }
                } @else if (c.message) {
                  · <bdi data-testid="timeline-call-message">{{ c.message }}</bdi>
                }
                @if (c.latencyMs !== null) {
                  · {{ 'requests.timeline.latency' | t: { ms: c.latencyMs } }}
                }
              </span>
            }
            @for (d of e.details; track d.key) {
              <span class="detail" data-testid="timeline-detail" [attr.data-key]="d.key"
                ><span class="muted">{{ d.label ? (d.label | t) : d.key }}:</span>
                @if (dateOf(d.value); as date) {
                  {{ date | jalali: 'short' }}
                } @else if (itemOf(d.value); as item) {
                  <bdi [title]="item.code" [attr.data-code]="item.code">{{ i18n.text(item.name) }}</bdi>
                } @else if (problemOf(d.value); as problem) {
                  <bdi [title]="problem.code" [attr.data-code]="problem.code">{{ problem.key | t }}</bdi>
                  @if (problem.sub) {
                    <bdi class="mono" dir="ltr">{{ problem.sub }}</bdi>
                  }
                } @else if (codeOf(d.value); as code) {
                  <bdi class="mono" dir="ltr">{{ code }}</bdi>
                } @else {
                  <bdi>{{ detailText(d.value) | digits }}</bdi>
                }
              </span>
            }
          </div>
        </li>
      }
    </ol>
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.1rem;
    }
    li {
      display: grid;
      grid-template-columns: 9.5rem 1fr;
      gap: 0.75rem;
      padding: 0.5rem 0.25rem;
      border-bottom: 1px solid #f1f5f9;
      font-size: 0.9rem;
    }
    li.psp {
      background: #f8fafc;
    }
    .when {
      color: var(--muted);
      white-space: nowrap;
    }
    .what {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      align-items: baseline;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .detail {
      font-size: 0.85rem;
    }
    .detail > .muted {
      margin-inline-end: 0.25rem;
    }
  `,
})
export class RequestTimelineComponent {
  protected readonly i18n = inject(I18nService);
  readonly events = input.required<readonly RequestEvent[]>();
  readonly calls = input<readonly PspCall[]>([]);
  /** The base-data lists that name the codes of the events (a swap's reason, the PSP…). */
  readonly baseData = input<BaseDataLists>(NO_BASE_DATA);
  protected readonly entries = computed(() => mergeTimeline(this.events(), this.calls(), this.baseData()));

  protected label(e: TimelineEntry) {
    return `requests.event.${e.type}` as const;
  }

  /** A PSP operation (`op`) or call outcome (`outcome`) in the reader's language; an unknown one as written. */
  protected pspLabel(kind: 'op' | 'outcome', code: string): string {
    const key = `requests.psp.${kind}.${code}`;
    return isMessageKey(key) ? this.i18n.t(key) : code;
  }

  protected dateOf(value: TimelineDetail['value']): string | null {
    return 'date' in value ? value.date : null;
  }

  protected itemOf(value: TimelineDetail['value']): { code: string; name: LocalizedText } | null {
    return 'item' in value ? value.item : null;
  }

  protected problemOf(value: TimelineDetail['value']): ProblemLabel | null {
    return 'problem' in value ? value.problem : null;
  }

  protected codeOf(value: TimelineDetail['value']): string | null {
    return 'code' in value ? value.code : null;
  }

  protected detailText(value: TimelineDetail['value']): string {
    if ('text' in value) return value.text;
    if ('code' in value) return value.code;
    if ('localized' in value) return this.i18n.text(value.localized);
    if ('message' in value) return this.i18n.t(value.message, value.params);
    if ('item' in value) return this.i18n.text(value.item.name);
    if ('problem' in value) return this.i18n.t(value.problem.key) + (value.problem.sub ? ` ${value.problem.sub}` : '');
    return value.date;
  }
}
