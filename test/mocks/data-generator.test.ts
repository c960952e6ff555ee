// The page's path: faker is not loaded until asked for. The default start state is precomputed and is
// exactly what faker gives; another seed or a generating scenario says how to load faker, then works.
import { faker } from '@faker-js/faker/locale/base';
import { afterEach, describe, expect, it } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { computeDefaultState } from '../../mocks/state/default-state.js';
import { DataGeneratorNotLoadedError, dataGeneratorLoaded, loadDataGenerator, provideFaker } from '../../mocks/state/faker-slot.js';
import { loadScenario } from '../../mocks/state/scenario-files.js';
import { resolveScenario } from '../../mocks/state/scenario.js';
import manyPages from '../../mocks/scenarios/many-pages.json' with { type: 'json' };

afterEach(() => provideFaker(faker));

describe('without faker loaded (a page)', () => {
  it('starts the mock on the precomputed default state, the same faker gives', () => {
    const fromFaker = computeDefaultState();
    provideFaker(undefined);
    expect(createMock().state()).toEqual(fromFaker);
    expect(createMock({ seed: 1 }).state()).toEqual(fromFaker);
  });

  it('refuses another seed, or a scenario that generates, with how to load faker', () => {
    provideFaker(undefined);
    expect(() => createMock({ seed: 7 })).toThrow(DataGeneratorNotLoadedError);
    expect(() => createMock({ seed: 7 })).toThrow(/await loadDataGenerator\(\)/);
    expect(() => resolveScenario(manyPages)).toThrow(/A scenario that generates data needs the data generator/);
  });

  it('after loadDataGenerator(), gives what Node gives', async () => {
    const seven = createMock({ seed: 7 }).state();
    const pages = loadScenario('many-pages');
    provideFaker(undefined);
    expect(dataGeneratorLoaded()).toBe(false);
    await loadDataGenerator();
    expect(dataGeneratorLoaded()).toBe(true);
    expect(createMock({ seed: 7 }).state()).toEqual(seven);
    expect(resolveScenario(manyPages)).toEqual(pages);
  });
});
