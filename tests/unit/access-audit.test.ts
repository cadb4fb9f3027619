import {
  BROKER_ONLY,
  DEFAULT_AGENT_CEILING,
  PERMISSIONS,
  PERMISSION_CATALOG,
  SYSTEM_PACKAGES,
  SYSTEM_ROLES,
  aboveCeiling,
  effectivePermissions,
  permissionsOfPackages,
} from '../../domain/access';
import { auditHashInput, canonicalJson, changedFields, GENESIS_HASH } from '../../domain/audit';
import { ipAllowed, parseRange } from '../../api/lib/ip-policy';

describe('the permission catalogue', () => {
  it('names every permission module.action once', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const p of PERMISSION_CATALOG) expect(p.code).toBe(`${p.module}.${p.code.split('.')[1]}`);
    for (const p of PERMISSIONS) expect(p).toMatch(/^[a-z]+\.[a-z-]+$/);
  });

  it('packages and roles refer only to known permissions and packages', () => {
    for (const pkg of SYSTEM_PACKAGES) for (const p of pkg.permissions) expect(PERMISSIONS).toContain(p);
    const codes = SYSTEM_PACKAGES.map((p) => p.code);
    for (const r of SYSTEM_ROLES) for (const p of r.packages) expect(codes).toContain(p);
    for (const c of DEFAULT_AGENT_CEILING) expect(codes).toContain(c);
  });

  it('the default agent ceiling carries no broker-only permission through', () => {
    const perms = effectivePermissions(PERMISSIONS, new Set(permissionsOfPackages(DEFAULT_AGENT_CEILING)));
    for (const p of perms) expect(BROKER_ONLY.has(p)).toBe(false);
    expect(perms).toContain('users.create');
  });
});

describe('ceilings', () => {
  const ceiling = new Set(['tickets.create', 'tickets.read-own', 'basedata.manage']);

  it('cuts granted permissions to the ceiling and drops broker-only ones even when a ceiling names them', () => {
    expect(effectivePermissions(['tickets.create', 'users.create', 'basedata.manage'], ceiling)).toEqual(['tickets.create']);
  });

  it('leaves a broker user uncut', () => {
    expect(effectivePermissions(['basedata.manage', 'tickets.inbox'], 'none')).toEqual(['tickets.inbox', 'basedata.manage']);
  });

  it('names what lies above the ceiling', () => {
    expect(aboveCeiling(['tickets.create', 'users.create', 'basedata.manage'], ceiling)).toEqual([
      'users.create',
      'basedata.manage',
    ]);
    expect(aboveCeiling(['settings.manage'], 'none')).toEqual([]);
  });

  it('ignores unknown strings', () => {
    expect(effectivePermissions(['tickets.fly', 'tickets.create'], 'none')).toEqual(['tickets.create']);
  });
});

describe('audit hashing inputs', () => {
  it('gives the same canonical JSON whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(new Date('2026-01-01T00:00:00Z'))).toBe('"2026-01-01T00:00:00.000Z"');
  });

  it('chains each entry to the previous hash', () => {
    const entry = {
      seq: 1,
      at: '2026-01-01T00:00:00.000Z',
      actorIssuer: null,
      actorSubject: null,
      actorUserId: null,
      actorName: 'system',
      actorAgentId: null,
      ip: null,
      action: 'create',
      entityType: 'x',
      entityId: '1',
      scopeAgentId: null,
      beforeJson: null,
      afterJson: '{}',
    };
    expect(auditHashInput(GENESIS_HASH, entry)).not.toBe(auditHashInput('1'.repeat(64), entry));
    expect(auditHashInput(GENESIS_HASH, entry).startsWith(`${GENESIS_HASH}\n`)).toBe(true);
  });

  it('lists the fields that changed', () => {
    expect(changedFields({ a: 1, b: [1], c: 'x' }, { a: 1, b: [2], d: true })).toEqual(['b', 'c', 'd']);
    expect(changedFields(null, { a: 1 })).toEqual(['a']);
  });
});

describe('allowed IP ranges', () => {
  it('parses addresses and CIDR ranges, and refuses anything else', () => {
    expect(parseRange('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
    expect(parseRange('192.168.1.7')).toEqual({ address: '192.168.1.7', prefix: 32, family: 'ipv4' });
    expect(parseRange('fd00::/8')).toEqual({ address: 'fd00::', prefix: 8, family: 'ipv6' });
    for (const bad of ['10.0.0.0/33', '10.0.0/8', 'example.com', '1.2.3.4/', '1.2.3.4/8/9', '::1/129', '1.2.3.4/ 8']) {
      expect(parseRange(bad)).toBeNull();
    }
  });

  it('allows everything without ranges, and only the ranges otherwise (IPv4-mapped addresses included)', () => {
    expect(ipAllowed([], '8.8.8.8')).toBe(true);
    expect(ipAllowed(['10.0.0.0/8'], '10.1.2.3')).toBe(true);
    expect(ipAllowed(['10.0.0.0/8'], '::ffff:10.1.2.3')).toBe(true);
    expect(ipAllowed(['10.0.0.0/8'], '127.0.0.1')).toBe(false);
    expect(ipAllowed(['10.0.0.0/8', '::1'], '::1')).toBe(true);
    expect(ipAllowed(['10.0.0.0/8'], null)).toBe(false);
  });
});
