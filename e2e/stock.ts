/**
 * Device stock in the portal: alpha-admin opens its warehouse, enters 250 pasted serials (Persian
 * digits) and watches the import finish, sees the stock per model, sees a list with a repeated and an
 * existing serial refused line by line, then finds a device and opens its history.
 */
import type { Browser } from 'playwright-core';
import { toPersianDigits } from '../domain/text';
import { check, eventually, openSession, shot, signIn, textOf, PEOPLE, type PortalTarget, type Session } from './support/browser';
import type { E2eTest } from './ticket-story';

const ALPHA_ADMIN = PEOPLE.alphaAdmin;

export function stockTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const story: E2eTest = {
    name: 'device stock entry and history',
    async run() {
      const s = await openSession(browser, ALPHA_ADMIN);
      sessions.push(s);
      await signIn(s, target);
      const page = s.page;
      const prefix = `E${Date.now() % 100_000}`;
      const serials = Array.from({ length: 250 }, (_, i) => `${prefix}-${toPersianDigits(String(i + 1).padStart(4, '0'))}`);

      await page.getByTestId('menu-item-stock.warehouses').click();
      await page.waitForURL(/\/stock\/warehouses$/);
      const own = page.locator('[data-testid="warehouse-row"][data-agent="alpha"] [data-testid="warehouse-link"]');
      await own.waitFor();
      await shot(page, 'stock-warehouses');
      await own.click();
      await page.waitForURL(/\/stock\/warehouses\/[0-9a-f-]{36}$/);
      await page.getByTestId('entry-form').waitFor();

      await page.getByTestId('entry-model').selectOption('pax-s90');
      await page.getByTestId('entry-serials').fill(serials.join('\n'));
      check((await textOf(page.getByTestId('entry-count'))).includes('۲۵۰'), 'the form does not count 250 serials');
      await page.getByTestId('entry-submit').click();
      const progress = page.getByTestId('import-progress');
      await progress.waitFor();
      await eventually('the import finishes', async () => {
        check(
          (await progress.getAttribute('data-status')) === 'done',
          `import status is ${await progress.getAttribute('data-status')}`,
        );
      });
      const row = page.locator('[data-testid="stock-row"][data-model="pax-s90"] [data-testid="stock-in"]');
      await eventually('the stock shows 250 PAX S90', async () => {
        check((await textOf(row)) === '۲۵۰', `stock shows "${await textOf(row)}"`);
      });
      await shot(page, 'stock-entry-done');

      // A repeated serial and one already in stock: refused line by line, nothing enters.
      await page.getByTestId('entry-serials').fill(`${prefix}-NEW1\n${prefix}-new1\n${serials[0]}`);
      await page.getByTestId('entry-submit').click();
      await eventually('the bad import fails', async () => {
        check(
          (await progress.getAttribute('data-status')) === 'failed',
          `import status is ${await progress.getAttribute('data-status')}`,
        );
      });
      const codes = await page
        .getByTestId('import-error-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));
      check(codes.join(',') === 'duplicate_in_file,serial_exists', `line errors are ${codes.join(',')}`);
      check((await textOf(row)) === '۲۵۰', 'the failed entry changed the stock');
      await shot(page, 'stock-entry-errors');

      // Find a device and open its history.
      await page.getByTestId('menu-item-stock.devices').click();
      await page.waitForURL(/\/stock\/devices$/);
      await page.getByTestId('device-search').fill(`${prefix.toLowerCase()}-0007`);
      await page.getByTestId('device-search-button').click();
      const link = page.locator(`[data-testid="device-row"][data-serial="${prefix}-0007"] [data-testid="device-link"]`);
      await link.waitFor();
      await link.click();
      await page.waitForURL(/\/stock\/devices\/.+$/);
      await page.getByTestId('device-history').waitFor();
      check((await textOf(page.getByTestId('device-serial'))) === `${prefix}-0007`, 'the device page shows another serial');
      check((await page.getByTestId('device-state').getAttribute('data-state')) === 'in_stock', 'the device is not in stock');
      const events = await page.getByTestId('history-entry').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-event')));
      check(events.join(',') === 'entry', `history is ${events.join(',')}`);
      const documentNumber = await textOf(page.getByTestId('history-document'));
      check(/^ENT-[۰-۹]{8}-[۰-۹]{4}$/.test(documentNumber), `the entry document reads "${documentNumber}"`);
      await shot(page, 'stock-device-history');
    },
  };
  return [story];
}
