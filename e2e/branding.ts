/**
 * White label and agreements through the real Keycloak login page: the broker's admin brands
 * agent alpha (title, colour), then alpha's Keycloak login page and portal show that branding;
 * the broker records an agreement with alpha that alpha's admin then sees as in force.
 */
import type { Browser } from 'playwright-core';
import { addDays } from '../domain/calendar';
import { formatJalali, tehranToday } from '../domain/jalali';
import { toPersianDigits } from '../domain/text';
import { KeycloakAdmin } from '../infra/keycloak/provision';
import { check, eventually, openSession, shot, signIn, textOf, PEOPLE, type PortalTarget, type Session } from './support/browser';
import type { E2eTest } from './ticket-story';

const BROKER_ADMIN = PEOPLE.brokerAdmin;
const ALPHA_ADMIN = PEOPLE.alphaAdmin;

const TITLE_FA = 'کارتابل آلفا';
const TITLE_EN = 'Alpha Desk';
const PRIMARY = '#7c2d12';
const PRIMARY_RGB = 'rgb(124, 45, 18)';
const AGREEMENT_TITLE = 'قرارداد فروش پایانه آلفا';

const jalaliIn = (days: number): string => formatJalali(addDays(tehranToday(), days));

export function brandingTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const adminUser = process.env.KARTABL_TEST_KC_ADMIN_USER;
  const adminPassword = process.env.KARTABL_TEST_KC_ADMIN_PASSWORD;
  let broker: Session | undefined;

  async function brokerSession(): Promise<Session> {
    if (broker) return broker;
    broker = await openSession(browser, BROKER_ADMIN);
    sessions.push(broker);
    await signIn(broker, target);
    return broker;
  }

  return [
    {
      name: 'branding: the broker sets alpha’s title and colour; alpha’s login page and portal show them',
      skipIf: () => (adminUser && adminPassword ? undefined : 'KARTABL_TEST_KC_ADMIN_USER/PASSWORD not set'),
      async run() {
        // What provisionRealm sets on every realm (the test world may predate the theme).
        const kc = new KeycloakAdmin({ keycloakUrl: target.keycloakUrl, username: adminUser!, password: adminPassword! });
        await kc.call('PUT', '/agent-alpha', { loginTheme: 'kartabl' });

        const b = await brokerSession();
        await b.page.goto(`${target.portalUrl}/admin/branding`);
        await b.page.getByTestId('branding-agent').selectOption('alpha');
        await b.page.locator('[data-testid="branding-form"][data-agent="alpha"]').waitFor();
        await b.page.getByTestId('branding-title-fa').fill(TITLE_FA);
        await b.page.getByTestId('branding-title-en').fill(TITLE_EN);
        await b.page.getByTestId('branding-primary').fill(PRIMARY);
        await eventually('live preview shows the title', async () => {
          check((await textOf(b.page.getByTestId('branding-preview-title'))) === TITLE_FA, 'preview title not updated');
        });
        // A pale colour is refused with the reason under the field.
        await b.page.getByTestId('branding-primary').fill('#fde68a');
        await b.page.getByTestId('branding-save').click();
        await eventually('low-contrast refusal', async () => {
          check(
            (await b.page.getByTestId('field-error-primaryColor').getAttribute('data-code')) === 'low_contrast',
            'no low_contrast error',
          );
        });
        await shot(b.page, 'branding-01-refused-colour');
        await b.page.getByTestId('branding-primary').fill(PRIMARY);
        await b.page.getByTestId('branding-save').click();
        await eventually('saved', async () => {
          check((await b.page.getByTestId('field-error-primaryColor').count()) === 0, 'error still shown');
        });
        await shot(b.page, 'branding-02-editor-saved');

        const a = await openSession(browser, ALPHA_ADMIN);
        sessions.push(a);
        await signIn(a, target, { login: 'branding-03-alpha-login-page' });
        // The login page: checked on a fresh login page of alpha (signIn has moved on by now).
        const probe = await openSession(browser, ALPHA_ADMIN);
        sessions.push(probe);
        await probe.page.goto(`${target.portalUrl}/welcome`);
        await probe.page.getByTestId('org-option-alpha').click();
        await probe.page.locator('#username').waitFor();
        await eventually('branded login page', async () => {
          // A string expression: this file is type-checked without the DOM library.
          const header = await probe.page.evaluate<{ title: string; button: string }>(`(() => {
            const el = document.querySelector('#kc-header-wrapper');
            const button = document.querySelector('#kc-login');
            return {
              title: el ? getComputedStyle(el, '::before').content : '',
              button: button ? getComputedStyle(button).backgroundColor : '',
            };
          })()`);
          check(header.title.includes(TITLE_EN) || header.title.includes(TITLE_FA), `login title is ${header.title}`);
          check(header.button === PRIMARY_RGB, `login button is ${header.button}`);
        });
        await shot(probe.page, 'branding-04-login-page-branded');
        await probe.context.close();

        await eventually('portal branded', async () => {
          check((await textOf(a.page.getByTestId('brand-title'))) === TITLE_FA, 'brand title not alpha’s');
          const primary = String(
            await a.page.evaluate(`getComputedStyle(document.documentElement).getPropertyValue('--primary').trim()`),
          );
          check(primary === PRIMARY, `--primary is ${primary}`);
        });
        await shot(a.page, 'branding-05-alpha-portal');
        await a.context.close();
      },
    },
    {
      name: 'agreements: the broker records an agreement with alpha in Jalali dates; alpha’s admin sees it in force',
      async run() {
        const b = await brokerSession();
        await b.page.goto(`${target.portalUrl}/agreements`);
        await b.page.getByTestId('agreement-new').click();
        await b.page.getByTestId('agreement-agent').selectOption('alpha');
        await b.page.getByTestId('agreement-title-input').fill(AGREEMENT_TITLE);
        // A day that does not exist is refused under its field.
        await b.page.getByTestId('agreement-from').fill('۱۴۰۴/۰۷/۳۱');
        await b.page.getByTestId('agreement-to').fill(toPersianDigits(jalaliIn(90)));
        await b.page.getByTestId('agreement-psps-input').fill('psp-a, psp-b');
        await b.page.getByTestId('agreement-percent').fill('۲/۵');
        await b.page.getByTestId('agreement-submit').click();
        await eventually('impossible day refused', async () => {
          check(
            (await b.page.getByTestId('field-error-validFrom').getAttribute('data-code')) === 'jalali_date_day',
            'no date error',
          );
        });
        await shot(b.page, 'agreements-01-invalid-date');
        await b.page.getByTestId('agreement-from').fill(toPersianDigits(jalaliIn(-1)));
        await b.page.getByTestId('agreement-submit').click();
        await b.page.waitForURL(/\/agreements\/[0-9a-f-]{36}$/);
        await eventually('detail shown', async () => {
          check((await textOf(b.page.getByTestId('agreement-title'))) === AGREEMENT_TITLE, 'title');
          check((await b.page.getByTestId('agreement-status').getAttribute('data-status')) === 'active', 'status');
          const validity = await textOf(b.page.getByTestId('agreement-validity'));
          check(validity.includes(toPersianDigits(jalaliIn(90))), `validity ${validity}`);
        });
        await b.page.getByTestId('agreement-file-input').setInputFiles({
          name: 'قرارداد.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4 test'),
        });
        await eventually('file listed', async () => {
          check((await textOf(b.page.getByTestId('agreement-files'))).includes('قرارداد.pdf'), 'file missing');
        });
        await shot(b.page, 'agreements-02-detail');

        const a = await openSession(browser, ALPHA_ADMIN);
        sessions.push(a);
        await signIn(a, target);
        await a.page.goto(`${target.portalUrl}/agreements`);
        await a.page.getByTestId('agreement-filter-current').check();
        await eventually('alpha sees the agreement in force', async () => {
          check((await textOf(a.page.getByTestId('agreement-table'))).includes(AGREEMENT_TITLE), 'not listed');
        });
        check((await a.page.getByTestId('agreement-new').count()) === 0, 'alpha may not create agreements');
        await shot(a.page, 'agreements-03-alpha-list');
        await a.context.close();
      },
    },
  ];
}
