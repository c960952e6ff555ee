// The browser example in a real, headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core): the kit's MSW handlers answer in the page's service worker; a person's clicks
// page, add, remove and meet the rule. A screenshot is kept in test-results/e2e/.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveExample } from '../../examples/browser/serve.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artefacts = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
let browser: Browser;
let page: Page;
let server: Awaited<ReturnType<typeof serveExample>>;

beforeAll(async () => {
  server = await serveExample(0);
  browser = await chromium.launch({
    executablePath,
    // As root in CI, without a sandbox; no background traffic to a network this machine does not have.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(server.url);
  await page.getByTestId('status').filter({ hasText: 'Mock API ready' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const pageLabel = () => page.getByTestId('page').textContent();
const rowIds = () => page.getByTestId('rows').locator('tr td:first-child').allTextContents();

describe('the browser example, served by the kit’s MSW handlers', () => {
  it('lists the example ticket page by page', async () => {
    await expect.poll(pageLabel).toBe('Page 1 of 6 · 28 records');
    const first = await rowIds();
    expect(first).toHaveLength(5);
    expect(first[0]).toBe('12');
    await page.getByTestId('next').click();
    await expect.poll(pageLabel).toBe('Page 2 of 6 · 28 records');
    const second = await rowIds();
    expect(second).toHaveLength(5);
    expect(second.some((id) => first.includes(id))).toBe(false);
    await page.getByTestId('previous').click();
    await expect.poll(rowIds).toEqual(first);
  });

  it('adds equipment, then removes it', async () => {
    await page.getByTestId('equipment').fill('40');
    await page.getByTestId('add').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/^Added /);
    await expect.poll(pageLabel).toBe('Page 1 of 6 · 29 records');
    for (let i = 0; i < 5; i++) await page.getByTestId('next').click();
    await expect.poll(pageLabel).toBe('Page 6 of 6 · 29 records');
    await expect.poll(rowIds).toContain('40');
    await page.getByTestId('remove-40').click();
    await expect.poll(pageLabel).toBe('Page 6 of 6 · 28 records');
    expect(await rowIds()).not.toContain('40');
  });

  it("shows the problem's detail when the rule refuses a change on the Closed ticket", async () => {
    await page.getByTestId('ticket').selectOption('c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11');
    await expect.poll(pageLabel).toBe('Page 1 of 1 · 3 records');
    const [firstId] = await rowIds();
    await page.getByTestId(`remove-${firstId}`).click();
    await expect.poll(() => page.getByTestId('problem').textContent()).toBe(
      "Ticket not in progress: Ticket c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11 is 'Closed'; diagnostic equipment can only be added to or removed from a 'In Progress' ticket.",
    );
    expect(await rowIds()).toContain(firstId);
    await page.getByTestId('add').click();
    await expect.poll(() => page.getByTestId('problem').isVisible()).toBe(true);
    expect(await page.getByTestId('problem').textContent()).toMatch(/^Ticket not in progress: /);
    mkdirSync(artefacts, { recursive: true });
    await page.screenshot({ path: `${artefacts}browser-example.png`, fullPage: true });
  });

  it('lets a test switch a ticket status through the mock in the page', async () => {
    await page.evaluate(() => (window as unknown as { udeMock: { setTicketStatus(id: string, s: string): void } }).udeMock.setTicketStatus('c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11', 'In Progress'));
    const [firstId] = await rowIds();
    await page.getByTestId(`remove-${firstId}`).click();
    await expect.poll(pageLabel).toBe('Page 1 of 1 · 2 records');
  });
});
