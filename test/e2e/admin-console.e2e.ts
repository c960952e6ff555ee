// The admin console (/__admin/ui/) in Chromium, against the standalone mock as QA runs it: change a
// ticket's status, meet the 'In Progress' rule's 409 and then add and remove a record through the real
// API, load a shipped scenario, download the state and load it back, see a refused upload's violations
// by path, watch a request arrive in the journal and expand it, add and clear a fault; then the same
// console on the 100,000-record `large` scenario. Screenshots go to test-results/e2e/console-*.png.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { startMockCli, type StartedCli } from '../helpers/cli-process.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artefacts = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
const collection = '/v2/tickets/used-diagnostic-equipment';
const credentials = { authorization: 'Bearer qa', 'x-api-key': 'qa' };
const children: ChildProcess[] = [];
let browser: Browser;
let mock: StartedCli;

beforeAll(async () => {
  mkdirSync(artefacts, { recursive: true });
  mock = await startMockCli(['--port', '0'], children);
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const child of children) child.kill('SIGTERM');
});

const adminState = async (url: string) => (await (await fetch(`${url}/__admin/state`)).json()) as { tickets: Array<{ id: string; status: string }>; used: Array<{ ticket_id: string; diagnostic_equipment_id: number }> };

/** Opens the console; fails the test on any script error or CSP refusal the page reports. */
async function openConsole(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Chromium logs every 4xx/5xx fetch as "Failed to load resource": the 409s this test provokes are not errors.
  page.on('console', (message) => message.type() === 'error' && !/^Failed to load resource/.test(message.text()) && errors.push(message.text()));
  await page.goto(`${url}/__admin/ui`);
  await page.getByRole('table').first().waitFor({ timeout: 20_000 });
  return { page, errors };
}

const ticketRow = (page: Page, id: string) => page.locator(`tr[data-ticket="${id}"]`);

