// Builds the browser example and serves it: `npm run example:browser`, and the e2e test's server.
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const configFile = here('./vite.config.ts');

/** A mocking build, as `VITE_UDE_MOCK=msw vite build` makes one: main.ts imports the mock, the mswWorker plugin emits the worker. */
async function buildMocking(): Promise<void> {
  const before = process.env.VITE_UDE_MOCK;
  process.env.VITE_UDE_MOCK = 'msw';
  try {
    await build({ configFile });
  } finally {
    if (before === undefined) delete process.env.VITE_UDE_MOCK;
    else process.env.VITE_UDE_MOCK = before;
  }
}

/** Serves the built example; with `proxyTo`, its /v2 calls go to that server (the standalone mock). */
export async function serveExample(port: number, options: { proxyTo?: string; build?: boolean; headers?: Record<string, string> } = {}): Promise<{ url: string; close(): Promise<void> }> {
  if (options.build !== false) await buildMocking();
  const proxy = options.proxyTo === undefined ? {} : { proxy: { '/v2': options.proxyTo } };
  const server: PreviewServer = await preview({ configFile, preview: { port, host: '127.0.0.1', strictPort: port !== 0, ...proxy, ...(options.headers === undefined ? {} : { headers: options.headers }) } });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (url === undefined) throw new Error('vite preview did not report its URL');
  return { url, close: () => server.close() };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serveExample(Number(process.env.PORT ?? 5173));
  console.log(`browser example on ${url} (Ctrl-C to stop)`);
}
