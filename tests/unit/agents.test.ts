import { isHostName, normalizeDomain, realmOfAgent, whyNotMove, type TreeNode } from '../../domain/agents';
import { SecretBox, newCredentialsKey, parseKey, temporaryPassword } from '../../db/secret-box';
import { loadConfig } from '../../api/lib/config';

//        broker
//       /      \
//    alpha     beta
//    /   \
//  a1     a2
//  |
//  a11
const tree: TreeNode[] = [
  { id: 'broker', parentId: null, isBroker: true },
  { id: 'alpha', parentId: 'broker', isBroker: false },
  { id: 'beta', parentId: 'broker', isBroker: false },
  { id: 'a1', parentId: 'alpha', isBroker: false },
  { id: 'a2', parentId: 'alpha', isBroker: false },
  { id: 'a11', parentId: 'a1', isBroker: false },
];
const code = (caller: string, agent: string, parent: string) => whyNotMove(tree, caller, agent, parent)?.code ?? 'ok';

describe('moving an agent in the tree', () => {
  test('when the move stays inside the caller subtree and makes no cycle, then it is allowed', () => {
    expect(code('broker', 'a11', 'a2')).toBe('ok');
    expect(code('alpha', 'a11', 'alpha')).toBe('ok');
    expect(code('broker', 'a1', 'beta')).toBe('ok');
  });
  test('when the new parent is the agent itself or below it, then it is a cycle', () => {
    expect(code('broker', 'a1', 'a1')).toBe('MOVE_CYCLE');
    expect(code('broker', 'alpha', 'a11')).toBe('MOVE_CYCLE');
  });
  test('when the broker or the caller own agent is moved, then it is refused', () => {
    expect(code('broker', 'broker', 'alpha')).toBe('AGENT_IS_BROKER');
    expect(code('alpha', 'alpha', 'a2')).toBe('AGENT_IS_OWN');
  });
  test('when either end lies outside the caller subtree, then it is not found', () => {
    expect(code('alpha', 'beta', 'a1')).toBe('NOT_FOUND');
    expect(code('alpha', 'a1', 'beta')).toBe('PARENT_NOT_FOUND');
    expect(code('alpha', 'a1', 'broker')).toBe('PARENT_NOT_FOUND');
    expect(code('broker', 'nope', 'alpha')).toBe('NOT_FOUND');
  });
});

describe('domains and realms', () => {
  test('when a domain is typed with capitals or a trailing dot, then it is stored lower-case', () => {
    expect(normalizeDomain(' Panel.Alpha.IR. ')).toBe('panel.alpha.ir');
  });
  test('when a host name is checked, then schemes, paths, spaces and bare words are refused', () => {
    expect(isHostName('panel.alpha.ir')).toBe(true);
    expect(isHostName('localhost')).toBe(true);
    for (const bad of ['https://alpha.ir', 'alpha.ir/x', 'alpha', 'a b.ir', '-a.ir', '']) expect(isHostName(bad)).toBe(false);
  });
  test('the realm of an agent is derived from its code', () => {
    expect(realmOfAgent('alpha')).toBe('agent-alpha');
  });
});

describe('sealed secrets (AES-256-GCM)', () => {
  const box = SecretBox.fromBase64(newCredentialsKey());
  test('when a value is sealed and opened with the same key and context, then it round-trips', () => {
    const sealed = box.seal('{"password":"سلام-123"}', 'agent-1/sep');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('123');
    expect(box.open(sealed, 'agent-1/sep')).toBe('{"password":"سلام-123"}');
    expect(box.seal('x')).not.toBe(box.seal('x'));
  });
  test('when the ciphertext, tag, key or context is changed, then opening fails', () => {
    const sealed = box.seal('top secret', 'ctx');
    const parts = sealed.split('.');
    const flip = (s: string) => {
      const b = Buffer.from(s, 'base64url');
      b[0] ^= 1;
      return b.toString('base64url');
    };
    expect(() => box.open([parts[0], parts[1], parts[2], flip(parts[3])].join('.'), 'ctx')).toThrow();
    expect(() => box.open([parts[0], parts[1], flip(parts[2]), parts[3]].join('.'), 'ctx')).toThrow();
    expect(() => box.open(sealed, 'other')).toThrow();
    expect(() => SecretBox.fromBase64(newCredentialsKey()).open(sealed, 'ctx')).toThrow();
    expect(() => box.open('garbage', 'ctx')).toThrow();
  });
  test('when the key is not 32 bytes of base64, then it is refused at start-up', () => {
    expect(parseKey('short')).toBeUndefined();
    expect(() => loadConfig({ CREDENTIALS_KEY: 'c2hvcnQ=' })).toThrow(/CREDENTIALS_KEY/);
    expect(loadConfig({ CREDENTIALS_KEY: newCredentialsKey() }).realms.credentialsKey).toBeDefined();
  });
  test('temporary passwords have every character class', () => {
    for (let i = 0; i < 50; i++) {
      const p = temporaryPassword();
      expect(p).toHaveLength(16);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/\d/);
      expect(p).toMatch(/[@#%+=!]/);
    }
  });
});
