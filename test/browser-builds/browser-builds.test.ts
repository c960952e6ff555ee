// What a browser build ships. The "development only" recipe must leave msw, faker and ajv out of a
// production build; the package root must give a browser build no Node built-in, and a Node-only name
// asked of it must fail the build with that name.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { bundleFacts, bundleForBrowser, loadedWith } from '../helpers/vite-bundle.js';

const exampleConfig = fileURLToPath(new URL('../../examples/browser/vite.config.ts', import.meta.url));
const mockLibraries = /node_modules\/(msw|@mswjs|@faker-js|ajv|ajv-formats)\//;

/** What an emitted build wrote: every file of its output folder, by path. */
type Written = Map<string, Buffer>;

function filesUnder(folder: string, files: Written = new Map(), prefix = ''): Written {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) filesUnder(path, files, `${prefix}${entry.name}/`);
    else files.set(`${prefix}${entry.name}`, readFileSync(path));
  }
  return files;
}

/**
 * Builds the example as `vite build` in a shell would (vitest sets NODE_ENV=test, which Vite reads as
 * DEV), into a folder of its own, and reads back every file written: what the public folder or a
 * plugin adds is not in the bundle's chunks. `mocking` is `VITE_UDE_MOCK=msw vite build`.
 */
async function buildExample(mocking = false): Promise<ReturnType<typeof bundleFacts> & { files: Written }> {
  const before = { nodeEnv: process.env.NODE_ENV, mock: process.env.VITE_UDE_MOCK };
  process.env.NODE_ENV = 'production';
  if (mocking) process.env.VITE_UDE_MOCK = 'msw';
  else delete process.env.VITE_UDE_MOCK;
  const outDir = mkdtempSync(join(tmpdir(), 'ude-kit-example-build-'));
  try {
    const facts = bundleFacts(await build({ configFile: exampleConfig, mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } }));
    return { ...facts, files: filesUnder(outDir) };
  } finally {
    process.env.NODE_ENV = before.nodeEnv;
    if (before.mock === undefined) delete process.env.VITE_UDE_MOCK;
    else process.env.VITE_UDE_MOCK = before.mock;
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** msw's worker script, as the installed msw ships it, and a line of it no other file would hold. */
const mswWorker = readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'));
const workerMark = /INTEGRITY_CHECKSUM = '[0-9a-f]+'/.exec(mswWorker.toString('utf8'))![0];

describe('the development-only recipe (examples/browser)', () => {
  it('a production build holds no msw, faker or ajv code', async () => {
    const production = await buildExample();
    expect(production.modules.length).toBeGreaterThan(0);
    // Not a line of msw's worker script in any file written: `npx msw init public/` put it into every build.
    const withWorker = [...production.files].filter(([, bytes]) => bytes.includes(workerMark) || bytes.includes('mockServiceWorker'));
    expect(withWorker.map(([path]) => path)).toEqual([]);
    expect(production.files.has('index.html')).toBe(true);
    expect(production.modules.filter((id) => mockLibraries.test(id) || /mocks\/(core|state|adapters)\//.test(id))).toEqual([]);
    // Minified code keeps its strings: msw's log prefix and the worker's name would show.
    expect(production.code).not.toMatch(/\[MSW\]|mockServiceWorker|faker/i);
  }, 60_000);

  it('the same build with mocking on holds msw and the kit (so the check above can see them), faker only in a lazy chunk', async () => {
    const mocking = await buildExample(true);
    // The worker the page registers is there, byte for byte the installed msw's (so the check above can see it).
    expect(mocking.files.get('mockServiceWorker.js')?.equals(mswWorker)).toBe(true);
    for (const library of ['msw', 'ajv-formats']) {
      expect(mocking.modules.some((id) => id.includes(`node_modules/${library}/`)), library).toBe(true);
    }
    // The default seed's state is precomputed: what the page loads for it (the entry, the mock chunk it
    // imports when mocking, and what those import statically) holds no faker; faker waits in a chunk of
    // its own for ?seed=N (the lean-core e2e test loads it in Chromium).
    const isFaker = (id: string) => id.includes('node_modules/@faker-js/');
    const roots = mocking.chunks.filter((c) => c.isEntry || c.modules.some((id) => id.endsWith('examples/browser/src/mocks.ts')));
    expect(roots.length).toBeGreaterThanOrEqual(2);
    expect(loadedWith(mocking, roots).flatMap((c) => c.modules).filter(isFaker)).toEqual([]);
    expect(mocking.modules.some(isFaker)).toBe(true);
  }, 60_000);
  it('the dev server serves the installed msw\'s worker script, which no build without mocking holds', async () => {
    const server = await createServer({ configFile: exampleConfig, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
    await server.listen();
    try {
      const response = await fetch(new URL('/mockServiceWorker.js', server.resolvedUrls!.local[0]));
      expect(response.headers.get('content-type')).toBe('text/javascript');
      expect(Buffer.from(await response.arrayBuffer()).equals(mswWorker)).toBe(true);
    } finally {
      await server.close();
    }
  }, 60_000);
});

describe("'ude-kit/msw' in a browser build", () => {
  it('compiles no schema and loads no faker up front: ajv and faker stay out, faker waits in a lazy chunk', async () => {
    const bundle = await bundleForBrowser("export { createHandlers, loadDataGenerator } from 'ude-kit/msw';\n", { external: /^msw(\/|$)/ });
    const entry = bundle.chunks.filter((c) => c.isEntry);
    const lazy = bundle.chunks.filter((c) => !c.isEntry);
    // Only ajv's two small run-time helpers and ajv-formats' format table, which the precompiled code calls.
    const ajvModules = bundle.modules.filter((id) => /node_modules\/ajv(-formats)?\//.test(id));
    expect(ajvModules.length).toBeGreaterThan(0);
    expect(ajvModules.filter((id) => !/ajv\/dist\/runtime\/|ajv-formats\/dist\/formats\.js$/.test(id))).toEqual([]);
    // No `new Function`: a page with a strict Content-Security-Policy can run the handlers.
    expect(entry.map((c) => c.code).join('\n')).not.toMatch(/new Function\(/);
    const faker = (chunks: typeof entry) => chunks.flatMap((c) => c.modules).filter((id) => id.includes('node_modules/@faker-js/'));
    expect(faker(entry)).toEqual([]);
    expect(faker(lazy).length).toBeGreaterThan(0);
  }, 60_000);
});

describe("the package root under a browser build ('ude-kit')", () => {
  it('gives the universal part and reaches no Node built-in', async () => {
    const bundle = await bundleForBrowser("import { createMock, scenarioState } from 'ude-kit';\nexport const mock = createMock({ auth: { mode: 'off' } });\nexport { scenarioState };\n");
    expect(bundle.modules.some((id) => id.endsWith('dist/src/universal.js'))).toBe(true);
    expect(bundle.modules.filter((id) => /^(node:|__vite-browser-external)/.test(id) || /dist\/(contracts|src\/cli)\/|http-server\.js$/.test(id))).toEqual([]);
    expect(bundle.code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  }, 60_000);

  it('fails the build, naming it, when asked for a Node-only part', async () => {
    await expect(bundleForBrowser("import { startHttpServer } from 'ude-kit';\nexport { startHttpServer };\n")).rejects.toThrow(/startHttpServer/);
  }, 60_000);
});
