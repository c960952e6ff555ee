// Half of the drift collection under 20 seeds: see same-verdict.ts.
import { sameVerdictEverySeed } from './same-verdict.js';

sameVerdictEverySeed(2, 2);
