// Tickets with their status and record counts, a page at a time. A ticket's panel opens in the row
// after it and takes focus: its status (changed through the admin API, on an explicit confirm) and its
// records through the real API, with add and remove, so the 'In Progress' rule's 409 shows as an app
// would see it.
import { Fragment } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { inProgressStatus } from '../../mocks/core/in-progress-rule.js';
import type { TicketSummary } from '../../mocks/core/admin/admin-api.js';
import type { CatalogEntry } from '../../mocks/state/state-document.js';
import { admin, api, collectionPath, type Problem } from './api.js';
import type { Settings } from './settings.js';
import { useChanges } from './changes.js';
import { ConfirmButton, Field, Notice, Pager, ProblemBox } from './ui.js';

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

export function Tickets({ settings, generation, selected, onSelect }: { settings: Settings; generation: number; selected: string | undefined; onSelect: (ticket: string | undefined) => void }) {
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ offset: number; total: number; tickets: TicketRow[] }>();
  const [problem, setProblem] = useState<Problem>();
  const [reloads, setReloads] = useState(0);
  // The ticket whose panel was closed last: its Records button gets the focus back.
  const closed = useRef<string | undefined>(undefined);

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

  useLayoutEffect(() => {
    if (selected !== undefined || closed.current === undefined) return;
    document.querySelector<HTMLButtonElement>(`button[data-records-for="${CSS.escape(closed.current)}"]`)?.focus();
    closed.current = undefined;
  }, [selected]);

  const close = () => {
    closed.current = selected;
    onSelect(undefined);
  };
  const panel = selected === undefined ? null : <TicketPanel key={selected} settings={settings} ticketId={selected} generation={generation} onChanged={() => setReloads((n) => n + 1)} onClose={close} />;
  const shownHere = page?.tickets.some((t) => t.id === selected) === true;

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
            <StatusOptions statuses={commonStatuses} />
          </select>
        </Field>
      </form>
      <NewTicket settings={settings} onCreated={(id) => onSelect(id)} />
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
      {/* A linked ticket not on this page (another page, filtered out): its panel opens above the list.
          Not before the list came: the panel would move into its row then, and lose what was typed. */}
      {page === undefined || shownHere ? null : panel}
      {page === undefined ? null : (
        <>
          <table class="tickets-table">
            <caption class="visually-hidden">Tickets, page from {offset + 1}</caption>
            <colgroup>
              <col />
              <col class="status-col" />
              <col class="used-col" />
              <col class="actions-col" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Ticket</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Used<span class="wide-only"> equipment</span>
                </th>
                <th scope="col">
                  <span class="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.tickets.map((ticket) => (
                <Fragment key={ticket.id}>
                  <tr class={ticket.id === selected ? 'selected' : undefined} data-ticket={ticket.id}>
                    <td>
                      <code>{ticket.id}</code>
                    </td>
                    <td>{ticket.status}</td>
                    <td class="number">{ticket.used}</td>
                    <td>
                      <button
                        type="button"
                        data-records-for={ticket.id}
                        aria-expanded={ticket.id === selected}
                        aria-controls={ticket.id === selected ? 'records' : undefined}
                        aria-label={`Records of ticket ${ticket.id}`}
                        onClick={() => (ticket.id === selected ? close() : onSelect(ticket.id))}
                      >
                        Records
                      </button>
                    </td>
                  </tr>
                  {ticket.id === selected ? (
                    <tr class="panel-row">
                      <td colSpan={4}>{panel}</td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
          <Pager label="Tickets" offset={page.offset} limit={ticketsPerPage} total={page.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}

const StatusOptions = ({ statuses }: { statuses: string[] }) => (
  <>
    {statuses.map((s) => (
      <option key={s} value={s}>
        {s}
      </option>
    ))}
  </>
);

/** A ticket made through the admin API (POST /__admin/tickets): its status chosen, its id given or new. */
function NewTicket({ settings, onCreated }: { settings: Settings; onCreated: (id: string) => void }) {
  const [id, setId] = useState('');
  const [status, setStatus] = useState<string>(inProgressStatus);
  const [problem, setProblem] = useState<Problem>();
  const { guard } = useChanges();
  async function create(event: Event) {
    event.preventDefault();
    const body = { ...(id.trim() === '' ? {} : { id: id.trim() }), status };
    const result = await guard(`create a ${status} ticket`, () => admin<TicketRow>(settings, 'POST', '/tickets', body));
    if (!result.ok) return setProblem(result.problem);
    setProblem(undefined);
    setId('');
    onCreated(result.value.id);
  }
  return (
    <details class="create">
      <summary>New ticket</summary>
      <form class="add" onSubmit={(event) => void create(event)}>
        <Field label="Id (empty: a new uuid)">
          <input value={id} size={38} onInput={(event) => setId(event.currentTarget.value)} />
        </Field>
        <Field label="Status of the new ticket">
          <select value={status} onChange={(event) => setStatus(event.currentTarget.value)}>
            <StatusOptions statuses={commonStatuses} />
          </select>
        </Field>
        <button type="submit">Create ticket</button>
      </form>
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
    </details>
  );
}

/** One ticket as the admin API knows it (looked up by id: a linked ticket need not be on the page shown). */
function useTicket(settings: Settings, ticketId: string, reloads: number): TicketRow | Problem | undefined {
  const [ticket, setTicket] = useState<TicketRow | Problem>();
  useEffect(() => {
    let current = true;
    const query = new URLSearchParams({ q: ticketId, limit: '500' });
    void admin<{ tickets: TicketRow[] }>(settings, 'GET', `/tickets?${query}`).then((result) => {
      if (!current) return;
      if (!result.ok) return setTicket(result.problem);
      const found = result.value.tickets.find((t) => t.id === ticketId);
      setTicket(found ?? { status: 404, title: 'No such ticket', detail: `The state holds no ticket ${ticketId}.` });
    });
    return () => {
      current = false;
    };
  }, [settings, ticketId, reloads]);
  return ticket;
}

function TicketPanel({ settings, ticketId, generation, onChanged, onClose }: { settings: Settings; ticketId: string; generation: number; onChanged: () => void; onClose: () => void }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ query: { limit: number; offset: number }; total: number; result: RecordRow[] }>();
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const [reloads, setReloads] = useState(0);
  const [equipment, setEquipment] = useState('');
  const [suggestions, setSuggestions] = useState<CatalogRow[]>([]);
  const [nextStatus, setNextStatus] = useState<string>();
  const ticket = useTicket(settings, ticketId, reloads + generation);
  const panel = useRef<HTMLElement>(null);
  const { guard } = useChanges();

  // Opened from a row (or a link): the focus goes to the panel, which is scrolled into view with it.
  useLayoutEffect(() => {
    panel.current?.focus();
    panel.current?.scrollIntoView({ block: 'nearest' });
  }, []);

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
  }, [settings, ticketId, offset, reloads, generation]);

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

  const changed = (text: string) => {
    setProblem(undefined);
    setNotice(text);
    setReloads((n) => n + 1);
    onChanged();
  };
  const refused = (refusal: Problem) => {
    setNotice(undefined);
    setProblem(refusal);
  };

  async function changeStatus(event: Event) {
    event.preventDefault();
    if (ticket === undefined || !('id' in ticket) || nextStatus === undefined || nextStatus === ticket.status) return;
    const status = nextStatus;
    const result = await guard(`ticket ${ticketId.slice(0, 8)}… to ${status}`, () => admin<TicketRow>(settings, 'PATCH', `/tickets/${encodeURIComponent(ticketId)}`, { status }));
    if (!result.ok) return refused(result.problem);
    setNextStatus(undefined);
    changed(`Ticket ${ticketId} is now ${result.value.status} (was ${ticket.status}).`);
  }

  async function add(event: Event) {
    event.preventDefault();
    const id = Number(equipment.trim());
    const body = { ticket_id: ticketId, diagnostic_equipment_id: Number.isInteger(id) && equipment.trim() !== '' ? id : equipment };
    const result = await guard(`add equipment ${equipment.trim()} to ticket ${ticketId.slice(0, 8)}…`, () => api(settings, 'POST', collectionPath, body));
    if (!result.ok) return refused(result.problem);
    setEquipment('');
    changed(`Added equipment ${id} to ticket ${ticketId} (${result.status}).`);
  }

  async function remove(record: RecordRow) {
    const result = await guard(`remove equipment ${record.diagnostic_equipment_id} from ticket ${ticketId.slice(0, 8)}…`, () =>
      api(settings, 'DELETE', `${collectionPath}/${encodeURIComponent(ticketId)}/${record.diagnostic_equipment_id}`),
    );
    if (!result.ok) return refused(result.problem);
    changed(`Removed equipment ${record.diagnostic_equipment_id} from ticket ${ticketId} (${result.status}).`);
  }

  const known = ticket !== undefined && 'id' in ticket ? ticket : undefined;
  const chosen = nextStatus ?? known?.status ?? '';
  return (
    <section
      id="records"
      class="records"
      ref={panel}
      tabIndex={-1}
      aria-labelledby="records-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div class="panel-head">
        <h3 id="records-title">
          Ticket <code>{ticketId}</code>
        </h3>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {ticket !== undefined && !('id' in ticket) ? <ProblemBox problem={ticket} /> : null}
      {known === undefined ? null : (
        <form class="add" onSubmit={(event) => void changeStatus(event)}>
          <Field label={`Status of ticket ${ticketId}`}>
            <select value={chosen} onChange={(event) => setNextStatus(event.currentTarget.value)}>
              <StatusOptions statuses={[...new Set([known.status, ...commonStatuses])]} />
            </select>
          </Field>
          {/* Choosing is not changing: the arrow keys walk the menu, this button applies the choice. */}
          <button type="submit" disabled={chosen === known.status}>
            Change status
          </button>
        </form>
      )}
      <h4>Used equipment</h4>
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
                    <ConfirmButton
                      label="Remove"
                      name={`Remove equipment ${record.diagnostic_equipment_id}`}
                      question={`Remove ${record.diagnostic_equipment_id}?`}
                      yes="Yes, remove"
                      onConfirm={() => void remove(record)}
                    />
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
