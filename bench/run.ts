// `npm run bench [-- --quick] [-- --out DIR] [-- --throughput] [-- --contract-times [RUNS]] [-- --har-hostile]`: the kit's standalone mock against Prism's mock and a plain
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
import { load, type LoadPlan, type LoadResult } from './load.js';
import { credentials, startCeiling, startKit, startPrism, type Started } from './servers.js';
import { exampleTicketId, scaleScenario, throughputScenario, writePool, writeTicketId } from './states.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, out: { type: 'string' }, soak: { type: 'string' }, har: { type: 'string' }, 'har-hostile': { type: 'boolean' }, browser: { type: 'boolean' }, seed: { type: 'boolean' }, throughput: { type: 'boolean' }, 'contract-times': { type: 'string' } } });
const quick = values.quick === true;
const out = values.out ?? fileURLToPath(new URL('.', import.meta.url));
const connections = quick ? 4 : 20;
const durationSeconds = quick ? 0.5 : 6;
const collection = '/v2/tickets/used-diagnostic-equipment';
const one = (ticket: string, id: number) => `${collection}/${ticket}/${id}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

const rounds = quick ? 1 : 3;
const warmupSeconds = quick ? 0.2 : 1;
const loadOptions = { connections, durationSeconds, warmupSeconds };

const writeMix: LoadPlan = { writeMix: { collection, ticketId: writeTicketId, first: writePool.first, size: writePool.size } };
const throughput: Array<{ name: string; plan: LoadPlan }> = [
  { name: 'GET one', plan: { requests: [{ method: 'GET', path: one(exampleTicketId, 12) }] } },
  { name: 'GET list (25 rows)', plan: { requests: [{ method: 'GET', path: collection }] } },
  { name: 'GET list by ticket', plan: { requests: [{ method: 'GET', path: `${collection}?ticket_id=${exampleTicketId}` }] } },
  { name: 'write mix (POST+DELETE)', plan: writeMix },
];

/** The kit's whole answer to one request (status, headers, body): what the ceiling sends back. */
async function answerOf(url: string, method: string, path: string, body?: string) {
  const response = await fetch(`${url}${path}`, { method, headers: { ...credentials, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name)) headers[name] = value;
  });
  return { status: response.status, headers, body: await response.text() };
}

/** Every answer the throughput scenarios ask for, taken from the kit, for the ceiling to repeat. */
async function ceilingAnswers(url: string) {
  const answers: Array<Record<string, unknown>> = [];
  for (const { plan } of throughput) {
    if ('requests' in plan) for (const r of plan.requests) answers.push({ method: r.method, url: r.path, ...(await answerOf(url, r.method, r.path)) });
  }
  const id = writePool.first;
  answers.push({ method: 'POST', url: collection, ...(await answerOf(url, 'POST', collection, JSON.stringify({ ticket_id: writeTicketId, diagnostic_equipment_id: id }))) });
  answers.push({ method: 'DELETE', prefix: `${collection}/${writeTicketId}/`, ...(await answerOf(url, 'DELETE', one(writeTicketId, id))) });
  return answers;
}

async function resetKit(url: string): Promise<void> {
  const response = await fetch(`${url}/__admin/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  if (response.status !== 204 && response.status !== 200) throw new Error(`resetting the kit answered ${response.status}`);
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/** Several runs of one load as one: the median of each figure, the sums of the counts. */
const summary = (results: LoadResult[]): LoadResult => ({
  requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
  p50Ms: median(results.map((r) => r.p50Ms)),
  p99Ms: median(results.map((r) => r.p99Ms)),
  requests: results.reduce((sum, r) => sum + r.requests, 0),
  non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  errors: results.reduce((sum, r) => sum + r.errors, 0),
  ...(results.every((r) => r.cpuMicrosPerRequest !== undefined) ? { cpuMicrosPerRequest: median(results.map((r) => r.cpuMicrosPerRequest!)) } : {}),
});

interface Target {
  name: 'kit' | 'prism' | 'ceiling';
  server: Started;
}

/**
 * Each scenario on each target, in `rounds` rounds whose order rotates (kit, Prism, ceiling; then
 * Prism, ceiling, kit; …) so no target always runs first or after the same neighbour; each run after a
 * warm-up. Per scenario: the median of each figure, and the ratios taken within each round, then their median.
 */
