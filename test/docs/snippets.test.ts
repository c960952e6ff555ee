// A snippet in the docs is code: the front-end recipes (docs/frontend.md) and the README's are
// type-checked (strict) against the built package, under the name an app imports it by, and run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/cli-process.js';

const frontend = () => readFileSync(join(root, 'docs', 'frontend.md'), 'utf8');

/** The first ```ts block after a heading of the front-end recipes. */
function snippetAfter(heading: string): string {
  const readme = frontend();
  const from = readme.indexOf(heading);
  if (from < 0) throw new Error(`no heading "${heading}" in docs/frontend.md`);
  const block = /```ts\n([\s\S]*?)```/.exec(readme.slice(from));
  if (block === null) throw new Error(`no ts block after "${heading}"`);
  return block[1]!;
}

/** Type-checks files (strict) inside the project, so that 'ude-kit' resolves to this package by its name. */
function typecheck(files: Record<string, string>): void {
  const dir = mkdtempSync(join(root, 'test', 'docs', '.snippet-'));
  try {
    for (const [name, code] of Object.entries(files)) writeFileSync(join(dir, name), code);
    const tsc = join(root, 'node_modules', '.bin', 'tsc');
    // skipLibCheck as app templates set it: Storybook's declarations refer to React's, which a non-React app lacks.
    const args = ['--noEmit', '--strict', '--skipLibCheck', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node,vitest/globals'];
    try {
      execFileSync(tsc, [...args, ...Object.keys(files).map((name) => join(dir, name))], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      // tsc reports on stdout: show what it said, with the snippet, rather than "Command failed".
      const said = (error as { stdout?: string }).stdout ?? String(error);
      throw new Error(`${said}\n${Object.entries(files).map(([name, code]) => `--- ${name}\n${code}`).join('\n')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every ```ts block of a Markdown text. */
const tsBlocks = (text: string) => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The code spans of the recipes' table row that starts with `row`, which contain `needle`. */
function spansOfRow(row: string, needle: string): string[] {
  const line = frontend().split('\n').find((l) => l.startsWith(`| ${row}`));
  if (line === undefined) throw new Error(`no docs/frontend.md row "${row}"`);
  return [...line.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((span) => span.startsWith(needle));
}

/**
 * Blocks as modules of their own, each named by its first line's path ("// .storybook/preview.ts"); a
 * relative import of another block's path ('./mocks', '../.storybook/preview') points at that file.
 */
/**
 * Each block as a module of its own, named by its first line's path ("// .storybook/preview.ts"); a
 * relative import of another block's path ('./mocks', '../.storybook/preview') points at that file. The
 * blocks are checked as written: the recipes give msw 3's option name and msw 2's together.
 */
function modulesOf(blocks: string[]): Record<string, string> {
  const files: Record<string, string> = {};
  blocks.forEach((code, index) => {
    const named = /^\/\/ (?:[\w.-]+\/)*([\w.-]+)\.ts\b/.exec(code)?.[1] ?? `block-${index}`;
    // Two recipes may show the same file (vite.config.ts with a proxy, and with the worker plugin).
    const name = `${named}.ts` in files ? `${named}-${index}` : named;
    const local = (path: string) => `./${path.split('/').at(-1)}.js`;
    files[`${name}.ts`] = `${code.replace(/(from |import\()'(\.{1,2}\/[\w./-]+)'/g, (_m, lead: string, path: string) => `${lead}'${local(path)}'`)}\nexport {};\n`;
  });
  return files;
}

describe('snippets in the docs', () => {
  it('every TypeScript block of the front-end recipes and the README type-checks (strict) on the installed msw', () => {
    const blocks = [...tsBlocks(frontend()), ...tsBlocks(readFileSync(join(root, 'README.md'), 'utf8'))];
    expect(blocks.length).toBeGreaterThanOrEqual(11);
    // The recipes give msw 3's option name and msw 2's together, so a block compiles as written on either
    // major: checked on the installed one (msw 2 on the main leg, msw 3 on the Node 24 leg), unchanged.
    expect(frontend()).toContain('On msw 2 the option is called `onUnhandledRequest`');
    const files = modulesOf(blocks);
    expect(Object.keys(files)).toHaveLength(blocks.length);
    typecheck(files);
  }, 120_000);

  it('the how-to for timing createHandlers() in an app (docs/performance.md) type-checks (strict)', () => {
    const blocks = tsBlocks(readFileSync(join(root, 'docs', 'performance.md'), 'utf8'));
    const files = modulesOf(blocks);
    expect(Object.keys(files).sort()).toEqual(['baseline.ts', 'browser.ts', 'first-call.ts']);
    typecheck(files);
  }, 60_000);

  it('the scenario one-liners of the switching table type-check (strict)', () => {
    const node = spansOfRow('A Node test with the handlers', 'mock.load(scenarioState(');
    const browser = spansOfRow('A browser app or a test inside the page', 'mock.load(scenarioState(');
    expect(node).toHaveLength(1);
    expect(browser).toHaveLength(1);
    typecheck({
      'switching.ts': [
        "import { createHandlers, resolveScenario, scenarioState } from 'ude-kit/msw';",
        "import { loadScenario } from 'ude-kit';",
        "import closed from 'ude-kit/scenarios/closed-ticket.json' with { type: 'json' };",
        "import single from 'ude-kit/scenarios/single-ticket.json' with { type: 'json' };",
        'const { mock } = createHandlers();',
        `${node[0]};`,
        `${browser[0]};`,
        'export {};',
      ].join('\n'),
    });
  }, 60_000);

  it('the ude-kit/fake snippet type-checks (strict) and runs', () => {
    const code = `${snippetAfter('## Data for components and stories')}\nconsole.log(JSON.stringify([tool.name, lastPage.result.length, refused.status, again.diagnostic_equipment_id > 0]));\n`;
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
