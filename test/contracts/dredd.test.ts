// Dredd 14 as a second opinion: every transaction it makes from the document passes against the mock
// (no skips), and it fails on drift, which shows the document's schemas reach it through the hooks.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { exampleTicketId } from '../../mocks/state/default-state.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function dreddAgainst(mock: Mock): Promise<{ code: number | null; output: string }> {
  const server = await startHttpServer(mock, { port: 0 });
  try {
    return await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'contracts/dredd/run-dredd.ts', server.url, '--api-key', 'k', '--token', 't', '--ticket', exampleTicketId, '--equipment', '12', '--equipment', '40'],
        { cwd: root },
      );
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      child.on('exit', (code) => resolve({ code, output }));
    });
  } finally {
    await server.close();
  }
}

describe('Dredd against the mock', () => {
  it('passes every transaction, with none skipped, and leaves the state as it was', async () => {
    const mock = createMock();
    const before = mock.state();
    const { code, output } = await dreddAgainst(mock);
    expect(output).toMatch(/complete.*: 9 passing, 0 failing, 0 errors, 0 skipped, 9 total/);
    expect(code).toBe(0);
    expect(mock.state()).toEqual(before);
  }, 60_000);

  it('fails when a record drifts from the schema (version "")', async () => {
    const mock = createMock();
    const drifted: Mock = {
      ...mock,
      handle: (request) => {
        const response = mock.handle(request);
        return response.status === 200 && response.body?.includes('"version"') ? { ...response, body: response.body.replace(/"version":(null|"[^"]*")/g, '"version":""') } : response;
      },
    };
    const { code, output } = await dreddAgainst(drifted);
    expect(code).not.toBe(0);
    expect(output).toMatch(/[1-9]\d* failing/);
  }, 60_000);
});