async function throughputRun() {
  const kit = await startKit(throughputScenario(), one(exampleTicketId, 12));
  const prism = await startPrism(collection);
  const answersFile = join(tmpdir(), `ude-kit-ceiling-${process.pid}.json`);
  writeFileSync(answersFile, JSON.stringify(await ceilingAnswers(kit.url)));
  const ceiling = await startCeiling(answersFile);
  const targets: Target[] = [
    { name: 'kit', server: kit },
    { name: 'prism', server: prism },
    { name: 'ceiling', server: ceiling },
  ];
  const rows = [];
  try {
    for (const scenario of throughput) {
      const runs: Record<Target['name'], LoadResult[]> = { kit: [], prism: [], ceiling: [] };
      for (let round = 0; round < rounds; round++) {
        const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
        log(`load: ${scenario.name}, round ${round + 1} of ${rounds}: ${order.map((t) => t.name).join(', ')}`);
        for (const target of order) {
          // A run ends mid-cycle on some connections (added, not yet removed): the kit is reset after
          // each write-mix run so the next one does not meet those records (a 409 is not a success).
          const settle = target.name === 'kit' && 'writeMix' in scenario.plan ? () => resetKit(target.server.url) : undefined;
          runs[target.name].push(await load(target.server.url, scenario.plan, { ...loadOptions, serverPid: target.server.child.pid!, ...(settle === undefined ? {} : { settle }) }));
        }
      }
      const sameRound = (a: LoadResult[], b: LoadResult[]) => median(a.map((r, i) => r.requestsPerSecond / Math.max(b[i]!.requestsPerSecond, 1e-9)));
      rows.push({
        scenario: scenario.name,
        kit: summary(runs.kit),
        prism: summary(runs.prism),
        ceiling: summary(runs.ceiling),
        kitOverPrism: sameRound(runs.kit, runs.prism),
        kitOverCeiling: sameRound(runs.kit, runs.ceiling),
        rounds: { kit: runs.kit.map((r) => Math.round(r.requestsPerSecond)), prism: runs.prism.map((r) => Math.round(r.requestsPerSecond)), ceiling: runs.ceiling.map((r) => Math.round(r.requestsPerSecond)) },
      });
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

/**
 * The kit at each size at once, loaded in `rounds` rounds whose order rotates, as the throughput table
 * is: a p99 compared across sizes must not hang on one run taken while the shared machine was busier.
 * Per size: its heap and load times (a probe process of its own), the medians of its runs, and its
 * state exported and loaded back.
 */
async function scaleRuns(ticketCounts: number[]) {
  const sizes = [];
  for (const tickets of ticketCounts) {
    const file = scaleScenario(tickets);
    log(`scale: ${tickets * 10} records`);
    const state = loadScenario(file);
    if (!state.ok) throw new Error('scale scenario does not load');
    const probe = state.state.used[Math.floor(state.state.used.length / 2)]!;
    sizes.push({ file, probePath: one(probe.ticket_id, probe.diagnostic_equipment_id), byTicketPath: `${collection}?ticket_id=${probe.ticket_id}`, heap: heapProbe(file) });
  }
  const kits: Started[] = [];
  try {
    for (const size of sizes) kits.push(await startKit(size.file, size.probePath));
    const runs = sizes.map(() => ({ byTicket: [] as LoadResult[], getOne: [] as LoadResult[] }));
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < sizes.length; k++) {
        const i = (k + round) % sizes.length;
        const kit = kits[i]!;
        log(`scale: round ${round + 1} of ${rounds}, ${fmt(sizes[i]!.heap.records)} records`);
        runs[i]!.byTicket.push(await load(kit.url, { requests: [{ method: 'GET', path: sizes[i]!.byTicketPath }] }, { ...loadOptions, serverPid: kit.child.pid! }));
        runs[i]!.getOne.push(await load(kit.url, { requests: [{ method: 'GET', path: sizes[i]!.probePath }] }, { ...loadOptions, serverPid: kit.child.pid! }));
      }
    }
    const results = [];
    for (let i = 0; i < sizes.length; i++) {
      const { heap, probePath } = sizes[i]!;
      const roundTrip = await exportRoundTrip(kits[i]!.url, probePath);
      results.push({ records: heap.records, startupMs: kits[i]!.startMs, resolveMs: heap.resolveMs, loadMs: heap.loadMs, heapBytesPerRecord: heap.heapBytesPerRecord, byTicket: summary(runs[i]!.byTicket), getOne: summary(runs[i]!.getOne), roundTrip });
    }
    return results;
  } finally {
    await Promise.all(kits.map((kit) => kit.stop()));
  }
}

type ScaleResult = Awaited<ReturnType<typeof scaleRuns>>[number];

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

if (values['contract-times'] !== undefined) {
  const { contractTimes } = await import('./contract-times.js');
  const runs = Number(values['contract-times'] === '' ? 7 : values['contract-times']);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100) throw new Error(`--contract-times takes a number of runs from 1 to 100, not "${values['contract-times']}"`);
  const result = await contractTimes(runs);
  console.log(result.text);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'contract-times.json'), `${JSON.stringify({ machine, ...result.figures }, null, 2)}
`);
  process.exit(0);
}
if (values['har-hostile'] === true) {
  const { harHostileBench } = await import('./har-hostile.js');
  const result = await harHostileBench();
  console.log(result.text);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'har-hostile.json'), `${JSON.stringify({ machine, runs: result.figures }, null, 2)}\n`);
  process.exit(result.figures.some((f) => f.leaked === true || (f.exitCode !== 1 && f.exitCode !== 2)) ? 1 : 0);
}
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
  const result = await soak(seconds, { connections: 20, plans: throughput.map((t) => t.plan) });
  console.log(result.text);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'soak.json'), `${JSON.stringify({ machine, ...result.figures }, null, 2)}\n`);
  process.exit(result.figures.serverErrors === 0 ? 0 : 1);
}
const { browserBench, browserReport } = await import('./browser.js');
// Fresh pages are quick (a few seconds a round) and their times swing on a shared machine: the start-up
// ratio is a median over eleven rounds.
const browserRounds = quick ? 1 : 11;
if (values.browser === true) {
  const figures = await browserBench({ rounds: browserRounds });
  const report = browserReport(figures);
  console.log([...report.lines, '', 'Targets:', ...report.targets.map(([name, held]) => `  ${held ? '✓' : '✗'} ${name}`)].join('\n'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'browser.json'), `${JSON.stringify({ machine, ...figures, targets: Object.fromEntries(report.targets) }, null, 2)}\n`);
  process.exit(0);
}
const { seedBench } = await import('./seed.js');
/** The shipped scenario seeded through the API: `large` (100,000 records), `default` when quick. */
const seedScenario = quick ? 'default' : 'large';

