/**
 * Access administration and the audit trail through the real Keycloak login: an agent admin builds a
 * package and a role under its ceiling and grants it to a colleague, who then sees the new menu item
 * without signing in again; the broker admin reads the access page and the audit log and verifies the
 * hash chain.
 */
import type { Browser, Page } from 'playwright-core';
import {
  attrs,
  check,
  eventually,
  menuKeys,
  openSession,
  shot,
  signIn,
  textOf,
  PEOPLE,
  type Person,
  type PortalTarget,
  type Session,
} from './support/browser';
import type { E2eTest } from './ticket-story';

const ALPHA_ADMIN = PEOPLE.alphaAdmin;
const ALPHA_USER2 = PEOPLE.alphaUser2;
const BROKER_ADMIN = PEOPLE.brokerAdmin;

const PACKAGE = { code: 'e2e-agency-view', nameFa: 'دیدن تیکت‌های نمایندگی', nameEn: 'Agency ticket view' };
const ROLE = { code: 'e2e-lead', nameFa: 'سرگروه آزمایشی', nameEn: 'E2E team lead' };

/** Signs in and returns the person's `GET /api/me` as the portal received it. */
async function signInWithMe(s: Session, target: PortalTarget): Promise<{ user: { id: string }; permissions: string[] }> {
  const me = s.page.waitForResponse((r) => new URL(r.url()).pathname === '/api/me' && r.status() === 200, { timeout: 60_000 });
  await signIn(s, target);
  return (await (await me).json()) as { user: { id: string }; permissions: string[] };
}

async function menuGroups(page: Page): Promise<string[]> {
  return (await attrs(page.getByTestId('side-menu').locator('[data-testid^="menu-group-"]'), 'data-testid')).map((id) =>
    id.replace(/^menu-group-/, ''),
  );
}

