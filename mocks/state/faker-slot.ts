// Where the state generators get faker from. faker is most of what a page would load for the mock
// (≈ 145 kB before minifying), and the default start state is precomputed, so the browser path does not
// import it: Node entry points give the slot a loader that imports it synchronously on first use
// (faker-node.ts), the data factories provide it at once (faker-now.ts), and a page loads it on demand
// with `await loadDataGenerator()` when it asks for another seed or a scenario that generates data.
import type { Faker } from '@faker-js/faker';

let template: Faker | undefined;
let loadOnFirstUse: (() => Faker) | undefined;

/** Thrown when data must be generated and faker was neither provided nor loaded. */
export class DataGeneratorNotLoadedError extends Error {
  constructor(purpose: string) {
    super(
      `${purpose} needs the data generator (faker), which this page has not loaded: ` +
        "`await loadDataGenerator()` from 'ude-kit/msw' first (it loads faker on demand), or use the default seed, whose state is precomputed",
    );
    this.name = 'DataGeneratorNotLoadedError';
  }
}

/** Gives the slot a faker (any instance: each use gets a new one with the same locale); `undefined` empties it, loader included. */
export function provideFaker(faker: Faker | undefined): void {
  template = faker;
  loadOnFirstUse = undefined;
}

/** Gives the slot a synchronous way to load faker when data is first generated (Node's require). */
export function provideFakerLoader(load: () => Faker): void {
  loadOnFirstUse = load;
}

export const dataGeneratorLoaded = () => template !== undefined;

/** A new faker under `seed`, of its own: the same seed always gives the same data. */
export function seededFaker(seed: number, purpose: string): Faker {
  if (template === undefined && loadOnFirstUse !== undefined) template = loadOnFirstUse();
  if (template === undefined) throw new DataGeneratorNotLoadedError(purpose);
  const Make = template.constructor as typeof Faker;
  const faker = new Make({ locale: template.rawDefinitions });
  faker.seed(seed);
  return faker;
}

/** Loads faker on demand (a separate chunk in a bundled app); resolves at once when it is there. */
export async function loadDataGenerator(): Promise<void> {
  // Stryker disable next-line ConditionalExpression: without it the import is asked again, answers from the module cache, and `??=` keeps the faker there
  if (template !== undefined) return;
  const { faker } = await import('@faker-js/faker/locale/base');
  template ??= faker;
}