/** The target's own capacity for writes: the kit under autocannon's write mix (POST then DELETE), as in the throughput table. */
async function writeCapacity(): Promise<LoadResult> {
  const kit = await startKit(throughputScenario(), one(exampleTicketId, 12));
  try {
    return await load(kit.url, writeMix, { ...loadOptions, serverPid: kit.child.pid!, settle: () => resetKit(kit.url) });
  } finally {
    await kit.stop();
  }
}

/**
 * Seeding through the API: once as the scenario is (its Closed tickets refuse, the rest of each is
 * skipped), then in `rounds` rounds into a target where every ticket is In Progress, so every record is
 * one add: the throughput, set beside the target's own capacity for writes.
 */
async function seedSection() {
  log('seeding: as the scenario is');
  const asIs = await seedBench(seedScenario);
  const throughputRounds = [];
  for (let round = 0; round < rounds; round++) {
    log(`seeding: every ticket In Progress, round ${round + 1} of ${rounds}`);
    throughputRounds.push(await seedBench(seedScenario, { allInProgress: true }));
  }
  log('seeding: the target’s own write capacity');
  const capacity = await writeCapacity();
  const byTime = [...throughputRounds].sort((a, b) => a.seedingMs - b.seedingMs);
  return { asIs, rounds: throughputRounds, median: byTime[Math.floor(byTime.length / 2)]!, capacity };
}
type SeedSection = Awaited<ReturnType<typeof seedSection>>;

