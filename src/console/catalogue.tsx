// The catalogue, searchable and paged (GET /__admin/catalog); new entries through POST /__admin/catalog.
import { useEffect, useState } from 'preact/hooks';
import type { CatalogEntry } from '../../mocks/state/state-document.js';
import { admin, type Problem } from './api.js';
import { useChanges } from './changes.js';
import type { Settings } from './settings.js';
import { Field, Notice, Pager, ProblemBox } from './ui.js';

type CatalogRow = CatalogEntry;
const perPage = 50;

export function Catalogue({ settings, generation }: { settings: Settings; generation: number }) {
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ offset: number; total: number; catalog: CatalogRow[] }>();
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    const query = new URLSearchParams({ offset: String(offset), limit: String(perPage) });
    if (search.trim() !== '') query.set('q', search.trim());
    let current = true;
    void admin<{ offset: number; total: number; catalog: CatalogRow[] }>(settings, 'GET', `/catalog?${query}`).then((result) => {
      if (!current) return;
      if (result.ok) {
        setPage(result.value);
        setProblem(undefined);
      } else setProblem(result.problem);
    });
    return () => {
      current = false;
    };
  }, [settings, search, offset, generation]);
  return (
    <section>
      <h2>Catalogue</h2>
      <form class="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <Field label="Id, name or version contains">
          <input
            type="search"
            value={search}
            onInput={(event) => {
              setSearch(event.currentTarget.value);
              setOffset(0);
            }}
          />
        </Field>
      </form>
      <NewEntry settings={settings} />
      <ProblemBox problem={problem} />
      {page === undefined ? null : (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col" class="number">
                  Id
                </th>
                <th scope="col">Name</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {page.catalog.map((entry) => (
                <tr key={entry.diagnostic_equipment_id}>
                  <td class="number">{entry.diagnostic_equipment_id}</td>
                  <td>{entry.name}</td>
                  <td>{entry.version ?? <em>none</em>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager label="Catalogue" offset={page.offset} limit={perPage} total={page.total} onOffset={setOffset} />
        </>
      )}
    </section>
  );
}

function NewEntry({ settings }: { settings: Settings }) {
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [id, setId] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [notice, setNotice] = useState<string>();
  const { guard } = useChanges();
  async function create(event: Event) {
    event.preventDefault();
    // Sent as typed: the mock's own checks answer a bad id with its violations.
    const body = { name, ...(version.trim() === '' ? {} : { version: version.trim() }), ...(id.trim() === '' ? {} : { diagnostic_equipment_id: Number(id.trim()) }) };
    const result = await guard(`add ${name} to the catalogue`, () => admin<CatalogRow>(settings, 'POST', '/catalog', body));
    if (!result.ok) {
      setNotice(undefined);
      return setProblem(result.problem);
    }
    setProblem(undefined);
    setNotice(`Added ${result.value.name} as catalogue id ${result.value.diagnostic_equipment_id}.`);
    setName('');
    setVersion('');
    setId('');
  }
  return (
    <details class="create">
      <summary>New catalogue entry</summary>
      <form class="add" onSubmit={(event) => void create(event)}>
        <Field label="Name">
          <input required value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </Field>
        <Field label="Version (optional)">
          <input value={version} size={10} onInput={(event) => setVersion(event.currentTarget.value)} />
        </Field>
        <Field label="Id (empty: the next free one)">
          <input inputMode="numeric" size={10} value={id} onInput={(event) => setId(event.currentTarget.value)} />
        </Field>
        <button type="submit">Add to the catalogue</button>
      </form>
      <ProblemBox problem={problem} onDismiss={() => setProblem(undefined)} />
      <Notice text={notice} />
    </details>
  );
}
