import type { Browser } from 'playwright-core';
import {
  check,
  eventually,
  menuKeys,
  openSession,
  shot,
  signIn,
  PEOPLE,
  type PortalTarget,
  type Session,
} from './support/browser';
import type { E2eTest } from './ticket-story';

const BROKER_ADMIN = PEOPLE.brokerAdmin;

/**
 * Base data: the broker admin adds a guild, maps it for PSP-A and sees it leave the unmapped list;
 * then tests the connection to both PSP simulators with the broker's stored (demo) credentials.
 */
export function basedataTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  return [
    {
      name: 'base data: add a guild and map it for a PSP',
      async run() {
        const s = await openSession(browser, BROKER_ADMIN);
        sessions.push(s);
        await signIn(s, target);
        const page = s.page;
        const keys = await menuKeys(page);
        check(
          keys.includes('basedata.items') && keys.includes('basedata.mapping'),
          `broker-admin's menu lacks base data: [${keys.join(', ')}]`,
        );

        await page.getByTestId('menu-item-basedata.items').click();
        await page.waitForURL(/\/admin\/basedata$/);
        await page.getByTestId('basedata-kind-guild').click();
        await page.getByTestId('basedata-row-supermarket').waitFor();
        await page.getByTestId('basedata-new').click();
        // A bad guild code first: the field error appears under the field, in Persian.
        await page.getByTestId('basedata-field-code').fill('e2e-bookshop');
        await page.getByTestId('basedata-field-nameFa').fill('کتاب‌فروشی');
        await page.getByTestId('basedata-field-nameEn').fill('Bookshop');
        await page.getByTestId('basedata-field-categoryCode').fill('۵۰');
        await page.getByTestId('basedata-field-guildCode').fill('12');
        await page.getByTestId('basedata-save').click();
        const fieldError = page.getByTestId('field-error-attributes.guildCode');
        await fieldError.waitFor();
        check((await fieldError.innerText()).includes('رقم'), 'the guild-code error is not in Persian');
        await shot(page, 'basedata-guild-field-error');
        await page.getByTestId('basedata-field-guildCode').fill('۵۹۴۲');
        await page.getByTestId('basedata-save').click();
        await page.getByTestId('basedata-row-e2e-bookshop').waitFor();
        check(
          (await page.getByTestId('basedata-row-e2e-bookshop').innerText()).includes('۵۹۴۲'),
          'the new guild row does not show ۵۹۴۲',
        );
        await shot(page, 'basedata-guilds');

        await page.getByTestId('menu-item-basedata.mapping').click();
        await page.waitForURL(/\/admin\/basedata\/mapping$/);
        const unmapped = page.getByTestId('unmapped-item-guild-e2e-bookshop');
        await unmapped.waitFor();
        await shot(page, 'basedata-mapping-before');
        await page.getByTestId('mapping-input-e2e-bookshop').fill('5942');
        await page.getByTestId('mapping-save-e2e-bookshop').click();
        await eventually('the guild leaves the unmapped list', async () => {
          check((await unmapped.count()) === 0, 'still listed as unmapped');
        });
        await page.getByTestId('mapping-clear-e2e-bookshop').waitFor();
        await shot(page, 'basedata-mapping-after');

        // Test connection: each PSP simulator answers the broker's stored credentials.
        await page.getByTestId('menu-item-basedata.items').click();
        await page.waitForURL(/\/admin\/basedata$/);
        await page.getByTestId('basedata-kind-psp').click();
        for (const psp of ['psp-a', 'psp-b']) {
          await page.getByTestId(`basedata-test-${psp}`).click();
          const result = page.getByTestId(`basedata-test-result-${psp}`);
          await result.waitFor();
          const text = await result.innerText();
          check((await result.getAttribute('data-ok')) === 'true', `the ${psp} connection test failed: ${text}`);
          check(text.includes('اتصال برقرار است'), `the ${psp} connection result is not in Persian: ${text}`);
        }
        await shot(page, 'basedata-psp-connection');
      },
    },
  ];
}
