import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          globals: true,
          setupFiles: ['./tests/setup/unit.ts'],
          // Component tests render through the app's providers (src/testing/harness.tsx); on a
          // busy two-core machine a page's first render alone can take longer than 5 s.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'emulator',
          include: ['emulator/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      { test: { name: 'deploy', include: ['deploy/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
