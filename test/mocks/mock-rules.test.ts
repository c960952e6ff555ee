// createMock's own rules pinned where mutation testing found them loose: its defaults, what it owns,
// the head-only screen, faults shaping an answer, HEAD without a body, the admin listings' search, and
// the fault list's order and bookkeeping.
import { describe, expect, it, vi } from 'vitest';
import type { MockRequest } from '../../mocks/core/exchange.js';
import { createFaults, maxActiveFaults, type Fault, type Faults } from '../../mocks/core/faults.js';
import { createMock, InvalidStateError } from '../../mocks/core/mock.js';
import { operationHandlers } from '../../mocks/core/operations/used-equipment.js';
import type { StateDocument } from '../../mocks/state/state-document.js';
import { compiledSpec } from '../../src/spec/index.js';

const collection = '/v2/tickets/used-diagnostic-equipment';
const ticket = '11111111-1111-4111-8111-111111111111';
const state: StateDocument = {
  tickets: [{ id: ticket, status: 'In Progress' }],
  catalog: [
    { diagnostic_equipment_id: 1, name: 'Scanner', version: null },
    { diagnostic_equipment_id: 2, name: 'Nullifier', version: '2.0' },
  ],
  used: [{ ticket_id: ticket, diagnostic_equipment_id: 1 }],
};
const request = (method: string, path: string, query = '', headers: Record<string, string> = {}): MockRequest => ({ method, path, query: new URLSearchParams(query), headers });

describe('createMock’s defaults', () => {
  it('wants credentials unless told otherwise', () => {
    expect(createMock({ state }).handle(request('GET', collection)).status).toBe(401);
    expect(createMock({ state, auth: { mode: 'off' } }).handle(request('GET', collection)).status).toBe(200);
  });

  it('takes admin bodies up to 256 MiB unless told otherwise, and API bodies to their own limit', () => {
    expect(createMock({ state }).bodyLimit('/__admin/state')).toBe(256 * 1024 * 1024);
    expect(createMock({ state, maxAdminBodyBytes: 10 }).bodyLimit('/__admin/state')).toBe(10);
    expect(createMock({ state, maxBodyBytes: 7 }).bodyLimit(collection)).toBe(7);
  });

  it('refuses a start state that is not a state document, naming every violation', () => {
    // At least two violations: a ticket id that is not a uuid, and a status that is not a string.
    const broken = { ...state, tickets: [{ id: 'x', status: 7 }, { id: ticket, status: 'In Progress' }] };
    let thrown: unknown;
    try {
      createMock({ state: broken as StateDocument });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidStateError);
    const { violations, message } = thrown as InvalidStateError;
    expect(violations.length).toBeGreaterThan(1);
    expect(message).toBe(`invalid state document: ${violations.map((v) => `${v.field} ${v.message}`).join('; ')}`);
  });

  it('has a handler for every operation of the document', () => {
    expect(Object.keys(operationHandlers).sort()).toEqual(compiledSpec().operations.map((o) => o.operationId).sort());
  });
});

describe('what the mock owns, and its screen', () => {
  const mock = createMock({ state });

  it('owns the API’s paths and the admin API’s, and nothing beside them', () => {
    for (const path of [collection, `${collection}/${ticket}/1`, '/__admin', '/__admin/state']) expect(mock.owns(path), path).toBe(true);
    for (const path of ['/', `${collection}x`, '/__adminx', '/v2/tickets', '/elsewhere']) expect(mock.owns(path), path).toBe(false);
  });

  it('refuses from the head alone, answering and journalling as handle would, and lets the rest through', () => {
    const before = mock.requests().length;
    const refused = mock.screen(request('GET', collection));
    expect(refused?.status).toBe(401);
    expect(JSON.parse(refused!.body!).type).toBe('/problems/unauthorized');
    expect(mock.requests().length).toBe(before + 1);
    expect(mock.screen(request('GET', collection, '', { authorization: 'Bearer t', 'x-api-key': 'k' }))).toBeUndefined();
    expect(mock.screen(request('GET', '/__admin/state'))).toBeUndefined();
    expect(mock.screen(request('GET', '/__admin/nothing'))?.status).toBe(404);
    expect(mock.requests().length).toBe(before + 1);
  });
});