const seedLines = ({ asIs, rounds: all, median, capacity }: SeedSection) => {
  const requestsPerSecond = (median.requests * 1000) / median.seedingMs;
  return [
    `Seeding "${asIs.scenario}" through the API as it is (seed --via-api, compiled CLI): ${fmt(asIs.records)} records in ${(asIs.seedingMs / 1000).toFixed(1)} s, ${fmt(asIs.added)} added, ${fmt(asIs.refused)} refused by the rule and ${fmt(asIs.skipped)} skipped on their tickets (${fmt(asIs.acceptable)} on In Progress tickets), seeder peak RSS ${fmt(asIs.peakRssMb)} MB`,
    `Seeding "${median.scenario}" into a target where every ticket is In Progress (every record an add), ${all.length} round(s): median ${(median.seedingMs / 1000).toFixed(1)} s (rounds: ${all.map((r) => `${(r.seedingMs / 1000).toFixed(1)} s`).join(', ')}), ${fmt(median.recordsPerSecond)} records/s, ${fmt(requestsPerSecond)} requests/s with the reads; ${median.concurrency} requests in flight at the end (chosen from the answer times); ${(median.wallMs / 1000).toFixed(1)} s from spawn to exit`,
    `The target's own capacity for writes (the kit under autocannon's write mix, ${connections} connections): ${fmt(capacity.requestsPerSecond)} requests/s, so the seeder drives it at ${((100 * requestsPerSecond) / Math.max(capacity.requestsPerSecond, 1)).toFixed(0)}% of it`,
  ];
};
const seedTargets = ({ asIs, median }: SeedSection) =>
  [
    [`seeding ${fmt(median.records)} records through the API, every one an add, ≤ 15 s`, median.seedingMs <= 15_000 && median.added === median.records],
    ['seeding adds exactly the records the API accepts, and skips the rest of a refusing ticket', asIs.added === asIs.acceptable && asIs.added + asIs.refused + asIs.skipped === asIs.records],
  ] as const;
if (values.seed === true) {
  const figures = await seedSection();
  console.log([...seedLines(figures), '', 'Targets:', ...seedTargets(figures).map(([name, held]) => `  ${held ? '✓' : '✗'} ${name}`)].join('\n'));
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'seed.json'), `${JSON.stringify({ machine, ...figures, targets: Object.fromEntries(seedTargets(figures)) }, null, 2)}\n`);
  process.exit(0);
}

/** The fair table: each scenario's medians, same-round ratios, CPU per request and non-2xx; then each round's req/s. */
function throughputLines(t: Awaited<ReturnType<typeof throughputRun>>): string[] {
  const lines: string[] = [];
  const cpu = (r: LoadResult) => (r.cpuMicrosPerRequest === undefined ? '—' : fmt(r.cpuMicrosPerRequest));
  lines.push('| scenario | ude-kit req/s | Prism req/s | ceiling req/s | kit ÷ Prism | kit ÷ ceiling | kit / Prism / ceiling p99 ms | CPU µs per request (kit / Prism / ceiling) | non-2xx (kit / Prism / ceiling) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of t.rows) {
    lines.push(`| ${row.scenario} | ${fmt(row.kit.requestsPerSecond)} | ${fmt(row.prism.requestsPerSecond)} | ${fmt(row.ceiling.requestsPerSecond)} | ${row.kitOverPrism.toFixed(1)}× | ${(100 * row.kitOverCeiling).toFixed(0)}% | ${row.kit.p99Ms} / ${row.prism.p99Ms} / ${row.ceiling.p99Ms} | ${cpu(row.kit)} / ${cpu(row.prism)} / ${cpu(row.ceiling)} | ${fmt(row.kit.non2xx)} / ${fmt(row.prism.non2xx)} / ${fmt(row.ceiling.non2xx)} |`);
  }
  if (rounds > 1) {
    lines.push('');
    lines.push('req/s per round (kit | Prism | ceiling): ' + t.rows.map((r) => `${r.scenario}: ${r.rounds.kit.join(', ')} | ${r.rounds.prism.join(', ')} | ${r.rounds.ceiling.join(', ')}`).join('; '));
  }
  return lines;
}

