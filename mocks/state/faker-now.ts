// Entry points that always generate data (the factories of 'ude-kit/fake', in a page or in Node)
// import this: faker provided at once, with no Node built-in, so it works in a bundle too.
import { faker } from '@faker-js/faker/locale/base';
import { provideFaker } from './faker-slot.js';

provideFaker(faker);
