/**
 * Merchants in the portal: alpha-user registers a natural merchant with a shop and a Sheba account
 * (seeing the bank appear as soon as the Sheba is valid), finds it in the list; a bad national code
 * shows the Persian error under the field.
 */
import type { Browser } from 'playwright-core';
import { checkNationalCode, makeNationalCode, makeSheba } from '../domain/iran';
import { toPersianDigits } from '../domain/text';
import {
  check,
  eventually,
  openSession,
  shot,
  signIn,
  textOf,
  untilVisibleWithRefresh,
  PEOPLE,
  type PortalTarget,
  type Session,
} from './support/browser';
import type { E2eTest } from './ticket-story';

const ALPHA_USER = PEOPLE.alphaUser;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

export function merchantTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const story: E2eTest = {
    name: 'merchant registration',
    async run() {
      const s = await openSession(browser, ALPHA_USER);
      sessions.push(s);
      await signIn(s, target);
      const page = s.page;
      const field = (path: string) => page.getByTestId(`merchant-field-${path}`);

      await page.getByTestId('menu-item-merchants.new').click();
      await page.waitForURL(/\/merchants\/new$/);
      await page.getByTestId('merchant-form').waitFor();

      // A bad national code: the Persian message of the national-code check appears under the field.
      const bad = '0013542418';
      await field('nationalCode').fill(toPersianDigits(bad));
      await field('firstNameFa').click();
      const error = page.getByTestId('field-error-nationalCode');
      await error.waitFor();
      const expected = checkNationalCode(bad);
      check(!expected.ok && (await textOf(error)) === expected.message.fa, `national-code error reads "${await textOf(error)}"`);
      check((await error.getAttribute('data-code')) === 'national_code_checksum', 'the error is not national_code_checksum');
      await shot(page, 'merchant-bad-national-code');

      const nationalCode = makeNationalCode(String(Date.now() % 1_000_000_000));
      await field('nationalCode').fill(toPersianDigits(nationalCode));
      await field('firstNameFa').fill('مریم');
      await eventually('the national-code error goes away', async () => {
        check((await page.getByTestId('field-error-nationalCode').count()) === 0, 'the error is still shown');
      });
      await field('lastNameFa').fill('صادقي');
      await field('firstNameEn').fill('Maryam');
      await field('lastNameEn').fill('Sadeghi');
      await field('fatherNameFa').fill('حسن');
      await field('birthDate').fill('۱۳۶۸/۱۱/۲۲');
      await field('mobile').fill('۰۹۱۲ ۳۴۵ ۶۷۸۹');
      await field('addresses.0.addressFa').fill('اصفهان، خیابان چهارباغ، پلاک ۱۲');
      await field('addresses.0.addressEn').fill('No. 12, Chaharbagh St, Isfahan');
      await field('addresses.0.postalCode').fill('8173654321');
      await field('shops.0.nameFa').fill('عطاری صادقی');
      await field('shops.0.nameEn').fill('Sadeghi Herbs');
      // The guild field suggests base data's guilds (by code, named in the current language).
      await eventually('guild suggestions from base data', async () => {
        check((await page.locator('#mf-list-guild option[value="supermarket"]').count()) === 1, 'no "supermarket" suggestion');
      });
      await field('shops.0.guildCode').fill('supermarket');
      await field('shops.0.addressFa').fill('اصفهان، بازار بزرگ، غرفه ۴');
      await field('shops.0.addressEn').fill('Booth 4, Grand Bazaar, Isfahan');
      await field('shops.0.postalCode').fill('8134567891');

      const sheba = makeSheba('056', 771234);
      check((await page.getByTestId('merchant-account-bank').count()) === 0, 'a bank is shown before any Sheba');
      await field('accounts.0.sheba').fill(sheba.slice(0, 20));
      check((await page.getByTestId('merchant-account-bank').count()) === 0, 'a bank is shown for half a Sheba');
      await field('accounts.0.sheba').fill(sheba);
      const bank = page.getByTestId('merchant-account-bank');
      await bank.waitFor();
      check((await textOf(bank)).includes('بانک سامان'), `the bank reads "${await textOf(bank)}", not Saman`);
      await field('accounts.0.ownerNameFa').fill('مریم صادقی');
      await shot(page, 'merchant-form-filled');
      await page.getByTestId('merchant-submit').click();

      await page.waitForURL(new RegExp(`/merchants/${UUID.source}$`));
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('merchant-name').waitFor();
      check(
        (await textOf(page.getByTestId('merchant-name'))) === 'مریم صادقی',
        'the merchant page shows another name (ي not normalised?)',
      );
      check((await textOf(page.getByTestId('merchant-birth-date'))) === '۱۳۶۸/۱۱/۲۲', 'the birth date is not shown in Jalali');
      await shot(page, 'merchant-details');
      await page.getByTestId('merchant-tab-shops').click();
      await eventually('the shop on its tab', async () => {
        check((await textOf(page.getByTestId('shop-row'))).includes('عطاری صادقی'), 'the shop is missing');
      });
      await page.getByTestId('merchant-tab-accounts').click();
      const account = page.getByTestId('account-row');
      check((await textOf(account.getByTestId('account-bank'))).includes('بانک سامان'), 'the account does not name Saman bank');
      check((await account.getAttribute('data-primary')) === 'true', 'the only account is not primary');
      await shot(page, 'merchant-accounts');

      await page.getByTestId('menu-item-merchants.list').click();
      await page.waitForURL(/\/merchants$/);
      const row = page.locator(`[data-testid="merchant-row"][data-merchant-id="${id}"]`);
      await untilVisibleWithRefresh(page, 'the merchant in the list', row);
      check((await textOf(row)).includes('مریم صادقی'), 'the list row does not show the name');
      await page.getByTestId('merchant-search').fill(toPersianDigits(nationalCode));
      await page.getByTestId('merchant-search').press('Enter');
      await eventually('the search finds exactly the merchant', async () => {
        check((await page.getByTestId('merchant-row').count()) === 1, 'not exactly one row');
        check((await page.getByTestId('merchant-row').getAttribute('data-merchant-id')) === id, 'another merchant');
      });
      await shot(page, 'merchant-list-search');
    },
  };
  return [story];
}
