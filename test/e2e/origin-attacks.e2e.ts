// A web page the developer has open tries to drive the local mock, in a real Chromium. A page of another
// site (evil.test, resolved to 127.0.0.1 by Chromium's host rules) tries to read the journal, replace
// the state, reset it with a no-cors form post, clear the journal and read the API; a page of a
// re-bound name tries it same-origin (DNS rebinding). All refused, nothing changed; a page on an
// allowed origin (localhost) still works. Screenshots of both pages go to test-results/e2e/.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artefacts = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));

let browser: Browser;
let mock: Mock;
let running: RunningServer;
let pages: Server;
let mockPort: number;
let pagePort: number;

// The page every origin is served: it runs the attacks it is given and shows what happened.
const attackPage = `<!doctype html><meta charset="utf-8"><title>attacks</title><style>body{font:14px sans-serif}td{padding:2px 8px}</style>
<h1 id="origin"></h1><table id="out"></table><script>
document.getElementById('origin').textContent = 'Page of ' + location.origin;
window.attempt = async (name, url, init) => {
  let outcome;
  try {
    const response = await fetch(url, init);
    outcome = response.type === 'opaque' ? 'sent, answer unreadable (opaque)' : 'read: ' + response.status + ' ' + (await response.text()).slice(0, 80);
  } catch (error) {
    outcome = 'blocked: ' + error.name;
  }
  const row = document.createElement('tr');
  row.innerHTML = '<td></td><td></td>';
  row.children[0].textContent = name;
  row.children[1].textContent = outcome;
  document.getElementById('out').append(row);
  return outcome;
};
</script>`;

beforeAll(async () => {
  mock = createMock();
  running = await startHttpServer(mock, { port: 0 });
  mockPort = Number(new URL(running.url).port);
  pages = createServer((_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(attackPage));
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pagePort = (pages.address() as { port: number }).port;
  browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      // Two public-looking names that resolve to this machine: another site, and a re-bound name.
      '--host-resolver-rules=MAP evil.test 127.0.0.1, MAP rebind.test 127.0.0.1',
    ],
  });
  mkdirSync(artefacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await running?.close();
  await new Promise((resolve) => pages?.close(resolve));
});

const credentials = { authorization: 'Bearer t', 'x-api-key': 'k' };

describe('a page of another site', () => {
  it('can neither read nor change the mock, through the admin API or the API', async () => {
    mock.setTicketStatus(closedTicketId, 'Closed');
    await fetch(`${running.url}/v2/tickets/used-diagnostic-equipment?limit=1`, { headers: { ...credentials, 'x-session-token': 'from-the-app' } });
    const state = JSON.stringify(mock.state());
    const journal = mock.requests().length;
    const page = await browser.newPage();
    await page.goto(`http://evil.test:${pagePort}/`);
    const target = `http://127.0.0.1:${mockPort}`;
    const outcomes = await page.evaluate(
      async ({ target, ticket }) => {
        const w = window as unknown as { attempt(name: string, url: string, init?: RequestInit): Promise<string> };
        return {
          journal: await w.attempt('read the journal', `${target}/__admin/requests`),
          state: await w.attempt('read the state', `${target}/__admin/state`),
          replace: await w.attempt('replace the state', `${target}/__admin/state`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"tickets":[],"catalog":[],"used":[]}' }),
          reset: await w.attempt('reset (no-cors form post)', `${target}/__admin/reset`, { method: 'POST', mode: 'no-cors', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
          resetJson: await w.attempt('reset (no-cors, text/plain JSON)', `${target}/__admin/reset`, { method: 'POST', mode: 'no-cors', body: '{}', headers: { 'content-type': 'text/plain' } }),
          clear: await w.attempt('clear the journal', `${target}/__admin/requests`, { method: 'DELETE' }),
          api: await w.attempt('read the API', `${target}/v2/tickets/used-diagnostic-equipment`, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } }),
          add: await w.attempt('add a record (no-cors)', `${target}/v2/tickets/used-diagnostic-equipment`, { method: 'POST', mode: 'no-cors', body: JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: 40 }), headers: { 'content-type': 'text/plain' } }),
        };
      },
      { target, ticket: exampleTicketId },
    );
    await page.screenshot({ path: `${artefacts}origin-attacks-evil.png`, fullPage: true });
    await page.close();
    for (const name of ['journal', 'state', 'replace', 'clear', 'api'] as const) expect(outcomes[name], name).toBe('blocked: TypeError');
    for (const name of ['reset', 'resetJson', 'add'] as const) expect(outcomes[name], name).toBe('sent, answer unreadable (opaque)');
    // What reached the mock changed nothing: the state is as it was, the journal was not cleared.
    expect(JSON.stringify(mock.state())).toBe(state);
    expect(mock.requests().length).toBeGreaterThanOrEqual(journal);
  });

  it('cannot reach the mock under a re-bound name: every request for that Host is refused', async () => {
    // After DNS rebinding, the attacker's name resolves to 127.0.0.1 and its page's requests are
    // same-origin: the browser lets them through, so the mock must refuse them by their Host.
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.test:${mockPort}/__admin/state`);
    const body = await page.locator('body').textContent();
    await page.screenshot({ path: `${artefacts}origin-attacks-rebind.png` });
    await page.close();
    expect(response?.status()).toBe(403);
    expect(JSON.parse(body ?? '{}')).toMatchObject({ type: '/problems/host-not-allowed', status: 403 });
    expect(body).not.toContain(exampleTicketId);
  });
});

describe('a page of an allowed origin (localhost)', () => {
  it('still uses the API and the admin API', async () => {
    mock.setTicketStatus(closedTicketId, 'Closed');
    const page = await browser.newPage();
    await page.goto(`http://localhost:${pagePort}/`);
    const target = `http://127.0.0.1:${mockPort}`;
    const outcomes = await page.evaluate(async (target) => {
      const w = window as unknown as { attempt(name: string, url: string, init?: RequestInit): Promise<string> };
      return {
        api: await w.attempt('read the API', `${target}/v2/tickets/used-diagnostic-equipment?limit=1`, { headers: { authorization: 'Bearer t', 'x-api-key': 'k' } }),
        reset: await w.attempt('reset', `${target}/__admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } }),
      };
    }, target);
    await page.screenshot({ path: `${artefacts}origin-attacks-localhost.png`, fullPage: true });
    await page.close();
    expect(outcomes.api).toMatch(/^read: 200 \{"query":\{"limit":1/);
    expect(outcomes.reset).toMatch(/^read: 200 /);
    expect(mock.state().tickets.find((t) => t.id === closedTicketId)?.status).toBe('Closed');
  });
});
