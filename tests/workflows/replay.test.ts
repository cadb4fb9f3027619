import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

/**
 * Histories saved from real runs must replay on the current workflow code: a change that would
 * break running tickets fails here (use `patched()` for such changes, then save a new history).
 */
const dir = path.join(__dirname, 'histories');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

beforeAll(() => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
});

test('there is at least one saved history to replay', () => {
  expect(files.length).toBeGreaterThan(0);
});

test.each(files)(
  'when the saved history %s is replayed, then the current workflow code makes the same decisions',
  async (file) => {
    const history = historyFromJSON(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history, `replay-${file}`);
  },
);
