// A mock given no state starts from the precomputed default state as it is: no copy and no check at
// start-up (they were most of createHandlers()'s own time in a fresh page). These tests hold what makes
// that safe: the precomputed state is valid, the shared document is never written, and the mock answers
// as one started from a checked copy.
import { describe, expect, it, vi } from 'vitest';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { createMock } from '../../mocks/core/mock.js';
import { defaultStartState, exampleTicketId, generateDefaultState } from '../../mocks/state/default-state.js';
import * as stateDocument from '../../mocks/state/state-document.js';

// The check, watched: how often createMock runs it is the work these tests are about.
vi.mock('../../mocks/state/state-document.js', async (actual) => {
  const real = await actual<typeof stateDocument>();
  return { ...real, stateDocumentViolations: vi.fn(real.stateDocumentViolations) };
});
const checks = vi.mocked(stateDocument.stateDocumentViolations);

const collection = '/v2/tickets/used-diagnostic-equipment';
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const request = (method: string, path: string, body?: unknown): MockRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: body === undefined ? {} : { 'content-type': 'application/json' },
  body: body === undefined ? undefined : json(body),
});
/** What an app does on a first visit: read, add, remove, close a ticket, read again. */
const visit: MockRequest[] = [
  request('GET', collection),
  request('POST', collection, { ticket_id: exampleTicketId, diagnostic_equipment_id: 38 }),
  request('DELETE', `${collection}/${exampleTicketId}/12`),
  request('GET', `${collection}?ticket_id=${exampleTicketId}`),
  request('POST', collection, { ticket_id: exampleTicketId, diagnostic_equipment_id: 38 }),
];
const answers = (mock: ReturnType<typeof createMock>) => visit.map((r) => mock.handle(r)).map(({ status, headers, body }) => ({ status, headers, body }));

describe('the default start state', () => {
  it('is valid as precomputed, so a mock need not check it', () => {
    expect(stateDocument.stateDocumentViolations(generateDefaultState())).toEqual([]);
    expect(defaultStartState(undefined).knownValid).toBe(true);
    expect(defaultStartState(1).knownValid).toBe(true);
  });

  it('is not checked when a mock starts from it; a given state and another seed’s still are', () => {
    checks.mockClear();
    createMock();
    createMock({ seed: 1 });
    expect(checks).not.toHaveBeenCalled();
    createMock({ state: generateDefaultState() });
    expect(checks).toHaveBeenCalledTimes(1);
    expect(defaultStartState(7).knownValid).toBe(false);
  });

  it('gives the same answers, journal and state as a mock started from a checked copy', () => {
    const unchecked = createMock({ auth: { mode: 'off' }, now: () => 0 });
    const checked = createMock({ auth: { mode: 'off' }, now: () => 0, state: generateDefaultState() });
    expect(unchecked.state()).toStrictEqual(checked.state());
    expect(answers(unchecked)).toStrictEqual(answers(checked));
    expect(unchecked.requests()).toStrictEqual(checked.requests());
    expect(unchecked.state()).toStrictEqual(checked.state());
  });

  it('is shared, never written: a mock’s changes and resets leave it, and the next mock, as they were', () => {
    const before = generateDefaultState();
    const mock = createMock({ auth: { mode: 'off' } });
    answers(mock);
    mock.setTicketStatus(exampleTicketId, 'Closed');
    mock.reset();
    expect(mock.state()).toStrictEqual(before);
    answers(mock);
    mock.setTicketStatus(exampleTicketId, 'Closed');
    expect(defaultStartState(undefined).state).toStrictEqual(before);
    expect(generateDefaultState()).toStrictEqual(before);
    expect(createMock().state()).toStrictEqual(before);
  });
});
