// Tickets with their status (changed inline through the admin API) and record counts, a page at a
// time; a ticket's records through the real API, with add and remove, so the 'In Progress' rule's 409
// shows as an app would see it.
import { useEffect, useState } from 'preact/hooks';
import { inProgressStatus } from '../../mocks/core/in-progress-rule.js';
import type { TicketSummary } from '../../mocks/core/admin/admin-api.js';
import type { CatalogEntry } from '../../mocks/state/state-document.js';
import { admin, api, collectionPath, type Problem } from './api.js';
import type { Settings } from './settings.js';
import { Field, Notice, Pager, ProblemBox } from './ui.js';

type TicketRow = TicketSummary;
interface RecordRow {
  ticket_id: string;
  diagnostic_equipment_id: number;
  name?: string;
  version?: string | null;
}
type CatalogRow = CatalogEntry;

/** Statuses offered in the menus: the rule's own and the usual others; a ticket's own is always listed. */
const commonStatuses = [inProgressStatus, 'Open', 'Closed'];
const ticketsPerPage = 50;

export function Tickets({ settings, generation }: { settings: Settings; generation: number }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ offset: number; total: number; tickets: TicketRow[] }>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const query = new URLSearchParams({ offset: String(offset), limit: String(ticketsPerPage) });
    if (search.trim() !== '') query.set('q', search.trim());
    if (status !== '') query.set('status', status);
    let current = true;
    void admin<{ offset: number; total: number; tickets: TicketRow[] }>(settings, 'GET', `/tickets?${query}`).then((result) => {
      if (!current) return;
      if (result.ok) {
        setPage(result.value);
        setProblem(undefined);
      } else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [settings, search, status, offset, generation, reloads]);

  async function changeStatus(ticket: TicketRow, next: string) {
    const result = await admin<TicketRow>(settings, 'PATCH', `/tickets/${encodeURIComponent(ticket.id)}`, { status: next });
    if (!result.ok) return setProblem(result.problem);
    setNotice(`Ticket ${ticket.id} is now ${next}.`);
    setReloads((n) => n + 1);
  }

  return (
    <section>
      <h2>Tickets</h2>
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label="Ticket id contains">
          <input
            type="search"
            value={search}
            onInput={(event) => {
              setSearch(event.currentTarget.value);
              setOffset(0);
            }}
          />
        </Field>
        <Field label="Status">
          <select
            value={status}
            onChange={(event) => {
              setStatus(event.currentTarget.value);
              setOffset(0);
            }}
          >
            <option value="">any</option>
            {commonStatuses.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
      <Notice text={notice} />
      {page === undefined ? null : (
        <>
          <table>
            <caption class="visually-hidden">Tickets, page from {offset + 1}</caption>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Used equipment
                </th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.tickets.map((ticket) => (
                <tr key={ticket.id} class={ticket.id === selected ? 'selected' : undefined} data-ticket={ticket.id}>
                  <td>
                    <code>{ticket.id}</code>
                  </td>
                  <td>
                    <select aria-label={`Status of ticket ${ticket.id}`} value={ticket.status} onChange={(event) => void changeStatus(ticket, event.currentTarget.value)}>
                      {[...new Set([ticket.status, ...commonStatuses])].map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td class="number">{ticket.used}</td>
                  <td>
                    <button type="button" aria-pressed={ticket.id === selected} onClick={() => setSelected(ticket.id === selected ? undefined : ticket.id)}>
                      {ticket.id === selected ? 'Hide records' : 'Records'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Tickets" offset={page.offset} limit={ticketsPerPage} total={page.total} onOffset={setOffset} />
        </>
      )}
      {selected === undefined ? null : <TicketRecords key={selected} settings={settings} ticketId={selected} onChanged={() => setReloads((n) => n + 1)} />}
    </section>
  );
}

function TicketRecords({ settings, ticketId, onChanged }: { settings: Settings; ticketId: string; onChanged: () => void }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ query: { limit: number; offset: number }; total: number; result: RecordRow[] }>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [reloads, setReloads] = useState(0);
  const [equipment, setEquipment] = useState('');
  const [suggestions, setSuggestions] = useState<CatalogRow[]>([]);

  useEffect(() => {
    // No limit sent: the API's default page size applies, and its answer says what it was.
    const query = new URLSearchParams({ ticket_id: ticketId, offset: String(offset) });
    let current = true;
    void api<{ query: { limit: number; offset: number }; total: number; result: RecordRow[] }>(settings, 'GET', `${collectionPath}?${query}`).then((result) => {
      if (!current) return;
      if (result.ok) setPage(result.value);
      else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [settings, ticketId, offset, reloads]);

  // The catalogue is searched as one types: at 100,000 entries a menu of them all is no use.
  useEffect(() => {
    const query = new URLSearchParams({ limit: '20' });
    if (equipment.trim() !== '') query.set('q', equipment.trim());
    let current = true;
    void admin<{ catalog: CatalogRow[] }>(settings, 'GET', `/catalog?${query}`).then((result) => {
      if (current && result.ok) setSuggestions(result.value.catalog);
    });
    return () => {
      current = false;
    };
  }, [settings, equipment]);

  async function add(event: Event) {
    event.preventDefault();
    const id = Number(equipment.trim());
    const result = await api(settings, 'POST', collectionPath, { ticket_id: ticketId, diagnostic_equipment_id: Number.isInteger(id) && equipment.trim() !== '' ? id : equipment });
    if (!result.ok) {
      setNotice(undefined);
      return setProblem(result.problem);
    }
    setProblem(undefined);
    setNotice(`Added equipment ${id} to ticket ${ticketId} (${result.status}).`);
    setEquipment('');
    setReloads((n) => n + 1);
    onChanged();
  }

  async function remove(record: RecordRow) {
    const result = await api(settings, 'DELETE', `${collectionPath}/${encodeURIComponent(ticketId)}/${record.diagnostic_equipment_id}`);
    if (!result.ok) {
      setNotice(undefined);
      return setProblem(result.problem);
    }
    setProblem(undefined);
    setNotice(`Removed equipment ${record.diagnostic_equipment_id} from ticket ${ticketId} (${result.status}).`);
    setReloads((n) => n + 1);
    onChanged();
  }

  return (
    <section class="records" aria-label={`Records of ticket ${ticketId}`}>
      <h3>
        Used equipment on <code>{ticketId}</code>
      </h3>
      <p class="hint">Added and removed through the API itself ({collectionPath}), with the credentials of the Settings tab.</p>
      <form class="add" onSubmit={(event) => void add(event)}>
        <Field label="Catalogue id to add">
          <input list="catalogue-suggestions" inputMode="numeric" required value={equipment} onInput={(event) => setEquipment(event.currentTarget.value)} />
        </Field>
        <datalist id="catalogue-suggestions">
          {suggestions.map((entry) => (
            <option key={entry.diagnostic_equipment_id} value={String(entry.diagnostic_equipment_id)}>
              {entry.name}
              {entry.version === null ? '' : ` ${entry.version}`}
            </option>
          ))}
        </datalist>
        <button type="submit">Add</button>
      </form>
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
      <Notice text={notice} />
      {page === undefined ? null : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col" class="number">
                  Catalogue id
                </th>
                <th scope="col">Name</th>
                <th scope="col">Version</th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.result.map((record) => (
                <tr key={record.diagnostic_equipment_id} data-equipment={record.diagnostic_equipment_id}>
                  <td class="number">{record.diagnostic_equipment_id}</td>
                  <td>{record.name ?? ''}</td>
                  <td>{record.version ?? ''}</td>
                  <td>
                    <button type="button" aria-label={`Remove equipment ${record.diagnostic_equipment_id}`} onClick={() => void remove(record)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Records" offset={page.query.offset} limit={page.query.limit} total={page.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}