describe('the admin console', () => {
  it('changes a status, shows the rule’s 409, adds and removes a record through the API', async () => {
    const { page, errors } = await openConsole(mock.url);
    expect(await page.title()).toBe('ude-kit console');
    await expect.poll(() => page.locator('.pager span').first().textContent()).toMatch(/^1–\d+ of \d+$/);
    await page.screenshot({ path: `${artefacts}console-tickets.png`, fullPage: true });

    // The Closed ticket: adding is refused with the API's own 409, shown as the app would get it.
    await ticketRow(page, closedTicketId).getByRole('button', { name: 'Records' }).click();
    await page.getByLabel('Catalogue id to add').fill('38');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const alert = page.locator('.records').getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^409 .*In Progress/);
    await page.screenshot({ path: `${artefacts}console-rule-409.png`, fullPage: true });

    // Open it: In Progress, then the same add succeeds and the record is listed.
    await page.getByLabel(`Status of ticket ${closedTicketId}`).selectOption('In Progress');
    await expect.poll(async () => (await adminState(mock.url)).tickets.find((t) => t.id === closedTicketId)?.status).toBe('In Progress');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('tr[data-equipment="38"]').waitFor();
    expect((await adminState(mock.url)).used).toContainEqual({ ticket_id: closedTicketId, diagnostic_equipment_id: 38 });

    await page.getByRole('button', { name: 'Remove equipment 38' }).click();
    await page.locator('tr[data-equipment="38"]').waitFor({ state: 'detached' });
    expect((await adminState(mock.url)).used).not.toContainEqual({ ticket_id: closedTicketId, diagnostic_equipment_id: 38 });

    // Every control has a name a screen reader can say.
    const unnamed = await page.locator('input, select, button').evaluateAll((elements) =>
      elements.filter((e) => (e as HTMLInputElement).labels?.length === 0 && !e.getAttribute('aria-label') && (e.textContent ?? '').trim() === '').map((e) => e.outerHTML),
    );
    expect(unnamed).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads a shipped scenario, downloads the state, loads it back, and shows a refused file’s violations', async () => {
    const { page, errors } = await openConsole(mock.url);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Load scenario closed-ticket' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Loaded closed-ticket: 2 tickets/);
    const loaded = await adminState(mock.url);
    expect(loaded.tickets.map((t) => t.id).sort()).toEqual([closedTicketId, exampleTicketId].sort());

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the current state' }).click()]);
    const file = join(tmpdir(), download.suggestedFilename());
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(saved).toMatchObject({ tickets: loaded.tickets, used: loaded.used });
    expect(typeof saved.description).toBe('string');

    // Somewhere else, then the downloaded file back: the same state.
    await page.getByRole('button', { name: 'Load scenario empty' }).click();
    await expect.poll(async () => (await adminState(mock.url)).tickets.length).toBe(0);
    await page.getByLabel('Load a scenario file (JSON)').setInputFiles(file);
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Loaded ude-kit-state-.*: 2 tickets/);
    expect(await adminState(mock.url)).toMatchObject({ tickets: loaded.tickets, used: loaded.used });

    // A file the mock refuses: nothing changes, and each violation is shown by its path.
    const bad = join(tmpdir(), 'refused-scenario.json');
    writeFileSync(bad, JSON.stringify({ description: 'bad', tickets: [{ id: 'not-a-uuid', status: 'Open' }], used: [{ ticket_id: exampleTicketId, diagnostic_equipment_id: 99999 }] }));
    await page.getByLabel('Load a scenario file (JSON)').setInputFiles(bad);
    const violations = page.locator('.violations li');
    await expect.poll(() => violations.count()).toBeGreaterThan(0);
    expect(await violations.allTextContents()).toContainEqual(expect.stringMatching(/^\/tickets\/0\/id /));
    await page.screenshot({ path: `${artefacts}console-scenarios.png`, fullPage: true });
    expect(await adminState(mock.url)).toMatchObject({ tickets: loaded.tickets, used: loaded.used });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows requests in the journal as they arrive, filtered and expanded with credentials redacted', async () => {
    const { page, errors } = await openConsole(mock.url);
    await page.getByRole('tab', { name: 'Journal' }).click();
    const marker = crypto.randomUUID();
    await fetch(`${mock.url}${collection}?ticket_id=${marker}`, { headers: credentials });
    await fetch(`${mock.url}${collection}`, { method: 'POST', headers: { ...credentials, 'content-type': 'application/json' }, body: JSON.stringify({ ticket_id: closedTicketId, diagnostic_equipment_id: 39 }) });
    const entry = page.locator('.journal li').filter({ hasText: marker });
    await entry.waitFor({ timeout: 10_000 });

    await page.getByLabel('Status (e.g. 409 or 4xx)').fill('4xx');
    await expect.poll(async () => (await page.locator('.journal li .status').allTextContents()).every((s) => s.startsWith('4'))).toBe(true);
    await page.getByLabel('Status (e.g. 409 or 4xx)').fill('');
    await page.getByLabel('Operation').selectOption('listUsedDiagnosticEquipment');
    await expect.poll(async () => (await page.locator('.journal li .operation').allTextContents()).every((s) => s.trim() === 'listUsedDiagnosticEquipment')).toBe(true);

    await entry.locator('summary').click();
    const exchange = entry.locator('.exchange');
    await exchange.waitFor();
    const text = (await exchange.textContent()) ?? '';
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('Bearer qa');
    expect(text).toContain('"total": 0');
    await page.screenshot({ path: `${artefacts}console-journal.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('adds a fault that the API then answers with, and clears it', async () => {
    const { page, errors } = await openConsole(mock.url);
    await page.getByRole('tab', { name: 'Faults' }).click();
    await page.getByLabel('Operation').selectOption('listUsedDiagnosticEquipment');
    await page.getByLabel('Status', { exact: true }).fill('503');
    await page.getByLabel('Times (empty: until cleared)').fill('1');
    await page.getByRole('button', { name: 'Add the fault' }).click();
    const row = page.locator('tr[data-fault]');
    await row.waitFor();
    expect(await row.textContent()).toContain('answers 503');
    await page.screenshot({ path: `${artefacts}console-faults.png`, fullPage: true });
    expect((await fetch(`${mock.url}${collection}`, { headers: credentials })).status).toBe(503);
    // Used up after one request: the console shows it gone once reloaded; clear any left anyway.
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.getByRole('tab', { name: 'Faults' }).click();
    await expect.poll(() => page.getByText('No fault is in force').count()).toBe(1);
    await page.getByLabel('Status', { exact: true }).fill('500');
    await page.getByRole('button', { name: 'Add the fault' }).click();
    await row.waitFor();
    await page.getByRole('button', { name: /^Clear fault / }).click();
    await expect.poll(() => page.getByText('No fault is in force').count()).toBe(1);
    expect(((await (await fetch(`${mock.url}/__admin/faults`)).json()) as { faults: unknown[] }).faults).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pages through the 100,000-record large scenario a page at a time', async () => {
    const large = await startMockCli(['--port', '0', '--scenario', 'large'], children);
    const { page, errors } = await openConsole(large.url);
    const counts = (await (await fetch(`${large.url}/__admin/tickets?limit=1`)).json()) as { total: number };
    expect(counts.total).toBeGreaterThan(1000);
    await expect.poll(() => page.locator('.pager span').first().textContent()).toBe(`1–50 of ${counts.total.toLocaleString('en-US')}`);
    await page.getByRole('button', { name: 'Last' }).first().click();
    const lastFrom = Math.floor((counts.total - 1) / 50) * 50 + 1;
    await expect.poll(() => page.locator('.pager span').first().textContent()).toBe(`${lastFrom.toLocaleString('en-US')}–${counts.total.toLocaleString('en-US')} of ${counts.total.toLocaleString('en-US')}`);
    // The range shown is the one of the rows on screen (the answered page's offset), so they are the last page's now.
    const firstTicket = await page.locator('tr[data-ticket]').first().getAttribute('data-ticket');
    const lastPage = (await (await fetch(`${large.url}/__admin/tickets?offset=${lastFrom - 1}&limit=50`)).json()) as { tickets: Array<{ id: string }> };
    expect(firstTicket).toBe(lastPage.tickets[0]!.id);
    await ticketRow(page, firstTicket!).getByRole('button', { name: 'Records' }).click();
    await page.locator('.records tbody tr').first().waitFor();
    await page.getByRole('tab', { name: 'Catalogue' }).click();
    await page.getByLabel('Id, name or version contains').fill('Autel');
    await expect.poll(async () => (await page.locator('tbody tr td:nth-child(2)').allTextContents()).every((name) => name.includes('Autel'))).toBe(true);
    await page.getByRole('tab', { name: 'Tickets' }).click();
    await page.screenshot({ path: `${artefacts}console-large.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    large.child.kill('SIGTERM');
  });
});
