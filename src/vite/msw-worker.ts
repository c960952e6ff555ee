// 'ude-kit/vite': MSW's service worker script for a Vite app, without `npx msw init public/`: that puts the script
// where Vite copies everything into every build, so a production build shipped 17 kB of msw. Here the
// dev server serves it straight from the installed msw (always the version the page runs, no copy to
// keep in step), and a build gets it only when it is a mocking build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const workerPath = '/mockServiceWorker.js';

/** `build: true` for a build that mocks (e.g. `VITE_UDE_MOCK=msw vite build`); a production build leaves it out. */
export function mswWorker(options: { build: boolean }): Plugin {
  const script = () => readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'msw-worker',
    configureServer(server) {
      server.middlewares.use(workerPath, (_request, response) => {
        response.setHeader('content-type', 'text/javascript');
        response.end(script());
      });
    },
    generateBundle() {
      if (options.build) this.emitFile({ type: 'asset', fileName: workerPath.slice(1), source: script() });
    },
  };
}
