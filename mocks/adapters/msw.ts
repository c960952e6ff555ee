// Adapter A: the mock as MSW request handlers, for setupServer (Node tests) and setupWorker (browser).
// Requests outside the mock's paths fall through to the next handler, so these can sit beside an
// app's own handlers.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { pickDelay, type DelayRange } from '../core/delay.js';
import { createMock, type Mock, type MockOptions } from '../core/mock.js';
import { persisted, type PersistTo } from './persistence.js';
import { answerWebRequest, webRequestHead } from './web-request.js';

export interface HandlerOptions extends MockOptions {
  /** Serve only this origin (and path prefix), e.g. 'https://api.example.test'. Default: any origin. */
  baseUrl?: string;
  /** An existing mock to serve, instead of a new one made from the options. */
  mock?: Mock;
  delay?: DelayRange;
  /** Keep the state across page reloads in the browser (see persistence.ts); reset forgets it. */
  persist?: PersistTo;
}

export interface MockHandlers {
  handlers: HttpHandler[];
  /** The state behind the handlers: reset it, load a state, change a ticket's status, read the journal. */
  mock: Mock;
}

export function createHandlers(options: HandlerOptions = {}): MockHandlers {
  // A service worker answers only the pages of its own origin, and msw/node no browser at all: no other
  // site can reach these handlers, so every origin is answered unless the options name some.
  const created = options.mock ?? createMock({ ...options, corsOrigins: options.corsOrigins ?? 'any' });
  const kept = options.persist === undefined ? undefined : persisted(created, options.persist);
  const mock = kept?.mock ?? created;
  const base = options.baseUrl === undefined ? undefined : new URL(options.baseUrl);
  const prefix = base?.pathname.replace(/\/$/, '') ?? '';

  /** The mock-relative path of a request the mock serves, or undefined to let it pass. */
  function ownPath(url: URL): string | undefined {
    if (base !== undefined && url.origin !== base.origin) return undefined;
    if (!url.pathname.startsWith(prefix)) return undefined;
    const path = url.pathname.slice(prefix.length) || '/';
    return mock.owns(path) ? path : undefined;
  }

  // A predicate rather than a path pattern: MSW's pattern matcher decodes the URL itself and throws
  // on a malformed percent-encoding, where the mock must answer 400. Unowned requests stay unmatched,
  // so the app's own handlers and onUnhandledRequest see them as usual.
  const handler = http.all(
    ({ request }) => ownPath(new URL(request.url)) !== undefined,
    async ({ request }) => {
      const url = new URL(request.url);
      const { plain, answer } = await answerWebRequest(mock, request, webRequestHead(request, url, ownPath(url) ?? url.pathname));
      const wait = pickDelay(options.delay) + (answer.delayMs ?? 0);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      // Every write through the API or the admin API is kept (a reset forgets what was kept).
      if (kept !== undefined && plain.method !== 'GET' && plain.method !== 'HEAD') {
        if (plain.path === '/__admin/reset') kept.mock.reset();
        else kept.save();
      }
      // An injected network error: fetch rejects with a TypeError, as it would on a dropped connection.
      if (answer.networkError === true) return HttpResponse.error();
      return new HttpResponse(answer.body ?? null, { status: answer.status, headers: answer.headers });
    },
  );
  return { handlers: [handler], mock };
}

// For switching scenarios in the browser, where files cannot be read: import the scenario JSON
// ('ude-kit/scenarios/many-pages.json') and resolve it here; `mock.load(state)` swaps it in.
// Another seed or a scenario that generates data needs faker: in a page, `await loadDataGenerator()` first.
export { loadDataGenerator, DataGeneratorNotLoadedError } from '../state/faker-slot.js';
export { resolveScenario, scenarioState, ScenarioRefusedError, type ScenarioDocument } from '../state/scenario.js';
export type { StateDocument } from '../state/state-document.js';
export type { Mock, MockOptions } from '../core/mock.js';
export { InvalidProfileError, type Profile } from '../core/profile.js';
