/**
 * End-to-end test of the support-ticket story in Debian's Chromium through the real Keycloak login
 * page (`npx tsx e2e/run.ts`, run by `npm test` as the `e2e` step).
 *
 * Needs KARTABL_TEST_KEYCLOAK_URL (test world provisioned) and KARTABL_TEST_TEMPORAL_ADDRESS;
 * KARTABL_TEST_KC_ADMIN_USER/PASSWORD enable a preflight of the Keycloak clients;
 * KARTABL_CHROMIUM_PATH overrides /usr/bin/chromium.
 *
 * Builds the portal when it is missing or older than portal/src, starts the API (SQLite), a worker
 * and the portal server in this process on free ports, runs the named tests, saves screenshots in
 * test-results/screenshots/, stops everything and prints `N passed, N failed, N skipped` last.
 */
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { timesOut } from '../infra/dev/process';
import { CHROMIUM_ARGS, SCREENSHOTS, shot, type Session } from './support/browser';
import { buildPortal, checkKeycloak, log, portalBuildReason, required, stage, startStack } from './support/stack';
import { merchantTests } from './merchants';
import { stockTests } from './stock';
import { brandingTests } from './branding';
import { accessAuditTests } from './access-audit';
import { ticketStoryTests, type E2eTest } from './ticket-story';
import { basedataTests } from './basedata';
import { agentsUsersTests } from './agents-users';
import { portalQualityTests } from './portal-quality';
import { requestTests } from './requests';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started registers how to stop it; stopped in reverse order, once.

const stoppers: { name: string; stop: () => Promise<void> }[] = [];
let stopping: Promise<void> | undefined;

function onStop(name: string, stop: () => Promise<void>): void {
  stoppers.push({ name, stop });
}

function stopAll(): Promise<void> {
  stopping ??= (async () => {
    for (const { name, stop } of stoppers.reverse()) {
      const done = stop().catch((err: unknown) =>
        log(`⚠ stopping ${name} failed: ${err instanceof Error ? err.message : String(err)}`),
      );
      if (await timesOut(done, 20_000)) log(`⚠ ${name} did not stop within 20 s`);
    }
  })();
  return stopping;
}

// ---------------------------------------------------------------------------------------------
// A tiny runner

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Playwright errors carry a long call log; its first lines say what failed.
  const lines = (err.stack ?? err.message).split('\n');
  return lines.slice(0, 12).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `      ${l}`)
    .join('\n');
}

async function runTests(tests: E2eTest[], sessions: Session[]): Promise<Counts> {
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  for (const test of tests) {
    const reason = test.skipIf?.();
    if (reason) {
      counts.skipped += 1;
      console.log(`  - ${test.name} (skipped: ${reason})`);
      continue;
    }
    const started = Date.now();
    try {
      await test.run();
      counts.passed += 1;
      console.log(`  ✓ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (err) {
      counts.failed += 1;
      console.log(`  ✗ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      console.log(indent(errorText(err)));
      // Where each browser was when it failed, and what it complained about.
      for (const s of sessions) {
        const file = await shot(s.page, `FAILED-${test.name.replace(/\W+/g, '-')}-${s.person.label}`).catch(() => undefined);
        console.log(indent(`${s.person.label} at ${s.page.url()}${file ? ` (screenshot ${file})` : ''}`));
        for (const p of s.problems.slice(-8)) console.log(indent(`  ${p}`));
      }
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main(): Promise<Counts> {
  const started = Date.now();
  const keycloakUrl = required('KARTABL_TEST_KEYCLOAK_URL').replace(/\/+$/, '');
  required('KARTABL_TEST_TEMPORAL_ADDRESS');

  const buildReason = portalBuildReason();
  if (buildReason) {
    log(`building the portal (${buildReason})…`);
    const t = Date.now();
    await stage('building the portal', () => buildPortal());
    log(`portal built in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  }
  await stage(`Keycloak preflight at ${keycloakUrl}`, () => checkKeycloak(keycloakUrl, ['kartabl', 'agent-alpha', 'agent-beta']));

  rmSync(SCREENSHOTS, { recursive: true, force: true });
  const executablePath = process.env.KARTABL_CHROMIUM_PATH || '/usr/bin/chromium';
  const launching = chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  launching.catch(() => undefined); // awaited below; a failure must not crash the process before that
  onStop('browser', async () => {
    await (await launching.catch(() => undefined))?.close();
  });
  const stack = await startStack(onStop);
  const browser = await launching;
  log(`API ${stack.api.url}, portal ${stack.portal.url}, Keycloak ${keycloakUrl}, Chromium ${browser.version()}`);
  log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const sessions: Session[] = [];
  const target = { portalUrl: stack.portal.url, keycloakUrl };
  const only = process.env.KARTABL_E2E_ONLY;
  const tests = [
    ...ticketStoryTests(browser, target, sessions),
    ...merchantTests(browser, target, sessions),
    ...stockTests(browser, target, sessions),
    ...basedataTests(browser, target, sessions),
    ...brandingTests(browser, target, sessions),
    ...accessAuditTests(browser, target, sessions),
    ...agentsUsersTests(browser, target, sessions),
    ...portalQualityTests(browser, target, sessions),
    ...requestTests(browser, target, sessions, stack),
  ].filter((t) => !only || new RegExp(only).test(t.name));
  const counts = await runTests(tests, sessions);
  log(`screenshots in ${SCREENSHOTS}`);
  return counts;
}

let interrupted = false;
function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping…`);
  void stopAll().finally(() => process.exit(130));
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const t0 = Date.now();
void main()
  .catch((err: unknown): Counts => {
    console.log(`  ✗ e2e setup`);
    console.log(indent(errorText(err)));
    return { passed: 0, failed: 1, skipped: 0 };
  })
  .then(async (counts) => {
    await stopAll();
    log(`finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    process.exit(counts.failed > 0 ? 1 : 0);
  });
