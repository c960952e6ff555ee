// The mock's state kept in the browser's sessionStorage or localStorage, so a developer clicking
// through a flow keeps it across page reloads. The key carries a version: a stored value of another
// shape, or one that is no longer a valid state, is dropped with a warning, never a broken app.
import type { Mock } from '../core/mock.js';

export type PersistTo = 'sessionStorage' | 'localStorage';

/** The key the state is kept under; its version changes when the state document's shape does. */
export const persistKey = 'ude-kit:mock-state:v1';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** The Web Storage's enumeration, to find a state kept by another release under its own key. */
  readonly length?: number;
  key?(index: number): string | null;
}

/** The keys every release keeps its state under: this one's, and those of releases with another shape. */
const keyPrefix = persistKey.slice(0, persistKey.lastIndexOf(':') + 1);

/** Why a kept value does not load, in a few words: the first violation of its shape, and how many more. */
function whyRefused(refused: ReadonlyArray<{ field: string; message: string }>): string {
  const [first] = refused;
  const more = refused.length > 1 ? ` (and ${refused.length - 1} more)` : '';
  return first === undefined ? 'it is not a state' : `${first.field === '' ? 'the state' : first.field}: ${first.message}${more}`;
}

/** Keys of states kept by another release of the kit: never loadable here, so dropped (and said). */
function otherReleasesKeys(storage: StorageLike): string[] {
  if (storage.length === undefined || storage.key === undefined) return [];
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (key !== null && key !== persistKey && key.startsWith(keyPrefix)) keys.push(key);
  }
  return keys;
}

function storageOf(persist: PersistTo): StorageLike | undefined {
  const storage = (globalThis as Record<string, unknown>)[persist] as StorageLike | undefined;
  return storage !== undefined && typeof storage.getItem === 'function' ? storage : undefined;
}

/**
 * Loads a kept state into the mock (dropping one that does not load), and returns a mock whose every
 * change is kept and whose reset forgets it.
 */
export function persisted(mock: Mock, persist: PersistTo): { mock: Mock; save(): void } {
  const storage = storageOf(persist);
  if (storage === undefined) {
    console.warn(`ude-kit: ${persist} is not available here; the mock's state is not kept across reloads`);
    return { mock, save: () => undefined };
  }
  const dropped = (why: string) => console.warn(`ude-kit: the mock state kept in ${persist} could not be loaded and was dropped: ${why}`);
  for (const key of otherReleasesKeys(storage)) {
    dropped(`it was kept by another release of ude-kit (under "${key}"; this one keeps "${persistKey}")`);
    storage.removeItem(key);
  }
  const kept = storage.getItem(persistKey);
  if (kept !== null) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(kept) as unknown;
    } catch (error) {
      dropped(`it is not JSON (${error instanceof Error ? error.message : String(error)})`);
      storage.removeItem(persistKey);
      parsed = undefined;
    }
    const refused = parsed === undefined ? [] : mock.load(parsed);
    if (refused.length > 0) {
      dropped(`its shape is not a state's, at ${whyRefused(refused)}`);
      storage.removeItem(persistKey);
    }
  }
  const save = () => {
    try {
      storage.setItem(persistKey, JSON.stringify(mock.state()));
    } catch {
      // A full storage: the state lives on in memory, and is only not kept.
    }
  };
  return {
    mock: {
      ...mock,
      load(document) {
        const refused = mock.load(document);
        if (refused.length === 0) save();
        return refused;
      },
      reset() {
        mock.reset();
        storage.removeItem(persistKey);
      },
      setTicketStatus(ticketId, status) {
        const ticket = mock.setTicketStatus(ticketId, status);
        save();
        return ticket;
      },
    },
    save,
  };
}
