/**
 * Inbox latency: M requests (and two tasks each: a closed review and a last task, open for a tenth of
 * the requests) written straight into the read model in batches, then GET /api/inbox (filters, paging,
 * counts) at C concurrent clients against the same statements the inbox repository sends, as plain SQL
 * through the driver (sqlite3 / pg), in the same run.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import sqlite3 from 'sqlite3';
import { chunkForParams } from '../db/connection';
import { log, percentile, pool, startWorld, type World } from './lib/world';
import type { BenchOptions } from './run';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

export interface InboxResult {
  dialect: string;
  rows: number;
  seedSeconds: number;
  queries: number;
  clients: number;
  openTasksOfAlpha: number;
  api: Latency;
  sql: Latency;
  note?: string;
}

const TYPES = ['install', 'define', 'swap', 'account', 'merchant', 'collect', 'reactivate'];
const SLA = ['ok', 'warning', 'critical', 'breached', 'none'];

/** The inbox calls of the run, in turn (alpha-admin's inbox). */
export const INBOX_CALLS: { query: string; filter: InboxFilter }[] = [
  { query: 'view=group', filter: { view: 'group' } },
  { query: 'view=group&kind=review', filter: { view: 'group', kind: 'review' } },
  { query: 'view=unassigned&type=install&page=3', filter: { view: 'unassigned', type: 'install', page: 3 } },
  { query: 'view=group&sla=warning&pspCode=psp-a', filter: { view: 'group', sla: 'warning', pspCode: 'psp-a' } },
  { query: 'view=mine', filter: { view: 'mine' } },
  { query: 'view=group&q=REQ-1405-0001', filter: { view: 'group', q: 'REQ-1405-0001' } },
];

interface InboxFilter {
  view: 'mine' | 'group' | 'unassigned' | 'escalated';
  kind?: string;
  type?: string;
  sla?: string;
  pspCode?: string;
  q?: string;
  page?: number;
}

async function seed(world: World, rows: number, ids: { alpha: string; beta: string; broker: string; user: string }) {
  const qi = world.db.sequelize.getQueryInterface();
  const agents = [ids.alpha, ids.alpha, ids.beta, ids.broker];
  const day = 86_400_000;
  const now = Date.now();
  const batch = 20_000;
  for (let start = 0; start < rows; start += batch) {
    const requests: Record<string, unknown>[] = [];
    const tasks: Record<string, unknown>[] = [];
    for (let i = start; i < Math.min(rows, start + batch); i += 1) {
      const id = randomUUID();
      const agentId = agents[i % agents.length];
      const open = i % 10 === 0;
      const type = TYPES[i % TYPES.length];
      const number = `REQ-1405-${String(i + 1).padStart(7, '0')}`;
      const created = new Date(now - (i % 365) * day - (i % 1000) * 1000);
      requests.push({
        id,
        number,
        type,
        state: open ? 'in_review' : 'done',
        agent_id: agentId,
        psp_code: i % 3 === 0 ? 'psp-b' : 'psp-a',
        submitter_id: ids.user,
        submitter_name: 'bench',
        client_key: id,
        payload: '{}',
        round: 0,
        version: 5,
        created_at: created,
        submitted_at: created,
        updated_at: created,
        closed_at: open ? null : created,
      });
      const base = {
        request_number: number,
        request_type: type,
        request_agent_id: agentId,
        psp_code: i % 3 === 0 ? 'psp-b' : 'psp-a',
        escalated: false,
        created_at: created,
      };
      tasks.push({
        ...base,
        id: `${id}.t1`,
        request_id: id,
        seq: 1,
        kind: 'review',
        agent_id: agentId,
        permission: 'requests.review',
        is_open: false,
        sla: 'ok',
        closed_at: created,
        outcome: 'approved',
      });
      // The last task: at the requesting agency (review/install/correction) or the broker (approve).
      const kind = ['review', 'approve', 'install', 'correction'][i % 4];
      tasks.push({
        ...base,
        id: `${id}.t2`,
        request_id: id,
        seq: 2,
        kind,
        agent_id: kind === 'approve' ? ids.broker : agentId,
        permission: kind === 'install' ? 'requests.install' : kind === 'correction' ? 'requests.create' : 'requests.review',
        is_open: open,
        assignee_id: open && i % 30 === 0 ? ids.user : null,
        sla: SLA[i % SLA.length],
        escalated: open && i % 50 === 0,
        due_at: new Date(created.getTime() + ((i % 7) + 1) * day),
        closed_at: open ? null : created,
        outcome: open ? null : 'approved',
      });
    }
    await world.db.transaction(async (transaction) => {
      for (const chunk of chunkForParams(requests, Object.keys(requests[0]).length))
        await qi.bulkInsert('requests', chunk, { transaction });
      for (const chunk of chunkForParams(tasks, Object.keys(tasks[1]).length + 1))
        await qi.bulkInsert('request_tasks', chunk, { transaction });
    });
    if ((start / batch) % 10 === 0) log(`inbox: seeded ${Math.min(rows, start + batch).toLocaleString('en')} requests`);
  }
}

