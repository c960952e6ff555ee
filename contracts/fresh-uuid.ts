// A uuid that names nothing on the deployment: drawn under the run's seed (so a report's curl line
// sends the same one again), version 4, and marked in its last group so a reader can tell it is the
// suite's. Which one is drawn never changes a verdict: any uuid the deployment does not hold will do.

/** mulberry32: a small, well-mixed 32-bit generator; enough to pick ids, not for secrets. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** `salt` tells apart the uuids one run needs (the list's empty ticket, the unknown ticket, …). */
export function freshUuid(seed: number, salt: number): string {
  const next = generator((seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0);
  const hex = Array.from({ length: 4 }, () => next().toString(16).padStart(8, '0')).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-0de7${hex.slice(24, 32)}`;
}
