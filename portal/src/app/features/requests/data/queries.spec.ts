import { activeFilterCount, applySavedQuery, defaultInboxQuery, inboxCsvUrl, queryParams, savableQuery } from './queries';

describe('inbox queries', () => {
  it('when filters are empty, then they are not sent', () => {
    expect(queryParams({ view: 'mine', q: '  ', type: undefined, page: 1, pageSize: 20 })).toEqual({ view: 'mine', page: '1', pageSize: '20' });
  });

  it('when exporting, then the CSV link carries the filters but not the paging', () => {
    const url = inboxCsvUrl('/api', { ...defaultInboxQuery('group'), type: 'install', sla: 'breached', page: 3 });
    expect(url).toBe('/api/inbox.csv?view=group&type=install&sla=breached');
  });

  it('when a filter is saved and applied again, then the same filters come back from page 1', () => {
    const query = { ...defaultInboxQuery('unassigned'), pspCode: 'psp-a', kind: 'approve' as const, page: 4 };
    const saved = savableQuery(query);
    expect(saved).toEqual({ view: 'unassigned', pspCode: 'psp-a', kind: 'approve' });
    expect(applySavedQuery(saved, defaultInboxQuery())).toEqual({ ...query, page: 1 });
  });

  it('when a saved filter holds unknown keys or views, then they are ignored', () => {
    const applied = applySavedQuery({ view: 'everything', colour: 'red', q: 'REQ-1' }, defaultInboxQuery('group'));
    expect(applied).toEqual({ view: 'group', q: 'REQ-1', page: 1, pageSize: 20 });
  });

  it('counts the filters in use besides view and paging', () => {
    expect(activeFilterCount(defaultInboxQuery())).toBe(0);
    expect(activeFilterCount({ ...defaultInboxQuery(), q: 'x', sla: 'ok' })).toBe(2);
  });
});
