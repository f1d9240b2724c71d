import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // dist/ is what the process-level tests run: compile it from the current sources first.
    globalSetup: ['test/setup/build-dist.ts', 'test/setup/temp-folder.ts'],
    // Most tests render whole documents, start `roledoc` processes, worker threads or git. On a
    // 2-core machine that is busy with other jobs they take ten times as long as on an idle one, so
    // every test and hook gets a minute; a test that is slow by design says so with its own, longer
    // limit. A test that hangs still fails, it only takes longer to say so.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // vitest's default leaves one CPU free, which on two cores runs every test file one after the
    // other; the process-level tests spend much of their time waiting on their children.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
