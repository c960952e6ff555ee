// The package's own entry points, resolved through package.json `exports` as an app resolves them
// (the compiled output that `npm ci` and `npm test` build).
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';

describe("import { createHandlers } from 'ude-kit/msw'", () => {
  it('gives handlers with their own state each, usable with setupServer', async () => {
    const { createHandlers } = await import('ude-kit/msw');
    const first = createHandlers({ baseUrl: 'http://first.test', auth: { mode: 'off' } });
    const second = createHandlers({ baseUrl: 'http://second.test', auth: { mode: 'off' } });
    const server = setupServer(...first.handlers, ...second.handlers);
    server.listen({ onUnhandledRequest: 'error' });
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

  it("exposes the mock API from 'ude-kit'", async () => {
    const kit = await import('ude-kit');
    const mock = kit.createMock({ auth: { mode: 'off' } });
    expect(mock.state().tickets.length).toBeGreaterThan(0);
    expect(kit.inProgressStatus).toBe('In Progress');
  });
});
