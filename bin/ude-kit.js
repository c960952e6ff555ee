#!/usr/bin/env node
// The compiled CLI; `npm ci` builds it (the `prepare` script), `npm run build` rebuilds it.
import '../dist/src/cli/main.js';
