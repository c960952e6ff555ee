// Node entry points import this once, so every seed and every generating scenario just works there, as
// in a page after `loadDataGenerator()`. faker itself is required on first use, not here: it costs
// ≈ 15-20 ms to import, paid otherwise by every test file that imports 'ude-kit/msw' and by every CLI
// start, while the default state is precomputed and most of them never generate data. require() of an
// ES module is what makes it synchronous (Node 20.19+ and 22.12+, the versions `engines` names).
import { createRequire } from 'node:module';
import { provideFakerLoader } from './faker-slot.js';

const require = createRequire(import.meta.url);
provideFakerLoader(() => (require('@faker-js/faker/locale/base') as typeof import('@faker-js/faker/locale/base')).faker);
