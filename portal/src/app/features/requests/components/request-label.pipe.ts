import { Pipe, PipeTransform, inject } from '@angular/core';

import { I18nService } from '../../../core/i18n/i18n.service';
import {
  REQUEST_STATE_LABELS,
  REQUEST_TYPE_LABELS,
  RequestState,
  RequestType,
  TASK_KIND_LABELS,
  TaskKind,
} from '../data/requests.models';

/**
 * The names of request types, states and task kinds come from domain/requests/model.ts (the API and
 * the workflow use the same words): `{{ r.type | requestLabel: 'type' }}`.
 */
@Pipe({ name: 'requestLabel', pure: false })
export class RequestLabelPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: string | null | undefined, what: 'type' | 'state' | 'kind'): string {
    if (!value) return '';
    const labels =
      what === 'type'
        ? REQUEST_TYPE_LABELS[value as RequestType]
        : what === 'state'
          ? REQUEST_STATE_LABELS[value as RequestState]
          : TASK_KIND_LABELS[value as TaskKind];
    return labels ? this.i18n.text(labels) : value;
  }
}
