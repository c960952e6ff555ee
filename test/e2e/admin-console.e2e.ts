// The admin console (/__admin/ui/) in Chromium, against the standalone mock as QA runs it: change a
// ticket's status, meet the 'In Progress' rule's 409 and then add and remove a record through the real
// API, load a shipped scenario, download the state and load it back, see a refused upload's violations
// by path, watch a request arrive in the journal and expand it, add and clear a fault; then the same
// console on the 100,000-record `large` scenario. Screenshots go to test-results/e2e/console-*.png.
import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults } from 'axe-core';
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
async function openConsole(url: string, { width = 1200, hash = '' } = {}): Promise<{ page: Page; errors: string[] }> {
  // bypassCSP: the console's CSP allows its own script only, and the audit puts axe-core's into the page.
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width, height: 900 }, bypassCSP: true });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // Chromium logs every 4xx/5xx fetch as "Failed to load resource": the 409s this test provokes are not errors.
  page.on('console', (message) => message.type() === 'error' && !/^Failed to load resource/.test(message.text()) && errors.push(message.text()));
  await page.goto(`${url}/__admin/ui/${hash}`);
  // A table on the tickets list; on a linked view (#/journal…), its heading.
  await page.locator(hash === '' ? 'table' : '#panel h2').first().waitFor({ timeout: 20_000 });
  return { page, errors };
}

