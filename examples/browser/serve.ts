// Builds the browser example and serves it: `npm run example:browser`, and the e2e test's server.
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const configFile = here('./vite.config.ts');

/** What `npx msw init public/` does in an app: put the installed msw's worker script beside the page. */
function installWorker(): void {
  mkdirSync(here('./public'), { recursive: true });
  copyFileSync(fileURLToPath(new URL('../../node_modules/msw/lib/mockServiceWorker.js', import.meta.url)), here('./public/mockServiceWorker.js'));
}

/** Serves the built example; with `proxyTo`, its /v2 calls go to that server (the standalone mock). */
export async function serveExample(port: number, options: { proxyTo?: string; build?: boolean; headers?: Record<string, string> } = {}): Promise<{ url: string; close(): Promise<void> }> {
  installWorker();
  // Built with mocking on (main.ts imports the mock only then), as an app's `vite --mode mock` would be.
  if (options.build !== false) await build({ configFile, define: { 'import.meta.env.VITE_UDE_MOCK': JSON.stringify('msw') } });
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
