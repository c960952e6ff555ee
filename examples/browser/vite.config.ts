// The example imports the kit as an app would ('ude-kit/msw', 'ude-kit/types'); here those names point
// at the kit's sources, so the example always runs the code under test.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const kit = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      'ude-kit/msw': kit('mocks/adapters/msw.ts'),
      'ude-kit/types': kit('src/spec/generated/types.ts'),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
