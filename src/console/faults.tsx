// Failures and latency on demand (POST/GET/DELETE /__admin/faults): what an app's spinner, retry and
// error screens are tested with. The table follows the mock live (asked every 2 s while open): a fault
// used up by the app's requests counts down and goes without a reload.
import { useState } from 'preact/hooks';
import { openApiDocument } from '../spec/generated/document.js';
import { operationIdsOf } from '../../mocks/core/admin/admin-schemas.js';
import type { Fault } from '../../mocks/core/faults.js';
import { admin, type Problem } from './api.js';
import type { Settings } from './settings.js';
import { usePolling } from './polling.js';
import { Field, Notice, ProblemBox } from './ui.js';

type Kind = 'status' | 'networkError' | 'delay';

const operations = ['*', ...operationIdsOf(openApiDocument)];
const faultsPollMs = 2000;

const describe = (f: Fault) =>
  [f.status === undefined ? undefined : `answers ${f.status}`, f.networkError === true ? 'drops the connection' : undefined, f.delayMs === undefined ? undefined : `waits ${f.delayMs} ms`]
    .filter((part) => part !== undefined)
    .join(', then ');

export function Faults({ settings }: { settings: Settings }) {
  const [faults, setFaults] = useState<Fault[]>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [reloads, setReloads] = useState(0);
  const [operation, setOperation] = useState('*');
  const [kind, setKind] = useState<Kind>('status');
  const [value, setValue] = useState('503');
  const [times, setTimes] = useState('');

  usePolling(
    async (stopped) => {
      const result = await admin<{ faults: Fault[] }>(settings, 'GET', '/faults');
      if (stopped()) return;
      if (result.ok) setFaults(result.value.faults);
      else setProblem(result.problem);
    },
    faultsPollMs,
    [settings, reloads],
  );

  async function add(event: Event) {
    event.preventDefault();
    const spec: Record<string, unknown> = { operation };
    // Sent as typed: the mock's own validation answers a bad number with its violations.
    if (kind === 'status') spec.status = Number(value);
    if (kind === 'networkError') spec.networkError = true;
    if (kind === 'delay') spec.delayMs = Number(value);
    if (times.trim() !== '') spec.times = Number(times);
    const result = await admin<Fault>(settings, 'POST', '/faults', spec);
    if (!result.ok) return setProblem(result.problem);
    setProblem(undefined);
    setNotice(`Fault #${result.value.id} is in force.`);
    setReloads((n) => n + 1);
  }

  async function clear(id?: number) {
    const result = await admin(settings, 'DELETE', id === undefined ? '/faults' : `/faults/${id}`);
    if (!result.ok) return setProblem(result.problem);
    setNotice(id === undefined ? 'Every fault is cleared.' : `Fault #${id} is cleared.`);
    setReloads((n) => n + 1);
  }

  return (
    <section>
      <h2>Faults and latency</h2>
      <form class="add" onSubmit={(event) => void add(event)}>
        <Field label="Operation">
          <select value={operation} onChange={(event) => setOperation(event.currentTarget.value)}>
            {operations.map((o) => (
              <option key={o} value={o}>
                {o === '*' ? 'every operation' : o}
              </option>
            ))}
          </select>
        </Field>
        <Field label="What happens">
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as Kind)}>
            <option value="status">answer a status (problem+json)</option>
            <option value="networkError">drop the connection</option>
            <option value="delay">wait first (ms)</option>
          </select>
        </Field>
        {kind === 'networkError' ? null : (
          <Field label={kind === 'status' ? 'Status' : 'Delay in ms'}>
            <input inputMode="numeric" required size={6} value={value} onInput={(event) => setValue(event.currentTarget.value)} />
          </Field>
        )}
        <Field label="Times (empty: until cleared)">
          <input inputMode="numeric" size={4} value={times} onInput={(event) => setTimes(event.currentTarget.value)} />
        </Field>
        <button type="submit">Add the fault</button>
      </form>
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
      <Notice text={notice} />
      {faults === undefined ? null : faults.length === 0 ? (
        <p>No fault is in force: every operation answers as the API would.</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Operation</th>
                <th scope="col">Effect</th>
                <th scope="col">Remaining</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {faults.map((f) => (
                <tr key={f.id} data-fault={f.id}>
                  <td>{f.id}</td>
                  <td>{f.operation === '*' ? 'every operation' : f.operation}</td>
                  <td>{describe(f)}</td>
                  <td>{f.remaining ?? 'until cleared'}</td>
                  <td>
                    <button type="button" aria-label={`Clear fault ${f.id}`} onClick={() => void clear(f.id)}>
                      Clear
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" onClick={() => void clear()}>
            Clear every fault
          </button>
        </>
      )}
    </section>
  );
}
