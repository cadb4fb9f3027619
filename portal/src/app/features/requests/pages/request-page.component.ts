import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { Store } from '@ngrx/store';

import { I18nService } from '../../../core/i18n/i18n.service';
import { MessageKey } from '../../../core/i18n/messages.fa';
import { selectHasAnyPermission } from '../../../core/session/session.feature';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { FileSizePipe } from '../../../shared/pipes/file-size.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { ErrorBannerComponent } from '../../../shared/ui/error-banner.component';
import { BaseDataNameComponent } from '../components/basedata-name.component';
import { ReasonDialogComponent } from '../components/reason-dialog.component';
import { RequestStateComponent, SlaBadgeComponent, TerminalStateComponent } from '../components/request-badges.component';
import { RequestLabelPipe } from '../components/request-label.pipe';
import { RequestTimelineComponent } from '../components/request-timeline.component';
import { RequestsApi } from '../data/requests-api.service';
import { baseDataName, isBaseDataField } from '../data/basedata-names';
import { RequestAction, RequestDetail, RequestDocument } from '../data/requests.models';
import { RequestPageActions } from '../state/requests.actions';
import { requestsFeature } from '../state/requests.feature';

/** Buttons in this order; reject/return ask for a reason, reassign for a person, resubmit opens the form. */
const BUTTON_ORDER: readonly RequestAction[] = [
  'claim',
  'approve',
  'confirm-install',
  'retry',
  'resubmit',
  'return',
  'reject',
  'reassign',
  'release',
  'cancel',
];

/** Labels of the payload fields (domain/requests/model.ts payloads). */
const PAYLOAD_LABELS: Readonly<Record<string, MessageKey>> = {
  shopId: 'requests.field.shopId',
  accountId: 'requests.field.accountId',
  deviceModel: 'requests.field.deviceModel',
  serial: 'requests.field.serial',
  reason: 'requests.field.reason',
  note: 'requests.field.note',
  'changes.shopNameFa': 'requests.change.shopNameFa',
  'changes.shopNameEn': 'requests.change.shopNameEn',
  'changes.addressFa': 'requests.change.addressFa',
  'changes.postalCode': 'requests.change.postalCode',
  'changes.phone': 'requests.change.phone',
  'changes.mobile': 'requests.change.mobile',
};

