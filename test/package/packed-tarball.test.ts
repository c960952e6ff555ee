// The package as a user gets it: `npm pack`, installed into an empty project, each entry point imported
// and type-checked from there, the bin run. Nothing from this repository's sources is reachable.
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mswVersion, unhandledOptionName } from '../helpers/msw-version.js';
// The tarball packs dist/ as `npm test` built it: refuse a stale one rather than rebuild it here.
import '../helpers/cli-built.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let project: string;
let packedFiles: string[];

beforeAll(async () => {
  const packDir = await mkdtemp(join(tmpdir(), 'ude-kit-pack-'));
  // --ignore-scripts: npm pack would otherwise run `prepare` (the build), rewriting dist/ while other test
  // files run the CLI from it (seen as a CLI exiting 1 on a half-written module).
  const packed = JSON.parse(execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], { cwd: root, encoding: 'utf8' })) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packedFiles = packed[0]!.files.map((f) => f.path);
  project = await mkdtemp(join(tmpdir(), 'ude-kit-user-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'an-app', version: '1.0.0', type: 'module', private: true }));
  // The msw this run tests against (2 on the main leg, 3 on the Node 24 leg), as the user's app would have it.
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', join(packDir, packed[0]!.filename), `msw@${mswVersion}`], { cwd: project, stdio: 'pipe' });
}, 180_000);

