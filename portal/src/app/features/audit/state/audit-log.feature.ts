import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AUDIT_PAGE_SIZE, AuditEntry, AuditQuery, AuditVerification, Page } from '../data/audit.models';
import { AuditApiActions, AuditLogPageActions } from './audit.actions';

export interface AuditLogState {
  readonly query: AuditQuery;
  readonly page: Page<AuditEntry> | null;
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly verification: AuditVerification | null;
  readonly verifying: boolean;
  readonly verifyError: ApiError | null;
}

export const initialAuditLogState: AuditLogState = {
  query: { page: 1, pageSize: AUDIT_PAGE_SIZE },
  page: null,
  loading: false,
  error: null,
  verification: null,
  verifying: false,
  verifyError: null,
};

export const auditLogFeature = createFeature({
  name: 'auditLog',
  reducer: createReducer(
    initialAuditLogState,
    on(
      AuditLogPageActions.opened,
      AuditLogPageActions.queryChanged,
      AuditLogPageActions.refreshClicked,
      (state, { query }): AuditLogState => ({ ...state, query, loading: true, error: null }),
    ),
    on(AuditApiActions.auditLoaded, (state, { page }): AuditLogState => ({ ...state, page, loading: false })),
    on(AuditApiActions.auditLoadFailed, (state, { error }): AuditLogState => ({ ...state, loading: false, error })),
    on(AuditLogPageActions.verifyClicked, (state): AuditLogState => ({
      ...state,
      verifying: true,
      verification: null,
      verifyError: null,
    })),
    on(AuditApiActions.chainVerified, (state, { verification }): AuditLogState => ({ ...state, verification, verifying: false })),
    on(AuditApiActions.verifyFailed, (state, { error }): AuditLogState => ({ ...state, verifying: false, verifyError: error })),
  ),
  extraSelectors: ({ selectPage }) => ({
    selectEntries: createSelector(selectPage, (page): readonly AuditEntry[] => page?.items ?? []),
    selectTotal: createSelector(selectPage, (page) => page?.total ?? 0),
  }),
});
