// The mock's state kept in (session|local)Storage: what the handlers change survives a new
// createHandlers (a page reload); a corrupt or stale value is dropped with a warning; reset forgets it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { persistKey } from '../../mocks/adapters/persistence.js';

class MemoryStorage {
  private readonly values = new Map<string, string>();
  getItem = (key: string) => this.values.get(key) ?? null;
  setItem = (key: string, value: string) => void this.values.set(key, value);
  removeItem = (key: string) => void this.values.delete(key);
  get length(): number {
    return this.values.size;
  }
  key = (index: number) => [...this.values.keys()][index] ?? null;
}

const globals = globalThis as Record<string, unknown>;
afterEach(() => {
  delete globals.sessionStorage;
  vi.restoreAllMocks();
});

describe('persist', () => {
  it('keeps a change across a reload, drops a corrupt value with a warning, and forgets on reset', () => {
    globals.sessionStorage = new MemoryStorage();
    const first = createHandlers({ persist: 'sessionStorage' }).mock;
    first.setTicketStatus('595be628-f6f2-4262-9c10-6389c6c4a5b8', 'Closed');
    const reloaded = createHandlers({ persist: 'sessionStorage' }).mock;
    expect(reloaded.state().tickets.find((t) => t.id === '595be628-f6f2-4262-9c10-6389c6c4a5b8')?.status).toBe('Closed');

    reloaded.reset();
    expect((globals.sessionStorage as MemoryStorage).getItem(persistKey)).toBeNull();

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    (globals.sessionStorage as MemoryStorage).setItem(persistKey, '{"tickets": [1, 2');
    const fresh = createHandlers({ persist: 'sessionStorage' }).mock;
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^ude-kit: the mock state kept in sessionStorage could not be loaded and was dropped: it is not JSON \(.+\)$/)]]);
    expect(fresh.state().tickets.find((t) => t.id === '595be628-f6f2-4262-9c10-6389c6c4a5b8')?.status).toBe('In Progress');
    expect((globals.sessionStorage as MemoryStorage).getItem(persistKey)).toBeNull();
  });

  it('says what was wrong with a kept value of the wrong shape, and drops it', () => {
    globals.sessionStorage = new MemoryStorage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    (globals.sessionStorage as MemoryStorage).setItem(persistKey, JSON.stringify({ tickets: [1, 2], catalog: [], used: [] }));
    createHandlers({ persist: 'sessionStorage' });
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^ude-kit: the mock state kept in sessionStorage could not be loaded and was dropped: its shape is not a state's, at \/tickets\/0: .+ \(and \d+ more\)$/)]]);
    expect((globals.sessionStorage as MemoryStorage).getItem(persistKey)).toBeNull();
  });

  it("drops, and names, a state kept by another release under its own key, and leaves other keys alone", () => {
    const storage = new MemoryStorage();
    const older = persistKey.replace(/v\d+$/, 'v0');
    storage.setItem(older, '{}');
    storage.setItem('my-app:draft', 'kept');
    globals.sessionStorage = storage;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createHandlers({ persist: 'sessionStorage' });
    expect(warn.mock.calls).toEqual([[`ude-kit: the mock state kept in sessionStorage could not be loaded and was dropped: it was kept by another release of ude-kit (under "${older}"; this one keeps "${persistKey}")`]]);
    expect([storage.getItem(older), storage.getItem('my-app:draft')]).toEqual([null, 'kept']);
  });

  it('says so, and works in memory, where the storage does not exist (msw/node)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { mock } = createHandlers({ persist: 'localStorage' });
    expect(warn).toHaveBeenCalledWith("ude-kit: localStorage is not available here; the mock's state is not kept across reloads");
    expect(mock.state().tickets.length).toBeGreaterThan(0);
  });
});
