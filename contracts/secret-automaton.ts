// An Aho–Corasick automaton over every form of every secret, built once: a text is then scanned in one
// pass, whatever the number of secrets (a recording may hold hundreds of thousands of session tokens).
// The trie is built from the sorted patterns into typed arrays (about 40 bytes a node, a node per
// character not shared with an earlier pattern), so a large set of secrets costs memory in proportion,
// not a JavaScript object per character.

export interface SecretPattern {
  /** What is looked for: a form of a secret, or the head of longer ones. */
  text: string;
  /** A short form is masked only where it stands alone (not inside a word). */
  short: boolean;
  /** For a head: the whole forms it starts. A match masks as far as the text follows the one it follows furthest. */
  whole?: string[];
}

/** A head shared by more forms than this masks to the longest of them without comparing (safe, and bounded). */
const maxComparedForms = 32;

/** Characters a short form must not touch on either side to be taken for the secret. */
const isWordChar = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
const ellipsis = 0x2026;
const longEndFlag = 1;
const shortEndFlag = 2;
const headEndFlag = 4;

export interface SecretAutomaton {
  /** The spans [start, end) to mask in a text, sorted and merged. */
  spans(text: string): Array<[number, number]>;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/**
 * The automaton for the patterns. With `cutPrefix`, a run of at least that many characters that starts
 * a long pattern and is followed by "…" or the end of the text is matched too: what a cut left of it.
 */
export function createSecretAutomaton(patterns: SecretPattern[], cutPrefix: number, maxNodes = Number.POSITIVE_INFINITY): SecretAutomaton | undefined {
  const sorted = [...patterns].filter((p) => p.text.length > 0).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  // Nodes: the root, then one per character a pattern does not share with the one sorted before it.
  let count = 1;
  let longest = 0;
  for (let k = 0; k < sorted.length; k++) {
    count += sorted[k]!.text.length - (k === 0 ? 0 : commonPrefix(sorted[k - 1]!.text, sorted[k]!.text));
    longest = Math.max(longest, sorted[k]!.text.length);
  }
  // Past the bound no automaton is built: the caller says so, rather than the process running out of memory.
  if (count > maxNodes) return undefined;
  const parent = new Int32Array(count);
  const char = new Uint16Array(count);
  // Depths fit 16 bits for the heads the scrubber gives (256 characters at most): 2 bytes a node, not 4.
  const depth = longest > 0xffff ? new Int32Array(count) : new Uint16Array(count);
  const ends = new Uint8Array(count);
  /** The head ending at a node: the whole forms it starts. Heads are few; a flag says where to look. */
  const headAt = new Map<number, string[]>();
  const path: number[] = [0];
  let next = 1;
  for (let k = 0; k < sorted.length; k++) {
    const { text, short, whole } = sorted[k]!;
    const shared = k === 0 ? 0 : commonPrefix(sorted[k - 1]!.text, text);
    path.length = shared + 1;
    for (let d = shared; d < text.length; d++) {
      const node = next++;
      parent[node] = path[d]!;
      char[node] = text.charCodeAt(d);
      depth[node] = d + 1;
      path.push(node);
    }
    const end = path[text.length]!;
    if (short) ends[end] = ends[end]! | shortEndFlag;
    else if (whole !== undefined) {
      ends[end] = ends[end]! | headEndFlag;
      headAt.set(end, [...(headAt.get(end) ?? []), ...whole]);
    } else ends[end] = ends[end]! | longEndFlag;
  }

  // Each node's children, in one array sorted by parent then character (the sorted build made them so).
  const edgeStart = new Int32Array(count + 1);
  for (let node = 1; node < count; node++) edgeStart[parent[node]! + 1] = edgeStart[parent[node]! + 1]! + 1;
  for (let node = 0; node < count; node++) edgeStart[node + 1] = edgeStart[node + 1]! + edgeStart[node]!;
  const edgeChild = new Int32Array(Math.max(count - 1, 1));
  const filled = edgeStart.slice(0, count);
  for (let node = 1; node < count; node++) {
    const from = parent[node]!;
    edgeChild[filled[from]!] = node;
    filled[from] = filled[from]! + 1;
  }

  const child = (node: number, code: number): number => {
    let low = edgeStart[node]!;
    let high = edgeStart[node + 1]! - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = edgeChild[mid]!;
      const c = char[candidate]!;
      if (c === code) return candidate;
      if (c < code) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  };

  // Failure links breadth first, and what ends at each node through them: the longest long pattern
  // (how far back and forward it masks) and the nearest short one.
  const fail = new Int32Array(count);
  const reachBack = longest > 0xffff ? new Int32Array(count) : new Uint16Array(count);
  const shortHere = new Int32Array(count);
  const queue = new Int32Array(count);
  let head = 0;
  let tail = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const node = queue[head++]!;
    for (let e = edgeStart[node]!; e < edgeStart[node + 1]!; e++) {
      const kid = edgeChild[e]!;
      let target = 0;
      if (node !== 0) {
        const code = char[kid]!;
        let f = fail[node]!;
        for (;;) {
          const step = child(f, code);
          if (step >= 0) {
            target = step;
            break;
          }
          if (f === 0) break;
          f = fail[f]!;
        }
      }
      fail[kid] = target;
      reachBack[kid] = (ends[kid]! & longEndFlag) !== 0 ? depth[kid]! : reachBack[target]!;
      shortHere[kid] = (ends[kid]! & shortEndFlag) !== 0 ? kid : shortHere[target]!;
      queue[tail++] = kid;
    }
  }

