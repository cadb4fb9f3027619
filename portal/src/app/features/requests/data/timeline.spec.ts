import { detailsOf, mergeTimeline } from './timeline';

describe('the request timeline', () => {
  it('when events and PSP calls interleave, then they show in time order, the cause before the call', () => {
    const entries = mergeTimeline(
      [
        { seq: 1, type: 'submitted', at: '2025-11-23T06:00:00Z', actor: { id: 'u1', displayName: 'Alpha' }, data: {} },
        { seq: 2, type: 'psp_submitted', at: '2025-11-23T07:00:00Z', actor: null, data: { key: 'r1-0' } },
        { seq: 3, type: 'psp_approved', at: '2025-11-23T08:00:00Z', actor: null, data: {} },
      ],
      [
        {
          at: '2025-11-23T07:00:00Z',
          operation: 'submit',
          outcome: 'accepted',
          latencyMs: 120,
          errorCode: null,
          message: null,
          trackingCode: 'TRK-1',
        },
      ],
    );
    expect(entries.map((e) => e.type)).toEqual(['submitted', 'psp_submitted', 'psp_call', 'psp_approved']);
    expect(entries[0]?.actor?.displayName).toBe('Alpha');
    expect(entries[2]?.call?.trackingCode).toBe('TRK-1');
  });

  it('shows reasons, people and problem texts of an event and leaves out empty values', () => {
    const details = detailsOf({
      reason: 'کد پستی نادرست',
      assignee: { id: 'u2', displayName: 'Beta' },
      problem: { code: 'UNMAPPED', text: { fa: 'نگاشت نشده', en: 'Unmapped' } },
      empty: '',
      list: [1, 2],
    });
    expect(details).toEqual([
      { key: 'reason', value: 'کد پستی نادرست' },
      { key: 'assignee', value: 'Beta' },
      { key: 'problem', value: { fa: 'نگاشت نشده', en: 'Unmapped' } },
    ]);
  });
});
