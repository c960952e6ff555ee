// createHandlers({ persist: 'sessionStorage' }) in a real browser: what the app changed survives a
// reload; a corrupt stored value is dropped with a console warning and the page still works; a reset
// forgets the kept state.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExample } from '../../examples/browser/serve.js';
import { persistKey } from '../../mocks/adapters/persistence.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveExample>>;

beforeAll(async () => {
  server = await serveExample(0);
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = await browser.newPage();
  // The page's own console.warn calls are kept in the page, before any of its scripts run: Playwright's
  // 'console' events arrive asynchronously, and one printed during a reload has been seen to arrive after
  // the page had shown its records (or not within the wait at all, on a busy CI machine).
  await page.addInitScript(() => {
    const kept: string[] = [];
    (window as unknown as { keptWarnings: string[] }).keptWarnings = kept;
    const warn = console.warn.bind(console);
    console.warn = (...args: unknown[]) => {
      kept.push(args.map(String).join(' '));
      warn(...args);
    };
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const records = () => page.getByTestId('page').textContent();
const keptWarnings = () => page.evaluate(() => (window as unknown as { keptWarnings: string[] }).keptWarnings);
/** Waits until the page's mock is up and has shown its first page of records. */
async function ready(): Promise<void> {
  await page.getByTestId('status').filter({ hasText: 'Mock API ready' }).waitFor();
  await page.getByTestId('page').filter({ hasText: /records/ }).waitFor();
}
// A reload is followed by ready(), never by another navigation: a goto right after it replaced the
// reloaded document, and with it the warning that document printed (seen on the msw 3 leg, where the
// page starts more slowly).
async function reload(): Promise<void> {
  await page.reload();
  await ready();
}

describe('the mock state kept in sessionStorage', () => {
  it('survives a reload, drops a corrupt value with a warning, and is forgotten by a reset', async () => {
    await page.goto(`${server.url}/?persist`);
    await ready();
    await expect.poll(records).toBe('Page 1 of 6 · 28 records');
    await page.getByTestId('equipment').fill('40');
    await page.getByTestId('add').click();
    await expect.poll(records).toBe('Page 1 of 6 · 29 records');

    await reload();
    await expect.poll(records).toBe('Page 1 of 6 · 29 records');
    expect(await keptWarnings()).toEqual([]);

    await page.evaluate((key) => sessionStorage.setItem(key, '{"tickets": [1, 2'), persistKey);
    await reload();
    await expect.poll(records).toBe('Page 1 of 6 · 28 records');
    // The browser's own words for the JSON error follow in brackets.
    expect(await keptWarnings()).toEqual([expect.stringMatching(/^ude-kit: the mock state kept in sessionStorage could not be loaded and was dropped: it is not JSON \(.+\)$/)]);

    await page.getByTestId('equipment').fill('40');
    await page.getByTestId('add').click();
    await expect.poll(records).toBe('Page 1 of 6 · 29 records');
    await page.evaluate(() => (window as unknown as { udeMock: { reset(): void } }).udeMock.reset());
    expect(await page.evaluate((key) => sessionStorage.getItem(key), persistKey)).toBeNull();
    await reload();
    await expect.poll(records).toBe('Page 1 of 6 · 28 records');
  });
});
