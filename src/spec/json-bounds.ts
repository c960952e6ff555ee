// Bounds on JSON text checked before JSON.parse builds anything, shared by the mock (request bodies,
// scenario files) and the contract suite (response bodies). Parsing is the costly step for a
// hostile body: 25 MB of `0,` becomes an array of 12.5 million values and ~300 MB of heap before any
// validator runs. One pass over the characters (no allocation) counts values and nesting, so such a
// body is refused at the cost of reading it.

export interface JsonBounds {
  /** Deepest nesting of arrays and objects. The document's own shapes are a few levels deep. */
  maxDepth: number;
  /** Most JSON values (scalars, arrays and objects). A state of 1,000,000 records holds about 3.5 million. */
  maxValues: number;
}

export const jsonBounds: JsonBounds = { maxDepth: 64, maxValues: 5_000_000 };

/** Undefined when the text is within the bounds, otherwise what it exceeds, in words. */
export function exceededJsonBounds(text: string, bounds: JsonBounds = jsonBounds): string | undefined {
  let depth = 0;
  let values = 0;
  let inString = false;
  // A scalar's first character starts a value; the characters after it until a delimiter belong to it.
  let inScalar = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    switch (c) {
      case 0x22: // "
        inString = true;
        values++;
        inScalar = false;
        break;
      case 0x3a: // : — the string before it was a key, not a value
        values--;
        inScalar = false;
        break;
      case 0x5b: // [
      case 0x7b: // {
        values++;
        inScalar = false;
        if (++depth > bounds.maxDepth) return `nests deeper than ${bounds.maxDepth} levels`;
        break;
      case 0x5d: // ]
      case 0x7d: // }
        depth--;
        inScalar = false;
        break;
      case 0x2c: // ,
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
        inScalar = false;
        break;
      default:
        if (!inScalar) {
          values++;
          inScalar = true;
        }
    }
    if (values > bounds.maxValues) return `holds more than ${bounds.maxValues.toLocaleString('en-US')} JSON values`;
  }
  return undefined;
}
