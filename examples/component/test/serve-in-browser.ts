// Real Chromium (Vitest browser mode): msw's service worker answers the page, as in an app's development
// build. The config serves /mockServiceWorker.js from the installed msw, so it always matches its version.
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { handlers, mock } from './mock-api.js';

const worker = setupWorker(...handlers);
// The page also loads Vitest's own modules through the worker: those pass to the network.
const passOthersOn = { onUnhandledFrame: 'bypass', onUnhandledRequest: 'bypass', quiet: true } as const;
beforeAll(async () => {
  await worker.start(passOthersOn);
});
afterEach(() => {
  worker.resetHandlers();
  mock.reset();
});
afterAll(() => worker.stop());
