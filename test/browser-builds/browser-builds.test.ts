// What a browser build ships. The "development only" recipe must leave msw, faker and ajv out of a
// production build; the package root must give a browser build no Node built-in, and a Node-only name
// asked of it must fail the build with that name.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { bundleFacts, bundleForBrowser, loadedWith } from '../helpers/vite-bundle.js';

const exampleConfig = fileURLToPath(new URL('../../examples/browser/vite.config.ts', import.meta.url));
const mockLibraries = /node_modules\/(msw|@mswjs|@faker-js|ajv|ajv-formats)\//;

/** Builds the example as `vite build` in a shell would: vitest sets NODE_ENV=test, which Vite reads as DEV. */
async function buildExample(define: Record<string, string> = {}) {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return bundleFacts(await build({ configFile: exampleConfig, define, mode: 'production', logLevel: 'silent', build: { write: false } }));
  } finally {
    process.env.NODE_ENV = before;
  }
}

describe('the development-only recipe (examples/browser)', () => {
  it('a production build holds no msw, faker or ajv code', async () => {
    const production = await buildExample();
    expect(production.modules.length).toBeGreaterThan(0);
    expect(production.modules.filter((id) => mockLibraries.test(id) || /mocks\/(core|state|adapters)\//.test(id))).toEqual([]);
    // Minified code keeps its strings: msw's log prefix and the worker's name would show.
    expect(production.code).not.toMatch(/\[MSW\]|mockServiceWorker|faker/i);
  }, 60_000);

  it('the same build with mocking on holds msw and the kit (so the check above can see them), faker only in a lazy chunk', async () => {
    const mocking = await buildExample({ 'import.meta.env.VITE_UDE_MOCK': JSON.stringify('msw') });
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
