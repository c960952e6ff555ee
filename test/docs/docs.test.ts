// Docs that cannot drift: every shell block marked runnable in the README and docs/ is run against a
// fresh mock and its output compared where the docs show it ("# => " lines, … for what varies); every
// flag the docs give a command exists in that command's declaration; every admin endpoint the docs name
// is answered; every relative link leads to a file; the CLI reference is the one the declarations give.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCliDocs } from '../../scripts/cli-docs.js';
import { commands } from '../../src/cli/commands.js';
import { checkNames } from '../../contracts/check-names.js';
import { optionsOf } from '../../src/cli/declaration.js';
import { createMock } from '../../mocks/core/mock.js';
import { shippedScenarioSource } from '../../mocks/state/scenario-source-node.js';
import { closedTicketId } from '../../mocks/state/default-state.js';
import { cliArgs, root, startMockCli } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

const pages = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const read = (page: string) => readFileSync(join(root, page), 'utf8');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

interface Runnable {
  page: string;
  code: string;
  expected: string[];
}

/** The ```sh blocks right after a `<!-- runnable -->` line, with their "# => " expectations. */
function runnableBlocks(): Runnable[] {
  return pages.flatMap((page) =>
    [...read(page).matchAll(/<!-- runnable -->\n```sh\n([\s\S]*?)```/g)].map((m) => ({
      page,
      code: m[1]!,
      expected: m[1]!.split('\n').flatMap((line) => (line.startsWith('# => ') ? [line.slice(5)] : [])),
    })),
  );
}

/** An expectation as a pattern: literal text, where … stands for anything. */
const shape = (expected: string) => new RegExp(`^${expected.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

describe('the docs’ runnable shell blocks', () => {
  const blocks = runnableBlocks();

  it('include the README’s quick start, with its output shown', () => {
    const quickStart = blocks.filter((b) => b.page === 'README.md');
    expect(quickStart).toHaveLength(1);
    expect(quickStart[0]!.expected.length).toBeGreaterThanOrEqual(8);
  });

  it.each(blocks.map((b, i) => [`${b.page} #${i + 1}`, b] as const))('%s runs against a fresh mock and prints what the docs show', async (_name, block) => {
    const mock = await startMockCli(['--port', '0'], children);
    const scratch = mkdtempSync(join(tmpdir(), 'ude-kit-docs-'));
    try {
      // `ude-kit` and `npx ude-kit` are the CLI of this checkout; the mock the docs call 127.0.0.1:4010 is this one.
      // As programs on PATH (not shell functions), so that `ude-kit mock &` is the mock itself and `kill %1` stops it.
      const bin = join(scratch, '.bin');
      mkdirSync(bin);
      const cli = `${process.execPath} ${cliArgs.join(' ')}`;
      writeFileSync(join(bin, 'ude-kit'), `#!/bin/sh\nexec ${cli} "$@"\n`, { mode: 0o755 });
      writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = ude-kit ] || exit 127\nshift\nexec ${cli} "$@"\n`, { mode: 0o755 });
      const script = ['set -euo pipefail', block.code.replaceAll('http://127.0.0.1:4010', mock.url)].join('\n');
      const result = spawnSync('bash', ['-c', script], { cwd: scratch, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
      const lines = result.stdout.split('\n').filter((line) => line !== '');
      expect(lines, result.stdout).toHaveLength(block.expected.length);
      lines.forEach((line, i) => expect(line, `output line ${i + 1}`).toMatch(shape(block.expected[i]!)));
    } finally {
      mock.child.kill('SIGKILL');
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('the CLI in the docs', () => {
  it('the reference in docs/cli.md is what the declarations give (run `npm run generate` if not)', async () => {
    expect(read('docs/cli.md')).toBe(await renderCliDocs());
  });

  it('every flag given to a command in the docs is one that command declares', () => {
    const names = new Map(commands.map((c) => [c.name, new Set(optionsOf(c).flatMap(([name, o]) => [`--${name}`, ...(o.short === undefined ? [] : [`-${o.short}`])]))]));
    let checked = 0;
    const unknown: string[] = [];
    for (const page of pages) {
      // A command line: from "ude-kit COMMAND" to the end of the line, with its "\" continuations.
      const text = read(page).replace(/\\\n\s*/g, ' ');
      for (const match of text.matchAll(/ude-kit (mock|contract|scenarios|seed|export)\b([^\n`|]*)/g)) {
        const flags = [...match[2]!.split('#')[0]!.matchAll(/(?:^|\s)(--?[a-z][a-z-]*)/g)].map((m) => m[1]!);
        for (const flag of flags) {
          checked++;
          if (!names.get(match[1]!)!.has(flag)) unknown.push(`${page}: ude-kit ${match[1]} ${flag}`);
        }
      }
    }
    expect(unknown).toEqual([]);
    expect(checked).toBeGreaterThan(40);
  });

  it('every flag a command declares is documented, in its own section of the CLI reference', () => {
    const reference = read('docs/cli.md');
    const undocumented = commands.flatMap((c) => {
      const from = reference.indexOf(`### \`ude-kit ${c.name}\``);
      const to = reference.indexOf('\n### ', from + 1);
      const section = from < 0 ? '' : reference.slice(from, to < 0 ? undefined : to);
      return optionsOf(c).filter(([name]) => !section.includes(`--${name}`)).map(([name]) => `${c.name} --${name}`);
    });
    expect(undocumented).toEqual([]);
  });
});

