/**
 * The support-ticket story through the real Keycloak login page, as four named tests sharing one
 * ticket: the story itself, the English switch, permissions in the menu, and agent isolation.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { toAsciiDigits, toPersianDigits } from '../domain/text';
import { testWorld } from '../infra/keycloak/provision';
import {
  attrs,
  check,
  eventually,
  menuKeys,
  openSession,
  shot,
  signIn,
  textOf,
  untilVisibleWithRefresh,
  PEOPLE,
  type Person,
  type PortalTarget,
  type Session,
  PNG_1PX,
} from './support/browser';

export interface E2eTest {
  name: string;
  /** A reason to skip (checked just before the test runs), or undefined to run it. */
  skipIf?: () => string | undefined;
  run(): Promise<void>;
}

const ALPHA_USER = PEOPLE.alphaUser;
const SUPPORTER = PEOPLE.supporter;
const AUDITOR = PEOPLE.auditor;
const BETA_USER = PEOPLE.betaUser;

/** "First Last" of a provisioned test user (the API's display name comes from the token's `name`). */
function fullName(realm: string, username: string): string {
  const user = testWorld.realms.find((r) => r.realm === realm)?.users.find((u) => u.username === username);
  if (!user) throw new Error(`no test user ${username} in realm ${realm}`);
  return `${user.firstName} ${user.lastName}`;
}

const ATTACHMENT_NAME = 'pos-error-screen.png';

const SUBJECT = 'کارتخوان پس از به‌روزرسانی روشن نمی‌شود';
const BODY = 'از صبح امروز کارتخوان شعبه ۳ پس از به‌روزرسانی نرم‌افزار روشن نمی‌شود. تصویر خطا پیوست است.';
const ANSWER_1 = 'سلام، لطفاً دستگاه را ۳۰ ثانیه از برق بکشید و دوباره روشن کنید.';
const REPLY_1 = 'این کار را کردم ولی هنوز همان خطا را نشان می‌دهد.';
const ANSWER_2 = 'نسخهٔ اصلاحی برای پایانهٔ شما ارسال شد؛ لطفاً دوباره امتحان کنید.';
const RATING_COMMENT = 'مشکل با نسخهٔ اصلاحی حل شد، ممنون.';

/**
 * How a typed text reads in the Persian portal: the API stores digits as ASCII (domain/text.ts)
 * and the portal shows them in Persian again.
 */
const shownFa = (typed: string): string => toPersianDigits(toAsciiDigits(typed));

const STORY_TIMELINE = ['created', 'claimed', 'answered', 'replied', 'answered', 'closed', 'rated'];

const JALALI_MONTHS_EN = /Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand/;
const JALALI_MONTHS_FA = /فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند/;
const PERSIAN_DIGIT = /[\u06F0-\u06F9]/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

// ---------------------------------------------------------------------------------------------
// Page checks shared by the tests

async function messageSides(page: Page): Promise<string[]> {
  return attrs(page.getByTestId('message'), 'data-side');
}

async function timelineTypes(page: Page): Promise<string[]> {
  return attrs(page.getByTestId('timeline-item'), 'data-type');
}

async function ticketState(page: Page): Promise<string> {
  return (await page.locator('.page-head [data-testid="ticket-state"]').getAttribute('data-state', { timeout: 2_000 })) ?? '';
}

/** Waits, clicking the page's refresh between tries, until the ticket has the given messages count, state and timeline. */
async function untilTicket(page: Page, what: string, want: { messages?: number; state?: string; timeline?: string[] }) {
  await eventually(what, async () => {
    const sides = await messageSides(page);
    const state = await ticketState(page);
    const timeline = await timelineTypes(page);
    const ok =
      (want.messages === undefined || sides.length === want.messages) &&
      (want.state === undefined || state === want.state) &&
      (want.timeline === undefined || timeline.join(',') === want.timeline.join(','));
    if (ok) return;
    const refresh = page.getByTestId('refresh');
    if ((await refresh.count()) > 0 && (await refresh.isEnabled())) await refresh.click();
    throw new Error(`messages=${sides.length} state=${state} timeline=[${timeline.join(', ')}]`);
  });
}

