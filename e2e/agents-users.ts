/**
 * Agents and users through the real Keycloak login: the broker's admin creates an agent in the portal
 * (its realm is provisioned for real by the Temporal workflow against Keycloak), waits for it to turn
 * active, opens and edits it; alpha's admin creates a user (a wrong mobile is refused under its field
 * in Persian), sees the temporary password once, disables the user and sees the status change.
 */
import type { Browser } from 'playwright-core';
import { toPersianDigits } from '../domain/text';
import {
  check,
  eventually,
  openSession,
  shot,
  signIn,
  textOf,
  type Person,
  type PortalTarget,
  type Session,
} from './support/browser';
import type { E2eTest } from './ticket-story';
import { KeycloakAdmin } from '../infra/keycloak/provision';

const BROKER_ADMIN: Person = { label: 'broker-admin', username: 'broker-admin', org: 'broker', realm: 'kartabl' };
const ALPHA_ADMIN: Person = { label: 'alpha-admin', username: 'alpha-admin', org: 'alpha', realm: 'agent-alpha' };

/** Realm provisioning (Temporal workflow + Keycloak realm, client, roles, first admin) on a busy machine. */
const PROVISIONING_MS = 180_000;

/** Best effort: the shared Keycloak keeps no realm or user of this run (the database is the run's own). */
async function cleanUp(
  keycloakUrl: string,
  realm: string | undefined,
  user?: { realm: string; username: string },
): Promise<void> {
  const username = process.env.KARTABL_TEST_KC_ADMIN_USER;
  const password = process.env.KARTABL_TEST_KC_ADMIN_PASSWORD;
  if (!username || !password) return;
  const kc = new KeycloakAdmin({ keycloakUrl, username, password });
  try {
    if (realm) await kc.call('DELETE', `/${realm}`);
    if (user) {
      const found = await kc.call<{ id: string }[]>(
        'GET',
        `/${user.realm}/users?exact=true&username=${encodeURIComponent(user.username)}`,
      );
      for (const u of found ?? []) await kc.call('DELETE', `/${user.realm}/users/${u.id}`);
    }
  } catch {
    /* left behind: harmless for later runs (codes and usernames are unique per run) */
  }
}

