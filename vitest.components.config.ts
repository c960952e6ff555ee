// The component-test example (examples/component) under three environments: jsdom, happy-dom and real
// Chromium (Vitest browser mode, Debian's Chromium through playwright). One test file, the same
// assertions; each project names only its environment and the setup file that serves the fake there.
// `npm run test:components`; not part of `npm test`, which must pass without a browser.
import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { mswWorker } from './src/vite/msw-worker.js';
// The msw that node_modules/msw is: 2 on the main CI leg, 3 where .ci/node24-msw3/run links it in.
import { mswVersion } from './test/helpers/msw-version.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const example = 'examples/component';

// The example imports the kit as an app does; inside this repository those names point at the sources.
const kit = {
  'ude-kit/fetch': here('src/client/call-time-fetch.ts'),
  'ude-kit/types': here('src/spec/public-types.ts'),
};

const inNode = (environment: 'jsdom' | 'happy-dom') => ({
  extends: true as const,
  // Under Node the package's 'node' export of ude-kit/msw: faker at hand, as in an app's Vitest run.
  resolve: { alias: { ...kit, 'ude-kit/msw': here('mocks/adapters/msw-node.ts') } },
  test: { name: environment, environment, setupFiles: [`${example}/test/serve-in-node.ts`] },
});

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: [`${example}/test/**/*.test.tsx`],
    testTimeout: 20_000,
    projects: [
      inNode('jsdom'),
      inNode('happy-dom'),
      {
        extends: true,
        // The installed msw's worker script at /mockServiceWorker.js, as an app's dev server serves it (ude-kit/vite).
        plugins: [mswWorker({ build: false })],
        // Vite keys its pre-bundled dependencies on the lockfile, which the msw swap leaves as it is: a
        // cache per msw version, or the page would run msw 2's code against msw 3's worker script.
        cacheDir: `node_modules/.vite/components-msw-${mswVersion}`,
        resolve: { alias: { ...kit, 'ude-kit/msw': here('mocks/adapters/msw.ts') } },
        // Found up front: a dependency discovered mid-run makes Vite reload the page and the run flaky.
        optimizeDeps: { include: ['@testing-library/dom', 'msw/browser', 'openapi-fetch', 'preact', 'preact/hooks', 'preact/jsx-runtime'] },
        test: {
          name: 'chromium',
          setupFiles: [`${example}/test/serve-in-browser.ts`],
          browser: {
            enabled: true,
            headless: true,
            // No browser can be downloaded here: Debian's, as the e2e tests use.
            provider: playwright({ launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