describe('the contract checks in the docs', () => {
  it('the table of checks describes every check the suite can report, each once, and no other', () => {
    const page = read('docs/contract-testing.md');
    const table = page.slice(page.indexOf('## Checks'), page.indexOf('\n## ', page.indexOf('## Checks') + 1));
    const described = [...table.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]);
    expect([...described].sort()).toEqual([...checkNames].sort());
    expect(new Set(described).size).toBe(described.length);
  });
});

describe('the problems in the docs', () => {
  it('the status table of behaviour.md lists every problem type the mock can answer', () => {
    // Every problem is made by problems.ts's `problem('<type>', …)` (violations apart, made once there too).
    const source = read('mocks/core/problems.ts');
    const types = [...source.matchAll(/problem\(\s*'([a-z-]+)'/g)].map((m) => m[1]!).concat('violations');
    expect(types.length).toBeGreaterThan(15);
    const table = read('docs/behaviour.md').split('\n').filter((line) => line.startsWith('| '));
    expect(types.filter((type) => !table.some((row) => row.includes(`\`/problems/${type}\``)))).toEqual([]);
  });
});

describe('the admin API in the docs', () => {
  it('every endpoint the docs name is answered by the mock, not a missing route', () => {
    const endpoints = new Set<string>();
    for (const page of pages) {
      for (const m of read(page).matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/__admin\/[\w/{}.-]*)/g)) endpoints.add(`${m[1]} ${m[2]!.replace(/[.]$/, '')}`);
    }
    expect(endpoints.size).toBeGreaterThanOrEqual(12);
    const missing: string[] = [];
    for (const endpoint of endpoints) {
      // A fresh mock for each, with something for each {id} to name: a ticket, a journal entry, a fault.
      const mock = createMock({ auth: { mode: 'off' }, scenarios: shippedScenarioSource() });
      expect(mock.handle({ method: 'GET', path: '/v2/tickets/used-diagnostic-equipment', query: new URLSearchParams(), headers: {} }).status).toBe(200);
      const ids = { tickets: closedTicketId, requests: String(mock.requests()[0]!.id), faults: String(mock.inject({ operation: '*', delayMs: 1 }).id) };
      const [method, template] = endpoint.split(' ') as [string, string];
      const path = template.replace('{id}', ids[template.split('/')[2] as keyof typeof ids] ?? 'unknown');
      const answer = mock.handle({ method, path, query: new URLSearchParams(), headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{}') });
      const type = answer.body === undefined ? undefined : (JSON.parse(answer.body) as { type?: string }).type;
      // A route that exists may refuse this empty body (400) or an unknown id (404 of its own kind); a
      // route that does not exist answers /problems/not-found or 405.
      if (type === '/problems/not-found' || answer.status === 405) missing.push(`${endpoint} → ${answer.status} ${type ?? ''}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('links between the docs', () => {
  it('every relative link leads to a file of the repository', () => {
    const broken: string[] = [];
    for (const page of pages) {
      for (const m of read(page).matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)(#[^)]*)?\)/g)) {
        if (!existsSync(join(root, dirname(page), m[1]!))) broken.push(`${page}: ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the README stays a front page: about 15 KB, the rest linked', () => {
    expect(Buffer.byteLength(read('README.md'))).toBeLessThanOrEqual(16 * 1024);
  });
});
