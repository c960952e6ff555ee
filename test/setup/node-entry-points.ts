// The tests import the kit's modules directly, as its Node entry points would load them: with faker
// provided (src/index.ts, the CLI and 'ude-kit/msw' under Node do this). The page's path without it
// is tested on its own (test/mocks/data-generator.test.ts, the browser builds and the e2e suite).
import '../../mocks/state/faker-node.js';
