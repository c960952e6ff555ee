// What the state is and how to take a change back: the header line (what is loaded, whether it changed
// since, what Reset returns to) and the undo every view's changes go through.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { StateAbout } from '../../mocks/core/admin/admin-api.js';
import { admin, adminText, type Problem, type Result } from './api.js';
import type { Settings } from './settings.js';
import { usePolling } from './polling.js';
import { ProblemBox } from './ui.js';
import { pushSnapshot, undoLimits, type Snapshot } from './undo-stack.js';

export interface Changes {
  /**
   * Runs a change the undo can take back: the state is read first and kept (bounded) when the change
   * succeeds; then the header and every view reload.
   */
  guard<T>(description: string, change: () => Promise<Result<T>>): Promise<Result<T>>;
  about: StateAbout | undefined;
  /** How many undos this page made: a view's own message about the change undone is stale past one. */
  undos: number;
}

const ChangesContext = createContext<Changes>({ guard: (_description, change) => change(), about: undefined, undos: 0 });
export const useChanges = () => useContext(ChangesContext);

/** How often the header asks whether the state changed (other clients write to it too). */
const aboutPollMs = 3000;

export function ChangesProvider({ settings, onStateChanged, children }: { settings: Settings; onStateChanged: () => void; children: ComponentChildren }) {
  const [about, setAbout] = useState<StateAbout>();
  const [stack, setStack] = useState<Snapshot[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [asks, setAsks] = useState(0);
  const [undos, setUndos] = useState(0);
  const refresh = () => setAsks((n) => n + 1);

  usePolling(
    async (stopped) => {
      const result = await admin<StateAbout>(settings, 'GET', '/state/about');
      if (!stopped() && result.ok) setAbout(result.value);
    },
    aboutPollMs,
    [settings, asks],
  );

  async function guard<T>(description: string, change: () => Promise<Result<T>>): Promise<Result<T>> {
    const [state, before] = await Promise.all([adminText(settings, 'GET', '/state'), admin<StateAbout>(settings, 'GET', '/state/about')]);
    const result = await change();
    if (result.ok) {
      if (state.ok && before.ok) {
        const snapshot = { description, state: state.value, loaded: before.value.loaded, changes: before.value.changes };
        setStack((old) => pushSnapshot(old, snapshot).stack);
        setNotice(snapshot.state.length <= undoLimits.chars ? undefined : `“${description}” cannot be undone: the state is too large to keep a copy of.`);
      }
      onStateChanged();
      refresh();
    }
    return result;
  }

  async function undo() {
    const last = stack[stack.length - 1];
    if (last === undefined) return;
    const query = new URLSearchParams({ loaded: last.loaded, changes: String(last.changes) });
    const result = await adminText(settings, 'PUT', `/state?${query}`, last.state);
    if (!result.ok) return setProblem(result.problem);
    setProblem(undefined);
    setStack((old) => old.slice(0, -1));
    setNotice(`Undone: ${last.description}.`);
    setUndos((n) => n + 1);
    onStateChanged();
    refresh();
  }

  const last = stack[stack.length - 1];
  return (
    <ChangesContext.Provider value={{ guard, about, undos }}>
      <section class="state-line" aria-label="State and undo">
        {about === undefined ? null : (
          <p data-testid="state-about">
            State: <strong>{about.loaded}</strong>{' '}
            <span class={about.changes === 0 ? 'unchanged' : 'changed'}>
              {about.changes === 0 ? 'unchanged since loaded' : `changed since loaded (${about.changes.toLocaleString('en-US')} ${about.changes === 1 ? 'write' : 'writes'})`}
            </span>
            . Reset returns to {about.resetTo}.
          </p>
        )}
        <button type="button" disabled={last === undefined} onClick={() => void undo()} title="Puts back the whole state as it was before that change (other clients' writes since go too)">
          {last === undefined ? 'Nothing to undo' : `Undo: ${last.description}`}
        </button>
        {stack.length > 1 ? <span class="hint"> ({stack.length - 1} more)</span> : null}
        <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
        {/* Not role=status: each view has its own status line, and this one speaks only of undo. */}
        <p class="notice" aria-live="polite">
          {notice ?? ''}
        </p>
      </section>
      {children}
    </ChangesContext.Provider>
  );
}