/** axe-core's own script, put into the page as it is (its README's way for any browser driver). */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations axe-core finds on what the page shows now, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = (await page.evaluate(() => (window as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document))) as AxeResults;
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.impact} ${v.id}: ${node.target.join(' ')} (${v.help})`));
}

const ticketRow = (page: Page, id: string) => page.locator(`tr[data-ticket="${id}"]`);
/** What has the focus: its id, else its name (aria-label, its label's text, its own text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return element?.id || element?.getAttribute('aria-label') || element?.labels?.[0]?.querySelector('span')?.textContent || element?.textContent;
  });
const statusOf = async (url: string, id: string) => (await adminState(url)).tickets.find((t) => t.id === id)?.status;
/** True when the page scrolls sideways: what a phone user must never have to do. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

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

    // Open it: In Progress (chosen, then confirmed), then the same add succeeds and the record is listed.
    await page.getByLabel(`Status of ticket ${closedTicketId}`).selectOption('In Progress');
    expect((await adminState(mock.url)).tickets.find((t) => t.id === closedTicketId)?.status).toBe('Closed');
    await page.getByRole('button', { name: 'Change status' }).click();
    await expect.poll(async () => (await adminState(mock.url)).tickets.find((t) => t.id === closedTicketId)?.status).toBe('In Progress');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('tr[data-equipment="38"]').waitFor();
    expect((await adminState(mock.url)).used).toContainEqual({ ticket_id: closedTicketId, diagnostic_equipment_id: 38 });

    await page.getByRole('button', { name: 'Remove equipment 38' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
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

  it('opens a ticket’s panel where it was clicked, with the focus, and gives the focus back on Escape', async () => {
    const { page, errors } = await openConsole(mock.url, { width: 1280 });
    const rows = page.locator('tr[data-ticket]');
    const id = (await rows.nth(10).getAttribute('data-ticket'))!;
    await ticketRow(page, id).getByRole('button', { name: 'Records' }).click();
    const panel = page.locator('#records');
    await panel.locator('tr[data-equipment], .pager').first().waitFor();
    expect(await focused(page)).toBe('records');
    // In the row right after its ticket, and on screen.
    const rowBox = (await ticketRow(page, id).boundingBox())!;
    const panelBox = (await panel.boundingBox())!;
    expect(panelBox.y - (rowBox.y + rowBox.height)).toBeLessThan(20);
    expect(await panel.evaluate((element) => element.getBoundingClientRect().top < window.innerHeight)).toBe(true);
    expect(page.url()).toMatch(new RegExp(`#/tickets/${id}$`));
    // The add field is 3 Tab presses away (Close, the status menu, the field), not 23.
    let presses = 0;
    while ((await focused(page)) !== 'Catalogue id to add' && presses < 10) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(presses).toBe(3);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe(`Records of ticket ${id}`);
    expect(page.url()).toMatch(/#\/tickets$/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('changes a status only on confirm: the arrow keys walk the menu, Closed is reachable by keyboard', async () => {
    const ticket = (await adminState(mock.url)).tickets.find((t) => t.status === 'In Progress' && t.id !== exampleTicketId)!;
    const { page, errors } = await openConsole(mock.url, { hash: `#/tickets/${ticket.id}` });
    const menu = page.getByLabel(`Status of ticket ${ticket.id}`);
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await statusOf(mock.url, ticket.id)).toBe('In Progress');
    await page.keyboard.press('End');
    expect(await menu.inputValue()).toBe('Closed');
    expect(await statusOf(mock.url, ticket.id)).toBe('In Progress');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Change status');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusOf(mock.url, ticket.id)).toBe('Closed');
    await expect.poll(() => ticketRow(page, ticket.id).locator('td').nth(1).textContent()).toBe('Closed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves between tabs with the arrow keys, Home and End (roving tabindex), each tab its own URL', async () => {
    const { page, errors } = await openConsole(mock.url);
    const tab = (name: string) => page.getByRole('tab', { name });
    await tab('Tickets').focus();
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab-Catalogue');
    expect(await tab('Catalogue').getAttribute('aria-selected')).toBe('true');
    expect(await tab('Catalogue').getAttribute('tabindex')).toBe('0');
    expect(await tab('Tickets').getAttribute('tabindex')).toBe('-1');
    expect(page.url()).toMatch(/#\/catalogue$/);
    await page.keyboard.press('End');
    expect(await focused(page)).toBe('tab-Settings');
    await page.keyboard.press('ArrowRight');
    expect(await focused(page)).toBe('tab-Tickets');
    await page.keyboard.press('ArrowLeft');
    expect(await focused(page)).toBe('tab-Settings');
    await page.keyboard.press('Home');
    expect(await focused(page)).toBe('tab-Tickets');
    // Tab leaves the tab list for the panel's first control (one tab stop for all six tabs).
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Ticket id contains');

    // A link straight to the journal, and back to the tickets with the browser's back button.
    await page.goto(`${mock.url}/__admin/ui/#/journal`);
    await page.getByRole('heading', { name: 'Request journal' }).waitFor();
    expect(await tab('Journal').getAttribute('aria-selected')).toBe('true');
    await tab('Faults').click();
    await page.getByRole('heading', { name: 'Faults and latency' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'Request journal' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has a skip link to the open records panel', async () => {
    const { page, errors } = await openConsole(mock.url, { hash: `#/tickets/${exampleTicketId}` });
    await page.locator('#records tr[data-equipment]').first().waitFor();
    // The focus on the page itself: the next Tab starts from the top, as on a fresh load.
    await page.evaluate(() => {
      document.body.tabIndex = -1;
      document.body.focus();
    });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to the content');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Skip to the records panel');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('records');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 375 px phone: no sideways scrolling on any tab, every Records button whole on screen', async () => {
    const { page, errors } = await openConsole(mock.url, { width: 375 });
    await page.locator('tr[data-ticket]').first().waitFor();
    const buttons = page.locator('button[data-records-for]');
    for (const box of await buttons.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.right).toBeLessThanOrEqual(375);
    }
    expect(await scrollsSideways(page)).toBe(false);
    await buttons.first().click();
    await page.locator('#records tr[data-equipment]').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await page.screenshot({ path: `${artefacts}console-375-tickets.png`, fullPage: true });
    for (const name of ['Catalogue', 'Scenarios', 'Journal', 'Faults', 'Settings']) {
      await page.getByRole('tab', { name }).click();
      await page.locator('#panel h2').waitFor();
      await page.waitForLoadState('networkidle');
      expect({ name, sideways: await scrollsSideways(page) }).toEqual({ name, sideways: false });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const width of [1280, 375]) {
    it(`passes an axe-core audit on every tab at ${width} px: no serious or critical violation`, async () => {
      const { page, errors } = await openConsole(mock.url, { width, hash: `#/tickets/${exampleTicketId}` });
      await page.locator('#records tr[data-equipment]').first().waitFor();
      // Something in each view to audit: a refusal shown, a fault in force, a journal entry expanded.
      await page.getByLabel('Catalogue id to add').fill('not-a-number');
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await page.locator('#records [role="alert"]').waitFor();
      const found: Record<string, string[]> = { Tickets: await axeViolations(page) };
      const fault = await fetch(`${mock.url}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation: 'removeUsedDiagnosticEquipment', status: 500, times: 1 }) });
      expect(fault.status).toBe(201);
      for (const name of ['Catalogue', 'Scenarios', 'Journal', 'Faults', 'Settings']) {
        await page.getByRole('tab', { name }).click();
        await page.locator('#panel h2').waitFor();
        if (name === 'Journal') {
          await page.locator('.journal li summary').first().click();
          await page.locator('.journal .exchange').first().waitFor();
        }
        if (name === 'Faults') await page.locator('tr[data-fault]').first().waitFor();
        await page.waitForLoadState('networkidle');
        found[name] = await axeViolations(page);
      }
      await fetch(`${mock.url}/__admin/faults`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
      expect(found).toEqual({ Tickets: [], Catalogue: [], Scenarios: [], Journal: [], Faults: [], Settings: [] });
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('asks before Load, Reset and Remove, shows what is loaded and changed, and undoes the last changes', async () => {
    const own = await startMockCli(['--port', '0', '--scenario', 'closed-ticket'], children);
    const { page, errors } = await openConsole(own.url);
    const header = page.getByTestId('state-about');
    await expect.poll(() => header.textContent()).toBe('State: scenario "closed-ticket" unchanged since loaded. Reset returns to scenario "closed-ticket".');
    const undo = page.getByRole('button', { name: /^Undo: |^Nothing to undo$/ });
    expect(await undo.isDisabled()).toBe(true);
    const start = await adminState(own.url);

    // Reset asks; Cancel changes nothing and gives the focus back.
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.getByRole('group', { name: /^Reset to scenario "closed-ticket"\?/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).toBe('Reset');

    // A record removed (asked first), then a status change: counted in the header, undone newest first.
    await page.getByRole('tab', { name: 'Tickets' }).click();
    await ticketRow(page, exampleTicketId).getByRole('button', { name: 'Records' }).click();
    const record = start.used.find((u) => u.ticket_id === exampleTicketId)!.diagnostic_equipment_id;
    await page.getByRole('button', { name: `Remove equipment ${record}` }).click();
    expect((await adminState(own.url)).used).toContainEqual({ ticket_id: exampleTicketId, diagnostic_equipment_id: record });
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await page.locator(`#records tr[data-equipment="${record}"]`).waitFor({ state: 'detached' });
    await expect.poll(() => header.textContent()).toMatch(/changed since loaded \(1 write\)/);
    await page.getByLabel(`Status of ticket ${exampleTicketId}`).selectOption('Open');
    await page.getByRole('button', { name: 'Change status' }).click();
    await expect.poll(() => header.textContent()).toMatch(/\(2 writes\)/);
    expect(await undo.textContent()).toBe(`Undo: ticket ${exampleTicketId.slice(0, 8)}… to Open`);
    await undo.click();
    await expect.poll(() => statusOf(own.url, exampleTicketId)).toBe('In Progress');
    expect((await adminState(own.url)).used).not.toContainEqual({ ticket_id: exampleTicketId, diagnostic_equipment_id: record });
    await undo.click();
    await page.locator(`#records tr[data-equipment="${record}"]`).waitFor();
    await expect.poll(() => statusOf(own.url, exampleTicketId)).toBe(start.tickets.find((t) => t.id === exampleTicketId)!.status);
    expect(await adminState(own.url)).toEqual(start);
    await expect.poll(() => header.textContent()).toMatch(/^State: scenario "closed-ticket" unchanged since loaded/);
    expect(await undo.isDisabled()).toBe(true);

    // A scenario loaded (asked first), then undone: the state and the header's scenario come back.
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Load scenario empty' }).click();
    await page.getByRole('button', { name: 'Yes, load empty' }).click();
    await expect.poll(() => header.textContent()).toMatch(/^State: scenario "empty" unchanged/);
    const loadedNotice = page.getByText(/^Loaded empty: /);
    expect(await loadedNotice.count()).toBe(1);
    await undo.click();
    await expect.poll(() => header.textContent()).toMatch(/^State: scenario "closed-ticket" unchanged/);
    // The tab's own "Loaded empty" would now say what is no longer so.
    expect(await loadedNotice.count()).toBe(0);
    expect(await adminState(own.url)).toEqual(start);

    // A write from elsewhere (the app under test) shows in the header without a reload.
    await fetch(`${own.url}${collection}/${exampleTicketId}/${record}`, { method: 'DELETE', headers: credentials });
    await expect.poll(() => header.textContent(), { timeout: 10_000 }).toMatch(/changed since loaded \(1 write\)/);
    await page.screenshot({ path: `${artefacts}console-undo.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
    own.child.kill('SIGTERM');
  });

  it('loads a shipped scenario, downloads the state, loads it back, and shows a refused file’s violations', async () => {
    const { page, errors } = await openConsole(mock.url);
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Load scenario closed-ticket' }).click();
    await page.getByRole('button', { name: 'Yes, load closed-ticket' }).click();
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
    await page.getByRole('button', { name: 'Yes, load empty' }).click();
    await expect.poll(async () => (await adminState(mock.url)).tickets.length).toBe(0);
    await page.getByLabel('Load a scenario file (JSON)').setInputFiles(file);
    await page.getByRole('button', { name: `Yes, load ${download.suggestedFilename()}` }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^Loaded ude-kit-state-.*: 2 tickets/);
    expect(await adminState(mock.url)).toMatchObject({ tickets: loaded.tickets, used: loaded.used });

    // A file the mock refuses: nothing changes, and each violation is shown by its path.
    const bad = join(tmpdir(), 'refused-scenario.json');
    writeFileSync(bad, JSON.stringify({ description: 'bad', tickets: [{ id: 'not-a-uuid', status: 'Open' }], used: [{ ticket_id: exampleTicketId, diagnostic_equipment_id: 99999 }] }));
    await page.getByLabel('Load a scenario file (JSON)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Yes, load refused-scenario.json' }).click();
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

  it('searches the journal by text, path, status and ticket, shows admin actions on demand, copies curl and exports HAR', async () => {
    // Only this test's requests in the journal: earlier tests asked for tickets too.
    await fetch(`${mock.url}/__admin/requests`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    const { page, errors } = await openConsole(mock.url, { hash: '#/journal' });
    const ticket = (await adminState(mock.url)).tickets[0]!.id;
    const marker = crypto.randomUUID();
    await fetch(`${mock.url}${collection}?ticket_id=${ticket}`, { headers: credentials });
    await fetch(`${mock.url}${collection}?ticket_id=${marker}`, { headers: credentials });
    await fetch(`${mock.url}/__admin/tickets/${ticket}`, { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-admin-token': 'not-needed' }, body: JSON.stringify({ status: 'In Progress' }) });
    const items = page.locator('.journal li');
    const adminItem = items.filter({ hasText: `/__admin/tickets/${ticket}` });
    await adminItem.waitFor({ timeout: 10_000 });
    expect(await adminItem.locator('.admin-mark').textContent()).toBe(' admin');

    await page.getByLabel('Ticket').fill(ticket.slice(0, 13).toUpperCase());
    await expect.poll(async () => (await items.allTextContents()).map((t) => t.includes(ticket))).toEqual([true, true]);
    await page.getByLabel('Admin actions').uncheck();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain(`ticket_id=${ticket}`);
    await page.getByLabel('Admin actions').check();
    await page.getByLabel('Ticket').fill('');
    await page.getByLabel('Search').fill(marker);
    await expect.poll(() => items.count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await page.getByLabel('Path contains').fill('/__admin/');
    await expect.poll(async () => (await items.locator('summary code').allTextContents()).every((p) => p.startsWith('/__admin/'))).toBe(true);
    await page.getByLabel('Path contains').fill('');

    // Copy as curl: the command sends the same request again, credentials from the shell's variables.
    const listed = items.filter({ hasText: `ticket_id=${ticket}` }).last();
    await listed.locator('summary').click();
    await listed.getByRole('button', { name: 'Copy as curl' }).click();
    const command = (await listed.getByRole('region', { name: 'curl command' }).textContent())!;
    expect(command).toContain('"authorization: $AUTHORIZATION"');
    expect(command).not.toContain('Bearer qa');
    const sent = execFileSync('bash', ['-c', `${command} --silent --write-out '\n%{http_code}'`], { env: { ...process.env, AUTHORIZATION: 'Bearer qa', X_API_KEY: 'qa' }, encoding: 'utf8' });
    expect(sent.trim().split('\n').pop()).toBe('200');

    // Export as HAR: the API requests with their answers, no admin action, credentials redacted.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export as HAR' }).click()]);
    const file = join(tmpdir(), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^ude-kit-journal-.*\.har$/);
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: Array<{ request: { url: string } }> } };
    const urls = har.log.entries.map((e) => e.request.url);
    expect(urls).toContainEqual(expect.stringContaining(`ticket_id=${marker}`));
    expect(urls.some((url) => url.includes('/__admin/'))).toBe(false);
    expect(readFileSync(file, 'utf8')).not.toContain('Bearer qa');
    await page.screenshot({ path: `${artefacts}console-journal-search.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('creates a ticket with a status and a catalogue entry, refuses a taken id, and undoes a creation', async () => {
    const { page, errors } = await openConsole(mock.url);
    const before = await adminState(mock.url);
    await page.getByText('New ticket', { exact: true }).click();
    await page.getByLabel('Status of the new ticket').selectOption('Closed');
    await page.getByRole('button', { name: 'Create ticket' }).click();
    // The new ticket's panel opens (it is last in the list, so above it), with its status.
    await expect.poll(() => page.locator('#records h3').textContent()).toMatch(/^Ticket [0-9a-f-]{36}$/);
    const id = (await page.locator('#records h3 code').textContent())!;
    expect((await adminState(mock.url)).tickets).toContainEqual({ id, status: 'Closed' });
    expect(page.url()).toMatch(new RegExp(`#/tickets/${id}$`));
    expect(await page.getByLabel(`Status of ticket ${id}`).inputValue()).toBe('Closed');

    await page.getByLabel('Id (empty: a new uuid)').fill(id);
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await expect.poll(() => page.locator('.create [role="alert"]').textContent()).toMatch(/^409 Already exists/);

    await page.getByRole('tab', { name: 'Catalogue' }).click();
    await page.getByText('New catalogue entry', { exact: true }).click();
    const name = `Launch X431 PRO ${crypto.randomUUID().slice(0, 8)}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Version (optional)').fill('5.0');
    await page.getByRole('button', { name: 'Add to the catalogue' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(new RegExp(`^Added ${name} as catalogue id \\d+\\.$`));
    const catalogId = Number(/id (\d+)/.exec((await page.getByRole('status').textContent())!)![1]);
    await page.getByLabel('Id, name or version contains').fill(name);
    await expect.poll(() => page.locator('tbody tr td:nth-child(1)').allTextContents()).toEqual([String(catalogId)]);
    expect(((await (await fetch(`${mock.url}/__admin/state`)).json()) as { catalog: unknown[] }).catalog).toContainEqual({ diagnostic_equipment_id: catalogId, name, version: '5.0' });

    // Undo: the entry goes, then the ticket.
    await page.getByRole('button', { name: `Undo: add ${name} to the catalogue` }).click();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(0);
    await page.getByRole('button', { name: 'Undo: create a Closed ticket' }).click();
    await expect.poll(async () => (await adminState(mock.url)).tickets).toEqual(before.tickets);
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
    // Used up after one request: the table follows live, with no reload and no tab change.
    await expect.poll(() => page.getByText('No fault is in force').count(), { timeout: 10_000 }).toBe(1);
    // A fault for three requests counts down as the app's requests use it.
    await page.getByLabel('Times (empty: until cleared)').fill('3');
    await page.getByRole('button', { name: 'Add the fault' }).click();
    await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('3');
    expect((await fetch(`${mock.url}${collection}`, { headers: credentials })).status).toBe(503);
    await expect.poll(() => row.locator('td').nth(3).textContent(), { timeout: 10_000 }).toBe('2');
    await page.getByRole('button', { name: 'Clear every fault' }).click();
    await expect.poll(() => page.getByText('No fault is in force').count()).toBe(1);
    await page.getByLabel('Times (empty: until cleared)').fill('');
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
    await expect.poll(() => page.getByTestId('state-about').textContent()).toMatch(/^State: scenario "large" unchanged since loaded\. Reset returns to scenario "large"\.$/);
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
    // Its link, opened afresh: the list starts at page one, and the linked ticket's panel opens anyway.
    const linked = await openConsole(large.url, { hash: `#/tickets/${firstTicket}` });
    await linked.page.locator('#records tbody tr').first().waitFor();
    expect(await linked.page.locator('#records h3').textContent()).toBe(`Ticket ${firstTicket}`);
    expect(await ticketRow(linked.page, firstTicket!).count()).toBe(0);
    expect(await focused(linked.page)).toBe('records');
    expect(linked.errors).toEqual([]);
    await linked.page.close();
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
