import { contrastVerdict, normalizeDomain, normalizeHex } from '../../domain/branding';
import { effectiveStatus, inForce } from '../../domain/agreements/agreement';

describe('agreement status', () => {
  test('when an active agreement’s last day has passed, then it reads as expired and is not in force', () => {
    const a = { status: 'active' as const, validFrom: '2025-01-01', validTo: '2025-03-20' };
    expect(effectiveStatus(a, '2025-03-20')).toBe('active');
    expect(inForce(a, '2025-03-20')).toBe(true);
    expect(effectiveStatus(a, '2025-03-21')).toBe('expired');
    expect(inForce(a, '2025-03-21')).toBe(false);
    expect(inForce({ ...a, status: 'suspended' }, '2025-02-01')).toBe(false);
  });
});

describe('branding values', () => {
  test('colours are normalised and judged by their contrast with white', () => {
    expect(normalizeHex('ABC')).toBe('#aabbcc');
    expect(normalizeHex('#12345g')).toBeNull();
    expect(contrastVerdict('#000000')).toEqual({ ratio: 21, verdict: 'good' });
    expect(contrastVerdict('#3b82f6').verdict).toBe('weak');
    expect(contrastVerdict('#ffee00').verdict).toBe('unreadable');
  });

  test('domains are lower-cased host names', () => {
    expect(normalizeDomain('Portal.Alpha.IR.')).toBe('portal.alpha.ir');
    expect(normalizeDomain('localhost')).toBe('localhost');
    expect(normalizeDomain('a b.ir')).toBeNull();
    expect(normalizeDomain('-x.ir')).toBeNull();
  });
});
