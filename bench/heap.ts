// Run as `node --expose-gc --import tsx bench/heap.ts FILE`: loads a scenario into a mock in a fresh
// process and prints, as JSON, the time to resolve and load it and the heap the mock keeps per record.
import { createMock } from '../mocks/core/mock.js';
import { loadScenario } from '../mocks/state/scenario-files.js';

const collect = (globalThis as { gc?: () => void }).gc;
if (collect === undefined) throw new Error('run with --expose-gc');
const file = process.argv[2]!;

collect();
const before = process.memoryUsage().heapUsed;
let started = performance.now();
let result = loadScenario(file);
if (!result.ok) throw new Error(JSON.stringify(result.violations.slice(0, 5)));
const records = result.state.used.length;
const resolveMs = performance.now() - started;
started = performance.now();
const mock = createMock({ state: result.state });
const loadMs = performance.now() - started;
result = { ok: false, violations: [] };
collect();
const after = process.memoryUsage().heapUsed;
// Keep the mock alive past the measurement.
const alive = mock.owns('/__admin/state');
console.log(JSON.stringify({ records, resolveMs, loadMs, heapBytes: after - before, heapBytesPerRecord: (after - before) / records, alive }));