describe('faults shaping an answer', () => {
  const send = (mock: ReturnType<typeof createMock>, method = 'GET') => mock.handle(request(method, collection));

  it('gives a status with its delay, and without a delay no delay at all', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    mock.inject({ operation: 'listUsedDiagnosticEquipment', status: 503, delayMs: 40, times: 1 });
    const slow = send(mock);
    expect(slow).toMatchObject({ status: 503, delayMs: 40 });
    mock.inject({ operation: 'listUsedDiagnosticEquipment', status: 503, times: 1 });
    const quick = send(mock);
    expect(quick.status).toBe(503);
    expect('delayMs' in quick).toBe(false);
    mock.inject({ operation: 'listUsedDiagnosticEquipment', networkError: true, delayMs: 5, times: 1 });
    expect(send(mock)).toMatchObject({ status: 0, networkError: true, delayMs: 5 });
    mock.inject({ operation: 'listUsedDiagnosticEquipment', networkError: true, times: 1 });
    expect('delayMs' in send(mock)).toBe(false);
  });

  it('answers HEAD without a body and with its length, and a dropped connection as it is', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    const get = send(mock);
    const head = send(mock, 'HEAD');
    expect(head.body).toBeUndefined();
    expect(head.headers['content-length']).toBe(String(new TextEncoder().encode(get.body).byteLength));
    mock.inject({ operation: 'listUsedDiagnosticEquipment', networkError: true, times: 1 });
    const dropped = send(mock, 'HEAD');
    expect(dropped.networkError).toBe(true);
    expect(dropped.headers['content-length']).toBeUndefined();
  });
});

describe('the admin listings’ search', () => {
  const mock = createMock({ state });
  it('matches ids, names and versions, and never the text "null" of a missing version', () => {
    const names = (q: string) => mock.catalogPage({ offset: 0, limit: 10, search: q }).catalog.map((e) => e.name);
    expect(names('null')).toEqual(['Nullifier']);
    expect(names('2.0')).toEqual(['Nullifier']);
    expect(names('1')).toEqual(['Scanner']);
    expect(mock.ticketPage({ offset: 0, limit: 10, search: '1111', status: undefined }).tickets.map((t) => t.id)).toEqual([ticket]);
  });
});

describe('the fault list', () => {
  /** The fault an inject added (one that fails here has nothing to test). */
  const added = (result: ReturnType<Faults['inject']>): Fault => {
    if (!result.ok) throw new Error(result.problem.problem.detail);
    return result.fault;
  };

  it('takes the newest fault naming the operation first, then the newest for all', () => {
    const faults = createFaults();
    faults.inject({ operation: 'listUsedDiagnosticEquipment', status: 500 });
    faults.inject({ status: 502 });
    faults.inject({ operation: 'listUsedDiagnosticEquipment', status: 503 });
    faults.inject({ status: 504 });
    expect(faults.take('listUsedDiagnosticEquipment')?.status).toBe(503);
    expect(faults.take('addUsedDiagnosticEquipment')?.status).toBe(504);
  });

  it('counts down a fault given times, drops it at zero, and keeps one without times', () => {
    const faults = createFaults();
    const twice = added(faults.inject({ operation: 'listUsedDiagnosticEquipment', status: 500, times: 2 }));
    expect(twice).toMatchObject({ remaining: 2 });
    expect(faults.take('listUsedDiagnosticEquipment')).toMatchObject({ id: twice.id, remaining: 1 });
    expect(faults.take('listUsedDiagnosticEquipment')).toMatchObject({ id: twice.id, remaining: 0 });
    expect(faults.take('listUsedDiagnosticEquipment')).toBeUndefined();
    const always = added(faults.inject({ operation: 'listUsedDiagnosticEquipment', status: 500 }));
    expect('remaining' in always).toBe(false);
    for (let i = 0; i < 3; i++) {
      const taken = faults.take('listUsedDiagnosticEquipment');
      expect(taken?.id).toBe(always.id);
      expect(taken !== undefined && 'remaining' in taken).toBe(false);
    }
  });

  it('clears one fault by id, saying whether it was there, or all', () => {
    const faults = createFaults();
    const a = added(faults.inject({ status: 500 }));
    const b = added(faults.inject({ status: 501 }));
    expect(faults.clear(999)).toBe(false);
    expect(faults.list().map((f) => f.id)).toEqual([a.id, b.id]);
    expect(faults.clear(a.id)).toBe(true);
    expect(faults.list().map((f) => f.id)).toEqual([b.id]);
    expect(faults.clear(a.id)).toBe(false);
    expect(faults.clear()).toBe(true);
    expect(faults.list()).toEqual([]);
    expect(faults.clear()).toBe(false);
  });
});

