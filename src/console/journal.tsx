// The request journal, live: new entries are polled once a second (GET /__admin/requests?after=ID),
// searched by text, path, status, ticket, method and operation, admin actions shown or hidden; each
// expandable into the request and the answer with credentials redacted (GET /__admin/requests/{id})
// and copied as a curl command; the whole journal exported as HAR (GET /__admin/requests?format=har).
import { useRef, useState } from 'preact/hooks';
import { openApiDocument } from '../spec/generated/document.js';
import { operationIdsOf } from '../../mocks/core/admin/admin-schemas.js';
import type { JournalDetail, JournalEntry } from '../../mocks/core/journal.js';
import { admin, adminText, type Problem } from './api.js';
import { downloadText, fileStamp } from './download.js';
import { curlOf, matches, noFilter, type JournalFilter } from './journal-tools.js';
import type { Settings } from './settings.js';
import { usePolling } from './polling.js';
import { Field, Notice, ProblemBox } from './ui.js';

// The admin API's own shapes, as types only: nothing of the core is bundled for them.
type Entry = JournalEntry;
type Detail = JournalDetail;

const operations = operationIdsOf(openApiDocument);
/** The console's own bound on what it keeps on screen (the mock keeps its own journal bounded too). */
const keptEntries = 1000;
const pollMs = 1000;
/** Longer bodies are cut on screen; the HAR export (GET /__admin/requests?format=har) has them whole. */
const shownBodyChars = 20_000;

export function Journal({ settings }: { settings: Settings }) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [live, setLive] = useState(true);
  const [filter, setFilter] = useState<JournalFilter>(noFilter);
  const [notice, setNotice] = useState<string>();
  const set = (name: keyof JournalFilter) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    setFilter((old) => ({ ...old, [name]: input.type === 'checkbox' ? input.checked : input.value }));
  };
  const lastId = useRef(0);

  usePolling(
    async (stopped) => {
      const result = await admin<{ requests: Entry[] }>(settings, 'GET', `/requests?after=${lastId.current}`);
      if (stopped()) return;
      if (result.ok) {
        setProblem(undefined);
        const fresh = result.value.requests;
        if (fresh.length > 0) {
          lastId.current = fresh[fresh.length - 1]!.id;
          setEntries((old) => [...old, ...fresh].slice(-keptEntries));
        }
      } else setProblem(result.problem);
    },
    pollMs,
    [settings],
    live,
  );

  async function clear() {
    const result = await admin(settings, 'DELETE', '/requests');
    if (!result.ok) return setProblem(result.problem);
    setEntries([]);
  }

  async function exportHar() {
    const result = await adminText(settings, 'GET', '/requests?format=har');
    if (!result.ok) return setProblem(result.problem);
    const fileName = `ude-kit-journal-${fileStamp()}.har`;
    downloadText(fileName, result.value, 'application/json');
    setNotice(`Downloaded ${fileName}: the API requests and answers, credentials redacted (admin actions are not in a HAR).`);
  }

  const shown = entries.filter((e) => matches(e, filter));
  const methods = [...new Set(entries.map((e) => e.method))].sort();

  return (
    <section>
      <h2>Request journal</h2>
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label="Search">
          <input type="search" value={filter.text} onInput={set('text')} />
        </Field>
        <Field label="Path contains">
          <input type="search" value={filter.path} onInput={set('path')} />
        </Field>
        <Field label="Ticket">
          <input type="search" value={filter.ticket} onInput={set('ticket')} />
        </Field>
        <Field label="Status (e.g. 409 or 4xx)">
          <input type="text" size={5} value={filter.status} onInput={set('status')} />
        </Field>
        <Field label="Method">
          <select value={filter.method} onChange={set('method')}>
            <option value="">any</option>
            {methods.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </Field>
        <Field label="Operation">
          <select value={filter.operation} onChange={set('operation')}>
            <option value="">any</option>
            {operations.map((o) => (
              <option key={o}>{o}</option>
            ))}
          </select>
        </Field>
        <label class="check">
          <input type="checkbox" checked={filter.admin} onChange={set('admin')} /> Admin actions
        </label>
        <label class="check">
          <input type="checkbox" checked={live} onChange={(event) => setLive(event.currentTarget.checked)} /> Live
        </label>
      </form>
      <div class="actions">
        <button type="button" onClick={() => void exportHar()}>
          Export as HAR
        </button>
        <button type="button" onClick={() => void clear()}>
          Clear the journal
        </button>
      </div>
      <ProblemBox problem={problem} />
      <Notice text={notice} />
      <p class="hint" aria-live="polite">
        {shown.length} of {entries.length} requests shown, newest first. Credentials are redacted by the mock.
      </p>
      <ol class="journal" reversed>
        {shown
          .slice()
          .reverse()
          .map((entry) => (
            <JournalItem key={entry.id} entry={entry} settings={settings} />
          ))}
      </ol>
    </section>
  );
}

