import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../db';
import { createTicketRepository } from '../../db/repositories/tickets';
import { ensureAgent, seedBase } from '../../db/seed';
import type { TicketSnapshot } from '../../domain/tickets/ticket';

/**
 * SQL Server, the production database, through testcontainers. It needs a Docker engine; where
 * there is none the suite is reported as skipped with the reason.
 */
function dockerEngine(): string | null {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 10_000 });
    return null;
  } catch {
    return 'no Docker engine on this machine (docker info failed)';
  }
}

const skipReason = dockerEngine();
const suite = skipReason ? describe.skip : describe;
if (skipReason) console.log(`SQL Server suite skipped: ${skipReason}`);

suite(`SQL Server dialect${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the container type comes from a lazily loaded module
  let container: any;
  let url: string;

  beforeAll(async () => {
    const { MSSQLServerContainer } = await import('@testcontainers/mssqlserver');
    container = await new MSSQLServerContainer('mcr.microsoft.com/mssql/server:2022-latest').acceptLicense().start();
    url = `mssql://${container.getUsername()}:${encodeURIComponent(container.getPassword())}@${container.getHost()}:${container.getPort()}/master`;
  });

  afterAll(async () => {
    await container?.stop();
  });

  test('when the schema is migrated and a ticket projected twice, then it is stored once with Persian text intact', async () => {
    const db = await openDatabase({ dialect: 'mssql', url });
    await seedBase(db);
    const agentId = await ensureAgent(db, {
      code: 'alpha',
      realm: 'agent-alpha',
      nameFa: 'نمایندگی آلفا',
      nameEn: 'Alpha',
      parentCode: 'broker',
    });
    const repo = createTicketRepository(db);
    const now = new Date().toISOString();
    const id = randomUUID();
    const snapshot: TicketSnapshot = {
      id,
      number: 'TK-1405-000001',
      agentId,
      requester: { id: randomUUID(), displayName: 'علی محمدی' },
      categoryCode: 'technical',
      subject: 'کارتخوان روشن نمی‌شود',
      priority: 'normal',
      state: 'open',
      assignee: null,
      escalated: false,
      firstResponseDueAt: now,
      firstRespondedAt: null,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
      closeReason: null,
      rating: null,
      messages: [
        {
          id: `${id}-m1`,
          seq: 1,
          author: { id: 'x', displayName: 'علی', side: 'requester' },
          body: 'سلام',
          attachments: [],
          createdAt: now,
        },
      ],
      timeline: [{ seq: 1, type: 'created', at: now, actor: null, data: {} }],
      version: 1,
    };
    await repo.saveTicket(snapshot);
    await repo.saveTicket(snapshot);
    const detail = await repo.findDetail(id);
    expect(detail?.subject).toBe('کارتخوان روشن نمی‌شود');
    expect(detail?.messages).toHaveLength(1);
    expect(await repo.nextNumber()).toBe(1);
    await db.close();
  });
});
