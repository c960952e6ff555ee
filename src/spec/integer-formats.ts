// The ranges that the OpenAPI integer formats define. ajv-formats checks them on JavaScript numbers,
// which are exact only up to 2^53; query strings can carry larger integers, so those are checked here
// exactly with BigInt before any precision is lost.
const ranges: Record<string, { min: bigint; max: bigint }> = {
  int32: { min: -(2n ** 31n), max: 2n ** 31n - 1n },
  int64: { min: -(2n ** 63n), max: 2n ** 63n - 1n },
};

/** The range an OpenAPI integer format defines, if it defines one. */
export function integerFormatRange(format: unknown): { min: bigint; max: bigint } | undefined {
  return typeof format === 'string' ? ranges[format] : undefined;
}

/** Whether an exact integer lies in the range of its OpenAPI format (an unknown format has no range). */
export function fitsIntegerFormat(value: bigint, format: unknown): boolean {
  const range = typeof format === 'string' ? ranges[format] : undefined;
  return range === undefined || (value >= range.min && value <= range.max);
}
