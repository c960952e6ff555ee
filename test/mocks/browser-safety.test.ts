// The MSW adapter runs in a browser: nothing it reaches may import a Node built-in. This walks the
// real import graph from the adapter, so a stray `node:fs` anywhere below it fails here, not in an app.
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const importPattern = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const builtins = new Set(builtinModules);

async function importGraph(entry: string): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  const queue = [resolve(root, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (graph.has(file)) continue;
    const source = await readFile(file, 'utf8');
    const specifiers = [...source.matchAll(importPattern)].map((m) => m[1]!);
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) queue.push(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  }
  return graph;
}

describe('the browser path', () => {
  it('imports no Node built-in from the MSW adapter down', async () => {
    const graph = await importGraph('mocks/adapters/msw.ts');
    expect(graph.size).toBeGreaterThan(15);
    const offenders = [...graph].flatMap(([file, specifiers]) =>
      specifiers
        .filter((s) => s.startsWith('node:') || builtins.has(s.split('/')[0]!))
        .map((s) => `${file.slice(root.length)} imports ${s}`),
    );
    expect(offenders).toEqual([]);
  });

  it('imports no Node built-in from the data factories (ude-kit/fake) down', async () => {
    const graph = await importGraph('mocks/fake/index.ts');
    const offenders = [...graph].flatMap(([file, specifiers]) => specifiers.filter((s) => s.startsWith('node:') || builtins.has(s.split('/')[0]!)).map((s) => `${file.slice(root.length)} imports ${s}`));
    expect(offenders).toEqual([]);
  });

  it('would notice a Node built-in (the check itself works)', async () => {
    const graph = await importGraph('mocks/adapters/http-server.ts');
    expect([...graph.values()].flat()).toContain('node:http');
  });
});
