// The example imports the kit as an app would ('ude-kit/msw', 'ude-kit/types'); here those names point
// at the kit's sources, so the example always runs the code under test.
// `VITE_UDE_MOCK=msw` makes a mocking build (main.ts imports the mock, the worker script is emitted);
// without it a build holds nothing of msw, not even its worker script.
import { fileURLToPath } from 'node:url';
import { defineConfig, loadEnv } from 'vite';
// An app imports it as 'ude-kit/vite'.
import { mswWorker } from '../../src/vite/msw-worker.js';

const root = fileURLToPath(new URL('.', import.meta.url));
const kit = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig(({ mode }) => ({
  root,
  resolve: {
    alias: {
      'ude-kit/msw': kit('mocks/adapters/msw.ts'),
      'ude-kit/types': kit('src/spec/public-types.ts'),
    },
  },
  plugins: [mswWorker({ build: loadEnv(mode, root, 'VITE_').VITE_UDE_MOCK === 'msw' })],
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
}));
