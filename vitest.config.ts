import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // dist/ is what the process-level tests run: compile it from the current sources first.
    globalSetup: ['test/setup/build-dist.ts'],
  },
});
