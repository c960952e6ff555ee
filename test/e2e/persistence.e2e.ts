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
const warnings: string[] = [];

beforeAll(async () => {
  server = await serveExample(0);
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  page = await browser.newPage();
  page.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const records = () => page.getByTestId('page').textContent();
async function open(): Promise<void> {
  await page.goto(`${server.url}/?persist`);
  await page.getByTestId('status').filter({ hasText: 'Mock API ready' }).waitFor();
  await page.getByTestId('page').filter({ hasText: /records/ }).waitFor();
}

describe('the mock state kept in sessionStorage', () => {
  it('survives a reload, drops a corrupt value with a warning, and is forgotten by a reset', async () => {
    await open();
    await expect.poll(records).toBe('Page 1 of 6 · 28 records');
    await page.getByTestId('equipment').fill('40');
    await page.getByTestId('add').click();
    await expect.poll(records).toBe('Page 1 of 6 · 29 records');

    await page.reload();
    await open();
    await expect.poll(records).toBe('Page 1 of 6 · 29 records');

    await page.evaluate((key) => sessionStorage.setItem(key, '{"tickets": [1, 2'), persistKey);
    await page.reload();
    await open();
    await expect.poll(records).toBe('Page 1 of 6 · 28 records');
    // Playwright delivers console messages asynchronously: the page can show its records before the
    // warning it printed first has reached this side.
    await expect.poll(() => warnings).toContain('ude-kit: the mock state kept in sessionStorage could not be loaded and was dropped');

    await page.getByTestId('equipment').fill('40');
    await page.getByTestId('add').click();
    await expect.poll(records).toBe('Page 1 of 6 · 29 records');
    await page.evaluate(() => (window as unknown as { udeMock: { reset(): void } }).udeMock.reset());
    expect(await page.evaluate((key) => sessionStorage.getItem(key), persistKey)).toBeNull();
    await page.reload();
    await open();
    await expect.poll(records).toBe('Page 1 of 6 · 28 records');
  });
});
