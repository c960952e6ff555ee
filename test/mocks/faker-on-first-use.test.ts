// Under Node, faker is required on first use, not on import: most test files that import 'ude-kit/msw'
// start from the precomputed default state and never pay faker's import; the first one that asks for
// another seed or a generating scenario gets it at once, with no `loadDataGenerator()`.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../mocks/adapters/msw-node.js';
import { dataGeneratorLoaded } from '../../mocks/state/faker-slot.js';
import { computeDefaultState } from '../../mocks/state/default-state.js';

describe("faker under Node ('ude-kit/msw', 'ude-kit/node', the CLI)", () => {
  it('is not loaded by importing the handlers and creating them on the default state', () => {
    const { mock } = createHandlers();
    expect(mock.state().used.length).toBeGreaterThan(0);
    expect(dataGeneratorLoaded()).toBe(false);
  });

  it('loads on the first call that generates data, synchronously, and gives what a loaded faker gives', () => {
    const seven = createHandlers({ seed: 7 }).mock.state();
    expect(dataGeneratorLoaded()).toBe(true);
    expect(seven).not.toEqual(computeDefaultState());
    expect(createHandlers({ seed: 7 }).mock.state()).toEqual(seven);
    expect(computeDefaultState({ seed: 7 })).toEqual(seven);
  });
});
