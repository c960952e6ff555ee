// Builds the admin console ahead of time into dist/console: served by the standalone mock at
// /__admin/ui, offline (no CDN), under a CSP that allows only its own files.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs: the files are served under /__admin/ui/, wherever the mock runs.
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/console', import.meta.url)),
    emptyOutDir: true,
    // One script and one style sheet: nothing for a CSP to trip over, nothing fetched lazily.
    modulePreload: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
