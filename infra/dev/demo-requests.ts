/**
 * The demo's living requests (`npm start` runs it in the background once the API and the worker are
 * up): merchants, stock and requests of several types in every stage — in review at the agency and
 * at the broker, returned for correction, at the PSP, parked on an unmapped code, waiting for the
 * technician, done, rejected, cancelled, and a draft. Everything goes through the same services the
 * API uses and the real request workflows, Keycloak users and PSP simulators; the demo people act
 * as themselves (their Kartabl user records are created exactly as at their first login).
 * Runs once: it does nothing when the database already has requests.
 */
import 'dotenv/config';
import { Client, Connection } from '@temporalio/client';
import { openDatabase, dbConfigFromEnv, type Database } from '../../db';
import { createAccessRepository } from '../../db/repositories/access';
import { createRequestRepository } from '../../db/repositories/requests';
import { createStockRepository } from '../../db/repositories/stock';
import { SYSTEM_ACTOR } from '../../db/audit';
import { makeNationalCode, makeSheba } from '../../domain/iran';
import { loadConfig } from '../../api/lib/config';
import type { AuthContext } from '../../api/lib/auth';
import { createAgentDirectory } from '../../api/components/agents/agents.repository';
import { createMerchantService } from '../../api/components/merchants/merchants.service';
import { CreateMerchantBody } from '../../api/components/merchants/merchants.schemas';
import { createRequestService } from '../../api/components/requests/requests.service';
import { ActionBody, CreateRequestBody } from '../../api/components/requests/requests.schemas';
import { KeycloakAdmin } from '../keycloak/provision';

const log = (m: string): void => console.log(`[demo-requests] ${m}`);

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const db: Database = await openDatabase(dbConfigFromEnv());
  try {
    if ((await db.models.Request.count()) > 0) {
      log('the database already has requests: nothing to do');
      return;
    }
    const connection = await Connection.connect({ address: config.temporal.address });
    const temporal = new Client({ connection, namespace: config.temporal.namespace });
    try {
      await seed(db, temporal, config);
    } finally {
      await connection.close();
    }
  } finally {
    await db.close();
  }
}