describe('the packed package', () => {
  it('holds only what users need', () => {
    expect(packedFiles).toContain('dist/src/index.js');
    expect(packedFiles).toContain('dist/mocks/adapters/msw.d.ts');
    expect(packedFiles).toContain('dist/mocks/scenarios/large.json');
    expect(packedFiles).toContain('openapi/used-diagnostic-equipment.yaml');
    // The docs the README links, the licence and the changelog ship with it.
    expect(packedFiles).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'CHANGELOG.md', 'docs/cli.md', 'docs/frontend.md', 'docs/contract-testing.md', 'docs/console.png']));
    // The browser example ships as readable sources (the recipes link it); nothing else of examples/.
    expect(packedFiles).toEqual(expect.arrayContaining(['examples/browser/index.html', 'examples/browser/src/main.ts', 'examples/browser/src/mocks.ts', 'examples/browser/README.md']));
    const shippedExample = (f: string) => /^examples\/browser\/(index\.html|README\.md|src\/[\w-]+\.ts)$/.test(f);
    const unwanted = packedFiles.filter((f) => !shippedExample(f)).filter(
      (f) => /^(test|scripts|examples|\.ci)\//.test(f) || /^(src|mocks|contracts)\//.test(f) || (/\.ts$/.test(f) && !f.endsWith('.d.ts')) || /\.map$/.test(f) || /dredd|prism/.test(f),
    );
    expect(unwanted).toEqual([]);
  });

  it("imports 'ude-kit' and runs the mock, a scenario and the contract suite from it", () => {
    const script = `
      import { createMock, startHttpServer, loadScenario, runContract, inProgressStatus } from 'ude-kit';
      const scenario = loadScenario('many-pages');
      if (!scenario.ok) throw new Error('scenario');
      const server = await startHttpServer(createMock({ auth: { mode: 'off' } }), { port: 0 });
      const report = await runContract({ baseUrl: server.url, credentials: {}, fixtures: { equipment: [], probeRemoveRule: false }, readOnly: true, timeoutMs: 5000, only: ['pagination_defaults'] });
      await server.close();
      console.log(JSON.stringify({ used: scenario.state.used.length, exit: report.exitCode, rule: inProgressStatus }));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ used: 3255, exit: 0, rule: 'In Progress' });
  });

  it("imports 'ude-kit/msw' and serves requests through setupServer", () => {
    const script = `
      import { setupServer } from 'msw/node';
      import { createHandlers } from 'ude-kit/msw';
      const { handlers } = createHandlers({ baseUrl: 'https://api.example.test', auth: { mode: 'off' } });
      const server = setupServer(...handlers);
      server.listen({ ${unhandledOptionName}: 'error' });
      const reply = await fetch('https://api.example.test/v2/tickets/used-diagnostic-equipment/595be628-f6f2-4262-9c10-6389c6c4a5b8/12');
      console.log(reply.status, (await reply.json()).name);
      server.close();`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('200 iCarsoft CR Pro');
  });

  it("'ude-kit/node' has the Node-only parts and 'ude-kit/fetch' the call-time fetch", () => {
    const script = `
      import { startHttpServer, createMock } from 'ude-kit/node';
      import { callTimeFetch } from 'ude-kit/fetch';
      const server = await startHttpServer(createMock({ auth: { mode: 'off' } }), { port: 0 });
      const reply = await callTimeFetch(server.url + '/v2/tickets/used-diagnostic-equipment?limit=1');
      console.log(reply.status, (await reply.json()).result.length);
      await server.close();`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('200 1');
  });

  it("'ude-kit/vite' emits the app's own msw worker script into a mocking build only", () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { mswWorker } from 'ude-kit/vite';
      const emitted = (build) => {
        const files = [];
        mswWorker({ build }).generateBundle.call({ emitFile: (file) => files.push(file) });
        return files;
      };
      const [file] = emitted(true);
      const installed = readFileSync('node_modules/msw/lib/mockServiceWorker.js', 'utf8');
      console.log(file.fileName, file.source === installed, emitted(false).length);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('mockServiceWorker.js true 0');
  });

  it("imports 'ude-kit/fake' and makes a page that adds up", () => {
    const script = `
      import { fakeList, fakeUsedEquipment } from 'ude-kit/fake';
      const page = fakeList({ total: 3255, limit: 25, offset: 3250 });
      console.log(page.result.length, page.total, fakeUsedEquipment({ name: 'X' }).name);`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('5 3255 X');
  });

  it("resolves shipped scenario JSON from 'ude-kit/scenarios/*' with 'ude-kit/msw', as a browser app would", () => {
    const script = `
      import closed from 'ude-kit/scenarios/closed-ticket.json' with { type: 'json' };
      import single from 'ude-kit/scenarios/single-ticket.json' with { type: 'json' };
      import { createHandlers, resolveScenario } from 'ude-kit/msw';
      const resolved = resolveScenario(closed, (name) => ({ 'single-ticket': single })[name]);
      if (!resolved.ok) throw new Error(JSON.stringify(resolved.violations));
      const { mock } = createHandlers();
      mock.load(resolved.state);
      console.log(mock.state().tickets.map((t) => t.status).join(','));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('In Progress,Closed');
  });

  it('type-checks an app against its declarations and generated types', async () => {
    await writeFile(
      join(project, 'app.ts'),
      `import type { components, paths } from 'ude-kit/types';
       import type { MockHandlers } from 'ude-kit/msw';
       import { createMock, type StateDocument } from 'ude-kit';
       type Record_ = components['schemas']['UsedDiagnosticEquipment'];
       const record: Record_ = { ticket_id: 'x', diagnostic_equipment_id: 12, name: 'n', version: null };
       type ListPath = keyof paths;
       const path: ListPath = '/v2/tickets/used-diagnostic-equipment';
       const state: StateDocument = createMock().state();
       export const used: number = state.used.length + record.diagnostic_equipment_id + path.length;
       export type Handlers = MockHandlers['handlers'];
       // @ts-expect-error version is string | null, never a number
       export const wrong: Record_ = { ...record, version: 2 };`,
    );
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: true, types: [] }, files: ['app.ts'] }));
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8', stdio: 'pipe' })).not.toThrow();
  });

  it('installs the ude-kit bin', () => {
    const output = execFileSync(join(project, 'node_modules', '.bin', 'ude-kit'), ['scenarios'], { cwd: project, encoding: 'utf8' });
    expect(output).toMatch(/^large\s+Performance/m);
  });
});
