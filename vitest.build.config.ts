import { defineConfig } from 'vitest/config';

// Checks on the built extension (run by `npm test` after the builds).
export default defineConfig({
  test: { include: ['tests/build/**/*.test.ts'], environment: 'node' },
});
