// Imported by every test file that spawns the compiled CLI (bin/ude-kit.js): `npm test` builds first,
// but a run of vitest alone after an edit would test yesterday's build. Such a file fails to load with
// this message instead; files that only need the repository's root are not concerned.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './cli-process.js';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return statSync(join(root, 'dist', 'src', 'cli', 'main.js')).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = Math.max(...['src', 'mocks', 'contracts'].map((dir) => newestSource(join(root, dir))));
if (builtAt() < sources) throw new Error('dist/ is older than the sources the CLI tests run: `npm run build` first (`npm test` does)');
