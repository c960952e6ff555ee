// jsdom and happy-dom run in Node: msw/node intercepts their fetch. The only place the environments differ.
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { handlers, mock } from './mock-api.js';

const server = setupServer(...handlers);
// A request the fake does not serve is a failed test. msw 3 calls the option onUnhandledFrame, msw 2
// onUnhandledRequest; each ignores the other's name, so both are given.
const unhandledIsAnError = { onUnhandledFrame: 'error', onUnhandledRequest: 'error' } as const;
beforeAll(() => server.listen(unhandledIsAnError));
afterEach(() => {
  server.resetHandlers();
  mock.reset();
});
afterAll(() => server.close());
