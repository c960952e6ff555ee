// Scenarios: load a shipped one or an uploaded file (refused ones show their violations by path),
// download the current state as a scenario file (the format `ude-kit export` writes), reset. Load and
// Reset ask first, and the header's Undo takes either back.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { admin, type Problem, type Result } from './api.js';
import type { Settings } from './settings.js';
import { useChanges } from './changes.js';
import { downloadText, fileStamp } from './download.js';
import { ConfirmButton, Field, Notice, ProblemBox } from './ui.js';

interface Counts {
  tickets: number;
  catalog: number;
  used: number;
}
interface StateDocument {
  tickets: unknown[];
  catalog: unknown[];
  used: unknown[];
}

const countsText = (c: Counts) => `${c.tickets.toLocaleString('en-US')} tickets, ${c.catalog.toLocaleString('en-US')} catalogue entries, ${c.used.toLocaleString('en-US')} used records`;

export function Scenarios({ settings, onStateChanged }: { settings: Settings; onStateChanged: () => void }) {
  const [shipped, setShipped] = useState<Array<{ name: string; description: string }>>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [upload, setUpload] = useState<{ file: string; scenario: unknown }>();
  const { guard, about, undos } = useChanges();
  // "Loaded …" said after a load an undo took back would read as the state now.
  useEffect(() => setNotice(undefined), [undos]);
  const yesLoad = useRef<HTMLButtonElement>(null);
  // A file chosen: the question's yes takes the focus, so Enter loads it and Tab reaches Cancel.
  useLayoutEffect(() => yesLoad.current?.focus(), [upload]);

  useEffect(() => {
    void admin<{ scenarios: Array<{ name: string; description: string }> }>(settings, 'GET', '/scenarios').then((result) => {
      if (result.ok) setShipped(result.value.scenarios);
      else setProblem(result.problem);
    });
  }, [settings]);

  async function run(what: string, call: () => Promise<Result<Counts>>, refusedSubject?: string) {
    setBusy(true);
    setNotice(`${what}…`);
    const result = await guard(what.replace(/^./, (c) => c.toLowerCase()), call);
    setBusy(false);
    if (!result.ok) {
      setNotice(undefined);
      const { problem } = result;
      // Say which file was refused: its violations' paths are inside that file.
      return setProblem(refusedSubject === undefined ? problem : { ...problem, detail: `${refusedSubject} is refused; nothing changed. ${problem.detail}` });
    }
    setProblem(undefined);
    setNotice(`${what}: ${countsText(result.value)}.`);
    onStateChanged();
  }

  async function choose(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    const text = await file.text();
    input.value = '';
    let scenario: unknown;
    try {
      scenario = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (error) {
      return setProblem({ status: 0, title: 'Not a JSON file', detail: `${file.name}: ${(error as Error).message}. Upload a scenario in JSON (YAML scenarios load with ude-kit mock --scenario).` });
    }
    setProblem(undefined);
    setUpload({ file: file.name, scenario });
  }

  async function download() {
    const result = await admin<StateDocument>(settings, 'GET', '/state');
    if (!result.ok) return setProblem(result.problem);
    const scenario = { description: `Exported from the ude-kit console at ${window.location.host} on ${new Date().toISOString()}`, ...result.value };
    const fileName = `ude-kit-state-${fileStamp()}.json`;
    downloadText(fileName, `${JSON.stringify(scenario, null, 2)}\n`, 'application/json');
    setNotice(`Downloaded ${fileName}: load it back here, or with ude-kit mock --scenario ${fileName}.`);
  }

  return (
    <section>
      <h2>Scenarios</h2>
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
      <Notice text={notice} />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => void download()}>
          Download the current state
        </button>
        <ConfirmButton
          label="Reset"
          disabled={busy}
          question={`Reset to ${about?.resetTo ?? 'the start state'}? The journal and faults are cleared too.`}
          yes="Yes, reset"
          onConfirm={() => void run('Reset to the start state', () => admin<Counts>(settings, 'POST', '/reset'))}
        />
        <Field label="Load a scenario file (JSON)">
          <input type="file" accept=".json,application/json" disabled={busy} onChange={(event) => void choose(event)} />
        </Field>
      </div>
      {upload === undefined ? null : (
        <p class="actions" role="group" aria-label={`Load ${upload.file}`}>
          <span>
            Load <code>{upload.file}</code> in place of the current state?
          </span>
          <button
            type="button"
            ref={yesLoad}
            onClick={() => {
              setUpload(undefined);
              void run(`Loaded ${upload.file}`, () => admin<Counts>(settings, 'POST', '/scenarios/load', { scenario: upload.scenario }), upload.file);
            }}
          >
            Yes, load {upload.file}
          </button>
          <button type="button" onClick={() => setUpload(undefined)}>
            Cancel
          </button>
        </p>
      )}
      <h3>Shipped scenarios</h3>
      {shipped === undefined ? null : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">What it gives a tester</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shipped.map((s) => (
              <tr key={s.name} data-scenario={s.name}>
                <td>
                  <code>{s.name}</code>
                </td>
                <td>{s.description}</td>
                <td>
                  <ConfirmButton
                    label="Load"
                    name={`Load scenario ${s.name}`}
                    disabled={busy}
                    question={`Load ${s.name} in place of the current state?`}
                    yes={`Yes, load ${s.name}`}
                    onConfirm={() => void run(`Loaded ${s.name}`, () => admin<Counts>(settings, 'POST', '/scenarios/load', { name: s.name }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
