/**
 * Drives install requests through the API as people would: the agency reviewer and the broker's
 * approver approve their inbox in bulk, the technician confirms installations, operators retry
 * parked requests, and a request returned to the submitter is cancelled (it then ends, and is counted).
 */
import { FINAL_STATES } from '../../domain/requests/model';
import { type UserName, type World, pool } from './world';

interface InboxItem {
  task: { id: string; kind: string };
  request: { id: string } | null;
}

export interface DriveStats {
  bulkCalls: number;
  approved: number;
  confirmed: number;
  retried: number;
  cancelled: number;
  errors: Record<string, number>;
}

export const newStats = (): DriveStats => ({ bulkCalls: 0, approved: 0, confirmed: 0, retried: 0, cancelled: 0, errors: {} });

function countError(stats: DriveStats, what: string, err: unknown): void {
  const key = `${what}: ${err instanceof Error ? err.message.slice(0, 80) : String(err).slice(0, 80)}`;
  stats.errors[key] = (stats.errors[key] ?? 0) + 1;
}

async function inbox(world: World, user: UserName, kind: string): Promise<InboxItem[]> {
  const body = (await world.ok(user, 'GET', `/api/inbox?view=group&kind=${kind}&pageSize=200`)) as { items: InboxItem[] };
  return body.items.filter((i) => i.request);
}

async function bulkApprove(world: World, user: UserName, kind: string, stats: DriveStats, batch: number): Promise<number> {
  const items = await inbox(world, user, kind);
  let n = 0;
  for (let i = 0; i < items.length; i += batch) {
    const chunk = items.slice(i, i + batch).map((x) => ({ requestId: x.request!.id, taskId: x.task.id }));
    stats.bulkCalls += 1;
    const res = (await world.ok(user, 'POST', '/api/inbox/bulk', { action: 'approve', items: chunk })) as {
      results: { ok: boolean; error?: { code: string } }[];
    };
    for (const r of res.results) {
      if (r.ok) n += 1;
      else countError(stats, `bulk ${kind}`, new Error(r.error?.code ?? 'failed'));
    }
  }
  stats.approved += n;
  return n;
}

async function each(
  world: World,
  user: UserName,
  kind: string,
  action: string,
  stats: DriveStats,
  concurrency: number,
): Promise<number> {
  const items = await inbox(world, user, kind);
  let n = 0;
  await pool(items, concurrency, async (x) => {
    const res = await world.call(user, 'POST', `/api/requests/${x.request!.id}/actions`, {
      action,
      taskId: x.task.id,
      ...(action === 'cancel' ? { reason: 'chaos: cancelled by the driver' } : {}),
      ...(action === 'confirm-install' ? { reason: 'installed' } : {}),
    });
    if (res.status === 200) n += 1;
    else
      countError(
        stats,
        `${action}`,
        new Error(`${res.status} ${String((res.body as { error?: { code?: string } } | null)?.error?.code)}`),
      );
  });
  return n;
}

/** One round over every inbox; errors (an API restarting…) are counted, not thrown. */
export async function driveOnce(
  world: World,
  stats: DriveStats,
  opts: { batch?: number; concurrency?: number } = {},
): Promise<number> {
  const batch = opts.batch ?? 100;
  const c = opts.concurrency ?? 4;
  let moved = 0;
  const step = async (what: string, run: () => Promise<number>) => {
    try {
      moved += await run();
    } catch (err) {
      countError(stats, what, err);
    }
  };
  await step('review', () => bulkApprove(world, 'alpha-admin', 'review', stats, batch));
  await step('approve', () => bulkApprove(world, 'broker-admin', 'approve', stats, batch));
  await step('install', async () => {
    const n = await each(world, 'alpha-user2', 'install', 'confirm-install', stats, c);
    stats.confirmed += n;
    return n;
  });
  await step('fix', async () => {
    const n =
      (await each(world, 'broker-admin', 'fix', 'retry', stats, c)) +
      (await each(world, 'alpha-admin', 'fix', 'retry', stats, c));
    stats.retried += n;
    return n;
  });
  await step('correction', async () => {
    const n = await each(world, 'alpha-user', 'correction', 'cancel', stats, c);
    stats.cancelled += n;
    return n;
  });
  return moved;
}

/** Request states in the read model, by state. */
export async function statesOf(world: World, ids: string[]): Promise<Record<string, number>> {
  const rows = await world.db.models.Request.findAll({ attributes: ['id', 'state'], raw: true });
  const want = new Set(ids);
  const out: Record<string, number> = {};
  for (const r of rows) if (want.has(r.id)) out[r.state] = (out[r.state] ?? 0) + 1;
  return out;
}

export const finalCount = (states: Record<string, number>): number =>
  Object.entries(states).reduce((n, [s, c]) => n + (FINAL_STATES.has(s as never) ? c : 0), 0);
