// Where the state generators get faker from. faker is most of what a page would load for the mock
// (≈ 145 kB before minifying), and the default start state is precomputed, so the browser path does not
// import it: Node entry points provide it at once (faker-node.ts), a page loads it on demand with
// `await loadDataGenerator()` when it asks for another seed or a scenario that generates data.
import type { Faker } from '@faker-js/faker';

let template: Faker | undefined;

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

/** Gives the slot a faker (any instance: each use gets a new one with the same locale). */
export function provideFaker(faker: Faker | undefined): void {
  template = faker;
}

export const dataGeneratorLoaded = () => template !== undefined;

/** A new faker under `seed`, of its own: the same seed always gives the same data. */
export function seededFaker(seed: number, purpose: string): Faker {
  if (template === undefined) throw new DataGeneratorNotLoadedError(purpose);
  const Make = template.constructor as typeof Faker;
  const faker = new Make({ locale: template.rawDefinitions });
  faker.seed(seed);
  return faker;
}

/** Loads faker on demand (a separate chunk in a bundled app); resolves at once when it is there. */
export async function loadDataGenerator(): Promise<void> {
  if (template !== undefined) return;
  const { faker } = await import('@faker-js/faker/locale/base');
  template ??= faker;
}
