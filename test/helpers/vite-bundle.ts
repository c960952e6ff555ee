// Bundles code for the browser with Vite as an app would, to see what ships: the modules each build
// pulled in and the code it wrote. Used by the build tests and the benchmark's browser section.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';
import { root } from './cli-process.js';

export interface BundleResult {
  /** Every module id in the output, across chunks. */
  modules: string[];
  /** The output code, all chunks joined. */
  code: string;
  /** Bytes of each chunk, by file name; entry chunks load first, the others on demand. */
  chunks: Array<{ fileName: string; bytes: number; code: string; isEntry: boolean; modules: string[]; imports: string[] }>;
  /** Rendered (minified) bytes of each module, where the bundler reports them. */
  moduleBytes: Record<string, number>;
}

interface ChunkLike {
  type: string;
  fileName: string;
  code?: string;
  moduleIds?: string[];
  modules?: Record<string, { renderedLength?: number }>;
  isEntry?: boolean;
  /** The chunks it imports statically (loaded with it), by file name. */
  imports?: string[];
}

/** The chunks that load with `roots`: them and, transitively, what they import statically. */
export function loadedWith(bundle: BundleResult, roots: BundleResult['chunks']): BundleResult['chunks'] {
  const byName = new Map(bundle.chunks.map((c) => [c.fileName, c]));
  const loaded = new Map<string, BundleResult['chunks'][number]>();
  const visit = (chunk: BundleResult['chunks'][number]) => {
    if (loaded.has(chunk.fileName)) return;
    loaded.set(chunk.fileName, chunk);
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name)!);
  };
  roots.forEach(visit);
  return [...loaded.values()];
}

export function bundleFacts(output: unknown): BundleResult {
  const outputs = (Array.isArray(output) ? output : [output]) as Array<{ output: ChunkLike[] }>;
  const chunks = outputs.flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  return {
    modules: chunks.flatMap((c) => c.moduleIds ?? Object.keys(c.modules ?? {})),
    code: chunks.map((c) => c.code ?? '').join('\n'),
    chunks: chunks.map((c) => ({ fileName: c.fileName, bytes: Buffer.byteLength(c.code ?? ''), code: c.code ?? '', isEntry: c.isEntry === true, modules: c.moduleIds ?? Object.keys(c.modules ?? {}), imports: c.imports ?? [] })),
    moduleBytes: Object.fromEntries(chunks.flatMap((c) => Object.entries(c.modules ?? {}).map(([id, m]) => [id, m.renderedLength ?? 0]))),
  };
}

/**
 * Bundles `source` (an ES module) in a scratch app whose node_modules has 'ude-kit' linked to this
 * package (its built dist, through its exports, under the browser conditions), msw and the rest
 * resolving from the project. `external` keeps modules out, as an app's own msw would be counted apart.
 */
export async function bundleForBrowser(source: string, options: { external?: RegExp; minify?: boolean } = {}): Promise<BundleResult> {
  const app = mkdtempSync(join(root, 'test', 'browser-builds', '.app-'));
  try {
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules', 'ude-kit'), 'dir');
    writeFileSync(join(app, 'entry.js'), source);
    const config: InlineConfig = {
      root: app,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: options.minify ?? true,
        lib: { entry: join(app, 'entry.js'), formats: ['es'], fileName: 'bundle' },
        rollupOptions: options.external === undefined ? {} : { external: (id: string) => options.external!.test(id) },
      },
    };
    return bundleFacts(await build(config));
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}
