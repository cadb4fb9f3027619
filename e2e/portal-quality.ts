/**
 * The newer admin screens in both languages, and what they gained: editing a merchant, editing an agreement
 * with its version check (a second tab saves first → the conflict is shown), removing an agreement file and a
 * logo, PSP mapping bulk save and CSV out/in. Screenshots of every screen in Persian and English.
 */
import type { Browser, Page } from 'playwright-core';
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
  PNG_1PX,
} from './support/browser';
import type { E2eTest } from './ticket-story';

const ALPHA_USER: Person = { label: 'alpha-user', username: 'alpha-user', org: 'alpha', realm: 'agent-alpha' };
const BROKER_ADMIN: Person = { label: 'broker-admin', username: 'broker-admin', org: 'broker', realm: 'kartabl' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Switches the language and waits until the page title reads in it. */
async function toLanguage(page: Page, lang: 'fa' | 'en'): Promise<void> {
  const dir = await page.locator('html').getAttribute('dir');
  if ((lang === 'fa') === (dir === 'rtl')) return;
  await page.getByTestId('lang-switch').click();
  await eventually(`the page in ${lang}`, async () => {
    check((await page.locator('html').getAttribute('dir')) === (lang === 'fa' ? 'rtl' : 'ltr'), 'direction unchanged');
  });
}

export function portalQualityTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const session = async (person: Person): Promise<Session> => {
    const s = await openSession(browser, person);
    sessions.push(s);
    await signIn(s, target);
    return s;
  };

  return [
    {
      name: 'merchant edit: alpha-user changes a merchant’s mobile; the national code cannot be changed',
      async run() {
        const s = await session(ALPHA_USER);
        const page = s.page;
        await page.goto(`${target.portalUrl}/merchants`);
        await page.getByTestId('merchant-link').first().click();
        await page.waitForURL(new RegExp(`/merchants/${UUID.source}$`));
        const id = new URL(page.url()).pathname.split('/').pop()!;
        await page.getByTestId('merchant-edit').click();
        await page.waitForURL(new RegExp(`/merchants/${id}/edit$`));
        await page.getByTestId('merchant-form').waitFor();
        const identity = page.locator('[data-testid="merchant-field-nationalCode"], [data-testid="merchant-field-legalId"]');
        check((await identity.first().getAttribute('readonly')) !== null, 'the national code / legal ID is editable');
        check((await page.getByTestId('merchant-section-shop').count()) === 0, 'the edit form shows the new-shop section');
        // A bad mobile first: the live check answers under the field, in Persian.
        await page.getByTestId('merchant-field-mobile').fill('۰۸۱۲۳');
        await page.getByTestId('merchant-field-addresses.0.postalCode').click();
        await page.getByTestId('field-error-mobile').waitFor();
        await shot(page, 'quality-merchant-edit-fa');
        const mobile = `0912${String(Date.now()).slice(-7)}`;
        await page.getByTestId('merchant-field-mobile').fill(toPersianDigits(mobile));
        await page.getByTestId('merchant-submit').click();
        await page.waitForURL(new RegExp(`/merchants/${id}$`));
        await eventually('the new mobile on the merchant page', async () => {
          check((await textOf(page.getByTestId('merchant-details'))).includes(toPersianDigits(mobile)), 'mobile not shown');
        });
        await shot(page, 'quality-merchant-detail-fa');
        await toLanguage(page, 'en');
        await page.getByTestId('merchant-edit').waitFor();
        await shot(page, 'quality-merchant-detail-en');
        await page.goto(`${target.portalUrl}/merchants`);
        await page.getByTestId('merchant-row').first().waitFor();
        await shot(page, 'quality-merchant-list-en');
      },
    },
    {
      name: 'agreements edit: a save from another tab wins; the stale form shows the conflict and loads the newest',
      async run() {
        const s = await session(BROKER_ADMIN);
        const page = s.page;
        await page.goto(`${target.portalUrl}/agreements`);
        await page.getByTestId('agreement-link').first().click();
        await page.waitForURL(new RegExp(`/agreements/${UUID.source}$`));
        const id = new URL(page.url()).pathname.split('/').pop()!;
        await page.getByTestId('agreement-edit').click();
        await page.getByTestId('agreement-edit-form').waitFor();
        const version = Number(await page.getByTestId('agreement-edit-form').getAttribute('data-version'));

        const other = await s.context.newPage();
        await other.goto(`${target.portalUrl}/agreements/${id}/edit`);
        await other.getByTestId('agreement-edit-form').waitFor();
        // The API stores digits in ASCII (the form shows what it stored).
        const winner = `قرارداد ویرایش‌شده ${Date.now() % 10000}`;
        await other.getByTestId('agreement-edit-title').fill(winner);
        await other.getByTestId('agreement-edit-save').click();
        await other.waitForURL(new RegExp(`/agreements/${id}$`));
        await other.close();

        await page.getByTestId('agreement-edit-signed-by').fill('مدیر عامل');
        await page.getByTestId('agreement-edit-save').click();
        await page.getByTestId('agreement-conflict').waitFor();
        await shot(page, 'quality-agreement-conflict-fa');
        await page.getByTestId('agreement-reload').click();
        await eventually('the newest version in the form', async () => {
          check((await page.getByTestId('agreement-edit-title').inputValue()) === winner, 'title not reloaded');
          const now = Number(await page.getByTestId('agreement-edit-form').getAttribute('data-version'));
          check(now === version + 1, `version ${now}, expected ${version + 1}`);
        });
        await page.getByTestId('agreement-edit-signed-by').fill('مدیر عامل');
        await page.getByTestId('agreement-edit-save').click();
        await page.waitForURL(new RegExp(`/agreements/${id}$`));
        await eventually('the signature on the agreement', async () => {
          check((await textOf(page.getByTestId('agreement-signed'))).includes('مدیر عامل'), 'signed by not shown');
        });
        const files = page.getByTestId('agreement-file');
        const before = await files.count();
        if (before > 0) {
          await files.first().getByTestId('agreement-file-remove').click();
          await eventually('the file is removed', async () => {
            check((await files.count()) === before - 1, 'the file is still listed');
          });
        }
        await shot(page, 'quality-agreement-detail-fa');
        await toLanguage(page, 'en');
        await shot(page, 'quality-agreement-detail-en');
        await page.goto(`${target.portalUrl}/agreements`);
        await page.getByTestId('agreement-table').waitFor();
        await shot(page, 'quality-agreement-list-en');
      },
    },
    {
      name: 'base data: mapping bulk save, CSV export and a refused CSV import, in Persian and English',
      async run() {
        const s = await session(BROKER_ADMIN);
        const page = s.page;
        await page.goto(`${target.portalUrl}/admin/basedata`);
        await page.getByTestId('basedata-kind-guild').click();
        await page.locator('[data-testid^="basedata-row-"]').first().waitFor();
        const bookshop = page.getByTestId('basedata-row-e2e-bookshop');
        if ((await bookshop.count()) > 0) {
          check((await textOf(bookshop)).includes('e2e-bookshop'), 'the Latin code e2e-bookshop was given Persian digits');
        }
        await shot(page, 'quality-basedata-fa');
        await toLanguage(page, 'en');
        await page.getByTestId('basedata-new').click();
        await page.getByTestId('basedata-form').waitFor();
        await shot(page, 'quality-basedata-form-en');
        await page.getByTestId('basedata-cancel').click();

        await page.goto(`${target.portalUrl}/admin/basedata/mapping`);
        const rows = page.locator('[data-testid^="mapping-row-"]');
        await rows.first().waitFor();
        const codes = await rows.evaluateAll((els) =>
          els.map((e) => (e.getAttribute('data-testid') ?? '').slice('mapping-row-'.length)),
        );
        const chosen = codes.slice(0, 2);
        const stamp = String(Date.now() % 100000);
        // Other stories send requests with these codes: their real values are put back below.
        const original = await Promise.all(chosen.map((code) => page.getByTestId(`mapping-input-${code}`).inputValue()));
        for (const [n, code] of chosen.entries()) await page.getByTestId(`mapping-input-${code}`).fill(`Q${stamp}${n}`);
        await eventually('two changed rows counted', async () => {
          check((await textOf(page.getByTestId('mapping-changed-count'))).includes(String(chosen.length)), 'count not shown');
        });
        await page.getByTestId('mapping-save-all').click();
        await page.getByTestId('mapping-report').waitFor();
        for (const [n, code] of chosen.entries()) {
          check((await page.getByTestId(`mapping-input-${code}`).inputValue()) === `Q${stamp}${n}`, `${code} not saved`);
        }
        await shot(page, 'quality-mapping-en');
        for (const [n, code] of chosen.entries()) await page.getByTestId(`mapping-input-${code}`).fill(original[n]);
        await page.getByTestId('mapping-save-all').click();
        await eventually('the original mapping is back', async () => {
          for (const [n, code] of chosen.entries())
            check((await page.getByTestId(`mapping-input-${code}`).inputValue()) === original[n], `${code} not restored`);
        });

        const download = page.waitForEvent('download');
        await page.getByTestId('mapping-export').click();
        const file = await download;
        check(/^mapping-.+\.csv$/.test(file.suggestedFilename()), `export named ${file.suggestedFilename()}`);

        await page.getByTestId('mapping-import').setInputFiles({
          name: 'bad.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`kind,code,pspCode\nguild,no-such-item-${stamp},1\n`),
        });
        await page.getByTestId('mapping-errors').waitFor();
        check((await page.getByTestId('mapping-error-row').count()) >= 1, 'the refused line is not listed');
        await toLanguage(page, 'fa');
        await shot(page, 'quality-mapping-import-refused-fa');
      },
    },
    {
      name: 'branding and settings screens: logo upload and removal for beta, settings in both languages',
      async run() {
        const s = await session(BROKER_ADMIN);
        const page = s.page;
        await page.goto(`${target.portalUrl}/admin/branding`);
        await page.getByTestId('branding-agent').selectOption('beta');
        await page.locator('[data-testid="branding-form"][data-agent="beta"]').waitFor();
        await page.getByTestId('branding-logo-input').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG_1PX });
        await page.getByTestId('branding-logo').waitFor();
        await shot(page, 'quality-branding-logo-fa');
        await page.getByTestId('branding-logo-remove').click();
        await page.getByTestId('branding-no-logo').waitFor();
        await toLanguage(page, 'en');
        await shot(page, 'quality-branding-en');

        await page.goto(`${target.portalUrl}/admin/settings`);
        await page.getByTestId('settings-services').waitFor();
        await page.getByTestId('settings-global').waitFor();
        await shot(page, 'quality-settings-en');
        await toLanguage(page, 'fa');
        await shot(page, 'quality-settings-fa');
      },
    },
  ];
}
