// The two ways to reach the mock, behind one interface so the same behaviour table runs against both:
// real HTTP to the node:http server, and in-process fetch intercepted by MSW's setupServer.
import { setupServer } from 'msw/node';
import { unhandledIsAnError } from './msw-version.js';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock, type MockOptions } from '../../mocks/core/mock.js';
import type { DelayRange } from '../../mocks/core/delay.js';
import { expectConformingReply, type Reply } from './spec-check.js';

export const credentials = { authorization: 'Bearer test-token', 'x-api-key': 'test-key' };

export interface SendOptions {
  headers?: Record<string, string>;
  /** Sent as JSON with content-type application/json. */
  json?: unknown;
  /** Sent as is. */
  body?: string | Uint8Array<ArrayBuffer>;
  /** Leave out the default credentials. */
  anonymous?: boolean;
  /** A 5xx is what the test asked for (an injected fault); the body must still be a valid problem. */
  serverErrorExpected?: boolean;
}

export interface Driver {
  readonly name: string;
  start(options?: MockOptions & { delay?: DelayRange }): Promise<Mock>;
  stop(): Promise<void>;
  /** Sends a request; the reply has been checked against the spec already. */
  send(method: string, pathAndQuery: string, options?: SendOptions): Promise<Reply>;
}

async function sendTo(baseUrl: string, method: string, pathAndQuery: string, options: SendOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(options.anonymous === true ? {} : credentials), ...options.headers };
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  // Admin writes must carry this media type (a cross-origin form cannot); a test that wants to see the
  // refusal sets another.
  if (pathAndQuery.startsWith('/__admin') && !['GET', 'HEAD', 'OPTIONS'].includes(method)) headers['content-type'] ??= 'application/json';
  const response = await fetch(`${baseUrl}${pathAndQuery}`, { method, headers, body });
  const reply = { status: response.status, headers: response.headers, text: await response.text() };
  expectConformingReply(method, new URL(pathAndQuery, 'http://x').pathname, reply, { serverErrorExpected: options.serverErrorExpected === true });
  return reply;
}

export function httpDriver(): Driver {
  let running: RunningServer | undefined;
  return {
    name: 'node:http server',
    async start(options = {}) {
      await running?.close();
      const mock = createMock(options);
      running = await startHttpServer(mock, { port: 0, delay: options.delay });
      return mock;
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
    send(method, path, options) {
      if (running === undefined) throw new Error('driver not started');
      return sendTo(running.url, method, path, options);
    },
  };
}

export function mswDriver(): Driver {
  const baseUrl = 'http://ude-kit.test';
  let server: ReturnType<typeof setupServer> | undefined;
  return {
    name: 'MSW setupServer',
    async start(options = {}) {
      server?.close();
      const { handlers, mock } = createHandlers({ ...options, baseUrl });
      server = setupServer(...handlers);
      server.listen(unhandledIsAnError);
      return mock;
    },
    async stop() {
      server?.close();
      server = undefined;
    },
    send(method, path, options) {
      return sendTo(baseUrl, method, path, options);
    },
  };
}