/** Types a message into the composer and sends it (answer or reply). */
async function sendMessage(page: Page, mode: 'answer' | 'reply', body: string): Promise<void> {
  await page.locator(`[data-testid="composer"][data-mode="${mode}"]`).waitFor();
  await page.getByTestId('message-input').fill(body);
  await page.getByTestId(`action-${mode}`).click();
}

/** Both sides: the whole conversation and the whole timeline, rating included. */
async function checkFinalTicket(page: Page, who: string): Promise<void> {
  await untilTicket(page, `${who} sees the finished ticket`, { messages: 4, state: 'closed', timeline: STORY_TIMELINE });
  const sides = await messageSides(page);
  check(
    sides.join(',') === 'requester,support,requester,support',
    `${who}: message sides are [${sides.join(', ')}], expected requester, support, requester, support`,
  );
  const bodies = await page.getByTestId('message-body').allInnerTexts();
  for (const text of [BODY, ANSWER_1, REPLY_1, ANSWER_2].map(shownFa))
    check(
      bodies.some((b) => b.trim() === text),
      `${who}: message "${text}" missing from the conversation [${bodies.join(' | ')}]`,
    );
  const rating = page.getByTestId('ticket-rating');
  await rating.waitFor();
  check((await rating.getAttribute('data-score')) === '4', `${who}: ticket-rating data-score is not 4`);
  check((await textOf(rating)).includes(shownFa(RATING_COMMENT)), `${who}: the rating comment is not shown`);
}

// ---------------------------------------------------------------------------------------------
// Tests

