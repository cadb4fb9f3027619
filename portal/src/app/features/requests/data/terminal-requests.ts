import { RequestSummary, RequestType, TerminalState, FINAL_STATES } from './requests.models';

/**
 * The request types a terminal page offers to start, by the terminal's state: an active terminal can
 * be swapped, moved to another account, have its merchant details changed or be collected; one
 * waiting for a device can be defined; a deactivated one reactivated. Nothing while another request
 * on the terminal is still open (the API would refuse it anyway).
 */
export function startableTypes(state: TerminalState, requests: readonly RequestSummary[]): readonly RequestType[] {
  if (requests.some((r) => !FINAL_STATES.has(r.state) && r.state !== 'draft')) return [];
  switch (state) {
    case 'active':
      return ['swap', 'account', 'merchant', 'collect'];
    case 'awaiting_device':
      return ['define'];
    case 'deactivated':
      return ['reactivate', 'collect'];
    default:
      return [];
  }
}
