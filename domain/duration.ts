const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/**
 * Parses a duration such as `90s`, `30m`, `4h`, `3d`, `1h30m` or a plain number of milliseconds.
 * Throws on anything else, so a bad configuration value stops the process at start-up.
 */
export function parseDuration(value: string): number {
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    total += Number(match[1]) * (UNIT_MS[match[2]] ?? 0);
    consumed = re.lastIndex;
  }
  if (consumed === 0 || consumed !== text.length) {
    throw new Error(`Invalid duration "${value}": use forms like 90s, 30m, 4h, 3d or 1h30m`);
  }
  return Math.round(total);
}