export function accessAuditTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const open = async (person: Person): Promise<Session> => {
    const s = await openSession(browser, person);
    sessions.push(s);
    return s;
  };
  const url = (path: string): string => `${target.portalUrl}${path}`;
  const state: { granted?: boolean } = {};

  const agentAdminStory: E2eTest = {
    name: 'access: an agent admin grants a new role and the user sees it without signing in again',
    async run() {
      // alpha-user2 signs in first (so the API knows them) and cannot see the agency's tickets yet.
      const u = await open(ALPHA_USER2);
      const me2 = await signInWithMe(u, target);
      const before = await menuKeys(u.page);
      check(!before.includes('tickets.agent'), `alpha-user2 already sees Agency tickets: [${before.join(', ')}]`);
      check(!me2.permissions.includes('tickets.read-agent'), 'alpha-user2 already holds tickets.read-agent');

      const a = await open(ALPHA_ADMIN);
      await signIn(a, target);
      const pa = a.page;
      const groups = await menuGroups(pa);
      check(groups.includes('support') && groups.includes('network'), `alpha-admin's menu groups are [${groups.join(', ')}]`);
      check(!groups.includes('system') && !groups.includes('audit'), 'an agent admin sees broker-only menu groups');
      await shot(pa, 'access-sidebar-groups');

      await pa.getByTestId('menu-item-access.roles').click();
      await pa.waitForURL(/\/admin\/access$/);
      await pa.locator('[data-testid="package-row"][data-code="agency-admin"]').waitFor();
      // The broker's system packages are there, read-only; the support desk one is above Alpha's ceiling.
      const support = pa.locator('[data-testid="package-row"][data-code="tickets-support"]');
      await support.getByTestId('package-above-ceiling').waitFor();
      check((await support.getByTestId('package-edit').count()) === 0, 'a system package can be edited');
      await shot(pa, 'access-packages');

      // A new package: a broker-only permission is disabled and says why.
      await pa.getByTestId('new-package').click();
      await pa.getByTestId('package-form').waitFor();
      const inbox = pa.getByTestId('perm-tickets.inbox');
      check(await inbox.isDisabled(), 'the broker-only permission tickets.inbox can be ticked');
      check((await inbox.getAttribute('data-blocked')) === 'brokerOnly', 'tickets.inbox is not marked broker-only');
      await pa.getByTestId('perm-blocked-tickets.inbox').waitFor();
      check(await pa.getByTestId('perm-menu.manage').isDisabled(), 'menu.manage can be ticked by an agent');

      // Saving without names shows the field errors; a taken code is refused by the API under the field.
      await pa.getByTestId('package-code').fill('agency-admin');
      await pa.getByTestId('package-submit').click();
      await pa.getByTestId('field-error-nameFa').waitFor();
      await pa.getByTestId('package-name-fa').fill(PACKAGE.nameFa);
      await pa.getByTestId('package-name-en').fill(PACKAGE.nameEn);
      await pa.getByTestId('perm-tickets.read-agent').check();
      await shot(pa, 'access-package-form');
      await pa.getByTestId('package-code').fill(PACKAGE.code);
      await pa.getByTestId('package-submit').click();
      const row = pa.locator(`[data-testid="package-row"][data-code="${PACKAGE.code}"]`);
      await row.waitFor();
      check((await textOf(row)).includes(PACKAGE.nameFa), 'the new package row does not show its Persian name');
      check((await row.getByTestId('package-above-ceiling').count()) === 0, 'the new package is marked above the ceiling');
      await pa.locator('[data-testid="toast"][data-kind="success"]').first().waitFor();

      // A role bundling it.
      await pa.getByTestId('access-tab-roles').click();
      await pa.getByTestId('new-role').click();
      await pa.getByTestId('role-form').waitFor();
      await pa.getByTestId('role-code').fill(ROLE.code);
      await pa.getByTestId('role-name-fa').fill(ROLE.nameFa);
      await pa.getByTestId('role-name-en').fill(ROLE.nameEn);
      check(await pa.getByTestId('role-package-tickets-support').isDisabled(), 'a package above the ceiling can go into a role');
      await pa.getByTestId(`role-package-${PACKAGE.code}`).check();
      await pa.getByTestId('role-permissions').locator('[data-code="tickets.read-agent"]').waitFor();
      await shot(pa, 'access-role-form');
      await pa.getByTestId('role-submit').click();
      const roleRow = pa.locator(`[data-testid="role-row"][data-code="${ROLE.code}"]`);
      await roleRow.waitFor();
      check((await textOf(roleRow.getByTestId('role-users'))) === '۰', 'the new role does not show 0 users (in Persian digits)');
      await shot(pa, 'access-roles');

      // Grant it to alpha-user2 on their access page.
      await pa.goto(url(`/admin/access/users/${me2.user.id}`));
      await pa.getByTestId('user-access-editor').waitFor();
      const box = pa.getByTestId(`user-role-${ROLE.code}`);
      check(!(await box.isChecked()), 'alpha-user2 already holds the new role');
      await box.check();
      await pa.getByTestId('user-roles-save').click();
      await pa.getByTestId('user-access-saved').waitFor();
      await pa.getByTestId('user-permissions').locator('[data-code="tickets.read-agent"]').waitFor();
      await shot(pa, 'access-user-granted');
      state.granted = true;

      // alpha-user2 sees Agency tickets after a reload, without signing in again (grants apply within 10 s).
      await eventually(
        'alpha-user2 sees Agency tickets in the menu',
        async () => {
          await u.page.reload();
          const keys = await menuKeys(u.page);
          check(keys.includes('tickets.agent'), `menu is [${keys.join(', ')}]`);
        },
        40_000,
        2_000,
      );
      check(!u.page.url().includes('/realms/'), 'alpha-user2 had to sign in again');
      await u.page.getByTestId('menu-item-tickets.agent').click();
      await u.page.waitForURL(/\/tickets\/agent$/);
      await u.page.getByTestId('page-title').waitFor();
      await shot(u.page, 'access-user2-agency-tickets');
    },
  };

  const brokerAudit: E2eTest = {
    name: 'audit: the broker admin reads the access page and the change audit and verifies the chain',
    async run() {
      const b = await open(BROKER_ADMIN);
      await signIn(b, target);
      const pb = b.page;
      const groups = await menuGroups(pb);
      for (const g of ['support', 'network', 'system', 'audit'])
        check(groups.includes(g), `broker-admin's menu has no ${g} group: [${groups.join(', ')}]`);
      await shot(pb, 'broker-sidebar');

      await pb.getByTestId('menu-item-access.roles').click();
      await pb.waitForURL(/\/admin\/access$/);
      await pb.locator('[data-testid="package-row"][data-code="system-admin"]').waitFor();
      check((await pb.getByTestId('package-above-ceiling').count()) === 0, 'the broker has packages above a ceiling');

      await pb.getByTestId('menu-item-audit.log').click();
      await pb.waitForURL(/\/audit\/log$/);
      await pb.getByTestId('audit-row').first().waitFor();
      if (state.granted) {
        // The grant of the first test is there, with the agent admin's name and realm.
        await pb.getByTestId('filter-action').selectOption('grant');
        await pb.getByTestId('filter-apply').click();
        await eventually('the grant in the audit log', async () => {
          const first = pb.getByTestId('audit-row').first();
          check((await textOf(first.getByTestId('audit-realm'))) === 'agent-alpha', 'the grant is not by agent-alpha');
        });
        await pb.getByTestId('audit-expand').first().click();
        const changed = pb.locator('[data-testid="diff-row"][data-field="roleIds"]');
        await changed.waitFor();
        check((await changed.getAttribute('data-changed')) === 'true', 'roleIds is not highlighted as changed');
      }
      const at = await textOf(pb.getByTestId('audit-at').first());
      check(
        /[\u06F0-\u06F9]{4}\/[\u06F0-\u06F9]{2}\/[\u06F0-\u06F9]{2}/.test(at),
        `audit time "${at}" is not a Jalali date in Persian digits`,
      );

      await pb.getByTestId('audit-verify').click();
      const result = pb.getByTestId('audit-verify-result');
      await result.waitFor();
      check((await result.getAttribute('data-ok')) === 'true', `the chain is not intact: ${await textOf(result)}`);
      check((await textOf(result)).includes('سالم'), 'the verification does not say "intact" in Persian');
      await shot(pb, 'audit-log-verified');

      // A request without a token is refused and becomes a system event.
      const refused = await pb.evaluate("fetch('/api/events').then((r) => r.status)");
      check(refused === 401, `an anonymous GET /api/events answered ${String(refused)}`);
      await pb.getByTestId('menu-item-audit.events').click();
      await pb.waitForURL(/\/audit\/events$/);
      await pb.getByTestId('events-table').waitFor();
      await pb.getByTestId('filter-type').fill('auth');
      await pb.getByTestId('filter-apply').click();
      await eventually('the refused request in the system events', async () => {
        const types = await attrs(pb.getByTestId('event-row'), 'data-type');
        check(types.length > 0 && types.every((t) => t.startsWith('auth')), `event types are [${types.join(', ')}]`);
      });
      const event = pb.locator('[data-testid="event-row"][data-type="auth.refused"]').first();
      check((await event.getAttribute('data-severity')) === 'warning', 'the refused request is not a warning');
      check((await textOf(event)).includes('/api/events'), 'the event does not show the refused path');
      await shot(pb, 'audit-events');

      await pb.getByTestId('menu-item-system.menu').click();
      await pb.waitForURL(/\/admin\/menu$/);
      await pb.getByTestId('menu-admin-group-support').waitFor();
      await shot(pb, 'menu-admin');

      // English switch: the same screens in English, left to right.
      await pb.getByTestId('lang-switch').click();
      await pb.getByTestId('menu-item-audit.log').click();
      await pb.getByTestId('audit-verify').click();
      await pb.getByTestId('audit-verify-result').waitFor();
      check(
        (await textOf(pb.getByTestId('audit-verify-result'))).includes('intact'),
        'the English verification does not say intact',
      );
      await shot(pb, 'audit-log-en');
    },
  };

  return [agentAdminStory, brokerAudit];
}
