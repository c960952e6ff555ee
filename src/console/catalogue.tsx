// The catalogue, searchable and paged (GET /__admin/catalog).
import { useEffect, useState } from 'preact/hooks';
import type { CatalogEntry } from '../../mocks/state/state-document.js';
import { admin, type Problem } from './api.js';
import type { Settings } from './settings.js';
import { Field, Pager, ProblemBox } from './ui.js';

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
