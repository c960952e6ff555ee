// A real recorder: Chromium, driven by playwright-core, records a HAR while the browser example talks
// to the standalone mock (through the example's dev proxy). The recording checks clean; the same
// recording with one answer edited is reported at that entry; a drifted mock's recording is reported.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHarContract } from '../../contracts/har/har-run.js';
import { serveExample } from '../../examples/browser/serve.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { mutants } from '../contracts/mutants.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artefacts = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
let browser: Browser;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  mkdirSync(artefacts, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  for (const close of closers.splice(0)) await close();
});

/** Records a session of the example against a mock; returns the HAR's path and the example's URL. */
async function record(mock: Mock, name: string): Promise<{ har: string; url: string }> {
  const running: RunningServer = await startHttpServer(mock, { port: 0 });
  closers.push(() => running.close());
  const example = await serveExample(0, { proxyTo: running.url });
  closers.push(() => example.close());
  const har = `${artefacts}${name}.har`;
  const context = await browser.newContext({ recordHar: { path: har, content: 'embed' } });
  const page = await context.newPage();
  await page.goto(`${example.url}/?standalone`);
  await page.getByTestId('status').filter({ hasText: 'standalone mock' }).waitFor();
  await page.getByTestId('page').filter({ hasText: /^Page 1 of/ }).waitFor();
  // Every page of the ticket, to the last (where a total that does not add up shows).
  for (let n = 2; n <= 10 && !(await page.getByTestId('next').isDisabled()); n++) {
    await page.getByTestId('next').click();
    await page.getByTestId('page').filter({ hasText: new RegExp(`^Page ${n} of`) }).waitFor();
  }
  await page.getByTestId('equipment').fill('40');
  await page.getByTestId('add').click();
  await page.getByTestId('notice').filter({ hasText: /^Added / }).waitFor();
  await context.close();
  return { har, url: example.url };
}

describe('a HAR recorded by Chromium while the example talks to the standalone mock', () => {
  it('checks clean, and an answer edited in it is reported at its entry', async () => {
    const { har, url } = await record(createMock(), 'example-session');
    const clean = await runHarContract({ files: [har], baseUrl: url });
    expect(clean.findings).toEqual([]);
    expect(clean.exitCode).toBe(0);
    expect(clean.har!.checked).toBeGreaterThanOrEqual(4);

    const recorded = JSON.parse(readFileSync(har, 'utf8')) as { log: { entries: Array<{ request: { url: string }; response: { content: { text?: string } } }> } };
    const index = recorded.log.entries.findIndex((e) => e.request.url.includes('/v2/tickets/used-diagnostic-equipment?'));
    const entry = recorded.log.entries[index]!;
    const body = JSON.parse(entry.response.content.text!) as { total: number };
    // A total of 1 under a full page: the rows no longer add up.
    entry.response.content.text = JSON.stringify({ ...body, total: 1 });
    void body.total;
    const edited = `${artefacts}example-session-edited.har`;
    writeFileSync(edited, JSON.stringify(recorded));
    const report = await runHarContract({ files: [edited], baseUrl: url });
    expect(report.exitCode).toBe(1);
    expect(report.findings).toMatchObject([{ check: 'list_arithmetic', pointer: '/result', message: expect.stringContaining(`entry ${index} of ${edited}`) as string }]);
  });

  it('reports a drifted mock’s recording', async () => {
    const drifted = mutants.find((m) => m.name === 'total one more than the rows')!.apply(createMock());
    const { har, url } = await record(drifted, 'drifted-session');
    const report = await runHarContract({ files: [har], baseUrl: url });
    expect(report.exitCode).toBe(1);
    expect(report.findings.map((f) => f.check)).toContain('list_arithmetic');
  });
});
