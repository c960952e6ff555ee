// The benchmark's browser section: what `ude-kit/msw` costs a front-end. Three figures:
// - its own share of a browser bundle (Vite, minified, msw left out as the app's own), gzip and raw,
//   with what is in it by package, and what loads only on demand (lazy chunks);
// - `createHandlers()` in Chromium, on a fresh page each time (median of several), beside msw's own
//   first call with one plain handler (`http.get('/x', …)`) on the same page and bundle, the two
//   alternated within each round so the machine's drift hits both: the start-up ratio, per round and of
//   the medians, in wall time and in the page's main-thread CPU time (read from Chromium's trace; the
//   target's measure, as a shared machine's waits for a core are not the call's work); the same call on
//   a page with msw alone in its bundle; and what of it is the page's first stack trace: msw's handler
//   constructor reads `new Error().stack` for its call frame, and the first stack trace on a page has
//   Chromium parse the calling script again for its source positions (V8.CollectSourcePositions, about
//   as long as the script; measured alone on the same bundle, then createHandlers() after it: the kit's
//   own share);
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

export interface StartupRatio {
  perRound: number[];
  medianOfRounds: number;
  ofMedians: number;
}

export interface BrowserFigures {
  bundle: { initialBytes: number; initialGzipBytes: number; lazyBytes: number; lazyGzipBytes: number; byPackage: Record<string, number> };
  chromiumCreateHandlersMs: { median: number; runs: number[] };
  /** msw's first handler (`http.get('/x', () => HttpResponse.json({}))`) on the same page and bundle. */
  chromiumPlainMswMs: { median: number; runs: number[] };
  /** The same call on a page whose bundle holds msw alone (no kit). */
  chromiumMswAloneMs: { median: number; runs: number[] };
  /** The same three calls in the page's main-thread CPU time (a shared machine's waits left out). */
  chromiumThreadMs: { createHandlers: { median: number; runs: number[] }; plainMsw: { median: number; runs: number[] }; mswAlone: { median: number; runs: number[] } };
  /** The two calls on a page laid out as Vite's dev server serves it, main-thread CPU time, and their ratio. */
  chromiumDevLayout: { createHandlersThreadMs: { median: number; runs: number[] }; plainMswThreadMs: { median: number; runs: number[] }; ratio: StartupRatio };
  /** createHandlers() ÷ the plain handler on the same page: each round's, their median, and the medians' ratio. */
  chromiumStartupRatio: { threadTime: StartupRatio; wallTime: StartupRatio };
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

/**
 * A page's timed module, after `imports` (createHandlers, http and HttpResponse): `?mode=` picks what
 * it times — `kit` createHandlers(); `plain` msw's `http.get('/x', () => HttpResponse.json({}))`, the
 * baseline of the start-up ratio (the same page and script, so both calls meet the same first stack
 * trace, whose cost grows with the calling script); `stack` a first stack trace alone, then createHandlers().
 */
const timedModule = (imports: string) => `${imports}
const mode = new URLSearchParams(location.search).get('mode');
performance.mark('ude-s0');
const s0 = performance.now();
if (mode === 'stack') window.__stack = new Error('first').stack.length;
performance.mark('ude-start');
const start = performance.now();
const handlers = mode === 'plain' ? [http.get('/x', () => HttpResponse.json({}))] : createHandlers().handlers;
const end = performance.now();
performance.mark('ude-end');
window.__ude = { importMs: s0 - window.__t0, stackMs: start - s0, createMs: end - start, handlers: handlers.length };
`;

/** The bench's page: one bundle of the kit, msw and the timed module, as a production-like build. */
const kitEntry = timedModule("import { createHandlers } from 'ude-kit/msw';\nimport { http, HttpResponse } from 'msw';");
/**
 * The page as Vite's dev server serves it: the dependencies prebundled into one module of their own and
 * the app's mocks module small, unbundled. The first stack trace then parses only that small module
 * again, so it costs both calls less and the kit's own work weighs more in the ratio.
 */
const devDeps = "export { createHandlers } from 'ude-kit/msw';\nexport { http, HttpResponse } from 'msw';\n";
const devModule = timedModule("import { createHandlers, http, HttpResponse } from '/deps.js';");

/** An app's page with msw and the same plain handler and no kit, bundled the same way: shown beside it. */
const mswAloneEntry = `import { http, HttpResponse } from 'msw';
performance.mark('ude-s0');
const s0 = performance.now();
performance.mark('ude-start');
const start = performance.now();
const handlers = [http.get('/x', () => HttpResponse.json({}))];
const end = performance.now();
performance.mark('ude-end');
window.__ude = { importMs: s0 - window.__t0, stackMs: start - s0, createMs: end - start, handlers: handlers.length };
`;

interface PageTimes {
  importMs: number;
  stackMs: number;
  createMs: number;
  handlers: number;
}

interface TraceEvent {
  name: string;
  tts?: number;
}

/**
 * The page's main-thread CPU time between its marks, from Chromium's trace (each mark carries the
 * thread's clock): on a shared machine the page's thread waits for a core at random, and wall time
 * counts the wait; this counts the work.
 */
function threadMs(trace: Buffer): { stackMs: number; createMs: number } {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const at = (name: string) => {
    const tts = events.find((e) => e.name === name)?.tts;
    if (tts === undefined) throw new Error(`the trace has no thread time for the mark ${name}`);
    return tts / 1000;
  };
  return { stackMs: at('ude-start') - at('ude-s0'), createMs: at('ude-end') - at('ude-start') };
}

async function chromiumTimes(rounds: number) {
  // The page's whole bundle (msw included): what a dev page loads before the app renders.
  const scripts: Record<string, string> = {};
  for (const [name, entry] of [['/kit.js', kitEntry], ['/msw-alone.js', mswAloneEntry], ['/deps.js', devDeps]] as const) scripts[name] = (await bundleForBrowser(entry)).chunks.map((c) => c.code).join('\n');
  scripts['/dev.js'] = devModule;
  const pages: Record<string, string> = { '/msw-alone': '/msw-alone.js', '/dev': '/dev.js' };
  // Served from a real origin: msw reads localStorage when it loads, which about:blank refuses.
  const html = (script: string) => `<!doctype html><script>window.__t0 = performance.now();</script><script type="module" src="${script}"></script>`;
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://page').pathname;
    const js = scripts[path];
    response.writeHead(200, { 'content-type': js === undefined ? 'text/html' : 'text/javascript' }).end(js ?? html(pages[path] ?? '/kit.js'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const imports: number[] = [];
  const stacks: number[] = [];
  const createAfterStack: number[] = [];
  type Mode = 'kit' | 'plain' | 'msw-alone' | 'dev-kit' | 'dev-plain' | 'stack';
  const address: Record<Mode, string> = { kit: `${url}?mode=kit`, plain: `${url}?mode=plain`, 'msw-alone': `${url}msw-alone`, 'dev-kit': `${url}dev?mode=kit`, 'dev-plain': `${url}dev?mode=plain`, stack: `${url}?mode=stack` };
  // Per mode, each round's first call: wall time (performance.now()) and the main thread's CPU time.
  const times: Record<Exclude<Mode, 'stack'>, number[]> = { kit: [], plain: [], 'msw-alone': [], 'dev-kit': [], 'dev-plain': [] };
  const cpuTimes: Record<Exclude<Mode, 'stack'>, number[]> = { kit: [], plain: [], 'msw-alone': [], 'dev-kit': [], 'dev-plain': [] };
  const visit = async (mode: Mode): Promise<{ wall: PageTimes; cpu: { stackMs: number; createMs: number } }> => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await browser.startTracing(page, { categories: ['blink.user_timing'] });
      await page.goto(address[mode]);
      const result = (await page.waitForFunction(() => (window as unknown as { __ude?: unknown }).__ude, undefined, { timeout: 30_000 }).catch((error: unknown) => { throw new Error(`the page did not finish: ${errors.join('; ') || String(error)}`); }).then((h) => h.jsonValue())) as PageTimes;
      if (result.handlers !== 1) throw new Error(`the ${mode} page made ${result.handlers} handlers`);
      return { wall: result, cpu: threadMs(await browser.stopTracing()) };
    } finally {
      await page.close();
    }
  };
  try {
    for (let round = 0; round < rounds; round++) {
      // The kit and the baseline take turns going first, so neither always follows the same neighbour.
      const order: Array<Exclude<Mode, 'stack'>> = round % 2 === 0 ? ['kit', 'plain', 'msw-alone', 'dev-kit', 'dev-plain'] : ['plain', 'kit', 'msw-alone', 'dev-plain', 'dev-kit'];
      for (const mode of order) {
        const { wall, cpu } = await visit(mode);
        times[mode].push(round_(wall.createMs));
        cpuTimes[mode].push(round_(cpu.createMs));
        if (mode === 'kit') imports.push(round_(wall.importMs));
      }
      const split = await visit('stack');
      stacks.push(round_(split.wall.stackMs));
      createAfterStack.push(round_(split.wall.createMs));
    }
  } finally {
    await browser.close();
    server.close();
  }
  return { times, cpuTimes, imports, stacks, createAfterStack };
}
const round_ = round;

/** Milliseconds a fresh Node process takes to run the timed script, once per round. */
function nodeTimes(rounds: number, timed: string): number[] {
  const script = `const t0 = performance.now(); ${timed} console.log(performance.now() - t0);`;
  return Array.from({ length: rounds }, () => round(Number(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim())));
}

const ratioOf = (a: number, b: number) => Math.round((100 * a) / Math.max(b, 0.1)) / 100;

/**
 * The kit's first call over msw's plain one. The target reads the median of the per-round ratios of
 * main-thread CPU time: the two pages of a round ran back to back in one browser, so a round the
 * machine was busier in weighs on both and leaves their ratio; the median then drops a round one page
 * alone was unlucky in. Wall time is reported beside it: on an idle machine it is the CPU time.
 */
export function startupRatio(kit: number[], plain: number[]): StartupRatio {
  const perRound = kit.map((ms, i) => ratioOf(ms, plain[i]!));
  return { perRound, medianOfRounds: median(perRound), ofMedians: ratioOf(median(kit), median(plain)) };
}

export async function browserBench(options: { rounds: number }): Promise<BrowserFigures> {
  const bundle = await bundleShare();
  const { times, cpuTimes, imports, stacks, createAfterStack } = await chromiumTimes(options.rounds);
  const node = nodeTimes(options.rounds, "const { createHandlers } = await import('ude-kit/msw'); createHandlers();");
  const msw = nodeTimes(options.rounds, "await import('msw');");
  const figure = (runs: number[]) => ({ median: median(runs), runs });
  return {
    bundle,
    chromiumCreateHandlersMs: figure(times.kit),
    chromiumPlainMswMs: figure(times.plain),
    chromiumMswAloneMs: figure(times['msw-alone']),
    chromiumThreadMs: { createHandlers: figure(cpuTimes.kit), plainMsw: figure(cpuTimes.plain), mswAlone: figure(cpuTimes['msw-alone']) },
    chromiumDevLayout: { createHandlersThreadMs: figure(cpuTimes['dev-kit']), plainMswThreadMs: figure(cpuTimes['dev-plain']), ratio: startupRatio(cpuTimes['dev-kit'], cpuTimes['dev-plain']) },
    chromiumStartupRatio: { threadTime: startupRatio(cpuTimes.kit, cpuTimes.plain), wallTime: startupRatio(times.kit, times.plain) },
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
  const thread = figures.chromiumThreadMs;
  const ratio = figures.chromiumStartupRatio;
  const dev = figures.chromiumDevLayout;
  const lines = [
    "Browser: what 'ude-kit/msw' costs a page (before = bench/browser-baseline.json, the core before precompiled validators and lazy faker)",
    '| figure | now | before |',
    '|---|---:|---:|',
    `| own share of the bundle, gzip (msw left out) | ${kB(bundle.initialGzipBytes)} | ${kB(baseline.bundle.initialGzipBytes)} |`,
    `| own share of the bundle, minified | ${kB(bundle.initialBytes)} | ${kB(baseline.bundle.initialBytes)} |`,
    `| loaded on demand (faker, for another seed) | ${kB(bundle.lazyBytes)} (${kB(bundle.lazyGzipBytes)} gzip) | — |`,
    `| createHandlers() in Chromium, median | ${figures.chromiumCreateHandlersMs.median} ms | ${baseline.chromiumCreateHandlersMs} ms |`,
    `|   msw's first call with one plain handler instead, same page and bundle, median | ${figures.chromiumPlainMswMs.median} ms | — |`,
    `|   that call on a page with msw alone in its bundle, median | ${figures.chromiumMswAloneMs.median} ms | — |`,
    `|   main-thread CPU time: createHandlers() / plain msw / plain msw alone, medians | ${thread.createHandlers.median} / ${thread.plainMsw.median} / ${thread.mswAlone.median} ms | — |`,
    `|   start-up ratio createHandlers() ÷ plain msw, CPU time: median of the rounds' (of the medians) | ${ratio.threadTime.medianOfRounds}× (${ratio.threadTime.ofMedians}×) | — |`,
    `|   start-up ratio, wall time: median of the rounds' (of the medians) | ${ratio.wallTime.medianOfRounds}× (${ratio.wallTime.ofMedians}×) | — |`,
    `|   on a page laid out as Vite's dev server serves it, CPU time: createHandlers() / plain msw, medians; ratio (of the medians) | ${dev.createHandlersThreadMs.median} / ${dev.plainMswThreadMs.median} ms; ${dev.ratio.medianOfRounds}× (${dev.ratio.ofMedians}×) | — |`,
    `|   of which the page's first stack trace (msw's handler constructor; timed alone) | ${figures.chromiumFirstStackMs.median} ms | — |`,
    `|   createHandlers() after it (the kit's own share) | ${figures.chromiumCreateAfterStackMs.median} ms | — |`,
    `| import('ude-kit/msw') + createHandlers() in Node, median | ${figures.nodeImportAndCreateMs.median} ms | ${baseline.nodeImportAndCreateMs} ms |`,
    `|   import('msw') alone, in a process of its own | ${figures.nodeMswImportMs.median} ms | — |`,
    `Start-up per round (kit and plain alternate first), CPU: ratios ${ratio.threadTime.perRound.map((r) => `${r}×`).join(', ')}; createHandlers() ${thread.createHandlers.runs.join(', ')} ms; plain msw ${thread.plainMsw.runs.join(', ')} ms (alone ${thread.mswAlone.runs.join(', ')} ms)`,
    `Start-up per round on the dev-server page, CPU: ratios ${dev.ratio.perRound.map((r) => `${r}×`).join(', ')}; createHandlers() ${dev.createHandlersThreadMs.runs.join(', ')} ms; plain msw ${dev.plainMswThreadMs.runs.join(', ')} ms`,
    `Start-up per round, wall: ratios ${ratio.wallTime.perRound.map((r) => `${r}×`).join(', ')}; createHandlers() ${figures.chromiumCreateHandlersMs.runs.join(', ')} ms; plain msw ${figures.chromiumPlainMswMs.runs.join(', ')} ms (alone ${figures.chromiumMswAloneMs.runs.join(', ')} ms)`,
    `By package (rendered bytes before minifying): ${Object.entries(bundle.byPackage).filter(([name]) => !name.includes('entry.js')).map(([name, bytes]) => `${name} ${kB(bytes)}`).join(', ')}`,
  ];
  const targets = [
    ["'ude-kit/msw' own share ≤ 35 kB gzip", bundle.initialGzipBytes <= 35_000],
    ['createHandlers ≤ 20 ms in Chromium', figures.chromiumCreateHandlersMs.median <= 20],
    ["createHandlers ≤ 1.5× msw's first plain handler in Chromium (same page; main-thread CPU, median of the rounds' ratios)", ratio.threadTime.medianOfRounds <= 1.5],
    ["import('ude-kit/msw') + createHandlers ≤ 200 ms in Node", figures.nodeImportAndCreateMs.median <= 200],
  ] as const;
  return { lines, targets: [...targets] };
}
