/**
 * Request workflows through the portal (issue 5), each human step in the browser:
 * - the install form against the real API (merchant lookup by national code, draft saved and reopened);
 * - the install story: submitter → agency review (bulk approve in the inbox) → broker approval (request
 *   page) → PSP simulator → technician's confirmation → an active terminal with its serial;
 * - an account change with a return-for-correction round (reason seen by the submitter, resubmitted);
 * - a Shaparak reactivation after the PSP simulator deactivated the terminal;
 * - a swap with a reason PSP-A has no code for: parked, mapped by the broker on the mapping screen,
 *   retried from the request page, a new device on the terminal and the old one back in the warehouse;
 * - a merchant info change (the shop's new name on the terminal page);
 * - a PSP business rejection (Sheba owner mismatch): back to the submitter with the PSP's message, cancelled;
 * - the collection of the terminal with a reason from base data (the device back in the warehouse);
 * - an install cancelled at the technician stage (the terminal waits for a device), then a define request
 *   with a chosen serial.
 * Setup goes through the API (merchant, technician role) and, for the device stock, through the stock
 * repository on the e2e stack's database, as tests/integration/requests-api.test.ts does.
 */
import type { Browser, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '../db/audit';
import { createStockRepository } from '../db/repositories/stock';
import { makeNationalCode, makeSheba } from '../domain/iran';
import { DEMO_PASSWORD } from '../infra/keycloak/provision';
import type { E2eTest } from './ticket-story';
import {
  check,
  eventually,
  openSession,
  shot,
  signIn,
  textOf,
  PEOPLE,
  type Person,
  type PortalTarget,
  type Session,
  PNG_1PX,
  attrs,
} from './support/browser';
import type { E2eStack } from './support/stack';

const PERSIAN_DIGIT = /[\u06F0-\u06F9]/;
const PERSIAN_LETTER = /[\u0600-\u06FF]/;

/** A token of a test user (password grant of the test client `kartabl-cli`). */
async function tokenOf(target: PortalTarget, person: Person): Promise<string> {
  const res = await fetch(`${target.keycloakUrl}/realms/${person.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'kartabl-cli',
      username: person.username,
      password: DEMO_PASSWORD,
    }),
  });
  check(res.ok, `token of ${person.username}: HTTP ${res.status}`);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A call to the API through the portal server's proxy. */
async function api<T>(target: PortalTarget, person: Person, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${target.portalUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenOf(target, person)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  check(res.ok, `${method} ${path} as ${person.username}: HTTP ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

interface Merchant {
  id: string;
  identifier: string;
  shops: { id: string }[];
  accounts: { id: string; sheba: string }[];
}

let merchantSeq = 0;

/** A natural merchant of alpha with one shop and two Sheba accounts, created through the API. */
async function alphaMerchant(target: PortalTarget): Promise<Merchant> {
  merchantSeq += 1;
  const base = 300000000 + ((Date.now() + merchantSeq * 7919) % 99999999);
  const nationalCode = makeNationalCode(String(base));
  return api<Merchant>(target, PEOPLE.alphaAdmin, 'POST', '/merchants', {
    kind: 'natural',
    nationalCode,
    firstNameFa: 'مهدی',
    lastNameFa: 'رضایی',
    firstNameEn: 'Mahdi',
    lastNameEn: 'Rezaei',
    fatherNameFa: 'علی',
    birthDate: '۱۳۶۸/۰۴/۱۰',
    mobile: '09121234567',
    addresses: [{ addressFa: 'تهران، خیابان آزادی، پلاک ۱۰', addressEn: 'No. 10, Azadi St, Tehran', postalCode: '1193653471' }],
    shops: [
      {
        nameFa: 'سوپرمارکت رضایی',
        nameEn: 'Rezaei Supermarket',
        guildCode: 'supermarket',
        addressFa: 'تهران، خیابان انقلاب، پلاک ۵',
        addressEn: 'No. 5, Enghelab St, Tehran',
        postalCode: '1416753111',
        phone: '02166554433',
      },
    ],
    accounts: [
      { sheba: makeSheba('012', (base % 9000000) + 1000000), ownerNameFa: 'مهدی رضایی', isPrimary: true },
      { sheba: makeSheba('017', (base % 9000000) + 2000000), ownerNameFa: 'مهدی رضایی' },
    ],
  });
}

/** Fills the install form up to the review step (the merchant found by its national code). */
async function fillInstall(page: Page, target: PortalTarget, merchant: Merchant, prefix: string): Promise<void> {
  await page.goto(`${target.portalUrl}/requests/new`);
  await page.getByTestId('request-form').waitFor();
  await page.getByTestId('request-type').selectOption('install');
  await choosePsp(page);
  await shot(page, `${prefix}-1-type`);
  await page.getByTestId('form-next').click();
  await page.getByTestId('merchant-search').fill(merchant.identifier);
  await page.getByTestId('merchant-search-go').click();
  await page.locator(`[data-testid="merchant-result"][data-merchant-id="${merchant.id}"]`).click();
  await page.getByTestId('merchant-chosen').waitFor();
  await page.getByTestId('request-shop').selectOption(merchant.shops[0].id);
  await page.getByTestId('request-account').selectOption(merchant.accounts[0].id);
  await page.getByTestId('request-device-model').selectOption(MODEL);
  await shot(page, `${prefix}-2-details`);
  await page.getByTestId('form-next').click();
  await page.getByTestId('request-review').waitFor();
  await shot(page, `${prefix}-3-review`);
}

/** PSP-A on the form's first step (offered once base data answered). */
async function choosePsp(page: Page): Promise<void> {
  await eventually('PSPs offered', async () =>
    check((await page.getByTestId('request-psp').locator(`option[value="${PSP}"]`).count()) === 1, `no ${PSP}`),
  );
  await page.getByTestId('request-psp').selectOption(PSP);
}

const PSP = 'psp-a';
const MODEL = 'pax-s90';
/** A swap reason the swap story adds to base data without a PSP-A code (the e2e database is fresh per run). */
const SWAP_REASON = 'e2e-cracked-screen';
/** The serials setup() puts into alpha's warehouse (install, swap, the cancelled install and define take some). */
const SERIALS = Array.from({ length: 6 }, (_, i) => `E2E-S90-${String(i + 1).padStart(4, '0')}`);

/** The timeline's entry types on a request page. */
function timelineTypes(page: Page): Promise<string[]> {
  return attrs(page.getByTestId('timeline-entry'), 'data-type');
}

async function stateOf(page: Page): Promise<string> {
  return (await page.getByTestId('request-state').first().getAttribute('data-state')) ?? '';
}

/** The request page of `id`, reloaded until `until` holds (the workflow moves asynchronously). */
async function untilRequest(page: Page, what: string, until: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  await eventually(
    what,
    async () => {
      if (await until()) return;
      await page.getByTestId('refresh').click();
      await page.getByTestId('request-stage').waitFor();
      check(await until(), `not yet (state ${await stateOf(page)})`);
    },
    timeoutMs,
    1_000,
  );
}

const openKind = async (page: Page): Promise<string | null> => {
  const task = page.getByTestId('open-task');
  return (await task.count()) ? task.getAttribute('data-kind') : null;
};

/** Elements of the page's main area whose content is wider than their box (Persian text must wrap, not overflow). */
async function overflowing(page: Page): Promise<string[]> {
  // A page-side expression (no DOM lib in the e2e tsconfig).
  return page.evaluate(`Array.from(document.querySelectorAll('main *'))
    .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 2 && getComputedStyle(e).overflowX === 'visible')
    .map((e) => (e.getAttribute('data-testid') || e.tagName.toLowerCase()) + ':' + e.scrollWidth + '>' + e.clientWidth)
    .slice(0, 5)`);
}

export function requestTests(browser: Browser, target: PortalTarget, sessions: Session[], stack?: E2eStack): E2eTest[] {
  /** One signed-in browser per person, shared by the stories. */
  const signedIn = new Map<string, Promise<Session>>();
  const as = (person: Person): Promise<Session> => {
    let s = signedIn.get(person.username);
    if (!s) {
      s = (async () => {
        const session = await openSession(browser, person);
        sessions.push(session);
        await signIn(session, target);
        return session;
      })();
      signedIn.set(person.username, s);
    }
    return s;
  };
  const go = async (person: Person, path: string): Promise<Page> => {
    const { page } = await as(person);
    await page.goto(`${target.portalUrl}${path}`);
    return page;
  };

  let merchant: Merchant | undefined;
  let ready: Promise<void> | undefined;
  /** The installed terminal the later stories work on. */
  const story: {
    requestId?: string;
    collectId?: string;
    terminalId?: string;
    pspTerminalId?: string;
    serial?: string;
    /** The terminal of the install cancelled at the technician stage (waiting for a device). */
    waitingTerminalId?: string;
  } = {};

  /** alpha-user2 becomes alpha's technician; serials of the model go into alpha's warehouse. */
  const setup = (): Promise<void> =>
    (ready ??= (async () => {
      check(!!stack, 'the stories need the e2e stack (its database) for the device stock');
      merchant ??= await alphaMerchant(target);
      await api(target, PEOPLE.alphaUser2, 'GET', '/me'); // first sight: the user row exists
      const tech = await stack.api.db.models.User.findOne({ where: { username: 'alpha-user2' } });
      check(!!tech, 'alpha-user2 not found');
      const roles = await api<{ grantable: { id: string; code: string }[] }>(
        target,
        PEOPLE.alphaAdmin,
        'GET',
        `/users/${tech.id}/roles`,
      );
      const grant = roles.grantable.filter((r) => r.code === 'technician' || r.code === 'agent-user').map((r) => r.id);
      check(
        grant.length === 2,
        `alpha-admin cannot grant technician + agent-user (grantable: ${roles.grantable.map((r) => r.code).join(', ')})`,
      );
      await api(target, PEOPLE.alphaAdmin, 'PUT', `/users/${tech.id}/roles`, { roleIds: grant });

      const stock = createStockRepository(stack.api.db);
      const alpha = await stack.api.db.models.Agent.findOne({ where: { code: 'alpha' } });
      check(!!alpha, 'no alpha agent');
      const warehouse = await stock.warehouseOfAgent(alpha.id);
      const doc = await stock.createEntry({
        warehouse,
        lines: SERIALS.map((serial, i) => ({ line: i + 1, serial, deviceModel: MODEL })),
        actor: SYSTEM_ACTOR,
      });
      const done = await stock.importEntry(doc.id);
      check(done.status === 'done', `stock entry ended ${done.status}`);
    })());

  /** Approves the open review/approve task of `requestId` on its request page. */
  async function approveOnPage(person: Person, requestId: string, kind: 'review' | 'approve', screenshot: string) {
    const page = await go(person, `/requests/${requestId}`);
    await untilRequest(page, `${person.username} sees the ${kind} task`, async () => (await openKind(page)) === kind);
    await page.getByTestId('action-approve').waitFor();
    await shot(page, screenshot);
    await page.getByTestId('action-approve').click();
    await untilRequest(page, `${person.username}'s approval taken`, async () => (await openKind(page)) !== kind);
  }

  /** Approves the request's open task from the inbox with the bulk action (select the row, approve selected). */
  async function bulkApprove(person: Person, requestId: string, screenshot: string) {
    const page = await go(person, '/inbox');
    await page.getByTestId('inbox-view-group').click();
    const row = page.locator(`[data-testid="inbox-row"][data-request-id="${requestId}"]`);
    await eventually('the request in the inbox', async () => {
      await page.getByTestId('refresh').click();
      await row.waitFor({ timeout: 2_000 });
    });
    await row.getByTestId('inbox-select').check();
    await page.getByTestId('bulk-bar').waitFor();
    await shot(page, screenshot);
    await page.getByTestId('bulk-approve').click();
    const result = page.locator(`[data-testid="bulk-result"][data-request-id="${requestId}"]`);
    await result.waitFor();
    check((await result.getAttribute('data-ok')) === 'true', `bulk approve refused: ${await textOf(result)}`);
    await shot(page, `${screenshot}-result`);
  }

  /** Waits on the submitter's request page until the request is done. */
  async function untilDone(person: Person, requestId: string, screenshot: string): Promise<Page> {
    const page = await go(person, `/requests/${requestId}`);
    await untilRequest(page, 'done', async () => (await stateOf(page)) === 'done', 90_000);
    await shot(page, screenshot);
    return page;
  }

  /** From the terminal page (the story's terminal unless named), starts a request of `type` and brings the form to its details. */
  async function startFromTerminal(type: string, prefix: string, terminalId = story.terminalId): Promise<Page> {
    check(!!terminalId, 'no installed terminal (the install story failed)');
    const page = await go(PEOPLE.alphaUser, `/terminals/${terminalId}`);
    await page.getByTestId(`terminal-start-${type}`).click();
    await page.getByTestId('request-form').waitFor();
    check((await page.getByTestId('request-type').inputValue()) === type, `the form is not a ${type} request`);
    if (!(await page.getByTestId('request-psp').inputValue())) await choosePsp(page);
    await shot(page, `${prefix}-1-type`);
    await page.getByTestId('form-next').click();
    await page.getByTestId('terminal-chosen').waitFor();
    return page;
  }

  async function submitForm(page: Page, prefix: string): Promise<string> {
    await page.getByTestId('form-next').click();
    await page.getByTestId('request-review').waitFor();
    await shot(page, `${prefix}-3-review`);
    await page.getByTestId('form-submit').click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    return page.url().split('/').at(-1)!;
  }

  const needsTerminal = () => (story.terminalId ? undefined : 'the install story did not leave an active terminal');

  return [
    {
      name: 'requests: install form finds the merchant by national code, saves a draft and reopens it (Persian, RTL)',
      async run() {
        merchant ??= await alphaMerchant(target);
        const { page } = await as(PEOPLE.alphaUser);
        check((await page.getByTestId('menu-item-requests.new').count()) === 1, 'no "new request" in the menu');
        await fillInstall(page, target, merchant, 'requests-draft');
        check((await page.locator('html').getAttribute('dir')) === 'rtl', 'the page is not right-to-left');
        await page.getByTestId('form-save-draft').click();
        await page.waitForURL(/\/requests\/[0-9a-f-]{36}\/edit$/);
        const draftId = page.url().split('/').at(-2)!;
        const draft = page.locator(`[data-testid="draft"][data-request-id="${draftId}"]`);
        await draft.waitFor();
        // Reopened, the form is back at the details with what was chosen.
        await page.getByTestId('merchant-chosen').waitFor();
        check((await page.getByTestId('request-shop').inputValue()) === merchant.shops[0].id, 'the reopened draft lost its shop');
        await shot(page, 'requests-draft-4-reopened');
        check(PERSIAN_DIGIT.test(await textOf(draft)), 'the draft date is not in Persian digits');
        await draft.getByTestId('draft-delete').click();
        await eventually('the draft deleted', async () => check((await draft.count()) === 0, 'the draft is still listed'));
      },
    },
    {
      name: 'requests: install story — submitter, agency review (bulk), broker approval, PSP, technician, active terminal',
      async run() {
        await setup();
        const m = merchant!;
        // 1. alpha-user submits the install request through the form.
        const { page } = await as(PEOPLE.alphaUser);
        await fillInstall(page, target, m, 'install');
        await page.getByTestId('form-submit').click();
        await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
        const requestId = page.url().split('/').at(-1)!;
        story.requestId = requestId;
        await untilRequest(page, 'in review', async () => (await stateOf(page)) === 'in_review');
        await shot(page, 'install-4-submitted');

        // 2. alpha-admin approves the review from the inbox with the bulk action.
        await bulkApprove(PEOPLE.alphaAdmin, requestId, 'install-5-alpha-inbox-bulk');

        // 3. broker-admin (the credential owner) approves on the request page.
        await approveOnPage(PEOPLE.brokerAdmin, requestId, 'approve', 'install-6-broker-request');

        // 4. The PSP simulator registers and approves; a serial is allocated; the technician's task opens.
        const broker = (await as(PEOPLE.brokerAdmin)).page;
        await untilRequest(
          broker,
          'installing after the PSP approved',
          async () => (await stateOf(broker)) === 'installing',
          120_000,
        );
        check((await broker.getByTestId('psp-verdict').getAttribute('data-verdict')) === 'approved', 'no PSP approval shown');
        check((await textOf(broker.getByTestId('psp-tracking'))) !== '—', 'no PSP tracking code shown');
        story.serial = await textOf(broker.getByTestId('request-serial'));
        // Any free PAX S90 of alpha's warehouse (other stories stock it too); the terminal must end with this one.
        check(/^[A-Z0-9-]{4,30}$/.test(story.serial), `allocated serial ${story.serial}`);
        await shot(broker, 'install-7-psp-approved');

        // 5. The technician finds the task in their inbox and confirms the installation on the request page.
        const tech = await go(PEOPLE.alphaUser2, '/inbox');
        await tech.getByTestId('inbox-view-group').click(); // unclaimed: in the group's tasks, not yet "mine"
        const row = tech.locator(`[data-testid="inbox-row"][data-request-id="${requestId}"]`);
        await eventually('the installation in the technician’s inbox', async () => {
          await tech.getByTestId('refresh').click();
          await row.waitFor({ timeout: 2_000 });
        });
        await shot(tech, 'install-8-technician-inbox');
        await row.getByTestId('inbox-open').click();
        await tech.getByTestId('action-confirm-install').click();
        await untilRequest(tech, 'done', async () => (await stateOf(tech)) === 'done', 90_000);
        await shot(tech, 'install-9-done');
        const timeline = tech.getByTestId('request-timeline');
        const types = await attrs(timeline.getByTestId('timeline-entry'), 'data-type');
        for (const t of ['submitted', 'approved', 'psp_accepted', 'psp_approved', 'serial_allocated', 'installed', 'done']) {
          check(types.includes(t), `the timeline has no ${t} (has ${types.join(', ')})`);
        }
        const keys = await timeline
          .getByTestId('timeline-detail')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
        check(!keys.includes('taskId') && !keys.includes('agentId'), `the timeline shows internal ids (${keys.join(', ')})`);
        const overflow = await overflowing(tech);
        check(overflow.length === 0, `the request page overflows: ${overflow.join(', ')}`);

        // 6. The terminal page: active, with the serial.
        await tech.getByTestId('terminal-link').click();
        await tech.getByTestId('terminal-facts').waitFor();
        check(
          (await tech.getByTestId('terminal-state').first().getAttribute('data-state')) === 'active',
          'the terminal is not active',
        );
        check((await textOf(tech.getByTestId('terminal-serial'))) === story.serial, 'the terminal does not show the serial');
        check((await tech.getByTestId('request-row').count()) >= 1, 'the terminal lists no requests');
        await shot(tech, 'install-10-terminal');
        story.terminalId = tech.url().split('/').at(-1)!;
        story.pspTerminalId = await textOf(tech.getByTestId('terminal-number'));
      },
    },
    {
      name: 'requests: account change — returned for correction with a reason, resubmitted by the submitter, done',
      skipIf: needsTerminal,
      async run() {
        const m = merchant!;
        const page = await startFromTerminal('account', 'account');
        await page.getByTestId('request-account').selectOption(m.accounts[1].id);
        await shot(page, 'account-2-details');
        const requestId = await submitForm(page, 'account');

        // alpha-admin returns it with a reason.
        const reviewer = await go(PEOPLE.alphaAdmin, `/requests/${requestId}`);
        await untilRequest(reviewer, 'the review task', async () => (await openKind(reviewer)) === 'review');
        await reviewer.getByTestId('action-return').click();
        const reason = 'تصویر کارت بانکی حساب جدید را پیوست کنید';
        await reviewer.getByTestId('reason-input').fill(reason);
        await shot(reviewer, 'account-4-return-reason');
        await reviewer.getByTestId('reason-confirm').click();
        await untilRequest(reviewer, 'returned', async () => (await stateOf(reviewer)) === 'returned');

        // The submitter sees the reason on the request page and resubmits from there.
        const submitter = await go(PEOPLE.alphaUser, `/requests/${requestId}`);
        await untilRequest(submitter, 'the correction task', async () => (await openKind(submitter)) === 'correction');
        check((await textOf(submitter.getByTestId('task-reason'))) === reason, 'the submitter does not see the reason');
        await shot(submitter, 'account-5-returned');
        await submitter.getByTestId('action-resubmit').click();
        await submitter.waitForURL(/\/correct$/);
        await submitter.getByTestId('terminal-chosen').waitFor();
        check(
          (await textOf(submitter.getByTestId('correction-reason'))) === reason,
          'the correction form does not repeat the reason',
        );
        // The merchant's accounts load after the form: wait for the select to show the chosen one.
        await eventually('the correction form shows the chosen account', async () => {
          check(
            (await submitter.getByTestId('request-account').inputValue()) === m.accounts[1].id,
            'the correction lost the account',
          );
        });
        // The reviewer asked for the new account's bank page: attached on the correction form.
        await submitter.getByTestId('request-doc-type').selectOption('bank-page');
        await submitter.getByTestId('request-doc-file').setInputFiles({
          name: 'صفحه-حساب.png',
          mimeType: 'image/png',
          buffer: PNG_1PX,
        });
        await submitter.getByTestId('request-doc-upload').click();
        const attached = submitter.locator('[data-testid="request-doc"][data-type-code="bank-page"]');
        await attached.waitFor();
        const docId = (await attached.getAttribute('data-doc-id')) ?? '';
        check(docId.length > 0, 'the attached document has no id');
        await shot(submitter, 'account-6-correct-form');
        await submitter.getByTestId('form-next').click();
        await submitter.getByTestId('request-review').waitFor();
        await submitter.getByTestId('form-submit').click();
        await submitter.waitForURL(new RegExp(`/requests/${requestId}$`));
        await untilRequest(submitter, 'back in review', async () => (await stateOf(submitter)) === 'in_review');
        check((await textOf(submitter.getByTestId('page-title'))).length > 0, 'no title');
        // The request page lists the document, and it downloads under its own name.
        const docOnPage = submitter.locator(`[data-testid="request-doc"][data-doc-id="${docId}"]`);
        await docOnPage.waitFor();
        const [download] = await Promise.all([
          submitter.waitForEvent('download'),
          docOnPage.getByTestId('request-doc-link').click(),
        ]);
        check(download.suggestedFilename() === 'صفحه-حساب.png', `downloaded as ${download.suggestedFilename()}`);
        await shot(submitter, 'account-7-resubmitted');

        // Approved again: alpha on the page, the broker in bulk.
        await approveOnPage(PEOPLE.alphaAdmin, requestId, 'review', 'account-8-alpha-approves');
        await bulkApprove(PEOPLE.brokerAdmin, requestId, 'account-9-broker-bulk');
        const done = await untilDone(PEOPLE.alphaUser, requestId, 'account-10-done');
        const types = await timelineTypes(done);
        check(
          types.includes('returned') && types.includes('resubmitted'),
          `no correction round in the timeline (${types.join(', ')})`,
        );
        const terminal = await api<{ accountId: string }>(target, PEOPLE.alphaUser, 'GET', `/terminals/${story.terminalId}`);
        check(terminal.accountId === m.accounts[1].id, 'the terminal kept its old account');
      },
    },
    {
      name: 'requests: Shaparak reactivation — the PSP deactivated the terminal, a reactivation request brings it back',
      skipIf: needsTerminal,
      async run() {
        check(!!stack, 'no stack');
        const res = await fetch(`${stack.psps.a.url}/_control/deactivate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ terminalId: story.pspTerminalId, reason: 'پرونده مالیاتی ناقص' }),
        });
        check(res.ok, `deactivate at the simulator: HTTP ${res.status} ${await res.text()}`);
        const { page } = await as(PEOPLE.alphaUser);
        await page.goto(`${target.portalUrl}/requests/new`);
        await page.getByTestId('request-form').waitFor();
        await page.getByTestId('request-type').selectOption('reactivate');
        await choosePsp(page);
        await page.getByTestId('form-next').click();
        await page.getByTestId('terminal-search').fill(story.serial!);
        await page.getByTestId('terminal-search-go').click();
        await page.locator(`[data-testid="terminal-result"][data-terminal-id="${story.terminalId}"]`).click();
        await page.getByTestId('terminal-chosen').waitFor();
        await page.getByTestId('request-note').fill('پرونده مالیاتی تکمیل شد');
        await shot(page, 'reactivate-2-details');
        const requestId = await submitForm(page, 'reactivate');
        await bulkApprove(PEOPLE.alphaAdmin, requestId, 'reactivate-4-alpha-bulk');
        await approveOnPage(PEOPLE.brokerAdmin, requestId, 'approve', 'reactivate-5-broker');
        await untilDone(PEOPLE.alphaUser, requestId, 'reactivate-6-done');
        const sim = (await (await fetch(`${stack.psps.a.url}/_control/terminals`)).json()) as {
          terminalId: string;
          status: string;
        }[];
        const atPsp = sim.find((t) => t.terminalId === story.pspTerminalId);
        check(atPsp?.status === 'active', `the simulator has the terminal ${atPsp?.status ?? 'missing'}`);
      },
    },
    {
      name: 'requests: swap parked on a reason PSP-A has no code for — the broker maps it, retries from the portal, a new device goes on',
      skipIf: needsTerminal,
      async run() {
        const oldSerial = story.serial!;
        // A new swap reason in base data, with no PSP-A code yet.
        await api(target, PEOPLE.brokerAdmin, 'POST', '/basedata/swap-reason', {
          code: SWAP_REASON,
          nameFa: 'شکستگی صفحهٔ نمایش',
          nameEn: 'Cracked screen',
        });
        const page = await startFromTerminal('swap', 'swap');
        await page.getByTestId('request-reason').selectOption(SWAP_REASON);
        await shot(page, 'swap-2-details');
        const requestId = await submitForm(page, 'swap');
        await bulkApprove(PEOPLE.alphaAdmin, requestId, 'swap-4-alpha-bulk');
        await approveOnPage(PEOPLE.brokerAdmin, requestId, 'approve', 'swap-5-broker');

        // The PSP call cannot name the reason: parked, a fix task for the broker with the problem shown.
        const broker = (await as(PEOPLE.brokerAdmin)).page;
        await untilRequest(broker, 'parked', async () => (await openKind(broker)) === 'fix', 90_000);
        check((await stateOf(broker)) === 'parked', `state ${await stateOf(broker)}, not parked`);
        const problem = broker.getByTestId('task-problem');
        check(
          (await problem.getAttribute('data-code')) === 'PspUnmappedValue',
          `problem ${await problem.getAttribute('data-code')}`,
        );
        check(PERSIAN_LETTER.test(await textOf(problem)), `the problem is not explained in Persian: ${await textOf(problem)}`);
        await shot(broker, 'swap-6-parked');

        // The problem's link opens the mapping screen at PSP-A's swap reasons; the broker gives the code.
        await broker.getByTestId('task-problem-mapping').click();
        await broker.waitForURL(/\/admin\/basedata\/mapping/);
        const input = broker.getByTestId(`mapping-input-${SWAP_REASON}`);
        await input.waitFor();
        check((await broker.getByTestId('mapping-psp').inputValue()) === PSP, 'the mapping screen is not at PSP-A');
        check(
          (await broker.getByTestId('mapping-kind').inputValue()) === 'swap-reason',
          'the mapping screen is not at swap reasons',
        );
        await broker.getByTestId(`unmapped-item-swap-reason-${SWAP_REASON}`).waitFor();
        await input.fill('10');
        await broker.getByTestId(`mapping-save-${SWAP_REASON}`).click();
        await broker.getByTestId(`mapping-clear-${SWAP_REASON}`).waitFor();
        await shot(broker, 'swap-7-mapped');

        // Back on the request, the broker retries it.
        await broker.goBack();
        await untilRequest(broker, 'the fix task again', async () => (await openKind(broker)) === 'fix');
        await broker.getByTestId('action-retry').click();
        await untilRequest(broker, 'the retry taken', async () => (await openKind(broker)) !== 'fix');

        const done = await untilDone(PEOPLE.alphaUser, requestId, 'swap-8-done');
        const types = await timelineTypes(done);
        for (const t of ['parked', 'retried', 'serial_returned', 'serial_installed']) {
          check(types.includes(t), `the timeline has no ${t} (has ${types.join(', ')})`);
        }
        // The failed PSP call reads in Persian: the operation, the outcome and what was missing.
        const failedCall = done
          .getByTestId('timeline-entry')
          .filter({ has: done.locator('[data-outcome="unmapped"]') })
          .first();
        const callOperation = await textOf(failedCall.getByTestId('timeline-call-operation'));
        check(callOperation === 'تعویض دستگاه', `the failed call's operation reads "${callOperation}"`);
        const callMessage = await textOf(failedCall.getByTestId('timeline-call-message'));
        check(
          PERSIAN_LETTER.test(callMessage) && callMessage.includes(SWAP_REASON),
          `the failed call is not explained in Persian: ${callMessage}`,
        );
        const newSerial = await textOf(done.getByTestId('request-serial'));
        // Any free device of alpha's warehouse (the stock story stocks it too), but not the old one.
        check(newSerial !== oldSerial && /^[A-Z0-9-]{4,30}$/.test(newSerial), `new serial ${newSerial} (old ${oldSerial})`);
        await done.getByTestId('terminal-link').click();
        await done.getByTestId('terminal-facts').waitFor();
        check((await textOf(done.getByTestId('terminal-serial'))) === newSerial, 'the terminal does not show the new serial');
        check((await done.getByTestId('terminal-state').first().getAttribute('data-state')) === 'active', 'not active');
        await shot(done, 'swap-9-terminal');
        story.serial = newSerial;

        // The old device is back on alpha's shelf.
        const keeper = await go(PEOPLE.alphaAdmin, `/stock/devices/${oldSerial}`);
        await keeper.getByTestId('device-state').waitFor();
        check(
          (await keeper.getByTestId('device-state').getAttribute('data-state')) === 'in_stock',
          'the old device is not in stock',
        );
        const events = await keeper
          .getByTestId('history-entry')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-event')));
        check(events.at(-1) === 'return', `the old device's last move is ${events.at(-1)} (${events.join(', ')})`);
        await shot(keeper, 'swap-10-old-device');
      },
    },
    {
      name: 'requests: merchant info change — the shop gets a new name and phone, shown on the terminal page',
      skipIf: needsTerminal,
      async run() {
        const name = 'هایپر رضایی';
        const page = await startFromTerminal('merchant', 'merchant');
        await page.getByTestId('change-shopNameFa').fill(name);
        await page.getByTestId('change-phone').fill('۰۲۱۸۸۷۷۶۶۵۵');
        await shot(page, 'merchant-2-details');
        const requestId = await submitForm(page, 'merchant');
        await page.getByTestId('payload-changes.shopNameFa').waitFor();
        check((await textOf(page.getByTestId('payload-changes.shopNameFa'))) === name, 'the request does not show the new name');
        await approveOnPage(PEOPLE.alphaAdmin, requestId, 'review', 'merchant-4-alpha');
        await bulkApprove(PEOPLE.brokerAdmin, requestId, 'merchant-5-broker-bulk');
        const done = await untilDone(PEOPLE.alphaUser, requestId, 'merchant-6-done');
        await done.getByTestId('terminal-link').click();
        await done.getByTestId('terminal-facts').waitFor();
        check(
          (await textOf(done.getByTestId('terminal-shop'))) === name,
          `the terminal's shop is ${await textOf(done.getByTestId('terminal-shop'))}`,
        );
        await shot(done, 'merchant-7-terminal');
        const m = await api<{ shops: { id: string; phone: string | null }[] }>(
          target,
          PEOPLE.alphaUser,
          'GET',
          `/merchants/${merchant!.id}`,
        );
        check(m.shops[0]?.phone === '02188776655', `the shop's phone is ${m.shops[0]?.phone}`);
      },
    },
    {
      name: 'requests: PSP rejection — the Sheba belongs to someone else, back to the submitter with the PSP’s message, cancelled',
      skipIf: needsTerminal,
      async run() {
        check(!!stack, 'no stack');
        const m = merchant!;
        // The bank registry of the simulator: the merchant's first account belongs to another person.
        const res = await fetch(`${stack.psps.a.url}/_control/sheba-owners`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ sheba: m.accounts[0].sheba, nationalCode: makeNationalCode('999000111') }),
        });
        check(res.ok, `sheba owner at the simulator: HTTP ${res.status} ${await res.text()}`);
        const page = await startFromTerminal('account', 'rejected');
        await page.getByTestId('request-account').selectOption(m.accounts[0].id);
        const requestId = await submitForm(page, 'rejected');
        await bulkApprove(PEOPLE.alphaAdmin, requestId, 'rejected-4-alpha-bulk');
        await approveOnPage(PEOPLE.brokerAdmin, requestId, 'approve', 'rejected-5-broker');

        // The submitter finds it returned, with what the PSP said.
        const submitter = await go(PEOPLE.alphaUser, `/requests/${requestId}`);
        await untilRequest(submitter, 'returned by the PSP', async () => (await openKind(submitter)) === 'correction', 90_000);
        check((await stateOf(submitter)) === 'returned', `state ${await stateOf(submitter)}`);
        const problem = submitter.getByTestId('task-problem');
        check(
          /^PSP_REJECTED:/.test((await problem.getAttribute('data-code')) ?? ''),
          `problem ${await problem.getAttribute('data-code')}`,
        );
        check(PERSIAN_LETTER.test(await textOf(problem)), 'the problem is not in Persian');
        check((await submitter.getByTestId('psp-verdict').getAttribute('data-verdict')) === 'rejected', 'no PSP rejection shown');
        const message = await textOf(submitter.getByTestId('psp-message'));
        check(message.includes('صاحب حساب شبا'), `the PSP's own message is not shown: ${message}`);
        await shot(submitter, 'rejected-6-returned');

        // The submitter gives up: cancelled with a reason.
        const reason = 'پذیرنده حساب دیگری معرفی می‌کند';
        await submitter.getByTestId('action-cancel').click();
        await submitter.getByTestId('reason-input').fill(reason);
        await submitter.getByTestId('reason-confirm').click();
        await untilRequest(submitter, 'cancelled', async () => (await stateOf(submitter)) === 'cancelled');
        check((await submitter.getByTestId('request-actions').count()) === 0, 'a cancelled request still offers actions');
        check((await textOf(submitter.getByTestId('outcome-reason'))) === reason, 'the cancellation reason is not shown');
        await shot(submitter, 'rejected-7-cancelled');
        const terminal = await api<{ accountId: string }>(target, PEOPLE.alphaUser, 'GET', `/terminals/${story.terminalId}`);
        check(terminal.accountId === m.accounts[1].id, 'the terminal lost its account');
      },
    },
    {
      name: 'requests: collection with a reason from base data — the device goes back, the terminal is collected',
      skipIf: needsTerminal,
      async run() {
        const page = await startFromTerminal('collect', 'collect');
        const reasons = await page
          .getByTestId('request-reason')
          .locator('option')
          .evaluateAll((els) => els.map((e) => e.getAttribute('value')));
        check(reasons.includes('shop-closed'), `collect reasons offered: ${reasons.join(', ')}`);
        await page.getByTestId('request-reason').selectOption('shop-closed');
        await shot(page, 'collect-2-details');
        const requestId = await submitForm(page, 'collect');
        story.collectId = requestId;
        // The request page names the reason from base data, not by its code.
        await page.getByTestId('payload-reason').waitFor();
        check(!(await textOf(page.getByTestId('payload-reason'))).includes('shop-closed'), 'the reason shows as its code');
        await approveOnPage(PEOPLE.alphaAdmin, requestId, 'review', 'collect-4-alpha');
        await bulkApprove(PEOPLE.brokerAdmin, requestId, 'collect-5-broker-bulk');
        const done = await untilDone(PEOPLE.alphaUser, requestId, 'collect-6-done');
        const types = await timelineTypes(done);
        check(types.includes('serial_returned'), `the device did not go back (${types.join(', ')})`);
        await done.getByTestId('terminal-link').click();
        await done.getByTestId('terminal-facts').waitFor();
        check((await done.getByTestId('terminal-state').first().getAttribute('data-state')) === 'collected', 'not collected');
        await shot(done, 'collect-7-terminal');
      },
    },
    {
      name: 'requests: install cancelled at the technician stage — the device goes back, the terminal waits for one',
      async run() {
        await setup();
        const m = await alphaMerchant(target);
        const { page } = await as(PEOPLE.alphaUser);
        await fillInstall(page, target, m, 'uninstalled');
        await page.getByTestId('form-submit').click();
        await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
        const requestId = page.url().split('/').at(-1)!;
        await bulkApprove(PEOPLE.alphaAdmin, requestId, 'uninstalled-4-alpha-bulk');
        await approveOnPage(PEOPLE.brokerAdmin, requestId, 'approve', 'uninstalled-5-broker');

        // The technician has the installation; cancelling is not theirs (the submitter's or a supervisor's).
        const tech = await go(PEOPLE.alphaUser2, `/requests/${requestId}`);
        await untilRequest(tech, 'the installation task', async () => (await openKind(tech)) === 'install', 120_000);
        await tech.getByTestId('action-confirm-install').waitFor();
        check((await tech.getByTestId('action-cancel').count()) === 0, 'the technician is offered to cancel');
        const reserved = await textOf(tech.getByTestId('request-serial'));
        await shot(tech, 'uninstalled-6-technician');

        // The merchant no longer wants the device: the submitter cancels the installation with a reason.
        const reason = 'پذیرنده فعلاً دستگاه نمی‌خواهد';
        const submitter = await go(PEOPLE.alphaUser, `/requests/${requestId}`);
        await untilRequest(submitter, 'the installation task', async () => (await openKind(submitter)) === 'install');
        await submitter.getByTestId('action-cancel').click();
        await submitter.getByTestId('reason-input').fill(reason);
        await shot(submitter, 'uninstalled-7-cancel-reason');
        await submitter.getByTestId('reason-confirm').click();
        await untilRequest(submitter, 'cancelled', async () => (await stateOf(submitter)) === 'cancelled');
        check((await textOf(submitter.getByTestId('outcome-reason'))) === reason, 'the cancellation reason is not shown');
        const types = await timelineTypes(submitter);
        check(types.includes('serial_released'), `the reserved device did not go back (${types.join(', ')})`);
        await shot(submitter, 'uninstalled-8-cancelled');

        // The terminal is registered at the PSP, without a device; "define" is offered.
        await submitter.getByTestId('terminal-link').click();
        await submitter.getByTestId('terminal-facts').waitFor();
        const state = await submitter.getByTestId('terminal-state').first().getAttribute('data-state');
        check(state === 'awaiting_device', `the terminal is ${state}`);
        check((await textOf(submitter.getByTestId('terminal-serial'))) === '—', 'the terminal shows a serial');
        await submitter.getByTestId('terminal-start-define').waitFor();
        await shot(submitter, 'uninstalled-9-terminal');
        story.waitingTerminalId = submitter.url().split('/').at(-1)!;
        const device = await api<{ state: string }>(target, PEOPLE.alphaAdmin, 'GET', `/devices/${reserved}`);
        check(device.state === 'in_stock', `the released device is ${device.state}`);
      },
    },
    {
      name: 'requests: define — a chosen serial bound to the terminal that waited for a device, which becomes active',
      skipIf: () => (story.waitingTerminalId ? undefined : 'the cancelled install did not leave a terminal waiting for a device'),
      async run() {
        // A free device of alpha's warehouse, the last of the list (not simply the first free one).
        const free = await api<{ items: { serial: string }[] }>(
          target,
          PEOPLE.alphaAdmin,
          'GET',
          `/devices?state=in_stock&deviceModel=${MODEL}&q=E2E-S90&pageSize=200`,
        );
        const serial = free.items
          .map((d) => d.serial)
          .filter((x) => SERIALS.includes(x))
          .sort()
          .at(-1);
        check(!!serial, 'no free device of the model in alpha’s warehouse');
        const page = await startFromTerminal('define', 'define', story.waitingTerminalId);
        await page.getByTestId('request-device-model').selectOption(MODEL);
        await page.getByTestId('request-serial').fill(serial);
        await shot(page, 'define-2-details');
        const requestId = await submitForm(page, 'define');
        await approveOnPage(PEOPLE.alphaAdmin, requestId, 'review', 'define-4-alpha');
        await approveOnPage(PEOPLE.brokerAdmin, requestId, 'approve', 'define-5-broker');
        const done = await untilDone(PEOPLE.alphaUser, requestId, 'define-6-done');
        check((await textOf(done.getByTestId('request-serial'))) === serial, 'the request did not take the chosen serial');
        const types = await timelineTypes(done);
        for (const t of ['serial_allocated', 'psp_approved', 'serial_installed']) {
          check(types.includes(t), `the timeline has no ${t} (has ${types.join(', ')})`);
        }
        await done.getByTestId('terminal-link').click();
        await done.getByTestId('terminal-facts').waitFor();
        check((await done.getByTestId('terminal-state').first().getAttribute('data-state')) === 'active', 'not active');
        check((await textOf(done.getByTestId('terminal-serial'))) === serial, 'the terminal does not show the chosen serial');
        await shot(done, 'define-7-terminal');
      },
    },
    {
      name: 'requests: the auditor finds every request under "Requests" and reads one without any action',
      skipIf: () => (story.requestId ? undefined : 'the install story did not run'),
      async run() {
        const { page } = await as(PEOPLE.auditor);
        const item = page.locator('[data-testid="menu-item-requests.all"], [data-testid="menu-item-requests.list"]');
        check((await item.count()) === 1, 'the auditor has no (or more than one) "Requests" menu item');
        await item.click();
        const link = page.locator(`[data-testid="request-row"][data-request-id="${story.requestId}"]`);
        await link.waitFor();
        await shot(page, 'auditor-1-requests');
        await page.goto(`${target.portalUrl}/requests/${story.requestId}`);
        await page.getByTestId('request-timeline').waitFor();
        check((await page.getByTestId('request-actions').count()) === 0, 'the auditor is offered actions');
        await shot(page, 'auditor-2-request');
        // Another request in the same page (the router reuses the component): the page follows the route.
        if (story.collectId) {
          const installNumber = await textOf(page.getByTestId('request-number'));
          await page.evaluate(
            `history.pushState({}, '', '/requests/${story.collectId}'); dispatchEvent(new PopStateEvent('popstate', { state: {} }))`,
          );
          await eventually('the page shows the other request', async () => {
            const shown = await textOf(page.getByTestId('request-number'));
            check(shown !== installNumber, `still ${shown}`);
            check((await page.getByTestId('payload-reason').count()) === 1, 'not the collection');
          });
          await shot(page, 'auditor-3-other-request');
        }
      },
    },
  ];
}
