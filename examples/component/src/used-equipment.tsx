// A ticket's used diagnostic equipment, as a front-end shows it: a page at a time, an add form, a
// remove button per row, and the API's problem (or a network failure) said in words.
import { useEffect, useState } from 'preact/hooks';
import { api, type ListQuery, type Page, type Problem } from './api.js';

const list = '/v2/tickets/used-diagnostic-equipment';
const one = '/v2/tickets/used-diagnostic-equipment/{ticket-id}/{diagnostic-equipment-id}';

const described = (problem: Problem) => `${problem.title}: ${problem.detail ?? `status ${problem.status}`}`;

export function UsedEquipment({ ticketId, pageSize = 5 }: { ticketId: string; pageSize?: number }) {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<Page>();
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [loads, setLoads] = useState(0);

  // A rejected fetch (a dropped connection) is said like a refusal, never left unhandled.
  async function guarded(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      setProblem(`Network error: ${(error as Error).message}`);
    }
  }

  // After an add or a remove: say what happened or why not; when it happened, load the page again.
  function outcome(result: { error?: Problem }, done: string): void {
    setProblem(result.error === undefined ? undefined : described(result.error));
    setNotice(result.error === undefined ? done : undefined);
    if (result.error === undefined) setLoads((n) => n + 1);
  }

  useEffect(() => {
    void guarded(async () => {
      // `satisfies` names a misspelt key, which openapi-fetch lets through beside a valid one.
      const query = { ticket_id: ticketId, limit: pageSize, offset } satisfies ListQuery;
      const { data, error } = await api.GET(list, { params: { query } });
      if (error !== undefined) setProblem(described(error));
      else setPage(data);
    });
  }, [ticketId, pageSize, offset, loads]);

  const add = (equipmentId: number) =>
    guarded(async () => {
      const result = await api.POST(list, { body: { ticket_id: ticketId, diagnostic_equipment_id: equipmentId } });
      outcome(result, `Added ${result.data?.name ?? equipmentId}`);
    });

  const remove = (equipmentId: number, name: string) =>
    guarded(async () => {
      const path = { 'ticket-id': ticketId, 'diagnostic-equipment-id': equipmentId };
      outcome(await api.DELETE(one, { params: { path } }), `Removed ${name}`);
    });

  const total = page?.total ?? 0;
  // The page the rows are from (the answer echoes its query), not the one asked for while it loads.
  const shown = page?.query.offset ?? 0;
  return (
    <section aria-label="Used equipment">
      <table>
        <tbody>
          {page?.result.map((row) => (
            <tr key={row.diagnostic_equipment_id}>
              <td>{row.diagnostic_equipment_id}</td>
              <td>{row.name || '(no name)'}</td>
              <td>
                <button type="button" aria-label={`Remove ${row.diagnostic_equipment_id}`} onClick={() => void remove(row.diagnostic_equipment_id, row.name)}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{page === undefined ? 'Loading…' : `Page ${shown / pageSize + 1} of ${Math.max(1, Math.ceil(total / pageSize))} · ${total} records`}</p>
      <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
        Previous
      </button>
      <button type="button" disabled={offset + pageSize >= total} onClick={() => setOffset(offset + pageSize)}>
        Next
      </button>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const field = (event.currentTarget as HTMLFormElement).elements.namedItem('equipment') as HTMLInputElement;
          void add(Number(field.value));
        }}
      >
        <label>
          Equipment id <input name="equipment" type="number" required />
        </label>
        <button type="submit">Add</button>
      </form>
      {problem === undefined ? null : <p role="alert">{problem}</p>}
      {notice === undefined ? null : <p role="status">{notice}</p>}
    </section>
  );
}
