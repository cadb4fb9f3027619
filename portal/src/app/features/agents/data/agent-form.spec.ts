import { agentFormModel, moveTargets, splitDomains, toAgentChanges } from './agent-form';
import { AgentDetail, AgentSummary } from './agents-api.service';

const node = (id: string, parentId: string | null): AgentSummary => ({
  id,
  code: id,
  realm: `agent-${id}`,
  parentId,
  nameFa: id,
  nameEn: id,
  status: 'active',
  isBroker: parentId === null,
  createdAt: '',
});

describe('agent form', () => {
  it('when an agent is moved, then neither itself, its current parent nor its descendants are offered', () => {
    const tree = [node('root', null), node('a', 'root'), node('a1', 'a'), node('a11', 'a1'), node('b', 'root')];
    expect(moveTargets(tree, 'a1').map((a) => a.id)).toEqual(['root', 'b']);
    expect(moveTargets(tree, 'a').map((a) => a.id)).toEqual(['b']);
  });

  it('domains are split on commas, Persian commas and spaces', () => {
    expect(splitDomains('a.ir, b.ir،c.ir  d.ir')).toEqual(['a.ir', 'b.ir', 'c.ir', 'd.ir']);
    expect(splitDomains('  ')).toEqual([]);
  });

  it('when the form is saved, then the whole legal block, contacts and domains are sent and blanks are dropped', () => {
    const agent = {
      ...node('a', 'root'),
      legal: {
        entityType: 'natural',
        legalName: 'علی',
        nationalCode: '0012345679',
        legalId: null,
        postalCode: '1234567890',
        phone: '02112345678',
        address: 'تهران، خیابان آزادی',
        economicCode: null,
        registrationNo: null,
      },
      contacts: [{ name: 'رضا', role: null, mobile: '09121234567', email: null }],
      domains: ['a.ir'],
      psps: [],
      firstAdmin: null,
      parent: null,
      createdBy: null,
      provisionError: null,
      provisionedAt: null,
    } as AgentDetail;
    const m = agentFormModel(agent);
    expect(m.entityType).toBe('natural');
    expect(m.legalId).toBe('0012345679');
    m.contacts.push({ name: '', role: '', mobile: '', email: '' });
    m.domains = 'a.ir, b.ir';
    const body = toAgentChanges(m);
    expect(body.legal).toMatchObject({ entityType: 'natural', nationalCode: '0012345679', economicCode: undefined });
    expect(body.legal).not.toHaveProperty('legalId');
    expect(body.contacts).toEqual([{ name: 'رضا', mobile: '09121234567' }]);
    expect(body.domains).toEqual(['a.ir', 'b.ir']);
  });
});
