// Asking the mock again and again while a view is open: one request at a time (the next waits for the
// answer and then `everyMs`), stopped when the view closes or what it depends on changes.
import { useEffect } from 'preact/hooks';

/** Calls `ask` now and `everyMs` after each answer; `ask` gets `stopped()` to drop an answer that came too late. */
export function usePolling(ask: (stopped: () => boolean) => Promise<void>, everyMs: number, deps: unknown[], enabled = true): void {
  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const round = async () => {
      await ask(() => stopped);
      if (!stopped) timer = setTimeout(() => void round(), everyMs);
    };
    void round();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // The caller names what `ask` depends on.
  }, [...deps, enabled]);
}
