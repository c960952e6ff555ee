// 'ude-kit/msw' under Node (Vitest, Jest): the same handlers, with faker provided at once, so any seed
// and any generating scenario works in a test without loading it first, as before.
import '../state/faker-node.js';

export * from './msw.js';
