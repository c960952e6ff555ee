// The benchmark's browser section: what `ude-kit/msw` costs a front-end. Three figures:
// - its own share of a browser bundle (Vite, minified, msw left out as the app's own), gzip and raw,
//   with what is in it by package, and what loads only on demand (lazy chunks);
// - `createHandlers()` in Chromium, on a fresh page each time (median of several), and what of it is the
//   page's first stack trace: msw's handler constructor reads `new Error().stack` for its call frame, and
//   the first stack trace on a page costs Chromium a pass over the page's script (measured alone on the
//   same bundle, then createHandlers() after it: the kit's own share);
// - `import('ude-kit/msw')` + `createHandlers()` in a fresh Node process (median of several), beside
//   `import('msw')` alone (the part msw's own root import takes, graphql included with msw 2).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { bundleForBrowser, type BundleResult } from '../test/helpers/vite-bundle.js';
import { root } from '../test/helpers/cli-process.js';

export interface BrowserFigures {
  bundle: { initialBytes: number; initialGzipBytes: number; lazyBytes: number; lazyGzipBytes: number; byPackage: Record<string, number> };
  chromiumCreateHandlersMs: { median: number; runs: number[] };
  chromiumImportMs: { median: number; runs: number[] };
  chromiumFirstStackMs: { median: number; runs: number[] };
  chromiumCreateAfterStackMs: { median: number; runs: number[] };
  nodeImportAndCreateMs: { median: number; runs: number[] };
  nodeMswImportMs: { median: number; runs: number[] };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (value: number) => Math.round(value * 10) / 10;

/** Which package a module id belongs to ("ude-kit" for the kit's own dist). */
function packageOf(id: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(id);
  if (match !== null) return match[1]!;
  return id.includes('/dist/') ? 'ude-kit' : id;
}

/** Rendered bytes by package, from the bundle's per-module sizes where Vite reports them. */
function byPackage(bundle: BundleResult): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const [id, bytes] of Object.entries(bundle.moduleBytes)) sizes[packageOf(id)] = (sizes[packageOf(id)] ?? 0) + bytes;
  return Object.fromEntries(Object.entries(sizes).sort((a, b) => b[1] - a[1]));
}

async function bundleShare(): Promise<BrowserFigures['bundle']> {
  // loadDataGenerator is exported too, so the bundle shows what waits in a lazy chunk.
  const bundle = await bundleForBrowser("export { createHandlers, loadDataGenerator } from 'ude-kit/msw';\n", { external: /^msw(\/|$)/ });
  const initial = bundle.chunks.filter((c) => c.isEntry);
  const lazy = bundle.chunks.filter((c) => !c.isEntry);
  const gz = (chunks: typeof initial) => chunks.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).byteLength, 0);
  return {
    initialBytes: initial.reduce((sum, c) => sum + c.bytes, 0),
    initialGzipBytes: gz(initial),
    lazyBytes: lazy.reduce((sum, c) => sum + c.bytes, 0),
    lazyGzipBytes: gz(lazy),
    byPackage: byPackage(bundle),
  };
}

