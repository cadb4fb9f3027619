/**
 * PSP call metrics in the Prometheus text format (0.0.4), rendered from aggregates of the
 * `psp_calls` table (so the API can serve what every worker process recorded).
 */
import type { PspOutcomeClass } from './errors';

/** Histogram upper bounds, milliseconds (rendered as seconds). */
export const LATENCY_BUCKETS_MS = [50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] as const;

export interface CallCount {
  psp: string;
  operation: string;
  outcome: PspOutcomeClass;
  count: number;
}

export interface LatencyAggregate {
  psp: string;
  count: number;
  sumMs: number;
  /** Cumulative counts per LATENCY_BUCKETS_MS entry (calls with latency ≤ bound). */
  buckets: number[];
}

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labels = (l: Record<string, string>) =>
  `{${Object.entries(l)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(',')}}`;

export function renderPspMetrics(counts: CallCount[], latency: LatencyAggregate[]): string {
  const out: string[] = [];
  out.push('# HELP kartabl_psp_calls_total PSP calls by PSP, operation and outcome class.');
  out.push('# TYPE kartabl_psp_calls_total counter');
  for (const c of counts)
    out.push(`kartabl_psp_calls_total${labels({ psp: c.psp, operation: c.operation, outcome: c.outcome })} ${c.count}`);

  const errors = new Map<string, number>();
  for (const c of counts) {
    if (c.outcome === 'ok') continue;
    const key = `${c.psp}\u0000${c.outcome}`;
    errors.set(key, (errors.get(key) ?? 0) + c.count);
  }
  out.push('# HELP kartabl_psp_call_errors_total Failed PSP calls by PSP and error class.');
  out.push('# TYPE kartabl_psp_call_errors_total counter');
  for (const [key, n] of [...errors].sort(([a], [b]) => a.localeCompare(b))) {
    const [psp, cls] = key.split('\u0000');
    out.push(`kartabl_psp_call_errors_total${labels({ psp, class: cls })} ${n}`);
  }

  out.push('# HELP kartabl_psp_call_duration_seconds Latency of PSP calls.');
  out.push('# TYPE kartabl_psp_call_duration_seconds histogram');
  for (const l of latency) {
    LATENCY_BUCKETS_MS.forEach((bound, i) => {
      out.push(
        `kartabl_psp_call_duration_seconds_bucket${labels({ psp: l.psp, le: String(bound / 1000) })} ${l.buckets[i] ?? 0}`,
      );
    });
    out.push(`kartabl_psp_call_duration_seconds_bucket${labels({ psp: l.psp, le: '+Inf' })} ${l.count}`);
    out.push(`kartabl_psp_call_duration_seconds_sum${labels({ psp: l.psp })} ${l.sumMs / 1000}`);
    out.push(`kartabl_psp_call_duration_seconds_count${labels({ psp: l.psp })} ${l.count}`);
  }
  return `${out.join('\n')}\n`;
}
