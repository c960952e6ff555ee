// Pairwise (strength 2) covering arrays, by IPOG (in-parameter-order growth; Lei et al., 2007): every
// value of every parameter meets every value of every other parameter in at least one row, at a
// fraction of the full product. Most faults a parameter causes only together with another are found
// so (NIST's combinatorial testing work). Deterministic: the same dimensions give the same rows, so a
// verdict never depends on a seed.

/** Rows of value indices, one per parameter in the order given; `levels[i]` is the number of values of parameter i. */
export function pairwise(levels: readonly number[]): number[][] {
  if (levels.some((l) => !Number.isInteger(l) || l < 1)) throw new RangeError('every parameter needs at least one value');
  if (levels.length === 0) return [[]];
  if (levels.length === 1) return Array.from({ length: levels[0]! }, (_, v) => [v]);
  // Largest parameters first: their product is the fewest rows any array can have, and a good start.
  const order = levels.map((_, i) => i).sort((a, b) => levels[b]! - levels[a]! || a - b);
  const size = order.map((i) => levels[i]!);
  const rows: Array<Array<number | undefined>> = [];
  for (let a = 0; a < size[0]!; a++) for (let b = 0; b < size[1]!; b++) rows.push([a, b]);

  for (let k = 2; k < size.length; k++) {
    const uncovered = new Set<string>();
    const key = (j: number, vj: number, vk: number) => `${j}:${vj}:${vk}`;
    for (let j = 0; j < k; j++) for (let vj = 0; vj < size[j]!; vj++) for (let vk = 0; vk < size[k]!; vk++) uncovered.add(key(j, vj, vk));
    // Horizontal growth: each row takes the value of parameter k that covers the most pairs still open.
    for (const row of rows) {
      let best = 0;
      let bestCount = -1;
      for (let vk = 0; vk < size[k]!; vk++) {
        let count = 0;
        for (let j = 0; j < k; j++) if (row[j] !== undefined && uncovered.has(key(j, row[j]!, vk))) count++;
        if (count > bestCount) [best, bestCount] = [vk, count];
      }
      row[k] = best;
      for (let j = 0; j < k; j++) if (row[j] !== undefined) uncovered.delete(key(j, row[j]!, best));
    }
    // Vertical growth: a pair still open goes into a row whose other place is free, or into a new row.
    const added: Array<Array<number | undefined>> = [];
    for (const pair of [...uncovered]) {
      const [j, vj, vk] = pair.split(':').map(Number) as [number, number, number];
      const fit = added.find((row) => row[k] === vk && row[j] === undefined);
      if (fit !== undefined) fit[j] = vj;
      else {
        const row: Array<number | undefined> = Array.from({ length: k + 1 }, () => undefined);
        row[j] = vj;
        row[k] = vk;
        added.push(row);
      }
    }
    rows.push(...added);
  }
  // Places no pair needed take the first value; rows come back in the parameters' own order.
  return rows.map((row) => {
    const out = new Array<number>(levels.length);
    order.forEach((parameter, at) => (out[parameter] = row[at] ?? 0));
    return out;
  });
}