async function chromiumTimes(rounds: number) {
  // The page's whole bundle (msw included): what a dev page loads before the app renders.
  const bundle = await bundleForBrowser(
    // With ?stack, the page takes its first stack trace before createHandlers() and times both.
    "import { createHandlers } from 'ude-kit/msw';\nconst stackFirst = location.search === '?stack';\nconst s0 = performance.now();\nif (stackFirst) window.__stack = new Error('first').stack.length;\nconst start = performance.now();\nconst { handlers } = createHandlers();\nwindow.__ude = { importMs: s0 - window.__t0, stackMs: start - s0, createMs: performance.now() - start, handlers: handlers.length };\n",
  );
  const code = bundle.chunks.map((c) => c.code).join('\n');
  // Served from a real origin: msw reads localStorage when it loads, which about:blank refuses.
  const html = '<!doctype html><script>window.__t0 = performance.now();</script><script type="module" src="/bundle.js"></script>';
  const server = createServer((request, response) => {
    const js = request.url === '/bundle.js';
    response.writeHead(200, { 'content-type': js ? 'text/javascript' : 'text/html' }).end(js ? code : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const create: number[] = [];
  const imports: number[] = [];
  const stacks: number[] = [];
  const createAfterStack: number[] = [];
  const visit = async (address: string) => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(address);
      const result = (await page.waitForFunction(() => (window as unknown as { __ude?: unknown }).__ude, undefined, { timeout: 30_000 }).catch((error: unknown) => { throw new Error(`the page did not finish: ${errors.join('; ') || String(error)}`); }).then((h) => h.jsonValue())) as { importMs: number; stackMs: number; createMs: number; handlers: number };
      if (result.handlers !== 1) throw new Error(`createHandlers gave ${result.handlers} handlers`);
      return result;
    } finally {
      await page.close();
    }
  };
  try {
    for (let round = 0; round < rounds; round++) {
      const fresh = await visit(url);
      create.push(round_(fresh.createMs));
      imports.push(round_(fresh.importMs));
      const split = await visit(`${url}?stack`);
      stacks.push(round_(split.stackMs));
      createAfterStack.push(round_(split.createMs));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { create, imports, stacks, createAfterStack };
}
const round_ = round;

/** Milliseconds a fresh Node process takes to run the timed script, once per round. */
function nodeTimes(rounds: number, timed: string): number[] {
  const script = `const t0 = performance.now(); ${timed} console.log(performance.now() - t0);`;
  return Array.from({ length: rounds }, () => round(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim())));
}

export async function browserBench(options: { rounds: number }): Promise<BrowserFigures> {
  const bundle = await bundleShare();
  const { create, imports, stacks, createAfterStack } = await chromiumTimes(options.rounds);
  const node = nodeTimes(options.rounds, "const { createHandlers } = await import('ude-kit/msw'); createHandlers();");
  const msw = nodeTimes(options.rounds, "await import('msw');");
  const figure = (runs: number[]) => ({ median: median(runs), runs });
  return {
    bundle,
    chromiumCreateHandlersMs: figure(create),
    chromiumImportMs: figure(imports),
    chromiumFirstStackMs: figure(stacks),
    chromiumCreateAfterStackMs: figure(createAfterStack),
    nodeImportAndCreateMs: figure(node),
    nodeMswImportMs: figure(msw),
  };
}

const baseline = JSON.parse(readFileSync(new URL('./browser-baseline.json', import.meta.url), 'utf8')) as {
  bundle: { initialBytes: number; initialGzipBytes: number };
  chromiumCreateHandlersMs: number;
  nodeImportAndCreateMs: number;
};

/** The section's lines, with the figures before the lean core beside today's, and its targets. */
export function browserReport(figures: BrowserFigures): { lines: string[]; targets: Array<readonly [string, boolean]> } {
  const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
  const { bundle } = figures;
  const lines = [
    "Browser: what 'ude-kit/msw' costs a page (before = bench/browser-baseline.json, the core before precompiled validators and lazy faker)",
    '| figure | now | before |',
    '|---|---:|---:|',
    `| own share of the bundle, gzip (msw left out) | ${kB(bundle.initialGzipBytes)} | ${kB(baseline.bundle.initialGzipBytes)} |`,
    `| own share of the bundle, minified | ${kB(bundle.initialBytes)} | ${kB(baseline.bundle.initialBytes)} |`,
    `| loaded on demand (faker, for another seed) | ${kB(bundle.lazyBytes)} (${kB(bundle.lazyGzipBytes)} gzip) | — |`,
    `| createHandlers() in Chromium, median | ${figures.chromiumCreateHandlersMs.median} ms | ${baseline.chromiumCreateHandlersMs} ms |`,
    `|   of which the page's first stack trace (msw's handler constructor; timed alone) | ${figures.chromiumFirstStackMs.median} ms | — |`,
    `|   createHandlers() after it (the kit's own share) | ${figures.chromiumCreateAfterStackMs.median} ms | — |`,
    `| import('ude-kit/msw') + createHandlers() in Node, median | ${figures.nodeImportAndCreateMs.median} ms | ${baseline.nodeImportAndCreateMs} ms |`,
    `|   import('msw') alone, in a process of its own | ${figures.nodeMswImportMs.median} ms | — |`,
    `By package (rendered bytes before minifying): ${Object.entries(bundle.byPackage).filter(([name]) => !name.includes('entry.js')).map(([name, bytes]) => `${name} ${kB(bytes)}`).join(', ')}`,
  ];
  const targets = [
    ["'ude-kit/msw' own share ≤ 35 kB gzip", bundle.initialGzipBytes <= 35_000],
    ['createHandlers ≤ 20 ms in Chromium', figures.chromiumCreateHandlersMs.median <= 20],
    ["import('ude-kit/msw') + createHandlers ≤ 200 ms in Node", figures.nodeImportAndCreateMs.median <= 200],
  ] as const;
  return { lines, targets: [...targets] };
}