// `--throughput`: the fair table alone (a few minutes), for work on the kit's request path.
if (values.throughput === true) {
  log(`ude-kit bench, throughput only: ${connections} connections, ${durationSeconds} s per run, ${rounds} rounds, ${machine.nproc} cores`);
  console.log(throughputLines(await throughputRun()).join('\n'));
  process.exit(0);
}
log(`ude-kit bench${quick ? ' (quick)' : ''}: ${connections} connections, ${durationSeconds} s per run, ${machine.nproc} cores`);
const t = await throughputRun();
const [small, big] = (await scaleRuns([100, quick ? 2_000 : 100_000])) as [ScaleResult, ScaleResult];
const contract = await contractRun();
log('browser section');
const browser = await browserBench({ rounds: browserRounds });
const browserSection = browserReport(browser);
log('seeding section');
const seeded = await seedSection();

const lines: string[] = [];
lines.push(`ude-kit benchmark — ${new Date().toISOString()} — nproc ${machine.nproc}, ${machine.cpu}, Node ${machine.node}`);
lines.push(`autocannon in its own process: ${connections} connections, ${durationSeconds} s per run after a ${warmupSeconds} s warm-up; ${rounds} round(s) in rotated order (the throughput targets, and the two state sizes); medians, ratios taken within each round; servers log to files`);
lines.push('');
lines.push(...throughputLines(t));
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
lines.push('');
lines.push(...seedLines(seeded));

const get = (name: string) => t.rows.find((r) => r.scenario.startsWith(name))!;
const p99Within = (a: number, b: number) => a <= Math.max(2 * b, b + 1);
const targets = [
  ['GET one ≥ 10× Prism', get('GET one').kitOverPrism >= 10],
  ['GET one ≥ 40% of the ceiling', get('GET one').kitOverCeiling >= 0.4],
  ['GET list (25 rows) ≥ 5× Prism', get('GET list (25').kitOverPrism >= 5],
  ['GET list (25 rows) ≥ 55% of the ceiling', get('GET list (25').kitOverCeiling >= 0.55],
  ['write mix ≥ 5× Prism', get('write mix').kitOverPrism >= 5],
  ['the kit answers every throughput request with a success (no non-2xx)', t.rows.every((r) => r.kit.non2xx === 0 && r.kit.errors === 0)],
  [`list by ticket p99 at ${fmt(big.records)} within 2× of ${fmt(small.records)}`, p99Within(big.byTicket.p99Ms, small.byTicket.p99Ms)],
  [`get one p99 at ${fmt(big.records)} within 2× of ${fmt(small.records)}`, p99Within(big.getOne.p99Ms, small.getOne.p99Ms)],
  ['heap ≤ 300 B per record', big.heapBytesPerRecord <= 300],
  [`loading ${fmt(big.records)} records ≤ 5 s`, big.resolveMs + big.loadMs <= 5000],
  ['start-up to first answer ≤ 1 s', t.startup.kitMs <= 1000],
  ['contract suite ≤ 5 s', contract.ms <= 5000],
  [`an exported state of ${fmt(big.records)} records loads back whole`, big.roundTrip.same && big.roundTrip.records === big.records],
  ...browserSection.targets,
  ...seedTargets(seeded),
] as const;
lines.push('');
lines.push('Targets (ratios from this run; p99 "within 2×" allows 1 ms of timer granularity):');
for (const [name, held] of targets) lines.push(`  ${held ? '✓' : '✗'} ${name}`);
const text = lines.join('\n');
console.log(text);

mkdirSync(out, { recursive: true });
const results = { machine, quick, connections, durationSeconds, warmupSeconds, rounds, throughput: t.rows, startup: t.startup, scale: { small, large: big }, contract, browser, seed: seeded.asIs, seedThroughput: { rounds: seeded.rounds, median: seeded.median, capacity: seeded.capacity }, targets: Object.fromEntries(targets) };
writeFileSync(join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(out, 'chart.svg'),
  barChart(
    t.rows.map((r) => ({ scenario: r.scenario, kit: r.kit.requestsPerSecond, prism: r.prism.requestsPerSecond, ceiling: r.ceiling.requestsPerSecond })),
    `${connections} connections × ${durationSeconds} s each, nproc ${machine.nproc}, Node ${machine.node}`,
  ),
);
log(`wrote ${join(out, 'results.json')} and ${join(out, 'chart.svg')}`);