function JournalItem({ entry, settings }: { entry: Entry; settings: Settings }) {
  const [detail, setDetail] = useState<Detail | Problem>();
  const statusClass = entry.status === 0 ? 'status-none' : `status-${String(entry.status)[0]}xx`;
  return (
    <li data-journal-id={entry.id}>
      <details
        onToggle={(event) => {
          if ((event.currentTarget as HTMLDetailsElement).open && detail === undefined) {
            void admin<Detail>(settings, 'GET', `/requests/${entry.id}`).then((result) => setDetail(result.ok ? result.value : result.problem));
          }
        }}
      >
        <summary>
          <time dateTime={entry.time}>{entry.time.slice(11, 23)}</time> <strong>{entry.method}</strong> <code>{entry.path}{entry.query === '' ? '' : `?${entry.query}`}</code>{' '}
          <span class={`status ${statusClass}`}>{entry.status === 0 ? 'no answer' : entry.status}</span>
          {entry.operation === undefined ? null : <span class="operation"> {entry.operation}</span>}
          {entry.fault === undefined ? null : <span class="fault"> fault #{entry.fault.id}</span>}
          {entry.admin === true ? <span class="admin-mark"> admin</span> : null}
        </summary>
        {detail === undefined ? (
          <p>Loading…</p>
        ) : 'response' in detail ? (
          <div class="exchange">
            <h3>Request</h3>
            <Headers headers={detail.headers} />
            {detail.body === undefined ? null : <Body label="Request body" text={detail.body} />}
            <CopyAsCurl entry={detail} />
            <h3>Answer {detail.status === 0 ? '(none: an injected network error)' : detail.status}</h3>
            <Headers headers={detail.response.headers} />
            {detail.response.body === undefined ? null : <Body label="Answer body" text={detail.response.body} cut={detail.response.bodyCut} />}
          </div>
        ) : (
          <ProblemBox problem={detail} />
        )}
      </details>
    </li>
  );
}

function CopyAsCurl({ entry }: { entry: Detail }) {
  const [command, setCommand] = useState<string>();
  const [said, setSaid] = useState('');
  async function copy() {
    const text = curlOf(entry, window.location.origin);
    setCommand(text);
    const cut = entry.bodyCut === true ? ' The body was cut to its preview: the HAR export has it whole.' : '';
    try {
      await navigator.clipboard.writeText(text);
      setSaid(`Copied. Credentials are read from shell variables ($AUTHORIZATION…).${cut}`);
    } catch {
      setSaid(`The browser refused the clipboard: select the command and copy it.${cut}`);
    }
  }
  return (
    <div class="curl">
      <button type="button" onClick={() => void copy()}>
        Copy as curl
      </button>{' '}
      <span aria-live="polite">{said}</span>
      {command === undefined ? null : (
        <pre class="body" tabIndex={0} role="region" aria-label="curl command">
          {command}
        </pre>
      )}
    </div>
  );
}

function Headers({ headers }: { headers: Record<string, string> }) {
  return (
    <dl class="headers">
      {Object.entries(headers).map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ label, text, cut = false }: { label: string; text: string; cut?: boolean }) {
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON (or cut): shown as it is
  }
  const long = shown.length > shownBodyChars;
  return (
    // A region that scrolls on its own: it takes the focus, so the keyboard can scroll it too.
    <pre class="body" tabIndex={0} role="region" aria-label={label}>
      {long ? shown.slice(0, shownBodyChars) : shown}
      {long || cut ? '\n… (cut; the whole answer is in GET /__admin/requests?format=har)' : ''}
    </pre>
  );
}
