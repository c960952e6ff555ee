// `npm run bench [-- --quick] [-- --out DIR]`: the kit's standalone mock against Prism's mock and a plain
// node:http ceiling, side by side in one run; then the kit at 1,000 and 1,000,000 records; then the
// contract suite's run time. Prints a table with ratios, writes results.json and chart.svg.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runContract } from '../contracts/runner.js';
import { loadScenario } from '../mocks/state/scenario-files.js';
import { closedTicketId } from '../mocks/state/default-state.js';
import { barChart } from './chart.js';
import { load, type LoadRequest, type LoadResult } from './load.js';
import { credentials, startCeiling, startKit, startPrism } from './servers.js';
import { exampleTicketId, scaleScenario, throughputScenario, writePool, writeTicketId } from './states.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string' }, soak: { type: 'string' }, har: { type: 'string' }, browser: { type: 'boolean' } } });
const quick = values.quick === true;
const out = values.out ?? fileURLToPath(new URL('.', import.meta.url));
const connections = quick ? 4 : 20;
const durationSeconds = quick ? 0.5 : 6;
const collection = '/v2/tickets/used-diagnostic-equipment';
const one = (ticket: string, id: number) => `${collection}/${ticket}/${id}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

// The write mix adds then removes one record per cycle, on each connection its own tool (autocannon's
// per-connection context carries the id from the POST to its DELETE).
let nextWriteId = 0;
const writeMix: LoadRequest[] = [
  {
    method: 'POST',
    path: collection,
    setupRequest(request, context) {
      context.id = writePool.first + (nextWriteId++ % writePool.size);
      return { ...request, body: JSON.stringify({ ticket_id: writeTicketId, diagnostic_equipment_id: context.id }) };
    },
  },
  {
    method: 'DELETE',
    path: one(writeTicketId, writePool.first),
    setupRequest: (request, context) => ({ ...request, path: one(writeTicketId, context.id as number) }),
  },
];

const throughput: Array<{ name: string; requests: LoadRequest[]; sample: string }> = [
  { name: 'GET one', requests: [{ method: 'GET', path: one(exampleTicketId, 12) }], sample: one(exampleTicketId, 12) },
  { name: 'GET list (25 rows)', requests: [{ method: 'GET', path: collection }], sample: collection },
  { name: 'GET list by ticket', requests: [{ method: 'GET', path: `${collection}?ticket_id=${exampleTicketId}` }], sample: `${collection}?ticket_id=${exampleTicketId}` },
  { name: 'write mix (POST+DELETE)', requests: writeMix, sample: collection },
];

async function bodyOf(url: string): Promise<string> {
  return (await fetch(url, { headers: credentials })).text();
}

async function throughputRun() {
  const kit = await startKit(throughputScenario(), one(exampleTicketId, 12));
  const prism = await startPrism(collection);
  const bodies: Record<string, string> = {};
  for (const scenario of throughput) bodies[scenario.sample.split('?')[0]!] = await bodyOf(`${kit.url}${scenario.sample}`);
  bodies[collection] = await bodyOf(`${kit.url}${collection}`);
  const bodiesFile = join(tmpdir(), `ude-kit-ceiling-${process.pid}.json`);
  writeFileSync(bodiesFile, JSON.stringify(bodies));
  const ceiling = await startCeiling(bodiesFile);
  const rows: Array<{ scenario: string; kit: LoadResult; prism: LoadResult; ceiling: LoadResult }> = [];
  try {
    for (const scenario of throughput) {
      log(`load: ${scenario.name}`);
      const kitResult = await load(kit.url, scenario.requests, { connections, durationSeconds });
      const prismResult = await load(prism.url, scenario.requests, { connections, durationSeconds });
      const ceilingResult = await load(ceiling.url, scenario.requests, { connections, durationSeconds });
      rows.push({ scenario: scenario.name, kit: kitResult, prism: prismResult, ceiling: ceilingResult });
    }
  } finally {
    await Promise.all([kit.stop(), prism.stop(), ceiling.stop()]);
  }
  return { rows, startup: { kitMs: kit.startMs, prismMs: prism.startMs } };
}

function heapProbe(file: string) {
  const output = execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', fileURLToPath(new URL('./heap.ts', import.meta.url)), file], { encoding: 'utf8' });
  return JSON.parse(output) as { records: number; resolveMs: number; loadMs: number; heapBytesPerRecord: number };
}

async function scaleRun(tickets: number) {
  const file = scaleScenario(tickets);
  log(`scale: ${tickets * 10} records`);
  const state = loadScenario(file);
  if (!state.ok) throw new Error('scale scenario does not load');
  const probe = state.state.used[Math.floor(state.state.used.length / 2)]!;
  const heap = heapProbe(file);
  const kit = await startKit(file, one(probe.ticket_id, probe.diagnostic_equipment_id));
  try {
    const byTicket = await load(kit.url, [{ method: 'GET', path: `${collection}?ticket_id=${probe.ticket_id}` }], { connections, durationSeconds });
    const getOne = await load(kit.url, [{ method: 'GET', path: one(probe.ticket_id, probe.diagnostic_equipment_id) }], { connections, durationSeconds });
    const roundTrip = await exportRoundTrip(kit.url, one(probe.ticket_id, probe.diagnostic_equipment_id));
    return { records: heap.records, startupMs: kit.startMs, resolveMs: heap.resolveMs, loadMs: heap.loadMs, heapBytesPerRecord: heap.heapBytesPerRecord, byTicket, getOne, roundTrip };
  } finally {
    await kit.stop();
  }
}

/** Saves a running mock's state as a scenario file (what `ude-kit export` writes) and starts a mock from it. */
async function exportRoundTrip(url: string, probePath: string) {
  const started = performance.now();
  const state = (await (await fetch(`${url}/__admin/state`)).json()) as { used: unknown[] };
  const path = join(mkdtempSync(join(tmpdir(), 'ude-kit-export-')), 'exported.json');
  const text = JSON.stringify({ description: 'bench: an exported state', ...state });
  writeFileSync(path, text);
  const exportMs = performance.now() - started;
  const reloaded = await startKit(path, probePath);
  try {
    const back = (await (await fetch(`${reloaded.url}/__admin/state`)).json()) as { used: unknown[] };
    return { exportMs, bytes: text.length, reloadStartupMs: reloaded.startMs, records: back.used.length, same: back.used.length === state.used.length };
  } finally {
    await reloaded.stop();
  }
}

async function contractRun() {
  const kit = await startKit(throughputScenario(), collection, ['--api-key', 'bench-key', '--token', 'bench-token']);
  try {
    const started = performance.now();
    const report = await runContract({
      baseUrl: kit.url,
      credentials: { apiKey: 'bench-key', token: 'bench-token' },
      fixtures: { ticket: exampleTicketId, closedTicket: closedTicketId, equipment: [40, 39], probeRemoveRule: true },
      readOnly: false,
      timeoutMs: 10_000,
    });
    return { ms: performance.now() - started, requests: report.requests, exitCode: report.exitCode };
  } finally {
    await kit.stop();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number) => (b === 0 ? '∞' : `${(a / b).toFixed(1)}×`);

const machine = { nproc: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version };

if (values.har !== undefined) {
  const { harBench } = await import('./har.js');
  const megabytes = Number(values.har === '' ? 100 : values.har);
  if (!Number.isFinite(megabytes) || megabytes <= 0 || megabytes > 2000) throw new Error(`--har takes megabytes from 1 to 2000, not "${values.har}"`);
  const result = await harBench(megabytes);
  console.log(result.text);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'har.json'), `${JSON.stringify({ machine, ...result.figures }, null, 2)}\n`);
  process.exit(result.figures.exitCode === 0 ? 0 : 1);
}
if (values.soak !== undefined) {
  const { soak } = await import('./soak.js');
  const seconds = Number(values.soak);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) throw new Error(`--soak takes whole seconds from 1 to 3600, not "${values.soak}"`);
  const result = await soak(seconds, { connections: 20, requests: [...throughput.flatMap((t) => t.requests)] });
  console.log(result.text);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'soak.json'), `${JSON.stringify({ machine, ...result.figures }, null, 2)}\n`);
  process.exit(result.figures.serverErrors === 0 ? 0 : 1);
}
const { browserBench, browserReport } = await import('./browser.js');
if (values.browser === true) {
  const figures = await browserBench({ rounds: quick ? 1 : 7 });
  const report = browserReport(figures);
  console.log([...report.lines, '', 'Targets:', ...report.targets.map(([name, held]) => `  ${held ? '✓' : '✗'} ${name}`)].join('\n'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'browser.json'), `${JSON.stringify({ machine, ...figures, targets: Object.fromEntries(report.targets) }, null, 2)}\n`);
  process.exit(0);
}
log(`ude-kit bench${quick ? ' (quick)' : ''}: ${connections} connections, ${durationSeconds} s per run, ${machine.nproc} cores`);
const t = await throughputRun();
const small = await scaleRun(100);
const big = await scaleRun(quick ? 2_000 : 100_000);
const contract = await contractRun();
log('browser section');
const browser = await browserBench({ rounds: quick ? 1 : 7 });
const browserSection = browserReport(browser);

const lines: string[] = [];
lines.push(`ude-kit benchmark — ${new Date().toISOString()} — nproc ${machine.nproc}, ${machine.cpu}, Node ${machine.node}`);
lines.push(`autocannon: ${connections} connections, ${durationSeconds} s per run, one target after the other`);
lines.push('');
lines.push('| scenario | ude-kit req/s | Prism req/s | ceiling req/s | kit ÷ Prism | kit ÷ ceiling | kit p99 ms | Prism p99 ms | kit non-2xx |');
lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of t.rows) {
  lines.push(`| ${row.scenario} | ${fmt(row.kit.requestsPerSecond)} | ${fmt(row.prism.requestsPerSecond)} | ${fmt(row.ceiling.requestsPerSecond)} | ${ratio(row.kit.requestsPerSecond, row.prism.requestsPerSecond)} | ${(100 * row.kit.requestsPerSecond / row.ceiling.requestsPerSecond).toFixed(0)}% | ${row.kit.p99Ms} | ${row.prism.p99Ms} | ${row.kit.non2xx} |`);
}
lines.push('');
lines.push(`| state | records | load (resolve + createMock) | start-up to first answer | heap / record | by ticket p50 / p99 ms | get one p50 / p99 ms |`);
lines.push('|---|---:|---:|---:|---:|---:|---:|');
for (const [name, s] of [['small', small], ['large', big]] as const) {
  lines.push(`| ${name} | ${fmt(s.records)} | ${fmt(s.resolveMs)} + ${fmt(s.loadMs)} ms | ${fmt(s.startupMs)} ms | ${fmt(s.heapBytesPerRecord)} B | ${s.byTicket.p50Ms} / ${s.byTicket.p99Ms} | ${s.getOne.p50Ms} / ${s.getOne.p99Ms} |`);
}
lines.push('');
lines.push(`Exported state loaded back (mock --scenario exported.json): ${fmt(big.roundTrip.records)} records, ${fmt(big.roundTrip.bytes / 1e6)} MB file, export ${fmt(big.roundTrip.exportMs)} ms, start-up to first answer ${fmt(big.roundTrip.reloadStartupMs)} ms`);
lines.push('');
lines.push(`Start-up to first answer (default-sized state): ude-kit ${fmt(t.startup.kitMs)} ms, Prism ${fmt(t.startup.prismMs)} ms`);
lines.push(`Contract suite against the local mock: ${fmt(contract.ms)} ms, ${contract.requests} requests, exit ${contract.exitCode}`);
lines.push('');
lines.push(...browserSection.lines);

const get = (name: string) => t.rows.find((r) => r.scenario.startsWith(name))!;
const p99Within = (a: number, b: number) => a <= Math.max(2 * b, b + 1);
const targets = [
  ['GET one ≥ 10× Prism', get('GET one').kit.requestsPerSecond >= 10 * get('GET one').prism.requestsPerSecond],
  ['GET one ≥ 40% of the ceiling', get('GET one').kit.requestsPerSecond >= 0.4 * get('GET one').ceiling.requestsPerSecond],
  ['GET list (25 rows) ≥ 5× Prism', get('GET list (25').kit.requestsPerSecond >= 5 * get('GET list (25').prism.requestsPerSecond],
  ['write mix ≥ 5× Prism', get('write mix').kit.requestsPerSecond >= 5 * get('write mix').prism.requestsPerSecond],
  [`list by ticket p99 at ${fmt(big.records)} within 2× of ${fmt(small.records)}`, p99Within(big.byTicket.p99Ms, small.byTicket.p99Ms)],
  [`get one p99 at ${fmt(big.records)} within 2× of ${fmt(small.records)}`, p99Within(big.getOne.p99Ms, small.getOne.p99Ms)],
  ['heap ≤ 300 B per record', big.heapBytesPerRecord <= 300],
  [`loading ${fmt(big.records)} records ≤ 5 s`, big.resolveMs + big.loadMs <= 5000],
  ['start-up to first answer ≤ 1 s', t.startup.kitMs <= 1000],
  ['contract suite ≤ 5 s', contract.ms <= 5000],
  [`an exported state of ${fmt(big.records)} records loads back whole`, big.roundTrip.same && big.roundTrip.records === big.records],
  ...browserSection.targets,
] as const;
lines.push('');
lines.push('Targets (ratios from this run; p99 "within 2×" allows 1 ms of timer granularity):');
for (const [name, held] of targets) lines.push(`  ${held ? '✓' : '✗'} ${name}`);
const text = lines.join('\n');
console.log(text);

mkdirSync(out, { recursive: true });
const results = { machine, quick, connections, durationSeconds, throughput: t.rows, startup: t.startup, scale: { small, large: big }, contract, browser, targets: Object.fromEntries(targets) };
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(out, 'chart.svg'),
  barChart(
    t.rows.map((r) => ({ scenario: r.scenario, kit: r.kit.requestsPerSecond, prism: r.prism.requestsPerSecond, ceiling: r.ceiling.requestsPerSecond })),
    `${connections} connections × ${durationSeconds} s each, nproc ${machine.nproc}, Node ${machine.node}`,
  ),
);
log(`wrote ${join(out, 'results.json')} and ${join(out, 'chart.svg')}`);
