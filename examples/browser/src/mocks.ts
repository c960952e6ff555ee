// The mock, in its own module so the app can import it only when mocking (see enableMocking in
// main.ts): a production build then holds no msw, faker or ajv code.
import { setupWorker } from 'msw/browser';
import { createHandlers, loadDataGenerator } from 'ude-kit/msw';

export async function startMocking(options: { persist: boolean; seed?: number }): Promise<void> {
  // Another seed than the default needs faker, which the page loads only then (a separate chunk).
  if (options.seed !== undefined) await loadDataGenerator();
  // The kit's handlers, each page load with a fresh state (or the kept one with ?persist);
  // window.udeMock lets tests arrange more.
  const { handlers, mock } = createHandlers({ ...(options.persist ? { persist: 'sessionStorage' } : {}), ...(options.seed === undefined ? {} : { seed: options.seed }) });
  Object.assign(window, { udeMock: mock });
  // msw 3 calls the option onUnhandledFrame, msw 2 onUnhandledRequest; each ignores the other's name.
  const startOptions = { onUnhandledFrame: 'bypass', onUnhandledRequest: 'bypass', quiet: true } as const;
  await setupWorker(...handlers).start(startOptions);
}
