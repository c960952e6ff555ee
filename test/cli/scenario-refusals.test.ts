// Files that are not scenarios, given to `ude-kit mock --scenario`: refused with their path and the
// reason, never their contents or a stack trace. (A child process each: kept out of mutation runs.)
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliArgs, root } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ude-kit-scenarios-'));
});
const file = (path: string, content: string) => writeFile(join(dir, path), content);

describe('files that are not scenarios', () => {
  const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';

  it.each([
    ['passwd', passwd, /passwd is not valid JSON/],
    ['passwd.yaml', `${passwd}: [`, /passwd\.yaml is not valid YAML at line \d+, column \d+/],
    ['truncated.json', '{"description": "cut', /truncated\.json is not valid JSON/],
    ['string.yaml', passwd, /\/: must be an object|\/ must be an object/],
    ['folder', undefined, /cannot read scenario file .*folder: it is a folder/],
  ])('refuses %s with its path and the reason, never its contents or a stack trace', async (name, content, reason) => {
    if (content === undefined) await mkdir(join(dir, name), { recursive: true });
    else await file(name, content);
    const run = spawnSync(process.execPath, [...cliArgs, 'mock', '--port', '0', '--scenario', join(dir, name)], { cwd: root, encoding: 'utf8', timeout: 15_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).not.toContain('root:x');
    expect(run.stderr).not.toContain('daemon');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
