// The console's undo: the whole state as it was before each change the console made, newest last.
// Bounded by count and by size (a 100,000-record state is megabytes of JSON): the oldest go first,
// and a state too large on its own is not kept at all. Pure: no DOM, no fetch.

export interface Snapshot {
  /** What the change was, as the Undo button says it. */
  description: string;
  /** GET /__admin/state's answer, as text: put back as it came. */
  state: string;
  /** What GET /__admin/state/about said then: the header shows it again after an undo. */
  loaded: string;
  changes: number;
}

export interface UndoLimits {
  count: number;
  /** Characters of state JSON kept across all snapshots. */
  chars: number;
}

export const undoLimits: UndoLimits = { count: 20, chars: 64 * 1024 * 1024 };

/** The stack with `snapshot` on top, the oldest dropped until both bounds hold; `kept` false when it alone is too large. */
export function pushSnapshot(stack: readonly Snapshot[], snapshot: Snapshot, limits: UndoLimits = undoLimits): { stack: Snapshot[]; kept: boolean } {
  if (snapshot.state.length > limits.chars) return { stack: [...stack], kept: false };
  const next = [...stack, snapshot];
  let chars = next.reduce((sum, s) => sum + s.state.length, 0);
  while (next.length > limits.count || chars > limits.chars) chars -= next.shift()!.state.length;
  return { stack: next, kept: true };
}
