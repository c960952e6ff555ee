// A snippet in the README is code: the ones extracted here are type-checked (strict) against the built
// package, under the name an app imports it by, and run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli-process.js';

/** The first ```ts block after a heading of the README. */
function snippetAfter(heading: string): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const from = readme.indexOf(heading);
  if (from < 0) throw new Error(`no heading "${heading}" in the README`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(from));
  if (block === null) throw new Error(`no ts block after "${heading}"`);
  return block[1]!;
}

describe('README snippets', () => {
  it('the ude-kit/fake snippet type-checks (strict) and runs', () => {
    const code = `${snippetAfter('### Data for components and stories')}\nconsole.log(JSON.stringify([tool.name, lastPage.result.length, refused.status, again.diagnostic_equipment_id > 0]));\n`;
    // Inside the project, so that 'ude-kit/fake' resolves to this package by its own name.
    const dir = mkdtempSync(join(root, 'test', 'docs', '.snippet-'));
    const file = join(dir, 'fake.ts');
    writeFileSync(file, code);
    try {
      const tsc = join(root, 'node_modules', '.bin', 'tsc');
      execFileSync(tsc, ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', file], { cwd: root, encoding: 'utf8' });
      const output = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' }).trim();
      expect(JSON.parse(output)).toEqual(['Workshop scope', 5, 409, true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