  // The characters that start some pattern (the root's children), as one character class.
  const firstChars: string[] = [];
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) firstChars.push(`\\u${char[edgeChild[e]!]!.toString(16).padStart(4, '0')}`);
  const starts = new RegExp(`[${firstChars.join('')}]`, 'g');

  return {
    spans(text) {
      if (count === 1) return [];
      const whole: Array<[number, number]> = [];
      const cut: Array<[number, number]> = [];
      const shortCandidates: Array<[number, number]> = [];
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        if (state === 0) {
          // Most of a text starts no secret: the regular expression engine skips it at native speed.
          starts.lastIndex = i;
          const next = starts.exec(text);
          if (next === null) break;
          i = next.index;
        }
        const code = text.charCodeAt(i);
        let step = child(state, code);
        while (step < 0 && state !== 0) {
          state = fail[state]!;
          step = child(state, code);
        }
        state = step < 0 ? 0 : step;
        if (state === 0) continue;
        const back = reachBack[state]!;
        if (back > 0) whole.push([i + 1 - back, i + 1]);
        // A head is the longest pattern there is, so it can only end at the state itself.
        if ((ends[state]! & headEndFlag) !== 0) whole.push(headSpan(text, i + 1 - depth[state]!, headAt.get(state)!));
        for (let s = shortHere[state]!; s !== 0; s = shortHere[fail[s]!]!) shortCandidates.push([i + 1 - depth[s]!, i + 1]);
        const here = depth[state]!;
        if (here >= cutPrefix && (i + 1 === text.length || text.charCodeAt(i + 1) === ellipsis)) cut.push([i + 1 - here, i + 1]);
      }
      // A short form stands alone when no word character touches it, a neighbour already masked
      // counting as none (the mask is no word): a round for each form that a mask beside it frees.
      let masked = merged(whole, text.length);
      let pending = shortCandidates;
      for (;;) {
        const current = masked;
        const alone = (at: number) => at < 0 || at >= text.length || !isWordChar(text.charCodeAt(at)) || covered(current, at);
        const taken = pending.filter(([start, end]) => alone(start - 1) && alone(end));
        if (taken.length === 0) break;
        masked = merged([...masked, ...taken], text.length);
        pending = pending.filter(([start, end]) => !(alone(start - 1) && alone(end)));
      }
      return merged([...masked, ...cut], text.length);
    },
  };
}

/** Whether a position lies in one of the sorted, merged spans. */
function covered(spans: Array<[number, number]>, at: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = spans[mid]!;
    if (at < start) high = mid - 1;
    else if (at >= end) low = mid + 1;
    else return true;
  }
  return false;
}

/** What a head's match masks: as far as the text follows one of the whole forms it starts. */
function headSpan(text: string, start: number, forms: string[]): [number, number] {
  if (forms.length > maxComparedForms) return [start, start + Math.max(...forms.map((form) => form.length))];
  let furthest = 0;
  for (const form of forms) {
    let length = 0;
    while (length < form.length && text.charCodeAt(start + length) === form.charCodeAt(length)) length++;
    furthest = Math.max(furthest, length);
  }
  return [start, start + furthest];
}

/** Overlapping spans as one, in order, none past the end of the text. */
function merged(spans: Array<[number, number]>, length: number): Array<[number, number]> {
  if (spans.length <= 1) return spans.map(([start, end]) => [start, Math.min(end, length)]);
  spans.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const [start, end] of spans) {
    const last = out.at(-1);
    if (last !== undefined && start < last[1]) last[1] = Math.max(last[1], Math.min(end, length));
    else out.push([start, Math.min(end, length)]);
  }
  return out;
}
