// The seeder's default, apart from the seeder: the CLI's help names it without loading undici.
/** Tickets seeded at once by `seed --via-api` when --concurrency is not given. */
export const defaultSeedConcurrency = 16;
