import { randomUUID } from 'node:crypto';
import { openDatabase, type Database } from '../../db';
import { createRequestRepository } from '../../db/repositories/requests';
import { freshDatabase } from './harness';

/**
 * The inbox's counts on the database named by DB_DIALECT: the page, the total, the counts per kind and
 * per SLA state of the filtered list, and the four views' counts (which ignore the kind/SLA filters),
 * exactly, against a hand-made set of tasks.
 */
let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Database;

const AGENT = randomUUID();
const OTHER_AGENT = randomUUID();
const ME = randomUUID();
const SOMEONE = randomUUID();

interface T {
  kind: string;
  sla: string;
  assignee?: string;
  escalated?: boolean;
  open?: boolean;
  agent?: string;
  permission?: string;
}

const tasks: T[] = [
  { kind: 'review', sla: 'ok', assignee: ME },
  { kind: 'review', sla: 'warning' },
  { kind: 'review', sla: 'breached', escalated: true },
  { kind: 'approve', sla: 'ok', assignee: SOMEONE },
  { kind: 'approve', sla: 'ok', assignee: ME, escalated: true },
  { kind: 'install', sla: 'ok', permission: 'requests.install' },
  // Not counted: closed, another agent's, a permission the user lacks.
  { kind: 'review', sla: 'ok', open: false },
  { kind: 'review', sla: 'ok', agent: OTHER_AGENT },
  { kind: 'fix', sla: 'ok', permission: 'requests.operate' },
];

beforeAll(async () => {
  database = await freshDatabase(process.env.DB_DIALECT ?? 'sqlite');
  const env = database.env;
  db = await openDatabase({ dialect: env.DB_DIALECT as 'sqlite' | 'postgres', storage: env.DB_STORAGE, url: env.DATABASE_URL });
  const now = Date.now();
  await db.models.RequestTask.bulkCreate(
    tasks.map((t, i) => ({
      id: `task-${i}`,
      requestId: randomUUID(),
      seq: 1,
      kind: t.kind,
      agentId: t.agent ?? AGENT,
      permission: t.permission ?? 'requests.review',
      isOpen: t.open ?? true,
      assigneeId: t.assignee ?? null,
      assigneeName: t.assignee ? 'x' : null,
      sla: t.sla,
      escalated: t.escalated ?? false,
      warnAt: null,
      criticalAt: null,
      dueAt: new Date(now + i * 60_000),
      createdAt: new Date(now - 1000),
      closedAt: null,
      closedById: null,
      closedByName: null,
      outcome: null,
      reason: null,
      problem: null,
      requestNumber: `R-${1000 + i}`,
      requestType: 'install',
      requestAgentId: AGENT,
      pspCode: 'psp-a',
    })),
  );
}, 60_000);

afterAll(async () => {
  await db?.close();
  await database?.drop();
});

const base = {
  userId: ME,
  agentId: AGENT,
  permissions: ['requests.review', 'requests.install'],
  page: 1,
  pageSize: 2,
} as const;

test('the group view: page, total, per kind, per SLA state and the four views', async () => {
  const r = await createRequestRepository(db).inbox({ ...base, view: 'group' });
  expect(r.total).toBe(6);
  expect(r.items).toHaveLength(2);
  // Escalated first, then by due time.
  expect(r.items.map((i) => i.task.id)).toEqual(['task-2', 'task-4']);
  expect(r.counts.byKind).toMatchObject({ review: 3, approve: 2, install: 1, fix: 0 });
  expect(r.counts.bySla).toEqual({ ok: 4, warning: 1, breached: 1 });
  expect(r.counts.views).toEqual({ mine: 2, group: 6, unassigned: 3, escalated: 2 });
});

test('filters by kind and SLA narrow the list and its counts, not the views', async () => {
  const r = await createRequestRepository(db).inbox({ ...base, view: 'unassigned', kind: 'review' });
  expect(r.total).toBe(2);
  expect(r.counts.byKind).toMatchObject({ review: 2, approve: 0 });
  expect(r.counts.bySla).toEqual({ warning: 1, breached: 1 });
  expect(r.counts.views).toEqual({ mine: 2, group: 6, unassigned: 3, escalated: 2 });
  const mine = await createRequestRepository(db).inbox({ ...base, view: 'mine', sla: 'ok', page: 1, pageSize: 10 });
  expect(mine.items.map((i) => i.task.id).sort()).toEqual(['task-0', 'task-4']);
  expect(mine.total).toBe(2);
});

test('no tasks at all: zeros, not nulls', async () => {
  const r = await createRequestRepository(db).inbox({ ...base, agentId: randomUUID(), view: 'group' });
  expect(r.total).toBe(0);
  expect(r.items).toEqual([]);
  expect(r.counts.views).toEqual({ mine: 0, group: 0, unassigned: 0, escalated: 0 });
  expect(r.counts.bySla).toEqual({});
});
