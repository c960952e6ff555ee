// JSON serialisation that keeps integers beyond 2^53 exact. The list echoes the applied `offset`, an
// int64: a JavaScript number would silently round 9007199254740993 to ...992, so such values travel as
// bigint and are written as bare digits.

// A per-process random marker: a string from a request cannot guess it, so cannot be turned into digits.
const marker = `bigint-${globalThis.crypto.randomUUID()}:`;
const markerPattern = new RegExp(`"${marker}(-?\\d+)"`, 'g');

export function toJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const text = JSON.stringify(value, (_key, inner: unknown) =>
      typeof inner === 'bigint' ? `${marker}${inner.toString()}` : inner,
    );
    return text.replace(markerPattern, '$1');
  }
}
