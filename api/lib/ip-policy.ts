import { BlockList, isIP } from 'node:net';
import type { Database } from '../../db';
import { bi } from '../../domain/i18n';
import { AppError } from './errors';

export const IP_RANGES_KEY = 'ipRanges';
const TTL_MS = 10_000;

/** Parses `1.2.3.4`, `10.0.0.0/8`, `::1`, `fd00::/8`; returns null when it is neither. */
export function parseRange(text: string): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | null {
  const [address, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined) return null;
  const version = isIP(address);
  if (!version) return null;
  const max = version === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText)))
    return null;
  return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

/** The ranges as one matcher; null when there are none (everything is allowed). */
function compile(ranges: string[]): BlockList | null {
  if (!ranges.length) return null;
  const list = new BlockList();
  for (const r of ranges) {
    const parsed = parseRange(r);
    if (parsed) list.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return list;
}

/** True when the ranges allow the address (no ranges: everything is allowed). */
export function ipAllowed(ranges: string[], ip: string | null): boolean {
  return matches(compile(ranges), ip);
}

function matches(list: BlockList | null, ip: string | null): boolean {
  if (!list) return true;
  if (!ip) return false;
  // IPv4 clients reach a dual-stack server as ::ffff:a.b.c.d.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const address = mapped ? mapped[1] : ip;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return list.check(address, family);
}

/**
 * Allowed IP ranges (SPEC R-SYSTEM): a global list and one per agent, both must allow the caller.
 * Read from `settings` (key `ipRanges`, scope `global` or the agent id) and cached briefly.
 */
export function createIpPolicy(db: Database) {
  // Parsed once per read of the setting, not per request.
  const cache = new Map<string, { at: number; list: BlockList | null }>();
  const listOf = async (scope: string): Promise<BlockList | null> => {
    const hit = cache.get(scope);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.list;
    const row = await db.models.Setting.findOne({ where: { scope, key: IP_RANGES_KEY } });
    let ranges: string[] = [];
    try {
      const parsed: unknown = row ? JSON.parse(row.value) : [];
      if (Array.isArray(parsed)) ranges = parsed.filter((r): r is string => typeof r === 'string');
    } catch {
      ranges = [];
    }
    const list = compile(ranges);
    cache.set(scope, { at: Date.now(), list });
    return list;
  };
  return {
    async check(agentId: string, ip: string | null): Promise<void> {
      for (const scope of ['global', agentId]) {
        if (!matches(await listOf(scope), ip)) {
          throw new AppError(
            403,
            'IP_NOT_ALLOWED',
            bi(
              `دسترسی از نشانی ${ip ?? 'نامعلوم'} مجاز نیست؛ با مدیر سامانه تماس بگیرید.`,
              `Access from ${ip ?? 'an unknown address'} is not allowed; contact your administrator.`,
            ),
          );
        }
      }
    },
    invalidate(): void {
      cache.clear();
    },
  };
}

export type IpPolicy = ReturnType<typeof createIpPolicy>;