async function seed(db: Database, temporal: Client, config: ReturnType<typeof loadConfig>): Promise<void> {
  const access = createAccessRepository(db);
  const agents = createAgentDirectory(db, access);
  const admin = config.realms.admin;
  if (!admin) throw new Error('KEYCLOAK_ADMIN_USER/PASSWORD are needed to find the demo users');
  const kc = new KeycloakAdmin({ keycloakUrl: config.realms.adminUrl, username: admin.username, password: admin.password });

  /** The person as the API would see them after their login (user record and grants as at first sight). */
  async function as(realm: string, username: string, tokenRoles: string[]): Promise<AuthContext> {
    const [u] = await kc.list<{ id: string; firstName?: string; lastName?: string; email?: string }>(
      `/${encodeURIComponent(realm)}/users?username=${encodeURIComponent(username)}&exact=true`,
    );
    if (!u) throw new Error(`demo user ${realm}/${username} not found in Keycloak`);
    const agent = (await agents.activeAgents()).find((a) => a.realm === realm);
    if (!agent) throw new Error(`no active agent for realm ${realm}`);
    const issuer = `${config.auth.keycloakUrl}/realms/${realm}`;
    const user = await agents.resolveUser(
      agent,
      issuer,
      u.id,
      { preferred_username: username, given_name: u.firstName, family_name: u.lastName, email: u.email },
      tokenRoles,
    );
    const { roles, permissions } = await access.accessOf(user.id, agent.id);
    return {
      issuer,
      subject: u.id,
      agent,
      user,
      roles,
      permissions,
      ip: null,
      actor: { id: user.id, displayName: user.displayName, agentId: agent.id, permissions },
      who: { issuer, subject: u.id, userId: user.id, name: user.displayName, agentId: agent.id, ip: null },
    };
  }

  const submitter0 = await as('agent-alpha', 'alpha-user', ['agent-user']);
  const reviewer = await as('agent-alpha', 'alpha-admin', ['agent-admin']);
  const approver = await as('kartabl', 'broker-admin', ['admin']);
  // alpha-user also installs devices in the demo (the technician role, granted as an admin would).
  const technicianRole = await db.models.Role.findOne({ where: { code: 'technician' } });
  if (
    technicianRole &&
    !(await db.models.UserRole.findOne({ where: { userId: submitter0.user.id, roleId: technicianRole.id } }))
  ) {
    await db.models.UserRole.create({ userId: submitter0.user.id, roleId: technicianRole.id });
    access.invalidate(submitter0.user.id);
  }
  const submitter = await as('agent-alpha', 'alpha-user', ['agent-user']);

  // Devices in alpha's warehouse.
  const stock = createStockRepository(db);
  const warehouse = await stock.warehouseOfAgent(submitter.agent.id);
  const doc = await stock.createEntry({
    warehouse,
    lines: Array.from({ length: 12 }, (_, i) => ({
      line: i + 1,
      serial: `DEMO-S90-${String(i + 1).padStart(4, '0')}`,
      deviceModel: 'pax-s90',
    })),
    note: 'دستگاه‌های نمایشی',
    actor: SYSTEM_ACTOR,
  });
  await stock.importEntry(doc.id);
  log('12 PAX S90 serials in alpha’s warehouse');

  // Merchants.
  const merchants = createMerchantService({ db, agents });
  const shops = [
    'نانوایی سنگک برکت',
    'سوپرمارکت ستاره',
    'کتاب‌فروشی دانش',
    'داروخانه شفا',
    'پوشاک آریا',
    'کافه نارنج',
    'میوه‌فروشی باغ',
    'لوازم‌التحریر قلم',
  ];
  const people = [
    ['زهرا', 'احمدی', 'Zahra', 'Ahmadi'],
    ['رضا', 'کریمی', 'Reza', 'Karimi'],
    ['مریم', 'حسینی', 'Maryam', 'Hosseini'],
    ['علی', 'رضایی', 'Ali', 'Rezaei'],
    ['سارا', 'موسوی', 'Sara', 'Mousavi'],
    ['حسن', 'جعفری', 'Hassan', 'Jafari'],
    ['نرگس', 'صادقی', 'Narges', 'Sadeghi'],
    ['امیر', 'نوری', 'Amir', 'Nouri'],
  ];
  const made: { merchantId: string; shopId: string; accountId: string; accountId2: string }[] = [];
  for (const [i, shop] of shops.entries()) {
    const [fa1, fa2, en1, en2] = people[i];
    const m = await merchants.create(
      submitter,
      CreateMerchantBody.parse({
        kind: 'natural',
        nationalCode: makeNationalCode(String(512300000 + i * 7919)),
        firstNameFa: fa1,
        lastNameFa: fa2,
        firstNameEn: en1,
        lastNameEn: en2,
        fatherNameFa: 'محمد',
        birthDate: `13${60 + i}/0${(i % 9) + 1}/1${i}`,
        mobile: `0912${String(3000000 + i * 1013).padStart(7, '0')}`,
        addresses: [
          {
            addressFa: `تهران، خیابان ولیعصر، پلاک ${i + 10}`,
            addressEn: `No. ${i + 10}, Valiasr St, Tehran`,
            postalCode: `14167531${10 + i}`,
          },
        ],
        shops: [
          {
            nameFa: shop,
            nameEn: `Demo shop ${i + 1}`,
            guildCode: 'supermarket',
            addressFa: `تهران، خیابان انقلاب، پلاک ${i + 3}`,
            addressEn: `No. ${i + 3}, Enghelab St, Tehran`,
            postalCode: `15167531${10 + i}`,
          },
        ],
        accounts: [
          { sheba: makeSheba('012', 8100000 + i), ownerNameFa: `${fa1} ${fa2}`, isPrimary: true },
          { sheba: makeSheba('017', 8200000 + i), ownerNameFa: `${fa1} ${fa2}` },
        ],
      }),
    );
    made.push({ merchantId: m.id, shopId: m.shops[0].id, accountId: m.accounts[0].id, accountId2: m.accounts[1].id });
  }
  log(`${made.length} merchants`);

  const requests = createRequestService({ db, agents, temporal, taskQueue: config.temporal.taskQueue, timings: config.requests });
  const repo = createRequestRepository(db);
  const install = (i: number, psp: string, submit = true) =>
    requests.create(
      submitter,
      CreateRequestBody.parse({
        type: 'install',
        pspCode: psp,
        submit,
        clientKey: `demo-install-${i}`,
        payload: { merchantId: made[i].merchantId, shopId: made[i].shopId, accountId: made[i].accountId, deviceModel: 'pax-s90' },
      }),
    );
  const act = async (who: AuthContext, id: string, action: string, extra: Record<string, unknown> = {}) => {
    const r = await repo.find(id);
    if (!r?.openTaskId) throw new Error(`request ${id} has no open task`);
    return requests.act(who, id, ActionBody.parse({ action, taskId: r.openTaskId, ...extra }));
  };
  /** Waits for the workflow (it projects into the database) until `ok` holds. */
  const until = async (id: string, what: string, ok: (r: { state: string; openTaskKind: string | null }) => boolean) => {
    for (let i = 0; i < 600; i += 1) {
      const row = await db.models.Request.findByPk(id, { attributes: ['state', 'openTaskKind'] });
      if (row && ok(row)) return;
      await new Promise((res) => setTimeout(res, 500));
    }
    throw new Error(`request ${id} did not reach ${what}`);
  };
  const atTask = (id: string, kind: string) => until(id, `a ${kind} task`, (r) => r.openTaskKind === kind);
  const approved = async (id: string) => {
    await atTask(id, 'review');
    await act(reviewer, id, 'approve');
    await atTask(id, 'approve');
    await act(approver, id, 'approve');
  };
  const installed = async (id: string) => {
    await approved(id);
    await atTask(id, 'install');
    await act(submitter, id, 'confirm-install', { reason: 'نصب شد و به پذیرنده آموزش داده شد' });
    await until(id, 'done', (r) => r.state === 'done');
    return (await repo.find(id))!.terminalId!;
  };

  const stories: Promise<unknown>[] = [
    // Done, then an account change on the same terminal: done too.
    (async () => {
      const id = (await install(0, 'psp-a')).body.id;
      const terminalId = await installed(id);
      const change = await requests.create(
        submitter,
        CreateRequestBody.parse({
          type: 'account',
          pspCode: 'psp-a',
          submit: true,
          payload: { terminalId, accountId: made[0].accountId2 },
        }),
      );
      await approved(change.body.id);
      await until(change.body.id, 'done', (r) => r.state === 'done');
    })(),
    // Waiting for the technician.
    (async () => {
      const id = (await install(1, 'psp-a')).body.id;
      await approved(id);
      await atTask(id, 'install');
    })(),
    // Reviewed by alpha, waiting for the broker's approval.
    (async () => {
      const id = (await install(2, 'psp-b')).body.id;
      await atTask(id, 'review');
      await act(reviewer, id, 'approve');
      await atTask(id, 'approve');
    })(),
    // Waiting for alpha's review.
    install(3, 'psp-a'),
    // Returned to the submitter for correction.
    (async () => {
      const id = (await install(4, 'psp-a')).body.id;
      await atTask(id, 'review');
      await act(reviewer, id, 'return', { reason: 'تصویر کارت ملی خوانا نیست؛ دوباره بارگذاری کنید.' });
    })(),
    // Rejected by the broker.
    (async () => {
      const id = (await install(5, 'psp-b')).body.id;
      await atTask(id, 'review');
      await act(reviewer, id, 'approve');
      await atTask(id, 'approve');
      await act(approver, id, 'reject', { reason: 'این صنف در قرارداد نمایندگی آلفا نیست.' });
    })(),
    // Cancelled by the submitter.
    (async () => {
      const id = (await install(6, 'psp-a')).body.id;
      await atTask(id, 'review');
      await act(submitter, id, 'cancel', { reason: 'پذیرنده منصرف شد' });
    })(),
    // A draft.
    install(7, 'psp-b', false),
    // Installed at PSP-B, then a swap for a reason PSP-B has no code for: parked for the broker.
    (async () => {
      const id = (
        await requests.create(
          submitter,
          CreateRequestBody.parse({
            type: 'install',
            pspCode: 'psp-b',
            submit: true,
            clientKey: 'demo-install-psp-b-swap',
            payload: {
              merchantId: made[7].merchantId,
              shopId: made[7].shopId,
              accountId: made[7].accountId,
              deviceModel: 'pax-s90',
            },
          }),
        )
      ).body.id;
      const terminalId = await installed(id);
      const swap = await requests.create(
        submitter,
        CreateRequestBody.parse({
          type: 'swap',
          pspCode: 'psp-b',
          submit: true,
          payload: { terminalId, reason: 'connection-change' },
        }),
      );
      await approved(swap.body.id);
      await until(swap.body.id, 'parked', (r) => r.state === 'parked');
    })(),
  ];
  const results = await Promise.allSettled(stories);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  for (const f of failed) log(`a demo story failed: ${f.reason instanceof Error ? f.reason.message : String(f.reason)}`);
  const count = await db.models.Request.count();
  log(`${count} demo requests in place (${results.length - failed.length}/${results.length} stories complete)`);
  if (failed.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error('[demo-requests] failed:', err);
  process.exit(1);
});
