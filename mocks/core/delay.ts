// Artificial latency (`--delay 200`, `--delay 100-400`), parsed once and picked per response.

export interface DelayRange {
  min: number;
  max: number;
}

const pattern = /^(\d+)(?:-(\d+))?$/;

/** Parses "200" or "100-400" (milliseconds); undefined when the text is not such a range. */
export function parseDelay(text: string): DelayRange | undefined {
  const match = pattern.exec(text.trim());
  if (match === null) return undefined;
  const min = Number(match[1]);
  const max = match[2] === undefined ? min : Number(match[2]);
  return max >= min ? { min, max } : undefined;
}

export function pickDelay(range: DelayRange | undefined, random: () => number = Math.random): number {
  if (range === undefined) return 0;
  return range.min + Math.round(random() * (range.max - range.min));
}
