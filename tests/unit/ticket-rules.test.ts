import { permissionsForRoles, type Permission } from '../../domain/access';
import {
  type Actor,
  type TicketAction,
  type TicketFacts,
  allowedActions,
  stateAfterMessage,
  whyNot,
} from '../../domain/tickets/ticket';

const actor = (id: string, permissions: Permission[]): Actor => ({ id, displayName: id, agentId: 'a', permissions });
const requester = actor('req', permissionsForRoles(['agent-user'], false));
const supporter = actor('sup', permissionsForRoles(['supporter'], true));
const other = actor('sup2', permissionsForRoles(['supporter'], true));
const supervisor = actor('boss', permissionsForRoles(['support-supervisor'], true));
const auditor = actor('aud', permissionsForRoles(['auditor'], true));

const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  state: 'open',
  requesterId: 'req',
  assigneeId: null,
  rated: false,
  ...over,
});

describe('permissions of roles', () => {
  test('when an agent realm carries a broker role name, then it grants nothing', () => {
    expect(permissionsForRoles(['supporter', 'admin'], false)).toEqual([]);
  });
  test('when a broker admin signs in, then every permission is granted', () => {
    expect(permissionsForRoles(['admin'], true)).toContain('tickets.escalations');
  });
  test('when an auditor signs in, then they can read everything but answer nothing', () => {
    const p = permissionsForRoles(['auditor'], true);
    expect(p).toEqual(expect.arrayContaining(['tickets.read-all', 'tickets.timeline']));
    expect(p).not.toContain('tickets.answer');
  });
});

describe('ticket rule book', () => {
  const cases: [string, TicketAction, TicketFacts, Actor, string | null][] = [
    ['a supporter claims an open ticket', 'claim', facts(), supporter, null],
    ['the requester claims', 'claim', facts(), requester, 'TICKET_SUPPORT_ONLY'],
    ['an auditor claims', 'claim', facts(), auditor, 'TICKET_SUPPORT_ONLY'],
    ['a supporter claims a closed ticket', 'claim', facts({ state: 'closed' }), supporter, 'TICKET_CLOSED'],
    ['a supporter claims what they hold', 'claim', facts({ assigneeId: 'sup' }), supporter, 'TICKET_ALREADY_CLAIMED'],
    ['a supporter claims what another holds', 'claim', facts({ assigneeId: 'sup' }), other, 'TICKET_HELD_BY_OTHER'],
    ['a supervisor takes over', 'claim', facts({ assigneeId: 'sup' }), supervisor, null],
    ['a supporter releases an unclaimed ticket', 'release', facts(), supporter, 'TICKET_NOT_CLAIMED'],
    ['the holder releases', 'release', facts({ assigneeId: 'sup' }), supporter, null],
    ['another supporter releases', 'release', facts({ assigneeId: 'sup' }), other, 'TICKET_HELD_BY_OTHER'],
    ['a supporter answers an unclaimed ticket', 'answer', facts(), supporter, null],
    ['another supporter answers a held ticket', 'answer', facts({ assigneeId: 'sup' }), other, 'TICKET_HELD_BY_OTHER'],
    ['the requester answers as support', 'answer', facts(), requester, 'TICKET_SUPPORT_ONLY'],
    ['the requester replies', 'reply', facts({ state: 'answered' }), requester, null],
    ['a stranger replies', 'reply', facts({ state: 'answered' }), supporter, 'TICKET_REQUESTER_ONLY'],
    ['the requester replies to a closed ticket', 'reply', facts({ state: 'closed' }), requester, 'TICKET_CLOSED'],
    ['the requester closes', 'close', facts({ state: 'answered' }), requester, null],
    ['a supporter closes', 'close', facts({ state: 'answered' }), supporter, 'TICKET_REQUESTER_ONLY'],
    ['the requester rates an open ticket', 'rate', facts(), requester, 'TICKET_NOT_CLOSED'],
    ['the requester rates a closed ticket', 'rate', facts({ state: 'closed' }), requester, null],
    ['the requester rates twice', 'rate', facts({ state: 'closed', rated: true }), requester, 'TICKET_ALREADY_RATED'],
  ];
  test.each(cases)('when %s, then the verdict is %#', (_name, action, t, who, expected) => {
    const reason = whyNot(action, t, who);
    expect(reason?.code ?? null).toBe(expected);
    if (reason) {
      expect(reason.text.fa.length).toBeGreaterThan(0);
      expect(reason.text.en.length).toBeGreaterThan(0);
    }
  });

  test('when the buttons are offered, then they are exactly the allowed actions', () => {
    expect(allowedActions(facts({ state: 'answered' }), requester)).toEqual(['reply', 'close']);
    expect(allowedActions(facts(), supporter)).toEqual(['claim', 'answer']);
    expect(allowedActions(facts({ assigneeId: 'sup' }), supporter)).toEqual(['release', 'answer']);
    expect(allowedActions(facts({ state: 'closed' }), requester)).toEqual(['rate']);
    expect(allowedActions(facts(), auditor)).toEqual([]);
  });

  test('when messages arrive, then the state follows the conversation', () => {
    expect(stateAfterMessage('open', 'support')).toBe('answered');
    expect(stateAfterMessage('open', 'requester')).toBe('open');
    expect(stateAfterMessage('answered', 'requester')).toBe('waiting_for_support');
    expect(stateAfterMessage('waiting_for_support', 'support')).toBe('answered');
  });
});