/** A request: where it stands, what the person may do now, what the PSP said, and its full timeline. */
@Component({
  selector: 'kt-request-page',
  imports: [
    RouterLink,
    TranslatePipe,
    DigitsPipe,
    FileSizePipe,
    JalaliDatePipe,
    RequestLabelPipe,
    ErrorBannerComponent,
    ReasonDialogComponent,
    RequestStateComponent,
    SlaBadgeComponent,
    TerminalStateComponent,
    RequestTimelineComponent,
    BaseDataNameComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <kt-error-banner [error]="loadError()" />
    @if (request(); as r) {
      <header class="page-head">
        <div>
          <h1 data-testid="page-title">
            <span dir="ltr" data-testid="request-number">{{ r.number | digits }}</span> · {{ r.type | requestLabel: 'type' }}
          </h1>
          <p class="muted">
            <kt-request-state [state]="r.state" />
            {{ 'requests.submittedBy' | t: { name: r.submitter.displayName } }} · {{ i18n.text(r.agentName) }} ·
            <kt-basedata-name field="pspCode" [code]="r.pspCode" />
            @if (r.round > 0) {
              · {{ 'requests.round' | t: { n: r.round } }}
            }
          </p>
        </div>
        <div class="head-actions">
          <button type="button" class="btn btn-ghost" data-testid="refresh" (click)="reload()">{{ 'common.refresh' | t }}</button>
        </div>
      </header>

      <div class="grid">
        <div class="stack">
          <section class="card" data-testid="request-stage">
            <h2 class="card-title">{{ 'requests.currentStage' | t }}</h2>
            @if (r.openTask; as task) {
              <dl class="facts">
                <dt>{{ 'inbox.stage' | t }}</dt>
                <dd data-testid="open-task" [attr.data-kind]="task.kind" [attr.data-task-id]="task.id">
                  {{ task.kind | requestLabel: 'kind' }}
                </dd>
                <dt>{{ 'inbox.assignee' | t }}</dt>
                <dd data-testid="task-assignee">{{ task.assignee?.displayName ?? ('inbox.unassigned' | t) }}</dd>
                <dt>{{ 'inbox.since' | t }}</dt>
                <dd>{{ task.createdAt | jalali }}</dd>
                @if (task.dueAt) {
                  <dt>{{ 'inbox.sla' | t }}</dt>
                  <dd><kt-sla-badge [task]="task" /></dd>
                }
              </dl>
              @if (task.problem; as problem) {
                <div class="banner banner-error problem" data-testid="task-problem" [attr.data-code]="problem.code">
                  <strong>{{ i18n.text(problem.text) }}</strong>
                  @if (isMappingProblem(problem.code) && canMap()) {
                    <a
                      routerLink="/admin/basedata/mapping"
                      [queryParams]="mappingQuery(r, problem.details)"
                      data-testid="task-problem-mapping"
                      >{{ 'requests.fixMapping' | t }}</a
                    >
                  }
                </div>
              } @else if (task.reason) {
                <p class="banner banner-info" data-testid="task-reason">{{ task.reason }}</p>
              }
            } @else {
              <p class="muted" data-testid="no-open-task">{{ 'requests.noOpenTask' | t }}</p>
              @if (r.outcomeReason) {
                <p class="banner banner-info" data-testid="outcome-reason">{{ r.outcomeReason }}</p>
              }
            }

            <kt-error-banner [error]="actionError()" />
            @if (buttons().length) {
              <div class="actions" data-testid="request-actions">
                @for (a of buttons(); track a) {
                  <button
                    type="button"
                    [class]="'btn ' + buttonClass(a)"
                    [attr.data-testid]="'action-' + a"
                    [disabled]="acting() !== null"
                    (click)="start(a, r)"
                  >
                    {{ actionKey(a) | t }}
                  </button>
                }
              </div>
            }
            @if (asking(); as a) {
              @if (a === 'reject' || a === 'return' || a === 'cancel') {
                <kt-reason-dialog
                  [title]="reasonTitle(a)"
                  [confirmLabel]="actionKey(a)"
                  [busy]="acting() !== null"
                  (confirmed)="act(r, a, { reason: $event })"
                  (cancelled)="asking.set(null)"
                />
              } @else if (a === 'reassign') {
                <div class="card reassign" data-testid="reassign-dialog">
                  <label class="field">
                    <span class="label">{{ 'requests.reassignTo' | t }}</span>
                    <select class="input" data-testid="reassign-user" (change)="assignee.set($any($event.target).value)">
                      <option value="">—</option>
                      @for (u of users(); track u.id) {
                        <option [value]="u.id">{{ u.displayName }} ({{ u.username }})</option>
                      }
                    </select>
                  </label>
                  <div class="form-actions">
                    <button type="button" class="btn btn-ghost" (click)="asking.set(null)">
                      {{ 'requests.dialog.cancel' | t }}
                    </button>
                    <button
                      type="button"
                      class="btn btn-primary"
                      data-testid="reassign-confirm"
                      [disabled]="!assignee() || acting() !== null"
                      (click)="act(r, 'reassign', { assigneeUserId: assignee() })"
                    >
                      {{ 'requests.action.reassign' | t }}
                    </button>
                  </div>
                </div>
              }
            }
          </section>

          <section class="card" data-testid="request-details">
            <h2 class="card-title">{{ 'requests.details' | t }}</h2>
            <dl class="facts">
              <dt>{{ 'requests.createdAt' | t }}</dt>
              <dd>{{ r.createdAt | jalali }}</dd>
              @if (r.submittedAt) {
                <dt>{{ 'requests.submittedAt' | t }}</dt>
                <dd>{{ r.submittedAt | jalali }}</dd>
              }
              @if (r.closedAt) {
                <dt>{{ 'requests.closedAt' | t }}</dt>
                <dd>{{ r.closedAt | jalali }}</dd>
              }
              @for (f of payloadFacts(); track f.key) {
                <dt>{{ f.label ? (f.label | t) : f.key }}</dt>
                <dd [attr.data-testid]="'payload-' + f.key">
                  @if (f.code) {
                    <span dir="ltr">{{ f.value }}</span>
                  } @else {
                    <bdi>{{ f.value | digits }}</bdi>
                  }
                </dd>
              }
              @if (r.serial) {
                <dt>{{ 'terminals.serial' | t }}</dt>
                <dd data-testid="request-serial">
                  <bdi dir="ltr">{{ r.serial }}</bdi>
                </dd>
              }
            </dl>
          </section>

          @if (r.merchant; as m) {
            <section class="card" data-testid="request-merchant">
              <h2 class="card-title">{{ 'requests.merchant' | t }}</h2>
              <p>
                <a [routerLink]="['/merchants', m.id]" data-testid="merchant-link">{{ i18n.text(m.displayName) }}</a>
                · <span dir="ltr">{{ m.identifier | digits }}</span>
              </p>
              <a [routerLink]="['/merchants', m.id]" fragment="documents" data-testid="merchant-documents">{{
                'requests.merchantDocuments' | t
              }}</a>
            </section>
          }

          <section class="card" data-testid="request-docs">
            <h2 class="card-title">{{ 'requests.docs.title' | t }}</h2>
            @for (d of r.documents; track d.id) {
              <div class="doc" data-testid="request-doc" [attr.data-doc-id]="d.id" [attr.data-type-code]="d.typeCode">
                <span class="doc-type">{{ i18n.text(d.typeName) }}</span>
                <a
                  [href]="documentUrl(r.id, d.id)"
                  data-testid="request-doc-link"
                  [attr.aria-label]="'action.download' | t: { name: d.fileName }"
                  (click)="download($event, r, d)"
                  ><bdi>{{ d.fileName }}</bdi></a
                >
                <span class="muted"
                  >{{ d.size | fileSize }} · {{ 'requests.docs.uploadedBy' | t: { name: d.uploadedBy.displayName } }} ·
                  {{ d.createdAt | jalali: 'short' }}</span
                >
              </div>
            } @empty {
              <p class="muted" data-testid="request-docs-empty">{{ 'requests.docs.empty' | t }}</p>
            }
          </section>

          @if (r.terminal; as t) {
            <section class="card" data-testid="request-terminal">
              <h2 class="card-title">{{ 'terminals.terminal' | t }}</h2>
              <p>
                <a [routerLink]="['/terminals', t.id]" data-testid="terminal-link" dir="ltr">{{ t.pspTerminalId ?? t.id }}</a>
                <kt-terminal-state [state]="t.state" />
              </p>
            </section>
          }
        </div>

        <div class="stack">
          <section class="card" data-testid="request-psp">
            <h2 class="card-title">{{ 'requests.psp.title' | t }}</h2>
            <dl class="facts">
              <dt>{{ 'requests.psp' | t }}</dt>
              <dd><kt-basedata-name field="pspCode" [code]="r.pspCode" /></dd>
              <dt>{{ 'requests.psp.tracking' | t }}</dt>
              <dd data-testid="psp-tracking">
                <bdi dir="ltr">{{ r.psp.trackingCode ?? '—' }}</bdi>
              </dd>
              <dt>{{ 'requests.psp.verdict' | t }}</dt>
              <dd data-testid="psp-verdict" [attr.data-verdict]="r.psp.verdict">{{ verdictKey(r.psp.verdict) | t }}</dd>
              @if (r.psp.rejection; as rej) {
                <dt>{{ 'requests.psp.message' | t }}</dt>
                <dd data-testid="psp-message">
                  {{ i18n.text(rej.text) }}
                  <span class="muted"
                    >(<bdi dir="ltr">{{ rej.code }}</bdi
                    >: <bdi>{{ rej.pspMessage }}</bdi>)</span
                  >
                </dd>
              }
              @if (r.psp.pspTerminalId) {
                <dt>{{ 'terminals.pspTerminalId' | t }}</dt>
                <dd>
                  <bdi dir="ltr">{{ r.psp.pspTerminalId }}</bdi>
                </dd>
              }
              @if (r.psp.pspMerchantId) {
                <dt>{{ 'terminals.pspMerchantId' | t }}</dt>
                <dd>
                  <bdi dir="ltr">{{ r.psp.pspMerchantId }}</bdi>
                </dd>
              }
            </dl>
          </section>

          <section class="card" data-testid="request-agreements">
            <h2 class="card-title">{{ 'requests.agreements' | t }}</h2>
            @for (a of r.agreements; track a.id) {
              <p class="agreement" data-testid="request-agreement">
                <a [routerLink]="['/agreements', a.id]">{{ a.title }}</a>
                @if (a.validFrom) {
                  <span class="muted">{{ a.validFrom | jalali: 'date' }} – {{ a.validTo | jalali: 'date' }}</span>
                }
                @if (a.terms?.allowedPsps?.length) {
                  <span class="muted" data-testid="agreement-psps">
                    @for (p of a.terms?.allowedPsps; track p) {
                      @if (!$first) {
                        ·
                      }
                      <kt-basedata-name field="pspCode" [code]="p" />
                    }
                  </span>
                }
              </p>
            } @empty {
              <p class="muted">{{ 'requests.noAgreements' | t }}</p>
            }
          </section>

          <section class="card" data-testid="request-chain">
            <h2 class="card-title">{{ 'requests.chain' | t }}</h2>
            <ol class="chain">
              @for (s of r.chain; track $index) {
                <li>{{ s.kind | requestLabel: 'kind' }}</li>
              }
            </ol>
          </section>
        </div>
      </div>

      <section class="card">
        <div class="card-head">
          <h2 class="card-title">{{ 'requests.timeline.title' | t }}</h2>
          @if (canTimeline()) {
            <a class="btn btn-ghost btn-sm" [href]="csvUrl()" target="_blank" rel="noopener" data-testid="timeline-export">{{
              'requests.timeline.export' | t
            }}</a>
          }
        </div>
        <kt-request-timeline [events]="r.timeline" [calls]="r.pspCalls" [baseData]="baseData()" />
      </section>
    } @else if (loading()) {
      <p class="empty">{{ 'common.loading' | t }}</p>
    }
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 1rem;
      margin-bottom: 1rem;
    }
    @media (max-width: 64rem) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 1rem;
    }
    .problem {
      display: grid;
      gap: 0.35rem;
      margin-top: 0.75rem;
    }
    .card-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 1rem;
    }
    .reassign {
      margin-top: 0.75rem;
    }
    .chain {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .agreement {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin: 0 0 0.35rem;
    }
    kt-reason-dialog {
      display: block;
      margin-top: 0.75rem;
    }
    .head-actions {
      display: flex;
      gap: 0.5rem;
    }
    .doc {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.5rem;
      padding: 0.3rem 0;
      border-bottom: 1px solid #f1f5f9;
    }
    .doc-type {
      font-weight: 600;
    }
  `,
})
export class RequestPageComponent {
  private readonly store = inject(Store);
  private readonly router = inject(Router);
  private readonly api = inject(RequestsApi);
  protected readonly i18n = inject(I18nService);
  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();

  private readonly detail = this.store.selectSignal(requestsFeature.selectDetail);
  protected readonly request = computed(() => {
    const d = this.detail();
    return d && d.id === this.id() ? d : null;
  });
  protected readonly loading = this.store.selectSignal(requestsFeature.selectDetailLoading);
  protected readonly loadError = this.store.selectSignal(requestsFeature.selectDetailError);
  protected readonly actionError = this.store.selectSignal(requestsFeature.selectActionError);
  protected readonly acting = this.store.selectSignal(requestsFeature.selectActing);
  protected readonly users = this.store.selectSignal(requestsFeature.selectUsers);
  protected readonly canTimeline = this.store.selectSignal(selectHasAnyPermission('requests.timeline'));
  protected readonly canMap = this.store.selectSignal(selectHasAnyPermission('basedata.manage'));

  protected readonly asking = signal<RequestAction | null>(null);
  protected readonly assignee = signal('');

  protected readonly buttons = computed(() => {
    const allowed = this.request()?.allowedActions ?? [];
    return BUTTON_ORDER.filter((a) => allowed.includes(a));
  });
  protected readonly csvUrl = computed(() => this.api.timelineCsvUrl(this.id()));
  /** Base-data names of the codes in the payload and the timeline (device model, swap/collect reason, PSP). */
  protected readonly baseData = this.store.selectSignal(requestsFeature.selectBaseDataLists);
  /** The request's merchant (for its shop's name and the account's Sheba), when the person may read merchants. */
  private readonly canReadMerchants = this.store.selectSignal(selectHasAnyPermission('merchants.read'));
  private readonly merchantDetail = rxResource({
    params: () => {
      const id = this.request()?.merchant?.id;
      return id && this.canReadMerchants() ? id : undefined;
    },
    stream: ({ params }) => this.api.merchant(params),
  });
  /** What the submitter asked for, labelled; the merchant and terminal have their own cards. */
  protected readonly payloadFacts = computed(() => {
    const payload = (this.request()?.payload ?? {}) as unknown as Record<string, unknown>;
    const merchant = this.merchantDetail.hasValue() ? this.merchantDetail.value() : undefined;
    const facts: { key: string; label: MessageKey | null; value: string; code: boolean }[] = [];
    for (const [key, value] of Object.entries(payload)) {
      if (key === 'merchantId' || key === 'terminalId') continue;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        if (value === '') continue;
        let text = String(value);
        let code = key === 'serial';
        if (isBaseDataField(key)) {
          const name = baseDataName(key, value, this.baseData());
          if (name) text = this.i18n.text(name);
          else code = true;
        }
        if (key === 'shopId') {
          const shop = merchant?.shops.find((x) => x.id === value);
          if (shop) text = this.i18n.pick(shop.nameFa, shop.nameEn);
        }
        if (key === 'accountId') {
          const account = merchant?.accounts.find((x) => x.id === value);
          if (account) text = account.sheba;
          code = true;
        }
        facts.push({ key, label: PAYLOAD_LABELS[key] ?? null, value: text, code });
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
          if (typeof v === 'string' && v) {
            facts.push({ key: `${key}.${k}`, label: PAYLOAD_LABELS[`${key}.${k}`] ?? null, value: v, code: false });
          }
        }
      }
    }
    return facts;
  });

  constructor() {
    // Loads the request, and again when the route moves to another request (the component is reused).
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.asking.set(null);
        this.store.dispatch(RequestPageActions.opened({ id }));
      });
    });
  }

  protected reload(): void {
    this.store.dispatch(RequestPageActions.opened({ id: this.id() }));
  }

  protected documentUrl(id: string, documentId: string): string {
    return this.api.documentFileUrl(id, documentId);
  }

  /** The file needs the person's token: it is fetched and offered under its name (the link stays a link). */
  protected download(event: Event, r: RequestDetail, document: RequestDocument): void {
    event.preventDefault();
    this.store.dispatch(RequestPageActions.documentDownloadClicked({ id: r.id, document }));
  }

  protected actionKey(a: RequestAction) {
    return `requests.action.${a}` as const;
  }

  protected verdictKey(v: string | null) {
    return `requests.psp.verdict.${(v ?? 'none') as 'pending' | 'approved' | 'rejected' | 'none'}` as const;
  }

  protected reasonTitle(a: 'reject' | 'return' | 'cancel') {
    return `requests.reasonTitle.${a}` as const;
  }

  protected buttonClass(a: RequestAction): string {
    if (a === 'approve' || a === 'confirm-install' || a === 'retry' || a === 'resubmit') return 'btn-primary';
    if (a === 'reject' || a === 'cancel') return 'btn-danger-ghost';
    return 'btn-ghost';
  }

  protected isMappingProblem(code: string): boolean {
    return /unmapped|mapping/i.test(code);
  }

  protected mappingQuery(r: RequestDetail, details: Record<string, unknown> | undefined): Record<string, string> {
    const kind = typeof details?.['kind'] === 'string' ? details['kind'] : undefined;
    return { psp: r.pspCode, ...(kind ? { kind } : {}) };
  }

  protected start(action: RequestAction, r: RequestDetail): void {
    if (action === 'resubmit') {
      void this.router.navigate(['/requests', r.id, 'correct']);
      return;
    }
    if (action === 'reject' || action === 'return' || action === 'cancel') {
      this.asking.set(action);
      return;
    }
    if (action === 'reassign') {
      this.asking.set('reassign');
      this.assignee.set('');
      this.store.dispatch(RequestPageActions.reassignOpened({ agentId: r.openTask?.agentId ?? r.agentId }));
      return;
    }
    this.act(r, action, {});
  }

  protected act(r: RequestDetail, action: RequestAction, extra: { reason?: string; assigneeUserId?: string }): void {
    const taskId = r.openTask?.id;
    if (!taskId) return;
    this.asking.set(null);
    this.store.dispatch(RequestPageActions.actionRequested({ id: r.id, body: { action, taskId, ...extra } }));
  }
}
