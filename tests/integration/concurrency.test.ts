import { startStack, type Stack } from './harness';

/** Several people signing in at the same moment on a fresh database: nobody gets an error. */
let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(async () => {
  await stack?.stop();
});

it('when many users are seen for the first time at once, then every /me answers 200 and each user exists once', async () => {
  const people: [string, string][] = [
    ['kartabl', 'broker-admin'],
    ['kartabl', 'supporter'],
    ['kartabl', 'supervisor'],
    ['kartabl', 'auditor'],
    ['agent-alpha', 'alpha-admin'],
    ['agent-alpha', 'alpha-user'],
    ['agent-alpha', 'alpha-user2'],
    ['agent-beta', 'beta-admin'],
    ['agent-beta', 'beta-user'],
  ];
  const tokens = await Promise.all(people.map(([realm, user]) => stack.token(realm, user)));
  // Each person asks twice at once, as a portal does on start (me + a list).
  const answers = await Promise.all(tokens.flatMap((token) => [0, 1].map(() => stack.call('GET', '/api/me', { token }))));
  expect(answers.map((a) => (a.status === 200 ? 200 : `${a.status} ${JSON.stringify(a.body)}`))).toEqual(answers.map(() => 200));
  expect(await stack.server.db.models.User.count()).toBe(people.length);
  const admin = answers[8].body;
  expect(admin.roles).toEqual(['agent-admin']);
});
