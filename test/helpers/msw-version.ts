// The msw the tests run against: 2 on the main CI leg, 3 on the Node 24 leg (.ci/run swaps it in).
// msw 3 renamed `onUnhandledRequest` to `onUnhandledFrame` and ignores the old name without a word,
// so an "unhandled is an error" net written for one major silently does nothing on the other.
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { SetupServerApi } from 'msw/node';
import { root } from './cli-process.js';

/** The installed msw's version, read where node_modules/msw really points. */
export const mswVersion = (JSON.parse(readFileSync(join(realpathSync(join(root, 'node_modules', 'msw')), 'package.json'), 'utf8')) as { version: string }).version;
export const mswMajor = Number(mswVersion.split('.')[0]);

/** The name of the option that decides what happens to a request no handler takes. */
export const unhandledOptionName = mswMajor >= 3 ? 'onUnhandledFrame' : 'onUnhandledRequest';

/** `server.listen(…)` options under which a request no handler takes is an error, on either major. */
export const unhandledIsAnError = { [unhandledOptionName]: 'error' } as Parameters<SetupServerApi['listen']>[0];
