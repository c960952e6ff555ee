// Node entry points import this once: there faker costs ≈ 15 ms to import (its base locale only) and
// nothing to download, so every seed and every generating scenario just works, as before.
import { faker } from '@faker-js/faker/locale/base';
import { provideFaker } from './faker-slot.js';

provideFaker(faker);