export function ticketStoryTests(browser: Browser, target: PortalTarget, sessions: Session[]): E2eTest[] {
  const state: { ticketId?: string; ticketNumber?: string; requester?: Session; supporter?: Session } = {};
  const open = async (person: Person): Promise<Session> => {
    const s = await openSession(browser, person);
    sessions.push(s);
    return s;
  };
  const url = (path: string): string => `${target.portalUrl}${path}`;
  const needTicket = (): string | undefined => (state.ticketId ? undefined : 'the ticket story did not create a ticket');

  const story: E2eTest = {
    name: 'ticket story',
    async run() {
      // --- A: alpha-user signs in and opens a ticket -------------------------------------------
      const a = await open(ALPHA_USER);
      state.requester = a;
      await signIn(a, target, { chooser: 'org-chooser', login: 'keycloak-login' });
      const pa = a.page;
      await eventually('alpha-user lands on My tickets', () => pa.waitForURL(/\/tickets$/, { timeout: 1_000 }));
      check(
        (await textOf(pa.getByTestId('user-name'))) === fullName('agent-alpha', 'alpha-user'),
        `header shows "${await textOf(pa.getByTestId('user-name'))}" instead of alpha-user's name`,
      );
      check((await textOf(pa.getByTestId('agent-name'))).includes('آلفا'), 'header does not name the Alpha agency');
      const keys = await menuKeys(pa);
      check(
        keys.join(',') ===
          'tickets.mine,tickets.new,requests.inbox,requests.new,requests.list,terminals.list,merchants.list,merchants.new',
        `alpha-user's menu is [${keys.join(', ')}], expected exactly My tickets, New ticket, the request inbox, New request, Requests, Terminals, Merchants and New merchant`,
      );
      await pa.getByTestId('list-empty').waitFor();
      await shot(pa, 'my-tickets-empty');

      await pa.getByTestId('menu-item-tickets.new').click();
      await pa.waitForURL(/\/tickets\/new$/);
      const category = pa.getByTestId('new-ticket-category');
      await eventually('ticket categories loaded', async () => {
        check((await category.locator('option').count()) > 1, 'no category options yet');
      });
      await category.selectOption('technical');
      await pa.getByTestId('new-ticket-priority').selectOption('high');
      await pa.getByTestId('new-ticket-subject').fill(SUBJECT);
      await pa.getByTestId('new-ticket-body').fill(BODY);
      await pa.getByTestId('new-ticket-file').setInputFiles({ name: ATTACHMENT_NAME, mimeType: 'image/png', buffer: PNG_1PX });
      await pa.getByText(ATTACHMENT_NAME).waitFor();
      await shot(pa, 'new-ticket-form');
      await pa.getByTestId('new-ticket-submit').click();

      await pa.waitForURL(new RegExp(`/tickets/${UUID.source}$`));
      state.ticketId = new URL(pa.url()).pathname.split('/').pop();
      await pa.getByTestId('ticket-subject').waitFor();
      check((await textOf(pa.getByTestId('ticket-subject'))) === SUBJECT, 'the new ticket shows another subject');
      state.ticketNumber = (await pa.getByTestId('ticket-number').getAttribute('data-number')) ?? undefined;
      check(Boolean(state.ticketNumber), 'ticket-number has no data-number');
      await pa.locator('[data-testid="toast"][data-kind="success"]').waitFor();
      await untilTicket(pa, 'the new ticket is open with its first message', {
        messages: 1,
        state: 'open',
        timeline: ['created'],
      });
      const attachment = pa.getByTestId('message').first().getByTestId('attachment-link');
      check((await textOf(attachment)).includes(ATTACHMENT_NAME), 'the first message does not list the attachment');
      await shot(pa, 'ticket-created');

      await pa.getByTestId('menu-item-tickets.mine').click();
      await pa.waitForURL(/\/tickets$/);
      const myRow = pa.locator(`[data-testid="ticket-row"][data-ticket-id="${state.ticketId}"]`);
      await untilVisibleWithRefresh(pa, 'the ticket in My tickets', myRow);
      check((await myRow.getAttribute('data-state')) === 'open', 'the ticket is not "open" in My tickets');
      check((await textOf(myRow)).includes(SUBJECT), 'the My tickets row does not show the subject');
      await shot(pa, 'my-tickets-with-ticket');

      // --- B: the supporter finds it in the inbox, claims and answers ----------------------------
      const b = await open(SUPPORTER);
      state.supporter = b;
      await signIn(b, target);
      const pb = b.page;
      await eventually('supporter lands on the support inbox', () => pb.waitForURL(/\/support\/inbox$/, { timeout: 1_000 }));
      const inboxRow = pb.locator(`[data-testid="ticket-row"][data-ticket-id="${state.ticketId}"]`);
      await untilVisibleWithRefresh(pb, 'the ticket in the support inbox', inboxRow);
      check((await inboxRow.getAttribute('data-state')) === 'open', 'the ticket is not "open" in the inbox');
      check((await textOf(pb.getByTestId('count-open'))).length > 0, 'the inbox shows no count of open tickets');
      await shot(pb, 'support-inbox');

      await inboxRow.getByTestId('ticket-link').click();
      await pb.waitForURL(new RegExp(`/tickets/${state.ticketId}$`));
      // The requester's attachment downloads, with its name and bytes, through the authorised API.
      const link = pb.getByTestId('message').first().getByTestId('attachment-link');
      const [download] = await Promise.all([pb.waitForEvent('download'), link.click()]);
      check(download.suggestedFilename() === ATTACHMENT_NAME, `downloaded "${download.suggestedFilename()}"`);
      const bytes = readFileSync(await download.path());
      check(bytes.equals(PNG_1PX), `the downloaded attachment has ${bytes.length} bytes, not the ${PNG_1PX.length} uploaded`);
      await pb.getByTestId('action-claim').click();
      const supporterName = fullName('kartabl', 'supporter');
      await eventually('the supporter is the assignee', async () => {
        check((await textOf(pb.getByTestId('ticket-assignee'))) === supporterName, 'assignee is not the supporter');
      });
      await sendMessage(pb, 'answer', ANSWER_1);
      await untilTicket(pb, 'the answer is in the conversation', { messages: 2, state: 'answered' });
      check((await messageSides(pb))[1] === 'support', 'the answer is not on the support side');
      await shot(pb, 'supporter-answered');

      // --- A: reloads, reads the answer, replies --------------------------------------------------
      await myRow.getByTestId('ticket-link').click();
      await pa.waitForURL(new RegExp(`/tickets/${state.ticketId}$`));
      await pa.getByTestId('ticket-subject').waitFor();
      await pa.reload();
      await pa.getByTestId('ticket-subject').waitFor();
      await untilTicket(pa, 'alpha-user sees the answer', {
        messages: 2,
        state: 'answered',
        timeline: ['created', 'claimed', 'answered'],
      });
      const answer = pa.getByTestId('message').nth(1);
      check((await answer.getAttribute('data-side')) === 'support', 'the answer is not shown as a support message');
      const answerText = await textOf(answer.getByTestId('message-body'));
      check(answerText === shownFa(ANSWER_1), `the answer reads "${answerText}", expected "${shownFa(ANSWER_1)}"`);
      check((await textOf(answer.getByTestId('message-author'))) === supporterName, "the answer's author is not the supporter");
      await shot(pa, 'requester-sees-answer');
      await sendMessage(pa, 'reply', REPLY_1);
      await untilTicket(pa, 'the reply is in the conversation', { messages: 3, state: 'waiting_for_support' });

      // --- B: answers again ---------------------------------------------------------------------
      await untilTicket(pb, 'the supporter sees the reply', { messages: 3, state: 'waiting_for_support' });
      await sendMessage(pb, 'answer', ANSWER_2);
      await untilTicket(pb, 'the second answer is in the conversation', { messages: 4, state: 'answered' });

      // --- A: closes and rates --------------------------------------------------------------------
      await untilTicket(pa, 'alpha-user sees the second answer', { messages: 4, state: 'answered' });
      await pa.getByTestId('action-close').click();
      await untilTicket(pa, 'the ticket is closed', { state: 'closed' });
      await pa.getByTestId('rating-form').waitFor();
      await pa.getByTestId('rating-star-4').click();
      await pa.getByTestId('rating-comment').fill(RATING_COMMENT);
      await pa.getByTestId('action-rate').click();
      await pa.getByTestId('ticket-rating').waitFor();
      await checkFinalTicket(pa, 'alpha-user');
      for (const id of ['action-close', 'action-reply', 'rating-form', 'composer'])
        check((await pa.getByTestId(id).count()) === 0, `alpha-user still sees ${id} on the rated ticket`);
      await shot(pa, 'requester-rated');

      // --- B: sees the same conversation, timeline and rating ------------------------------------
      await checkFinalTicket(pb, 'supporter');
      for (const id of ['action-claim', 'action-release', 'action-answer', 'composer'])
        check((await pb.getByTestId(id).count()) === 0, `the supporter still sees ${id} on the closed ticket`);
      await shot(pb, 'supporter-final-ticket');
    },
  };

  const english: E2eTest = {
    name: 'English switch',
    skipIf: () => needTicket() ?? (state.requester ? undefined : 'alpha-user is not signed in'),
    async run() {
      const pa = state.requester!.page;
      await pa.goto(url(`/tickets/${state.ticketId}`));
      await pa.getByTestId('ticket-subject').waitFor();
      const html = pa.locator('html');
      check(
        (await html.getAttribute('dir')) === 'rtl' && (await html.getAttribute('lang')) === 'fa',
        'the portal is not Persian/RTL by default',
      );

      await pa.getByTestId('lang-switch').click();
      await eventually('<html dir="ltr" lang="en">', async () => {
        check((await html.getAttribute('dir')) === 'ltr', `dir is ${await html.getAttribute('dir')}`);
        check((await html.getAttribute('lang')) === 'en', `lang is ${await html.getAttribute('lang')}`);
      });
      check((await textOf(pa.getByTestId('menu-item-tickets.mine'))) === 'My tickets', 'menu label is not "My tickets"');
      check((await textOf(pa.getByTestId('menu-item-tickets.new'))) === 'New ticket', 'menu label is not "New ticket"');
      check((await textOf(pa.getByTestId('logout'))) === 'Sign out', 'the sign-out button is not in English');
      check((await textOf(pa.getByTestId('lang-switch'))) === 'فارسی', 'the language switch does not offer Persian');
      // Independent of how far the story got: whatever the state, it is labelled in English.
      const badge = await textOf(pa.locator('.page-head [data-testid="ticket-state"]'));
      const englishStates: Record<string, string> = {
        open: 'Open',
        waiting_for_support: 'Waiting for support',
        answered: 'Answered',
        closed: 'Closed',
      };
      check(badge === englishStates[await ticketState(pa)], `state badge reads "${badge}"`);
      const number = await textOf(pa.getByTestId('ticket-number'));
      check(
        number === `Ticket ${state.ticketNumber}`,
        `ticket number reads "${number}", expected "Ticket ${state.ticketNumber}"`,
      );
      check((await textOf(pa.getByTestId('timeline-item').first())).includes('Ticket created'), 'timeline is not in English');
      check((await textOf(pa.getByTestId('ticket-category'))) === 'Device technical problem', 'category name is not English');
      const dates = await pa.locator('[data-testid="conversation"] time, [data-testid="timeline"] time').allInnerTexts();
      const expectedDates = (await pa.getByTestId('message').count()) + (await pa.getByTestId('timeline-item').count());
      check(dates.length === expectedDates, `expected ${expectedDates} dates (one per message and event), found ${dates.length}`);
      for (const d of dates) {
        check(JALALI_MONTHS_EN.test(d) && /\b14\d\d\b/.test(d), `date "${d}" is not a Jalali date in English`);
        check(!PERSIAN_DIGIT.test(d), `English date "${d}" has Persian digits`);
      }
      const body = await textOf(pa.locator('main'));
      const labels = ['Conversation', 'Timeline', 'Details', 'Requester', 'Assignee', 'Created', 'Closed'];
      if ((await pa.getByTestId('ticket-rating').count()) > 0) labels.push('Your rating: 4 of 5');
      check(!body.includes('First response due'), 'the first-response deadline is still shown on a closed ticket');
      for (const label of labels) check(body.includes(label), `"${label}" not found on the English ticket page`);
      await shot(pa, 'english-ticket');

      await pa.getByTestId('menu-item-tickets.mine').click();
      await pa.waitForURL(/\/tickets$/);
      const row = pa.locator(`[data-testid="ticket-row"][data-ticket-id="${state.ticketId}"]`);
      await row.waitFor();
      check((await textOf(pa.getByTestId('page-title'))) === 'My tickets', 'list title is not "My tickets"');
      check(
        (await textOf(row.getByTestId('ticket-link'))) === state.ticketNumber,
        'ticket number in the list is not in ASCII digits',
      );
      await shot(pa, 'english-my-tickets');

      await pa.getByTestId('lang-switch').click();
      await eventually('<html dir="rtl" lang="fa">', async () => {
        check((await html.getAttribute('dir')) === 'rtl', `dir is ${await html.getAttribute('dir')}`);
        check((await html.getAttribute('lang')) === 'fa', `lang is ${await html.getAttribute('lang')}`);
      });
      check((await textOf(pa.getByTestId('page-title'))) === 'تیکت‌های من', 'list title is not Persian again');
      const faNumber = await textOf(row.getByTestId('ticket-link'));
      check(PERSIAN_DIGIT.test(faNumber) && !/[0-9]/.test(faNumber), `ticket number "${faNumber}" is not in Persian digits`);
      await row.getByTestId('ticket-link').click();
      await pa.getByTestId('ticket-subject').waitFor();
      const faTicketNumber = await textOf(pa.getByTestId('ticket-number'));
      check(PERSIAN_DIGIT.test(faTicketNumber), `ticket number "${faTicketNumber}" has no Persian digits`);
      const faDate = await textOf(pa.locator('[data-testid="conversation"] time').first());
      check(PERSIAN_DIGIT.test(faDate) && JALALI_MONTHS_FA.test(faDate), `date "${faDate}" is not a Persian Jalali date`);
      check(!/[0-9]/.test(faDate), `Persian date "${faDate}" has ASCII digits`);
    },
  };

  const permissions: E2eTest = {
    name: 'permissions in the menu',
    skipIf: needTicket,
    async run() {
      // Supporter: no "New ticket" and /tickets/new is refused.
      const b = state.supporter ?? (await open(SUPPORTER));
      if (!state.supporter) await signIn(b, target);
      const pb = b.page;
      await pb.goto(url('/support/inbox'));
      const supporterMenu = await menuKeys(pb);
      check(
        supporterMenu.join(',') === 'support.inbox,tickets.all,docs.api',
        `supporter's menu is [${supporterMenu.join(', ')}], expected support inbox, all tickets and API docs`,
      );
      await pb.goto(url('/tickets/new'));
      await pb.getByTestId('forbidden').waitFor();
      check(new URL(pb.url()).pathname === '/forbidden', `supporter on /tickets/new ended at ${pb.url()}, not /forbidden`);
      check((await pb.getByTestId('new-ticket-form').count()) === 0, 'the supporter sees the new-ticket form');
      await shot(pb, 'supporter-forbidden-new-ticket');

      // Auditor: "All tickets", reads the ticket, no action at all.
      const c = await open(AUDITOR);
      await signIn(c, target);
      const pc = c.page;
      const auditorMenu = await menuKeys(pc);
      check(
        ['tickets.all', 'audit.log', 'audit.events', 'docs.api'].every((k) => auditorMenu.includes(k)) &&
          !['tickets.new', 'tickets.mine', 'support.inbox', 'merchants.new', 'system.menu'].some((k) => auditorMenu.includes(k)),
        `auditor's menu is [${auditorMenu.join(', ')}], expected read-only items (all tickets, audit, events, API docs) and no action`,
      );
      await eventually('auditor lands on All tickets', () => pc.waitForURL(/\/tickets\/all$/, { timeout: 1_000 }));
      const row = pc.locator(`[data-testid="ticket-row"][data-ticket-id="${state.ticketId}"]`);
      await untilVisibleWithRefresh(pc, 'the ticket in All tickets', row);
      await shot(pc, 'auditor-all-tickets');
      await row.getByTestId('ticket-link').click();
      await pc.getByTestId('ticket-subject').waitFor();
      await pc.getByTestId('message').first().waitFor();
      check((await pc.getByTestId('timeline-item').count()) > 0, 'the auditor sees no timeline');
      for (const id of [
        'action-claim',
        'action-release',
        'action-close',
        'action-answer',
        'action-reply',
        'action-rate',
        'composer',
        'rating-form',
      ])
        check((await pc.getByTestId(id).count()) === 0, `the auditor sees ${id}`);
      await shot(pc, 'auditor-ticket');
    },
  };

  const crossAgent: E2eTest = {
    name: 'cross-agent',
    skipIf: needTicket,
    async run() {
      const d = await open(BETA_USER);
      await signIn(d, target);
      const pd = d.page;
      await eventually('beta-user lands on My tickets', () => pd.waitForURL(/\/tickets$/, { timeout: 1_000 }));
      check((await textOf(pd.getByTestId('agent-name'))).includes('بتا'), 'header does not name the Beta agency');
      await pd.getByTestId('list-empty').waitFor();
      check((await pd.locator(`[data-ticket-id="${state.ticketId}"]`).count()) === 0, "beta-user sees alpha's ticket");
      check(!(await textOf(pd.locator('main'))).includes(SUBJECT), "beta-user's list shows alpha's subject");
      await shot(pd, 'beta-my-tickets');

      // Direct link to alpha's ticket: the API answers 404 and the page shows its error banner.
      await pd.goto(url(`/tickets/${state.ticketId}`));
      const banner = pd.getByTestId('error-banner');
      await banner.waitFor();
      check(
        (await banner.getAttribute('data-code')) === 'NOT_FOUND',
        `error banner code is ${await banner.getAttribute('data-code')}`,
      );
      check((await pd.getByTestId('ticket-subject').count()) === 0, "beta-user sees alpha's ticket subject");
      check((await pd.getByTestId('conversation').count()) === 0, "beta-user sees alpha's conversation");
      check(!(await textOf(pd.locator('main'))).includes(SUBJECT), "alpha's subject appears on beta-user's page");
      await shot(pd, 'beta-alpha-ticket-not-found');
      // No pointless retry: a way back to the list instead.
      await pd.getByTestId('back-home').click();
      await pd.waitForURL(/\/tickets$/);

      // An address the portal does not know shows the not-found page.
      await pd.goto(url('/no-such-page'));
      await pd.getByTestId('not-found').waitFor();
    },
  };

  return [story, english, permissions, crossAgent];
}
