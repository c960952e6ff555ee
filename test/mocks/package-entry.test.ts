// The package's own entry points, resolved through package.json `exports` as an app resolves them
// (the compiled output that `npm ci` and `npm test` build).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupServer } from 'msw/node';
import { unhandledIsAnError } from '../helpers/msw-version.js';
import { describe, expect, it } from 'vitest';

/** A plain server that answers 200: what an unhandled request would reach without the net. */
async function listening(): Promise<{ server: Server; url: string }> {
  const server = createServer((_request, response) => response.end('reached the network'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe("import { createHandlers } from 'ude-kit/msw'", () => {
  it('gives handlers with their own state each, usable with setupServer', async () => {
    const { createHandlers } = await import('ude-kit/msw');
    const first = createHandlers({ baseUrl: 'http://first.test', auth: { mode: 'off' } });
    const second = createHandlers({ baseUrl: 'http://second.test', auth: { mode: 'off' } });
    const server = setupServer(...first.handlers, ...second.handlers);
    server.listen(unhandledIsAnError);
    try {
      first.mock.setTicketStatus('595be628-f6f2-4262-9c10-6389c6c4a5b8', 'Closed');
      const remove = (origin: string) =>
        fetch(`${origin}/v2/tickets/used-diagnostic-equipment/595be628-f6f2-4262-9c10-6389c6c4a5b8/12`, { method: 'DELETE' });
      expect((await remove('http://first.test')).status).toBe(409);
      expect((await remove('http://second.test')).status).toBe(204);
    } finally {
      server.close();
    }
  });

  it('the tests\' "unhandled is an error" net holds on the installed msw major', async () => {
    // Without it a request the handlers do not take would quietly reach the network (msw 3 ignores
    // msw 2's option name), and a test could pass against something other than the mock.
    const { server: real, url } = await listening();
    const { createHandlers } = await import('ude-kit/msw');
    const server = setupServer(...createHandlers({ baseUrl: 'http://first.test' }).handlers);
    try {
      expect((await fetch(url)).status).toBe(200);
      server.listen(unhandledIsAnError);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      server.close();
      real.close();
    }
  });

  it("exposes the mock API from 'ude-kit'", async () => {
    const kit = await import('ude-kit');
    const mock = kit.createMock({ auth: { mode: 'off' } });
    expect(mock.state().tickets.length).toBeGreaterThan(0);
    expect(kit.inProgressStatus).toBe('In Progress');
  });
});
