// The openapi-fetch + msw/node trap: a client created at module scope, before `server.listen()`, keeps
// the fetch of that moment. `callTimeFetch` resolves fetch per call, so the same client reaches the mock.
import createClient from 'openapi-fetch';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callTimeFetch } from 'ude-kit/fetch';
import type { paths } from 'ude-kit/types';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';
import { unhandledIsAnError } from '../helpers/msw-version.js';

// A name that no resolver knows: a request that escapes the mock fails to resolve.
const baseUrl = 'http://ude-kit-call-time.invalid';
// Both made at module scope, as an app's api.ts is imported before a test file's beforeAll runs.
const early = createClient<paths>({ baseUrl });
const late = createClient<paths>({ baseUrl, fetch: callTimeFetch });

const server = setupServer(...createHandlers({ baseUrl, auth: { mode: 'off' } }).handlers);
beforeAll(() => server.listen(unhandledIsAnError));
afterAll(() => server.close());

const list = (client: typeof early) => client.GET('/v2/tickets/used-diagnostic-equipment', { params: { query: { ticket_id: exampleTicketId, limit: 2 } } });

describe('callTimeFetch', () => {
  it('lets a client made before server.listen() reach the mock', async () => {
    const { data, response } = await list(late);
    expect(response.status).toBe(200);
    expect(data?.result).toHaveLength(2);
  });

  it('is needed: without it the same client misses the mock (msw 2 and 3 alike) and calls the network', async () => {
    await expect(list(early)).rejects.toThrow(/fetch failed/);
  });
});
