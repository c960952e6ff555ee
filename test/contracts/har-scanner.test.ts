// The scanner finds the entries of any JSON text, however its bytes are split into chunks, exactly as
// JSON.parse reads them, with strings past the bound replaced by their length; broken text is an
// error value, never a throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHarScanner, cutShort } from '../../contracts/har/har-scanner.js';

const maxStringBytes = 24;
const marker = '\u0000cut:';
/** A value as the scanner hands it on: each string longer than the bound in the JSON text is its length. */
const cut = (value: unknown): unknown => {
  const long = (text: string) => Buffer.byteLength(JSON.stringify(text)) - 2 > maxStringBytes;
  if (typeof value === 'string') return long(value) ? `${marker}${Buffer.byteLength(JSON.stringify(value)) - 2}` : value;
  if (Array.isArray(value)) return value.map(cut);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [cut(key), cut(inner)]));
  return value;
};

function scan(bytes: Uint8Array, sizes: number[]): { entries: unknown[]; error: string | undefined } {
  const entries: unknown[] = [];
  const scanner = createHarScanner({ maxDepth: 64, maxUnitBytes: 1e9, maxStringBytes, marker }, (v) => v.kind === 'entry' && entries.push(v.problem ?? JSON.parse(v.text!)), () => undefined);
  let error: string | undefined;
  for (let at = 0, k = 0; at < bytes.length && error === undefined; k++) {
    const size = sizes[k % sizes.length]!;
    error = scanner.write(bytes.subarray(at, at + size));
    at += size;
  }
  return { entries, error: error ?? scanner.end() };
}

describe('the HAR scanner', () => {
  it('reads every entry as JSON.parse does, in chunks of any size', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (entries, other, sizes, pretty) => {
        const text = JSON.stringify({ other, log: { version: '1.2', entries, pages: other } }, null, pretty ? 1 : undefined);
        const result = scan(Buffer.from(text), sizes);
        expect(result.error).toBeUndefined();
        // What the text says, not the generated value (-0 is written 0).
        expect(result.entries).toEqual((JSON.parse(JSON.stringify(entries)) as unknown[]).map(cut));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['', cutShort],
    ['{"log":{"entries":[{"a":1}', cutShort],
    ['root:x:0:0', 'an unexpected character at byte 0'],
    ['{"log":{"entries":[{"a":1},]}}', 'an unexpected character at byte 27'],
    ['{"log" 1}', 'an unexpected character at byte 7 (":" was expected)'],
    ['{"log":{"entries":[]}} x', 'more after the end of the JSON, at byte 23'],
  ])('says what is wrong with %j', (text, error) => {
    expect(scan(Buffer.from(text), [3]).error).toBe(error);
  });

  it('gives up an entry nested past the bound without holding it, and goes on', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(scan(Buffer.from(`{"log":{"entries":[${deep},{"b":2}]}}`), [4096])).toEqual({ entries: ['nested deeper than 64 levels', { b: 2 }], error: undefined });
  });
});
