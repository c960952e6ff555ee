// The seeder's default, apart from the seeder: the CLI's help names it without loading undici.
/** Requests in flight `seed --via-api` starts with when --concurrency is not given (then chosen from the answer times). */
export const defaultSeedConcurrency = 16;
/** The most requests in flight it chooses on its own, however fast the target answers: a shared deployment is not a benchmark. */
export const maxChosenConcurrency = 64;
/** The fewest it goes down to on its own. */
export const minChosenConcurrency = 2;
