// The console's files on the standalone server: only the built files, under a strict CSP, never a path
// a request makes up; a clear problem when the console is not built.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleFiles, consolePath } from '../../mocks/adapters/console-files.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { lastBody, rawExchange } from '../helpers/raw-http.js';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.close();
});

async function serve(dir: string | null) {
  const running = await startHttpServer(createMock(), { port: 0, console: consoleFiles(dir) });
  servers.push(running);
  return running.url;
}

describe('the admin console’s files', () => {
  let url: string;
  let secretOutside: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ude-kit-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><div id="app"></div>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
    secretOutside = join(dir, '..', `outside-${Date.now()}.txt`);
    writeFileSync(secretOutside, 'not for the browser');
    url = await serve(dir);
  });

  it('redirects the bare path to the folder and serves the page with a strict CSP', async () => {
    const bare = await fetch(`${url}${consolePath}`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe(`${consolePath}/`);
    const page = await fetch(`${url}${consolePath}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html><div id="app"></div>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await fetch(`${url}${consolePath}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers only the built files: a made-up or climbing path gets a 404 problem', async () => {
    const name = secretOutside.split('/').at(-1)!;
    for (const path of [`${consolePath}/../${name}`, `${consolePath}/%2e%2e/${name}`, `${consolePath}/assets/../../${name}`, `${consolePath}/nope.js`, `${consolePath}//etc/passwd`]) {
      // Raw, so no client tidies the path before it is sent.
      const reply = await rawExchange(url, [`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`]);
      expect(reply.statuses, path).toEqual([404]);
      expect(reply.text, path).not.toContain('not for the browser');
      expect(reply.text, path).toMatch(/content-type: application\/problem\+json/i);
      expect(JSON.parse(lastBody(reply)), path).toMatchObject({ status: 404 });
    }
    expect(readFileSync(secretOutside, 'utf8')).toBe('not for the browser');
  });

  it('refuses writes with 405 and Allow, and answers HEAD with the length but no body', async () => {
    const post = await fetch(`${url}${consolePath}/`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toContain('GET');
    const head = await fetch(`${url}${consolePath}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('<!doctype html><div id="app"></div>'.length));
  });

  it('says how to build it when it is not built', async () => {
    const notBuilt = await serve(null);
    const reply = await fetch(`${notBuilt}${consolePath}/`);
    expect(reply.status).toBe(404);
    expect(((await reply.json()) as { detail: string }).detail).toContain('npm run build');
  });

  it('serves the built console whole: every script and style sheet its page names answers 200', async () => {
    const built = fileURLToPath(new URL('../../dist/console/', import.meta.url));
    const builtUrl = await serve(built);
    const html = await (await fetch(`${builtUrl}${consolePath}/`)).text();
    const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(referenced.length).toBeGreaterThanOrEqual(2);
    for (const file of referenced) expect((await fetch(`${builtUrl}${consolePath}/${file}`)).status, file).toBe(200);
  });
});
