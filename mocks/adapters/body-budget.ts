// How many bytes of request bodies the server holds at once, across every connection. Each request's
// own limit (64 KiB for the API, 256 MiB for the admin API) bounds one body, not eight at once: eight
// 250 MB state uploads reached 2.68 GB. Bytes are reserved before they are read (a declared length at
// once, since the buffer is allocated at once) and released when the request is answered or dropped.

/** The bytes of bodies held at once unless the server is told otherwise: two whole admin uploads. */
export const defaultBodyBytesInFlight = 512 * 1024 * 1024;

export interface BodyBudget {
  /** Takes `bytes` from the budget, or nothing and false when they do not fit. */
  reserve(bytes: number): boolean;
  /** Gives back bytes reserved earlier. */
  release(bytes: number): void;
  /** Bytes reserved now (for tests: a request that ended, however, holds none). */
  held(): number;
}

export function createBodyBudget(limit: number): BodyBudget {
  let held = 0;
  return {
    reserve(bytes) {
      if (held + bytes > limit) return false;
      held += bytes;
      return true;
    },
    release(bytes) {
      held -= bytes;
    },
    held: () => held,
  };
}
