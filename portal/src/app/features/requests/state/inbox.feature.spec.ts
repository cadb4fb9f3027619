import { anInboxItem, anInboxPage } from '../../../testing/request-fixtures';
import { defaultInboxQuery } from '../data/queries';
import { bulkRows, inboxFeature, kindCounts, viewCounts } from './inbox.feature';
import { InboxApiActions, InboxPageActions } from './requests.actions';

const reduce = inboxFeature.reducer;

describe('inbox state', () => {
  const loaded = () =>
    reduce(
      reduce(undefined, InboxPageActions.opened({ query: defaultInboxQuery('group') })),
      InboxApiActions.inboxLoaded({ page: anInboxPage([anInboxItem('r1'), anInboxItem('r2'), anInboxItem('r3')]) }),
    );

  it('when the view changes, then the selection is dropped and the inbox loads again', () => {
    const selected = reduce(loaded(), InboxPageActions.selectionChanged({ taskIds: ['r1.t1'] }));
    const moved = reduce(selected, InboxPageActions.queryChanged({ query: defaultInboxQuery('mine') }));
    expect(moved.selected).toEqual([]);
    expect(moved.loading).toBe(true);
  });

  it('when a bulk approve comes back, then the approved leave the selection and the refused stay, with the reasons', () => {
    const selected = reduce(loaded(), InboxPageActions.selectionChanged({ taskIds: ['r1.t1', 'r2.t1'] }));
    const results = [
      { requestId: 'r1', ok: true },
      { requestId: 'r2', ok: false, error: { code: 'TASK_TAKEN', message: { fa: 'در دست دیگری', en: 'Taken' } } },
    ];
    const busy = reduce(selected, InboxPageActions.bulkRequested({ action: 'approve' }));
    expect(busy.bulkBusy).toBe('approve');
    const done = reduce(busy, InboxApiActions.bulkDone({ action: 'approve', results }));
    expect(done.bulkBusy).toBeNull();
    expect(done.selected).toEqual(['r2.t1']);
    const rows = bulkRows(done.bulkResults, done.page!.items);
    expect(rows.map((r) => [r.number, r.ok, r.error?.code ?? null])).toEqual([
      ['REQ-14040902-000001', true, null],
      ['REQ-14040902-000002', false, 'TASK_TAKEN'],
    ]);
  });

  it('when the list reloads without the approved requests, then the results still name them by number', () => {
    const selected = reduce(loaded(), InboxPageActions.selectionChanged({ taskIds: ['r1.t1'] }));
    const done = reduce(selected, InboxApiActions.bulkDone({ action: 'approve', results: [{ requestId: 'r1', ok: true }] }));
    const reloaded = reduce(done, InboxApiActions.inboxLoaded({ page: anInboxPage([anInboxItem('r2')]) }));
    expect(bulkRows(reloaded.bulkResults, reloaded.page!.items).map((r) => r.number)).toEqual(['REQ-14040902-000001']);
  });

  it('when the inbox reloads without a selected task, then it leaves the selection', () => {
    const selected = reduce(loaded(), InboxPageActions.selectionChanged({ taskIds: ['r1.t1', 'r3.t1'] }));
    const reloaded = reduce(selected, InboxApiActions.inboxLoaded({ page: anInboxPage([anInboxItem('r3')]) }));
    expect(reloaded.selected).toEqual(['r3.t1']);
  });

  it('counts every view and stage, zero when the API does not name it', () => {
    const counts = { byKind: { approve: 4, install: 1 }, bySla: { breached: 2 }, views: { mine: 3, escalated: 1 } };
    expect(viewCounts(counts)).toEqual([
      { view: 'mine', count: 3 },
      { view: 'group', count: 0 },
      { view: 'unassigned', count: 0 },
      { view: 'escalated', count: 1 },
    ]);
    expect(kindCounts(counts).find((k) => k.kind === 'approve')?.count).toBe(4);
    expect(viewCounts(null).every((v) => v.count === 0)).toBe(true);
  });

  it('keeps saved filters in step with the API', () => {
    let state = reduce(
      undefined,
      InboxApiActions.filtersLoaded({ filters: [{ id: 'f1', name: 'PSP A', query: { pspCode: 'psp-a' } }] }),
    );
    state = reduce(state, InboxApiActions.filterSaved({ filter: { id: 'f2', name: 'Late', query: { sla: 'breached' } } }));
    state = reduce(state, InboxApiActions.filterDeleted({ id: 'f1' }));
    expect(state.filters.map((f) => f.name)).toEqual(['Late']);
  });
});