/** The inbox repository's statements (db/repositories/requests.ts `inbox`) as plain SQL. */
function statements(
  f: InboxFilter,
  who: { agentId: string; userId: string; permissions: string[] },
  ph: (n: number) => string,
  bool: (b: boolean) => unknown,
) {
  const build = (view: InboxFilter['view'], withKindSla: boolean, first: unknown[] = []) => {
    const params: unknown[] = [...first];
    const p = (v: unknown) => {
      params.push(v);
      return ph(params.length);
    };
    const and = [`is_open = ${p(bool(true))}`, `agent_id = ${p(who.agentId)}`];
    and.push(`permission IN (${who.permissions.map((x) => p(x)).join(', ')})`);
    if (view === 'mine') and.push(`assignee_id = ${p(who.userId)}`);
    if (view === 'unassigned') and.push('assignee_id IS NULL');
    if (view === 'escalated') and.push(`escalated = ${p(bool(true))}`);
    if (f.type) and.push(`request_type = ${p(f.type)}`);
    if (withKindSla && f.kind) and.push(`kind = ${p(f.kind)}`);
    if (f.pspCode) and.push(`psp_code = ${p(f.pspCode)}`);
    if (withKindSla && f.sla) and.push(`sla = ${p(f.sla)}`);
    if (f.q) and.push(`request_number LIKE ${p(`%${f.q}%`)}`);
    return { where: and.join(' AND '), params };
  };
  const main = build(f.view, true);
  const page = f.page ?? 1;
  // The SELECT's two values come before the WHERE's in the text (positional `?` on SQLite).
  const group = build('group', false, [who.userId, bool(true)]);
  return [
    {
      sql: `SELECT * FROM request_tasks WHERE ${main.where} ORDER BY escalated DESC, due_at ASC, created_at ASC, id ASC LIMIT 50 OFFSET ${(page - 1) * 50}`,
      params: main.params,
    },
    { sql: `SELECT kind, sla, count(id) AS n FROM request_tasks WHERE ${main.where} GROUP BY kind, sla`, params: main.params },
    {
      sql:
        `SELECT count(id) AS "group", SUM(CASE WHEN assignee_id = ${ph(1)} THEN 1 ELSE 0 END) AS mine, ` +
        `SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END) AS unassigned, ` +
        `SUM(CASE WHEN escalated = ${ph(2)} THEN 1 ELSE 0 END) AS escalated FROM request_tasks WHERE ${group.where}`,
      params: group.params,
    },
  ];
}

