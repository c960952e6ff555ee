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
  const kept = storage.getItem(persistKey);
  if (kept !== null) {
    let refused: unknown[];
    try {
      refused = mock.load(JSON.parse(kept) as unknown);
    } catch {
      refused = ['not JSON'];
    }
    if (refused.length > 0) {
      console.warn(`ude-kit: the mock state kept in ${persist} could not be loaded and was dropped`);
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