/**
 * Counts what array methods that copy or walk a list are called while `run` runs: a request must not
 * pay for the faults of other operations (100,000 of them once made every GET 40× slower).
 */
function arrayWalks(run: () => void): number {
  const names = ['reverse', 'slice', 'filter', 'find', 'findLast', 'map', 'concat', 'indexOf', Symbol.iterator] as const;
  const proto = Array.prototype as unknown as Record<string | symbol, (...args: unknown[]) => unknown>;
  const originals = names.map((name) => proto[name]!);
  let calls = 0;
  names.forEach((name, i) => {
    const original = originals[i]!;
    proto[name] = function counted(this: unknown, ...args: unknown[]) {
      calls++;
      return original.apply(this, args);
    };
  });
  try {
    run();
  } finally {
    names.forEach((name, i) => (proto[name] = originals[i]!));
  }
  return calls;
}

describe('the fault list is bounded', () => {
  it(`keeps at most ${maxActiveFaults} faults in force, and refuses the next with a problem`, () => {
    const faults = createFaults();
    for (let i = 0; i < maxActiveFaults; i++) expect(faults.inject({ operation: 'addUsedDiagnosticEquipment', status: 503 }).ok).toBe(true);
    const refused = faults.inject({ status: 500 });
    expect(refused).toMatchObject({ ok: false, problem: { problem: { type: '/problems/too-many-faults', status: 400 } } });
    expect(faults.list()).toHaveLength(maxActiveFaults);
    // Clearing one makes room for one.
    expect(faults.clear(1)).toBe(true);
    expect(faults.inject({ status: 500 }).ok).toBe(true);
    expect(faults.inject({ status: 500 }).ok).toBe(false);
  });

  it('looks up a request without copying or walking the faults of other operations', () => {
    const faults = createFaults();
    for (let i = 0; i < maxActiveFaults - 1; i++) faults.inject({ operation: 'addUsedDiagnosticEquipment', status: 503 });
    let found: Array<Fault | undefined> = [];
    const walks = arrayWalks(() => {
      found = [faults.take('listUsedDiagnosticEquipment'), faults.take('getUsedDiagnosticEquipment')];
      for (let i = 0; i < 100; i++) faults.take('listUsedDiagnosticEquipment');
    });
    expect(found).toEqual([undefined, undefined]);
    expect(walks).toBe(0);
    // The one for the operation asked for is still found among them, newest first.
    faults.inject({ operation: 'listUsedDiagnosticEquipment', status: 502 });
    expect(faults.take('listUsedDiagnosticEquipment')?.status).toBe(502);
    expect(faults.take('addUsedDiagnosticEquipment')?.id).toBe(maxActiveFaults - 1);
  });
});

describe('a bug in the mock', () => {
  it('is answered 500 and logged, by handle and by screen, and the mock keeps serving', () => {
    const mock = createMock({ state, auth: { mode: 'off' } });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // Headers that fail on their first read stand for a bug anywhere in the core.
      const failing = (): MockRequest => {
        let reads = 0;
        const headers = {};
        return {
          method: 'GET',
          path: collection,
          query: new URLSearchParams(),
          get headers() {
            if (reads++ === 0) throw new Error('boom');
            return headers;
          },
        } as MockRequest;
      };
      const answered = mock.handle(failing());
      expect(answered.status).toBe(500);
      expect(JSON.parse(answered.body!).type).toBe('/problems/internal-error');
      expect(mock.screen(failing())?.status).toBe(500);
      expect(errors).toHaveBeenCalledTimes(2);
      expect(errors.mock.calls.map((call) => call[0])).toEqual(['ude-kit mock: unexpected error', 'ude-kit mock: unexpected error']);
      expect(mock.handle(request('GET', collection)).status).toBe(200);
    } finally {
      errors.mockRestore();
    }
  });
});
