// The lean browser core in Chromium: the handlers run under a Content-Security-Policy without
// 'unsafe-eval' (no schema is compiled in the page), faker is not fetched for the default state, and a
// page that asks for another seed loads it on demand and gets that seed's state.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExample } from '../../examples/browser/serve.js';
import '../../mocks/state/faker-node.js';
import { generateDefaultState } from '../../mocks/state/default-state.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// What a strict site sends: scripts and workers only from its own origin, and no eval of any kind.
const csp = "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self' 'unsafe-inline'";
let browser: Browser;
let server: Awaited<ReturnType<typeof serveExample>>;

beforeAll(async () => {
  server = await serveExample(0, { headers: { 'content-security-policy': csp } });
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the example; returns the page, the scripts it fetched and what the browser refused. */
async function open(query: string): Promise<{ page: Page; scripts: string[]; refused: string[] }> {
  const page = await browser.newPage();
  const scripts: string[] = [];
  const refused: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(new URL(request.url()).pathname));
  page.on('console', (message) => /Content Security Policy|unsafe-eval/i.test(message.text()) && refused.push(message.text()));
  page.on('pageerror', (error) => refused.push(error.message));
  await page.goto(`${server.url}/${query}`);
  await page.getByTestId('status').filter({ hasText: 'Mock API ready' }).waitFor({ timeout: 30_000 });
  return { page, scripts, refused };
}

const ticketIds = (page: Page) => page.evaluate(() => (window as unknown as { udeMock: { state(): { tickets: Array<{ id: string }> } } }).udeMock.state().tickets.map((t) => t.id));

describe('the lean browser core', () => {
  it("serves the example under a Content-Security-Policy without 'unsafe-eval', without fetching faker", async () => {
    const { page, scripts, refused } = await open('');
    await expect.poll(() => page.getByTestId('page').textContent()).toBe('Page 1 of 6 · 28 records');
    expect(refused).toEqual([]);
    // The only scripts: the app's entry and its mock chunk; no chunk with faker in it.
    const chunks = await Promise.all(scripts.map(async (path) => (await page.evaluate(async (p) => (await fetch(p)).text(), path)).includes('this.faker.definitions')));
    expect(chunks.some(Boolean)).toBe(false);
    expect(await ticketIds(page)).toEqual(generateDefaultState().tickets.map((t) => t.id));
    await page.close();
  });

  it('loads faker on demand for another seed and shows that seed’s state', async () => {
    const { page, scripts, refused } = await open('?seed=7');
    expect(refused).toEqual([]);
    const chunks = await Promise.all(scripts.map(async (path) => (await page.evaluate(async (p) => (await fetch(p)).text(), path)).includes('this.faker.definitions')));
    expect(chunks.filter(Boolean)).toHaveLength(1);
    expect(await ticketIds(page)).toEqual(generateDefaultState({ seed: 7 }).tickets.map((t) => t.id));
    await page.close();
  });
});
