import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['fake-indexeddb/auto', './tests/setup/happy-dom-enabled.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    globals: true,
    // Property and scale tests do real work; a loaded 2-core machine must not time them out.
    testTimeout: 60_000,
  },
});
