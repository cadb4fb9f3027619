/**
 * Small Playwright helpers: bounded polling (`eventually`), screenshots, the real Keycloak sign-in
 * through the portal's organisation chooser, and reading the side menu.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../infra/keycloak/provision';
import { ROOT } from './stack';

export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

/** Default bound for anything the UI should show "soon" (Temporal + projection take ~1 s). */
export const WAIT_MS = 20_000;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Retries `check` (an assertion that throws) until it passes or `timeoutMs` is over; then throws the
 * last failure, prefixed with what we were waiting for.
 */
export async function eventually<T>(what: string, check: () => Promise<T>, timeoutMs = WAIT_MS, intervalMs = 300): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) {
      const reason = last instanceof Error ? last.message.split('\n')[0] : String(last);
      throw new Error(`${what}: still failing after ${Math.round(timeoutMs / 1000)} s: ${reason}`);
    }
    await sleep(intervalMs);
  }
}

/** Fails with a readable message unless `cond` holds. */
export function check(cond: boolean, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

/** Text of a locator, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.innerText({ timeout: 2_000 })) ?? '').replace(/\s+/g, ' ').trim();
}

/** A real 1×1 PNG, for uploads (the API checks the type). */
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** `data-testid`s (or another attribute) of every element the locator matches, in DOM order. */
export function attrs(locator: Locator, name: string): Promise<string[]> {
  return locator.evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr) ?? ''), name);
}

/** Waits for `locator` to be visible; between tries clicks the page's `refresh` button (lists, ticket detail). */
export async function untilVisibleWithRefresh(page: Page, what: string, locator: Locator, timeoutMs = WAIT_MS): Promise<void> {
  await eventually(
    what,
    async () => {
      if (await locator.first().isVisible()) return;
      const refresh = page.getByTestId('refresh');
      if ((await refresh.count()) > 0 && (await refresh.first().isEnabled())) await refresh.first().click();
      await locator.first().waitFor({ state: 'visible', timeout: 1_500 });
    },
    timeoutMs,
    100,
  );
}

let shotCounter = 0;

/** Full-page screenshot `NN-name.png` in test-results/screenshots (fonts loaded, animations settled). */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  shotCounter += 1;
  const file = join(SCREENSHOTS, `${String(shotCounter).padStart(2, '0')}-${name}.png`);
  // Runs in the page (no DOM lib here): wait until web fonts (Vazirmatn) are loaded.
  await page.evaluate('document.fonts.ready.then(() => true)').catch(() => undefined);
  await sleep(150);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

// ---------------------------------------------------------------------------------------------
// People

export interface Person {
  /** Label used in logs and screenshot names. */
  label: string;
  username: string;
  /** Agent code whose `org-option-<code>` is chosen on the chooser. */
  org: string;
  realm: string;
}

const broker = (username: string): Person => ({ label: username, username, org: 'broker', realm: 'kartabl' });
const ofAgent = (org: 'alpha' | 'beta', username: string): Person => ({ label: username, username, org, realm: `agent-${org}` });

/** The provisioned test world's people (password `Kartabl@1405`). */
export const PEOPLE = {
  brokerAdmin: broker('broker-admin'),
  supporter: broker('supporter'),
  auditor: broker('auditor'),
  alphaAdmin: ofAgent('alpha', 'alpha-admin'),
  alphaUser: ofAgent('alpha', 'alpha-user'),
  alphaUser2: ofAgent('alpha', 'alpha-user2'),
  betaUser: ofAgent('beta', 'beta-user'),
} as const;

export interface Session {
  person: Person;
  context: BrowserContext;
  page: Page;
  /** Page errors and console errors seen so far (printed when a test fails). */
  problems: string[];
}

export interface PortalTarget {
  portalUrl: string;
  keycloakUrl: string;
}

export async function openSession(browser: Browser, person: Person): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'en-US',
    timezoneId: 'Asia/Tehran',
  });
  context.setDefaultTimeout(WAIT_MS);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const keep = (text: string): void => {
    problems.push(text);
    if (problems.length > 30) problems.shift();
  };
  page.on('pageerror', (err) => keep(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') keep(`console error on ${page.url()}: ${msg.text()}`);
  });
  return { person, context, page, problems };
}

/**
 * Signs in through the real flow: portal → organisation chooser → the realm's Keycloak login page →
 * back in the portal with the side menu shown. `screens` names the chooser and login screenshots.
 */
export async function signIn(
  s: Session,
  target: PortalTarget,
  screens: { chooser?: string; login?: string } = {},
): Promise<void> {
  const { page, person } = s;
  await page.goto(`${target.portalUrl}/`);
  await page.waitForURL(/\/welcome$/);
  const option = page.getByTestId(`org-option-${person.org}`);
  await option.waitFor();
  check((await option.getAttribute('data-realm')) === person.realm, `org-option-${person.org} does not point at ${person.realm}`);
  if (screens.chooser) await shot(page, screens.chooser);
  await option.click();

  const loginPrefix = `${target.keycloakUrl}/realms/${person.realm}/`;
  await page.waitForURL((url) => url.href.startsWith(loginPrefix), { timeout: 30_000 });
  await page.locator('#username').waitFor();
  if (screens.login) await shot(page, screens.login);
  await page.locator('#username').fill(person.username);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('#kc-login').click();

  await page.waitForURL((url) => url.origin === new URL(target.portalUrl).origin, { timeout: 30_000 });
  await page.getByTestId('side-menu').waitFor();
  await eventually(`${person.label}'s name in the header`, async () => {
    check((await textOf(page.getByTestId('user-name'))).length > 0, 'user-name is empty');
  });
}

/** `menu-item-…` keys of the side menu, once `GET /api/me` filled it. */
export async function menuKeys(page: Page): Promise<string[]> {
  const items = page.getByTestId('side-menu').locator('[data-testid^="menu-item-"]');
  await items.first().waitFor();
  return (await attrs(items, 'data-testid')).map((id) => id.replace(/^menu-item-/, ''));
}
