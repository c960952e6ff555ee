// A small app over the Used diagnostic equipment API, served by the kit's MSW handlers in the browser.
/// <reference types="vite/client" />
import { addUsed, listUsed, removeUsed, type Problem } from './api.js';

const pageSize = 5;
const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const state = { offset: 0 };

function show(kind: 'problem' | 'notice', text: string | undefined) {
  const box = element(kind);
  box.hidden = text === undefined;
  box.textContent = text ?? '';
}

function showProblem(problem: Problem) {
  show('notice', undefined);
  show('problem', `${problem.title}: ${problem.detail}`);
}

async function render() {
  const ticketId = element<HTMLSelectElement>('ticket').value;
  const result = await listUsed(ticketId, pageSize, state.offset);
  if (!result.ok) return showProblem(result.problem);
  const { result: rows, total } = result.value;
  const body = element('rows');
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement('tr');
      for (const text of [String(row.diagnostic_equipment_id), row.name || '(no name)', row.version ?? '—']) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      const remove = document.createElement('button');
      remove.textContent = 'Remove';
      remove.dataset.testid = `remove-${row.diagnostic_equipment_id}`;
      remove.addEventListener('click', async () => {
        const removed = await removeUsed(ticketId, row.diagnostic_equipment_id);
        if (!removed.ok) return showProblem(removed.problem);
        show('problem', undefined);
        show('notice', `Removed ${row.name}`);
        await render();
      });
      const td = document.createElement('td');
      td.append(remove);
      tr.append(td);
      return tr;
    }),
  );
  const pages = Math.max(1, Math.ceil(total / pageSize));
  element('page').textContent = `Page ${state.offset / pageSize + 1} of ${pages} · ${total} records`;
  element<HTMLButtonElement>('previous').disabled = state.offset === 0;
  element<HTMLButtonElement>('next').disabled = state.offset + pageSize >= total;
}

async function start() {
  // With ?standalone the page talks to whatever serves /v2 on its origin (the standalone mock behind a
  // proxy). The mock is imported only when mocking is on: in development, or in a build made with
  // VITE_UDE_MOCK=msw (the e2e test's); a plain production build leaves the whole import out.
  const params = new URLSearchParams(location.search);
  if (params.has('standalone')) {
    element('status').textContent = 'Mock API ready (standalone mock behind the proxy)';
  } else if (import.meta.env.DEV || import.meta.env.VITE_UDE_MOCK === 'msw') {
    const { startMocking } = await import('./mocks.js');
    const seed = params.get('seed');
    await startMocking({ persist: params.has('persist'), ...(seed === null ? {} : { seed: Number(seed) }) });
    element('status').textContent = 'Mock API ready (MSW service worker)';
  } else {
    element('status').textContent = 'Talking to the real API';
  }

  element('ticket').addEventListener('change', () => {
    state.offset = 0;
    show('problem', undefined);
    show('notice', undefined);
    void render();
  });
  element('previous').addEventListener('click', () => {
    state.offset = Math.max(0, state.offset - pageSize);
    void render();
  });
  element('next').addEventListener('click', () => {
    state.offset += pageSize;
    void render();
  });
  element('add').addEventListener('click', async () => {
    const ticketId = element<HTMLSelectElement>('ticket').value;
    const added = await addUsed(ticketId, Number(element<HTMLInputElement>('equipment').value));
    if (!added.ok) return showProblem(added.problem);
    show('problem', undefined);
    show('notice', `Added ${added.value.name}`);
    await render();
  });
  await render();
}

void start();
