import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

import { Attachment, TicketMessage } from '../../../core/api/api.models';
import { DigitsPipe } from '../../../shared/pipes/digits.pipe';
import { FileSizePipe } from '../../../shared/pipes/file-size.pipe';
import { JalaliDatePipe } from '../../../shared/pipes/jalali-date.pipe';
import { TranslatePipe } from '../../../shared/pipes/translate.pipe';
import { IconComponent } from '../../../shared/ui/icon.component';

/** Messages as chat bubbles: the requester on one side, support on the other. */
@Component({
  selector: 'kt-conversation',
  imports: [TranslatePipe, JalaliDatePipe, FileSizePipe, DigitsPipe, IconComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="conversation" data-testid="conversation">
      @for (message of messages(); track message.id) {
        <li
          class="bubble"
          [class]="'bubble side-' + message.author.side"
          data-testid="message"
          [attr.data-side]="message.author.side"
          [attr.data-seq]="message.seq"
        >
          <header class="bubble-head">
            <strong data-testid="message-author"
              ><bdi>{{ message.author.displayName }}</bdi></strong
            >
            <span class="side-tag">{{ (message.author.side === 'support' ? 'side.support' : 'side.requester') | t }}</span>
          </header>
          <p class="bubble-body" data-testid="message-body" dir="auto">{{ message.body | digits }}</p>
          @if (message.attachments.length) {
            <ul class="attachments">
              @for (attachment of message.attachments; track attachment.id) {
                <li>
                  <button
                    type="button"
                    class="attachment"
                    data-testid="attachment-link"
                    [attr.data-attachment-id]="attachment.id"
                    [attr.aria-label]="'action.download' | t: { name: attachment.fileName }"
                    (click)="download.emit(attachment)"
                  >
                    <kt-icon name="clip" [size]="16" />
                    <span class="file-name">{{ attachment.fileName }}</span>
                    <small>{{ attachment.size | fileSize }}</small>
                  </button>
                </li>
              }
            </ul>
          }
          <time class="bubble-time" [attr.datetime]="message.createdAt">{{ message.createdAt | jalali }}</time>
        </li>
      } @empty {
        <li class="empty">{{ 'detail.noMessages' | t }}</li>
      }
    </ol>
  `,
  styles: `
    .conversation {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 1rem;
    }
    .bubble {
      max-width: min(36rem, 85%);
      padding: 0.75rem 1rem 0.5rem;
      border-radius: 14px;
      box-sizing: border-box;
    }
    .side-requester {
      align-self: flex-start;
      background: #f1f5f9;
      border-start-start-radius: 4px;
    }
    .side-support {
      align-self: flex-end;
      background: #ccfbf1;
      border-start-end-radius: 4px;
    }
    .bubble-head {
      display: flex;
      align-items: baseline;
      gap: 0.5rem;
      margin-bottom: 0.25rem;
    }
    .bubble-head strong {
      font-size: 0.9rem;
    }
    .side-tag {
      font-size: 0.72rem;
      color: var(--muted);
    }
    .bubble-body {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.8;
    }
    .bubble-time {
      display: block;
      margin-top: 0.35rem;
      font-size: 0.75rem;
      color: var(--muted);
      text-align: end;
    }
    .attachments {
      list-style: none;
      margin: 0.5rem 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .attachment {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.3rem 0.6rem;
      border-radius: 8px;
      cursor: pointer;
      border: 1px solid rgb(15 23 42 / 0.12);
      background: rgb(255 255 255 / 0.7);
      font: inherit;
      font-size: 0.82rem;
      color: var(--primary);
    }
    .attachment:hover {
      background: #fff;
    }
    .attachment small {
      color: var(--muted);
    }
    .file-name {
      direction: ltr;
      unicode-bidi: isolate;
    }
    .empty {
      color: var(--muted);
    }
  `,
})
export class ConversationComponent {
  readonly messages = input.required<readonly TicketMessage[]>();
  readonly download = output<Attachment>();
}