async function timed(calls: number, clients: number, one: (i: number) => Promise<void>): Promise<Latency> {
  const ms: number[] = [];
  const started = Date.now();
  await pool(
    Array.from({ length: calls }, (_, i) => i),
    clients,
    async (i) => {
      const t = performance.now();
      await one(i);
      ms.push(performance.now() - t);
    },
  );
  ms.sort((a, b) => a - b);
  return {
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    perSecond: calls / ((Date.now() - started) / 1000),
  };
}

export async function inboxLatency(
  o: BenchOptions,
  dialect: 'sqlite' | 'postgres',
  versions: Record<string, string>,
): Promise<InboxResult> {
  const world = await startWorld({ dialect });
  versions[`${dialect}`] = world.versions.database;
  try {
    const m = world.db.models;
    const agent = async (code: string) => (await m.Agent.findOne({ where: { code } }))!.id;
    const me = (await world.ok('alpha-admin', 'GET', '/api/me')) as { user: { id: string }; permissions: string[] };
    const ids = { alpha: await agent('alpha'), beta: await agent('beta'), broker: await agent('broker'), user: me.user.id };
    const t0 = Date.now();
    await seed(world, o.inboxRows, ids);
    if (dialect === 'postgres') await world.db.sequelize.query('ANALYZE request_tasks; ANALYZE requests;');
    else await world.db.sequelize.query('ANALYZE;');
    const seedSeconds = (Date.now() - t0) / 1000;
    const openTasksOfAlpha = await m.RequestTask.count({ where: { isOpen: true, agentId: ids.alpha } });
    log(
      `inbox (${dialect}): ${o.inboxRows.toLocaleString('en')} requests seeded in ${seedSeconds.toFixed(1)} s; alpha has ${openTasksOfAlpha} open tasks`,
    );

    // Warm-up, then the API at C clients.
    for (const c of INBOX_CALLS) await world.ok('alpha-admin', 'GET', `/api/inbox?${c.query}`);
    const api = await timed(o.inboxQueries, o.clients, async (i) => {
      await world.ok('alpha-admin', 'GET', `/api/inbox?${INBOX_CALLS[i % INBOX_CALLS.length].query}`);
    });
    log(`inbox (${dialect}) API: ${JSON.stringify(api)}`);

    // The same statements through the driver, one call = the repository's statements at once.
    const who = { agentId: ids.alpha, userId: ids.user, permissions: me.permissions };
    let sql: Latency;
    if (dialect === 'postgres') {
      const pg = new Pool({ connectionString: world.env.DATABASE_URL, max: 10 });
      try {
        const run = (i: number) =>
          Promise.all(
            statements(
              INBOX_CALLS[i % INBOX_CALLS.length].filter,
              who,
              (n) => `$${n}`,
              (b) => b,
            ).map((s) => pg.query(s.sql, s.params)),
          ).then(() => undefined);
        for (let i = 0; i < INBOX_CALLS.length; i += 1) await run(i);
        sql = await timed(o.inboxQueries, o.clients, run);
      } finally {
        await pg.end();
      }
    } else {
      const file = world.env.DB_STORAGE!;
      const lite = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
      const all = (s: string, p: unknown[]) => new Promise<void>((res, rej) => lite.all(s, p, (err) => (err ? rej(err) : res())));
      try {
        const run = (i: number) =>
          Promise.all(
            statements(
              INBOX_CALLS[i % INBOX_CALLS.length].filter,
              who,
              () => '?',
              (b) => (b ? 1 : 0),
            ).map((s) => all(s.sql, s.params)),
          ).then(() => undefined);
        for (let i = 0; i < INBOX_CALLS.length; i += 1) await run(i);
        sql = await timed(o.inboxQueries, o.clients, run);
      } finally {
        await new Promise<void>((res) => lite.close(() => res()));
      }
    }
    log(`inbox (${dialect}) SQL: ${JSON.stringify(sql)}`);
    return { dialect, rows: o.inboxRows, seedSeconds, queries: o.inboxQueries, clients: o.clients, openTasksOfAlpha, api, sql };
  } finally {
    await world.stop();
  }
}
