import { AuditApiActions, AuditLogPageActions, EventsApiActions, EventsPageActions } from './audit.actions';
import { compact, dayEnd, dayStart, diffFields, realmOf } from './audit-helpers';
import { auditLogFeature } from './audit-log.feature';
import { systemEventsFeature } from './system-events.feature';

describe('audit helpers', () => {
  it('puts before and after side by side and marks the changed fields', () => {
    const rows = diffFields(
      { code: 'lead', nameEn: 'Lead', permissions: ['a'] },
      { code: 'lead', nameEn: 'Team lead', permissions: ['a', 'b'], nameFa: 'سرگروه' },
    );
    expect(rows.map((r) => [r.field, r.changed])).toEqual([
      ['code', false],
      ['nameEn', true],
      ['permissions', true],
      ['nameFa', true],
    ]);
    expect(rows[2]).toEqual({ field: 'permissions', before: '["a"]', after: '["a","b"]', changed: true });
    expect(rows[3].before).toBeNull();
  });

  it('a create has no before and a delete no after: every field changed', () => {
    expect(diffFields(null, { a: 1 })).toEqual([{ field: 'a', before: null, after: '1', changed: true }]);
    expect(diffFields({ a: 1 }, null)).toEqual([{ field: 'a', before: '1', after: null, changed: true }]);
    expect(diffFields(null, null)).toEqual([]);
    expect(diffFields('x', 'y')).toEqual([{ field: '', before: 'x', after: 'y', changed: true }]);
  });

  it('reads the realm from a token issuer', () => {
    expect(realmOf('http://localhost:18180/realms/agent-alpha')).toBe('agent-alpha');
    expect(realmOf('https://kc.example/realms/kartabl/')).toBe('kartabl');
    expect(realmOf('system')).toBe('system');
    expect(realmOf(null)).toBe('');
  });

  it('turns calendar days into Tehran instants and drops empty filters', () => {
    expect(dayStart('2025-03-21')).toBe('2025-03-21T00:00:00+03:30');
    expect(dayEnd('2025-03-21')).toBe('2025-03-21T23:59:59+03:30');
    expect(dayStart('21/03/2025')).toBeUndefined();
    expect(dayStart(undefined)).toBeUndefined();
    expect(compact({ entityType: '', action: 'create', page: 1, fromDate: undefined })).toEqual({ action: 'create', page: 1 });
  });
});

describe('audit stores', () => {
  it('loads a page of the audit for a query, and keeps the query for paging', () => {
    const reducer = auditLogFeature.reducer;
    const query = { action: 'grant', page: 2, pageSize: 25 };
    let state = reducer(undefined, AuditLogPageActions.queryChanged({ query }));
    expect(state.loading).toBe(true);
    expect(state.query).toEqual(query);
    state = reducer(state, AuditApiActions.auditLoaded({ page: { items: [], total: 30, page: 2, pageSize: 25 } }));
    expect(state.loading).toBe(false);
    expect(auditLogFeature.selectTotal.projector(state.page)).toBe(30);
  });

  it('a verification replaces the previous result; a broken chain names the entry', () => {
    const reducer = auditLogFeature.reducer;
    let state = reducer(undefined, AuditLogPageActions.verifyClicked());
    expect(state.verifying).toBe(true);
    state = reducer(
      state,
      AuditApiActions.chainVerified({
        verification: { ok: false, checked: 9, lastSeq: 9, firstBroken: { seq: 4, reason: 'hash mismatch' } },
      }),
    );
    expect(state.verifying).toBe(false);
    expect(state.verification?.firstBroken?.seq).toBe(4);
    state = reducer(state, AuditLogPageActions.verifyClicked());
    expect(state.verification).toBeNull();
  });

  it('events: a failed load keeps the query and shows the error', () => {
    const reducer = systemEventsFeature.reducer;
    let state = reducer(undefined, EventsPageActions.opened({ query: { type: 'access', page: 1, pageSize: 25 } }));
    state = reducer(
      state,
      EventsApiActions.eventsLoadFailed({ error: { status: 403, code: 'FORBIDDEN', message: { fa: 'x', en: 'x' }, fields: [] } }),
    );
    expect(state.loading).toBe(false);
    expect(state.error?.code).toBe('FORBIDDEN');
    expect(state.query.type).toBe('access');
  });
});
