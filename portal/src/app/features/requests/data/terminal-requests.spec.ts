import { aRequestSummary } from '../../../testing/request-fixtures';
import { startableTypes } from './terminal-requests';

describe('requests a terminal page offers', () => {
  it('when the terminal is active, then swap, account, merchant change and collection', () => {
    expect(startableTypes('active', [aRequestSummary({ state: 'done' })])).toEqual(['swap', 'account', 'merchant', 'collect']);
  });

  it('when another request on it is still open, then none', () => {
    expect(startableTypes('active', [aRequestSummary({ state: 'in_review' })])).toEqual([]);
  });

  it('when it waits for a device, then definition; when deactivated, then reactivation', () => {
    expect(startableTypes('awaiting_device', [])).toEqual(['define']);
    expect(startableTypes('deactivated', [])).toContain('reactivate');
  });
});
