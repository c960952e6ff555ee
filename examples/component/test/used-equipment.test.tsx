// The component against the kit's fake, with the same assertions under jsdom, happy-dom and Chromium
// (vitest.components.config.ts runs this file once per environment; only the setup file differs).
import { fireEvent, within } from '@testing-library/dom';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { UsedEquipment } from '../src/used-equipment.js';
import { mock } from './mock-api.js';

// From the default state: the documentation's example ticket (In Progress, 28 records), a Closed ticket
// (records 18, 15, 37), and tool 38, in the catalogue and on neither, so that only the rule can refuse it.
const inProgress = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
const closed = 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11';
const free = 38;

/** The ids of a ticket's records as the fake holds them, in its order. */
const usedIds = (ticketId: string) =>
  mock
    .state()
    .used.filter((u) => u.ticket_id === ticketId)
    .map((u) => u.diagnostic_equipment_id);
const nameOf = (id: number) => mock.state().catalog.find((c) => c.diagnostic_equipment_id === id)?.name;

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const container of mounted.splice(0)) {
    render(null, container);
    container.remove();
  }
});

function show(ticketId: string) {
  const container = document.createElement('div');
  document.body.append(container);
  mounted.push(container);
  render(<UsedEquipment ticketId={ticketId} />, container);
  const view = within(container);
  return {
    ...view,
    rowIds: () => view.queryAllByRole('row').map((row) => Number(row.firstElementChild?.textContent)),
    add: (id: number) => {
      fireEvent.input(view.getByLabelText('Equipment id'), { target: { value: String(id) } });
      fireEvent.click(view.getByRole('button', { name: 'Add' }));
    },
  };
}

describe('UsedEquipment against the fake', () => {
  it('pages through a ticket’s records in the order the fake holds them', async () => {
    const view = show(inProgress);
    const ids = usedIds(inProgress);
    expect(ids).toHaveLength(28);
    await view.findByText('Page 1 of 6 · 28 records');
    expect(view.rowIds()).toEqual(ids.slice(0, 5));
    expect(view.getByRole('button', { name: 'Previous' })).toHaveProperty('disabled', true);

    fireEvent.click(view.getByRole('button', { name: 'Next' }));
    await view.findByText('Page 2 of 6 · 28 records');
    expect(view.rowIds()).toEqual(ids.slice(5, 10));

    for (const page of [3, 4, 5, 6]) {
      fireEvent.click(view.getByRole('button', { name: 'Next' }));
      await view.findByText(`Page ${page} of 6 · 28 records`);
    }
    expect(view.rowIds()).toEqual(ids.slice(25));
    expect(view.getByRole('button', { name: 'Next' })).toHaveProperty('disabled', true);

    fireEvent.click(view.getByRole('button', { name: 'Previous' }));
    await view.findByText('Page 5 of 6 · 28 records');
    expect(view.rowIds()).toEqual(ids.slice(20, 25));
  });

  it('adds equipment: the fake keeps it and the list shows one more', async () => {
    const view = show(inProgress);
    await view.findByText('Page 1 of 6 · 28 records');
    view.add(free);
    expect((await view.findByRole('status')).textContent).toBe(`Added ${nameOf(free)}`);
    await view.findByText('Page 1 of 6 · 29 records');
    expect(view.queryByRole('alert')).toBeNull();
    expect(usedIds(inProgress).at(-1)).toBe(free);
  });

  it('removes equipment: the row goes and the fake forgets it', async () => {
    const view = show(inProgress);
    await view.findByText('Page 1 of 6 · 28 records');
    const [first] = view.rowIds() as [number];
    fireEvent.click(view.getByRole('button', { name: `Remove ${first}` }));
    expect((await view.findByRole('status')).textContent).toBe(`Removed ${nameOf(first)}`);
    await view.findByText('Page 1 of 6 · 27 records');
    expect(view.rowIds()).not.toContain(first);
    expect(usedIds(inProgress)).not.toContain(first);
  });

  it('shows the 409 problem when adding to or removing from a Closed ticket, and changes nothing', async () => {
    expect(mock.state().tickets.find((t) => t.id === closed)?.status).toBe('Closed');
    expect(usedIds(closed)).toEqual([18, 15, 37]);
    expect(nameOf(free)).toBeDefined();
    const view = show(closed);
    await view.findByText('Page 1 of 1 · 3 records');

    view.add(free);
    const refusal = await view.findByRole('alert');
    expect(refusal.textContent).toBe(`Ticket not in progress: Ticket ${closed} is 'Closed'; diagnostic equipment can only be added to or removed from a 'In Progress' ticket.`);

    fireEvent.click(view.getByRole('button', { name: 'Remove 18' }));
    await expect.poll(() => mock.requests().filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([409]);
    expect(view.getByRole('alert').textContent).toContain('Ticket not in progress');
    expect(view.queryByRole('status')).toBeNull();
    expect(usedIds(closed)).toEqual([18, 15, 37]);
    expect(view.rowIds()).toEqual([18, 15, 37]);
  });

  it('shows an injected 503 as an error, and the next try succeeds', async () => {
    mock.inject({ operation: 'addUsedDiagnosticEquipment', status: 503, times: 1 });
    const view = show(inProgress);
    await view.findByText('Page 1 of 6 · 28 records');
    view.add(free);
    expect((await view.findByRole('alert')).textContent).toMatch(/^Injected fault: The mock answers 503 /);
    expect(usedIds(inProgress)).not.toContain(free);

    view.add(free);
    expect((await view.findByRole('status')).textContent).toBe(`Added ${nameOf(free)}`);
    expect(view.queryByRole('alert')).toBeNull();
  });

  it('shows a dropped connection as a network error', async () => {
    mock.inject({ operation: 'listUsedDiagnosticEquipment', networkError: true });
    const view = show(inProgress);
    expect((await view.findByRole('alert')).textContent).toMatch(/^Network error: /);
    expect(view.getByText('Loading…')).toBeDefined();
  });
});