export function agentsUsersTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const run = Date.now().toString(36);
  const agentCode = `e2e-${run}`;
  const username = `e2e.user.${run}`;

  return [
    {
      name: 'agents: the broker creates an agent in the portal, sees its realm provisioned (active), opens and edits it',
      async run() {
        try {
          await agentStory();
        } finally {
          await cleanUp(target.keycloakUrl, `agent-${agentCode}`);
        }
      },
    },
    {
      name: 'users: alpha’s admin creates a user, sees the temporary password once, disables the user',
      async run() {
        try {
          await userStory();
        } finally {
          await cleanUp(target.keycloakUrl, undefined, { realm: 'agent-alpha', username });
        }
      },
    },
  ];

  async function agentStory(): Promise<void> {
    const b = await openSession(browser, BROKER_ADMIN);
    sessions.push(b);
    await signIn(b, target);
    const page = b.page;
    await page.getByTestId('menu-item-agents.tree').click();
    await page.getByTestId('agent-tree').waitFor();
    await page.getByTestId('agent-new').click();
    await page.getByTestId('new-agent-form').waitFor();
    await page.getByTestId('agent-code').fill(agentCode);
    await page.getByTestId('agent-nameFa').fill('نمایندگی آزمون سرتاسری');
    await page.getByTestId('agent-nameEn').fill('E2E agency');
    await page.getByTestId('agent-domains').fill(`${agentCode}.example.ir`);
    await page.getByTestId('agent-legalName').fill('شرکت آزمون پرداخت');
    await page.getByTestId('agent-legalId').fill('10380284790');
    await page.getByTestId('agent-postalCode').fill('1193653471');
    await page.getByTestId('agent-phone').fill('02112345678');
    await page.getByTestId('agent-address').fill('تهران، خیابان آزادی، پلاک ۱');
    await page.getByTestId('contact-name').fill('رضا محمدی');
    await page.getByTestId('contact-mobile').fill('09121234567');
    await page.getByTestId('admin-username').fill(`admin.${run}`);
    await page.getByTestId('admin-firstName').fill('مدیر');
    await page.getByTestId('admin-lastName').fill('نخست');
    await shot(page, 'agents-01-new-agent-form');
    await page.getByTestId('agent-submit').click();
    await page.getByTestId('agent-created').waitFor();
    check((await textOf(page.getByTestId('first-admin-password'))).length >= 8, 'no first admin password shown');
    await shot(page, 'agents-02-created');
    await page.getByTestId('open-agent').click();
    await page.waitForURL(/\/agents\/[0-9a-f-]{36}$/);
    const agentId = page.url().split('/').pop()!;

    // The page asks again every two seconds while the realm is being provisioned.
    await eventually(
      'the agent turns active',
      async () => {
        const status = await page.getByTestId('agent-status').getAttribute('data-status');
        check(status === 'active', `status is ${status}`);
      },
      PROVISIONING_MS,
      1000,
    );
    check((await textOf(page.getByTestId('agent-domains'))).includes(`${agentCode}.example.ir`), 'domain not shown');
    check((await page.getByTestId('agent-users-link').getAttribute('href'))?.includes(agentId) === true, 'users link');
    check((await page.getByTestId('agent-agreements-link').count()) === 1, 'agreements link missing');
    await shot(page, 'agents-03-active');

    // Edit: a wrong mobile is refused under the contact; then the new name is saved.
    await page.getByTestId('agent-edit').click();
    await page.getByTestId('agent-edit-form').waitFor();
    await page.getByTestId('edit-nameFa').fill('نمایندگی آزمون ویرایش‌شده');
    await page.getByTestId('edit-contact-mobile-0').fill('0212345');
    await page.getByTestId('edit-save').click();
    await eventually('mobile refused', async () => {
      const code = await page.getByTestId('field-error-contacts.0.mobile').getAttribute('data-code');
      check(Boolean(code), 'no mobile error');
    });
    await shot(page, 'agents-04-edit-refused');
    await page.getByTestId('edit-contact-mobile-0').fill('۰۹۱۲۷۶۵۴۳۲۱');
    await page.getByTestId('edit-save').click();
    await eventually('edited name shown', async () => {
      check((await textOf(page.getByTestId('page-title'))) === 'نمایندگی آزمون ویرایش‌شده', 'title not updated');
      check((await page.getByTestId('agent-edit-form').count()) === 0, 'form still open');
      check((await textOf(page.getByTestId('agent-contacts'))).includes(toPersianDigits('09127654321')), 'mobile');
    });

    // Move under alpha: the form offers the subtree (not the agent itself nor its current parent).
    await page.getByTestId('agent-move').click();
    await page.getByTestId('agent-move-form').waitFor();
    const alpha = page.getByTestId('move-parent').locator('option[data-code="alpha"]');
    await eventually('move targets listed', async () => {
      check((await alpha.count()) === 1, 'alpha not offered');
      check((await page.getByTestId('move-parent').locator(`option[data-code="${agentCode}"]`).count()) === 0, 'itself');
    });
    await page.getByTestId('move-parent').selectOption({ value: (await alpha.getAttribute('value'))! });
    await shot(page, 'agents-05-move-form');
    await page.getByTestId('move-submit').click();
    await eventually('moved under alpha', async () => {
      check((await page.getByTestId('agent-move-form').count()) === 0, 'form still open');
      check((await textOf(page.getByTestId('agent-parent'))).includes('آلفا'), 'parent is not alpha');
    });
    await shot(page, 'agents-06-edited-and-moved');

    await page.getByTestId('menu-item-agents.tree').click();
    await eventually('listed as active in the tree, below alpha', async () => {
      check((await page.getByTestId(`agent-status-${agentCode}`).getAttribute('data-status')) === 'active', 'not active');
      const rows = await page
        .getByTestId('agent-tree')
        .locator('tbody tr')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid')));
      check(rows.indexOf(`agent-row-${agentCode}`) === rows.indexOf('agent-row-alpha') + 1, `order ${rows.join(',')}`);
    });
    await shot(page, 'agents-07-tree');
    await b.context.close();
  }

  async function userStory(): Promise<void> {
    const a = await openSession(browser, ALPHA_ADMIN);
    sessions.push(a);
    await signIn(a, target);
    const page = a.page;
    await page.getByTestId('menu-item-users.list').click();
    await page.getByTestId('user-table').waitFor();
    await shot(page, 'users-01-list');
    await page.getByTestId('user-new').click();
    await page.getByTestId('new-user-form').waitFor();
    await page.getByTestId('user-username').fill(username);
    await page.getByTestId('user-firstName').fill('سارا');
    await page.getByTestId('user-lastName').fill('رضایی');
    await page.getByTestId('user-email').fill(`${username}@example.ir`);
    await page.getByTestId('user-mobile').fill('0212345');
    await page.getByTestId('user-submit').click();
    await eventually('mobile refused in Persian', async () => {
      const error = page.getByTestId('field-error-mobile');
      check(Boolean(await error.getAttribute('data-code')), 'no mobile error');
      check(/[\u0600-\u06FF]/.test(await textOf(error)), 'the message is not Persian');
    });
    await shot(page, 'users-02-mobile-refused');
    await page.getByTestId('user-mobile').fill('۰۹۱۲۱۲۳۴۵۶۷');
    await page.getByTestId('user-submit').click();
    await page.waitForURL(/\/users\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    const password = await textOf(page.getByTestId('temporary-password'));
    check(password.length >= 8, `temporary password "${password}"`);
    check((await textOf(page.getByTestId('user-username'))) === username, 'username on the page');
    await eventually('profile shown', async () => {
      check((await textOf(page.getByTestId('user-mobile'))) === toPersianDigits('09121234567'), 'mobile');
      check((await page.getByTestId('user-status').first().getAttribute('data-status')) === 'active', 'not active');
    });
    await shot(page, 'users-03-created-password');
    await page.getByTestId('password-done').click();
    await eventually('the temporary password is hidden', async () => {
      check((await page.getByTestId('temporary-password').count()) === 0, 'password still shown');
    });

    await page.getByTestId('user-disable').click();
    await page.getByTestId('user-confirm').waitFor();
    await shot(page, 'users-04-confirm-disable');
    await page.getByTestId('user-confirm-yes').click();
    await eventually('status disabled', async () => {
      check((await page.getByTestId('user-status').first().getAttribute('data-status')) === 'disabled', 'not disabled');
      check((await page.getByTestId('user-enable').count()) === 1, 'no enable button');
    });
    await shot(page, 'users-05-disabled');

    await page.getByTestId('menu-item-users.list').click();
    await page.getByTestId('user-search').fill(username);
    await page.getByTestId('user-search').press('Enter');
    await eventually('the list shows the disabled user', async () => {
      const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
      check((await row.count()) === 1, 'row missing');
      check((await row.getByTestId('user-status').getAttribute('data-status')) === 'disabled', 'row not disabled');
    });
    await shot(page, 'users-06-list-disabled');
    await a.context.close();
  }
}
