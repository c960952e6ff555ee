// Drift that answers every single probe correctly and shows only where the suite looks on purpose: in
// parameters taken together, in refusals that do not say what was wrong. Each answer stays valid and
// adds up on its own, so only the check each names can catch it.
import type { MockRequest, MockResponse } from '../../mocks/core/exchange.js';
import type { Mock } from '../../mocks/core/mock.js';
import { collection, isList, mapBody, withQuery, wrap, type Json, type Mutant } from './mutant-kit.js';

const isFiltered = (request: MockRequest) => isList(request) && request.query.has('ticket_id');
const offsetOf = (request: MockRequest) => request.query.get('offset') ?? '0';
/** The list's answer to the request with its page parameters left out: the whole filtered list, as the mock sees it. */
const wholeOf = (request: MockRequest, next: (r: MockRequest) => MockResponse) =>
  JSON.parse(next(withQuery(request, (q) => (q.delete('offset'), q.set('limit', '1000')))).body ?? '{}') as { result: Json[]; total: number };
/** A body whose query echo says what was asked, whatever the mutant applied instead. */
const echoAsked = (request: MockRequest, response: MockResponse) =>
  mapBody(response, (b) => ({ ...b, query: { ...(b.query as Json), ...(request.query.has('offset') ? { offset: Number(offsetOf(request)) } : {}) } }));

/** Breaks only together with paging: the filter and a second page, or a limit below the ticket's rows. */
const combinationMutants: Mutant[] = [
  {
    name: 'a filtered page past the first repeats the first page',
    caughtBy: ['pagination_combinations'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const offset = Number(offsetOf(request));
        if (!isFiltered(request) || offset === 0 || offset > 1000) return next(request);
        const asked = next(request);
        const first = next(withQuery(request, (q) => q.set('offset', '0')));
        // The first page's rows, cut to the count the asked page has: every page still adds up.
        return mapBody(asked, (b) => ({ ...b, result: ((JSON.parse(first.body ?? '{}') as { result: Json[] }).result ?? []).slice(0, (b.result as Json[]).length) }));
      }),
  },
  {
    name: 'a filtered list with a limit below its rows reports the unfiltered total',
    caughtBy: ['pagination_combinations'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (!isFiltered(request) || !request.query.has('limit') || response.status !== 200) return response;
        const page = JSON.parse(response.body ?? '{}') as { total: number; query: { offset: number } };
        const limit = Number(request.query.get('limit'));
        // Only where the page would be full either way: the rows still add up with the total it gives.
        if (limit >= page.total || page.query.offset + limit > page.total) return response;
        const all = JSON.parse(next({ ...request, query: new URLSearchParams() }).body ?? '{}') as { total: number };
        return mapBody(response, (b) => ({ ...b, total: all.total }));
      }),
  },
  {
    name: 'a filtered page past the first comes in reverse order',
    caughtBy: ['pagination_combinations'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (!isFiltered(request) || offsetOf(request) === '0' || response.status !== 200) return response;
        return mapBody(response, (b) => ({ ...b, result: [...(b.result as Json[])].reverse() }));
      }),
  },
  {
    name: 'a filtered list at the largest limit leaves out its last row',
    caughtBy: ['pagination_combinations'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (!isFiltered(request) || request.query.get('limit') !== '1000' || response.status !== 200) return response;
        return mapBody(response, (b) => (Array.isArray(b.result) && b.result.length > 0 ? { ...b, result: b.result.slice(0, -1), total: Number(b.total) - 1 } : b));
      }),
  },
  {
    name: 'a ticket without rows, filtered and paged, is refused as not found',
    caughtBy: ['pagination_combinations'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (!isFiltered(request) || response.status !== 200 || request.query.get('limit') === '1000') return response;
        if (!request.query.has('offset') || wholeOf(request, next).total > 0) return response;
        return { status: 404, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/ticket-not-found', title: 'Ticket not found', status: 404, detail: 'x' }) };
      }),
  },
  {
    name: 'an offset inside a filtered list is applied twice',
    caughtBy: ['pagination_combinations'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const offset = Number(offsetOf(request));
        if (!isFiltered(request) || offset === 0 || offset > 1000) return next(request);
        const whole = wholeOf(request, next);
        if (offset >= whole.total) return next(request);
        // The rows from 2 × offset, padded with the first ones so the count still adds up.
        const rows = [...whole.result.slice(2 * offset), ...whole.result].slice(0, Math.min(Number(request.query.get('limit') ?? 25), whole.total - offset));
        return echoAsked(request, mapBody(next(request), (b) => ({ ...b, result: rows })));
      }),
  },
];

const renameFields = (change: (field: string) => string) => (response: MockResponse) =>
  response.status === 400 ? mapBody(response, (b) => ({ ...b, violations: (b.violations as Json[]).map((v) => ({ ...v, field: change(String(v.field)) })) })) : response;

/** A 400 that refuses rightly but does not say which field was wrong. */
const refusalMutants: Mutant[] = [
  {
    name: 'violations name body fields in camelCase',
    caughtBy: ['refusal_names_field'],
    apply: (mock) => wrap(mock, (request, next) => renameFields((field) => field.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()))(next(request))),
  },
  {
    name: 'violations name only the first broken field',
    caughtBy: ['refusal_names_field'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return r.status === 400 ? mapBody(r, (b) => ({ ...b, violations: (b.violations as Json[]).slice(0, 1) })) : r; }),
  },
  {
    name: 'violations name path parameters by position',
    caughtBy: ['refusal_names_field'],
    apply: (mock) => wrap(mock, (request, next) => renameFields((field) => ({ 'ticket-id': 'path[0]', 'diagnostic-equipment-id': 'path[1]' })[field] ?? field)(next(request))),
  },
  {
    name: 'a broken body field is named "body"',
    caughtBy: ['refusal_names_field'],
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' ? renameFields(() => 'body')(next(request)) : next(request))),
  },
  {
    name: 'a broken query parameter is named by its message only',
    caughtBy: ['refusal_names_field'],
    apply: (mock) => wrap(mock, (request, next) => (isList(request) ? renameFields(() => 'query')(next(request)) : next(request))),
  },
];

const unsupported = { status: 415, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/unsupported-media-type', title: 'Unsupported media type', status: 415, detail: 'x' }) };
const notFound = { status: 404, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/not-found', title: 'Not found', status: 404, detail: 'x' }) };
const isRecord = (request: MockRequest) => request.path.startsWith(`${collection}/`);

/** One spelling of a valid request answered, an equivalent one refused or read otherwise. */
const formMutants: Mutant[] = [
  {
    name: 'a charset parameter on Content-Type refused with 415',
    caughtBy: ['equivalent_forms'],
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && (request.headers['content-type'] ?? '').includes(';') ? unsupported : next(request))),
  },
  {
    name: 'the media type compared with its letter case',
    caughtBy: ['equivalent_forms'],
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && /[A-Z]/.test(request.headers['content-type'] ?? '') ? unsupported : next(request))),
  },
  {
    // A case-sensitive deployment: it honours the document, which does not say uuids are read in any
    // case (issue 30); RFC 9562 does, so it is warned of. The segment is read decoded: a percent-encoded
    // lower-case uuid is not in capitals.
    name: 'a path uuid in capitals finds nothing',
    caughtBy: ['equivalent_forms'],
    warningOnly: true,
    apply: (mock) => wrap(mock, (request, next) => (isRecord(request) && /[A-F]/.test(decodeURIComponent(request.path.split('/').at(-2) ?? '')) ? notFound : next(request))),
  },
  {
    name: 'percent-encoded path segments are not decoded',
    caughtBy: ['equivalent_forms'],
    apply: (mock) => wrap(mock, (request, next) => (isRecord(request) && request.path.includes('%') ? notFound : next(request))),
  },
  {
    // Case-sensitive too (above): warned of, not drift.
    name: 'a body uuid in capitals names an unknown ticket',
    caughtBy: ['equivalent_forms'],
    warningOnly: true,
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && /"ticket_id":"[^"]*[A-F]/.test(new TextDecoder().decode(request.body ?? new Uint8Array())) ? notFound : next(request))),
  },
  {
    name: 'a pretty-printed JSON body refused as malformed',
    caughtBy: ['equivalent_forms'],
    apply: (mock) =>
      wrap(mock, (request, next) =>
        request.method === 'POST' && new TextDecoder().decode(request.body ?? new Uint8Array()).includes('\n')
          ? { status: 400, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/violations', title: 'Bad request', status: 400, detail: 'x', violations: [{ field: 'body', message: 'must be valid JSON' }] }) }
          : next(request),
      ),
  },
  {
    name: 'a ticket_id after the page parameters is ignored',
    caughtBy: ['equivalent_forms'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const names = [...request.query.keys()];
        if (!isFiltered(request) || names.indexOf('ticket_id') === 0) return next(request);
        const asked = request.query.get('ticket_id');
        return mapBody(next(withQuery(request, (q) => q.delete('ticket_id'))), (b) => ({ ...b, query: { ...(b.query as Json), ticket_id: asked } }));
      }),
  },
  {
    name: 'Accept: */* answered 406',
    caughtBy: ['equivalent_forms'],
    apply: (mock) =>
      wrap(mock, (request, next) =>
        request.headers.accept === '*/*' ? { status: 406, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/not-acceptable', title: 'Not acceptable', status: 406, detail: 'x' }) } : next(request),
      ),
  },
  {
    name: 'header names read case-sensitively (X-API-KEY is no key)',
    caughtBy: ['equivalent_forms'],
    apply: (mock) => mock,
    // Only the HTTP layer sees names as spelt: a gateway that looks for the key under its exact name.
    gateway: [
      {
        before: (request) =>
          request.rawHeaderNames.some((name) => name.toLowerCase() === 'x-api-key' && name !== 'x-api-key' && name !== 'X-Api-Key')
            ? { status: 401, headers: { 'content-type': 'application/problem+json' }, body: Buffer.from(JSON.stringify({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401, detail: 'x' })) }
            : undefined,
      },
    ],
  },
];

const problemType = (response: MockResponse) => (response.body === undefined ? undefined : (JSON.parse(response.body) as { type?: string }).type);
const unknownTicket = (response: MockResponse) => problemType(response) === '/problems/ticket-not-found';
const unknownEquipment = (response: MockResponse) => problemType(response) === '/problems/diagnostic-equipment-not-found' || (response.status === 404 && problemType(response) === '/problems/used-diagnostic-equipment-not-found');
const sentRecord = (request: MockRequest): Json => JSON.parse(new TextDecoder().decode(request.body ?? new Uint8Array())) as Json;
const pathRecord = (request: MockRequest) => {
  const [ticket, id] = request.path.split('/').slice(-2);
  return { ticket_id: ticket, diagnostic_equipment_id: Number(id), name: 'Placeholder', version: null };
};
const created = (record: Json): MockResponse => ({ status: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Placeholder', version: null, ...record }) });

/** Writes and reads naming a ticket or a catalogue id the deployment does not have. */
const unknownReferenceMutants: Mutant[] = [
  {
    name: 'a POST naming an unknown ticket creates that ticket',
    caughtBy: ['unknown_ticket'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method !== 'POST' || !unknownTicket(response)) return response;
        const state = mock.state();
        const ticket = String(sentRecord(request).ticket_id).toLowerCase();
        mock.load({ ...state, tickets: [...state.tickets, { id: ticket, status: 'In Progress' }] });
        return next(request);
      }),
  },
  {
    name: 'GET one on an unknown ticket answers a made-up record',
    caughtBy: ['unknown_ticket'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return request.method === 'GET' && unknownTicket(r) ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(pathRecord(request)) } : r; }),
  },
  {
    name: 'DELETE on an unknown ticket answers 204',
    caughtBy: ['unknown_ticket'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return request.method === 'DELETE' && unknownTicket(r) ? { status: 204, headers: {} } : r; }),
  },
  {
    name: 'the list filtered by an unknown ticket shows other records under its id',
    caughtBy: ['unknown_ticket'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (!isFiltered(request) || response.status !== 200 || (JSON.parse(response.body ?? '{}') as { total: number }).total > 0) return response;
        const asked = request.query.get('ticket_id')!;
        const known = new Set(mock.state().tickets.map((t) => t.id));
        if (known.has(asked.toLowerCase())) return response;
        const others = JSON.parse(next(withQuery(request, (q) => q.delete('ticket_id'))).body ?? '{}') as { result: Json[]; total: number };
        return mapBody(response, (b) => ({ ...b, result: others.result.map((r) => ({ ...r, ticket_id: asked })), total: others.total }));
      }),
  },
  {
    name: 'a POST naming an unknown catalogue id answers a placeholder record',
    caughtBy: ['unknown_equipment'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return request.method === 'POST' && problemType(r) === '/problems/diagnostic-equipment-not-found' ? created(sentRecord(request)) : r; }),
  },
  {
    name: 'GET one of an unknown catalogue id answers a placeholder record',
    caughtBy: ['unknown_equipment'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const r = next(request);
        const id = Number(request.path.split('/').at(-1));
        return request.method === 'GET' && unknownEquipment(r) && !mock.state().catalog.some((c) => c.diagnostic_equipment_id === id) ? { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(pathRecord(request)) } : r;
      }),
  },
  {
    name: 'DELETE of an unknown catalogue id answers 204',
    caughtBy: ['unknown_equipment'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const r = next(request);
        const id = Number(request.path.split('/').at(-1));
        return request.method === 'DELETE' && r.status === 404 && !mock.state().catalog.some((c) => c.diagnostic_equipment_id === id) ? { status: 204, headers: {} } : r;
      }),
  },
];

/** The mock's state with the fixture ids 39 and 40 also used on another In Progress ticket: a write's namesakes elsewhere. */
function withNamesakes(mock: Mock): Mock {
  const state = mock.state();
  const other = state.tickets.find((t) => t.status === 'In Progress' && t.id !== '595be628-f6f2-4262-9c10-6389c6c4a5b8')!.id;
  const refused = mock.load({ ...state, used: [...state.used, { ticket_id: other, diagnostic_equipment_id: 40 }, { ticket_id: other, diagnostic_equipment_id: 39 }] });
  if (refused.length > 0) throw new Error(JSON.stringify(refused));
  return mock;
}
const removeOnPath = (request: MockRequest, ticket: string, id: unknown): MockRequest => ({ ...request, method: 'DELETE', path: `${collection}/${ticket}/${String(id)}`, body: undefined });

/** Writes that reach beyond their own ticket. */
const sideEffectMutants: Mutant[] = [
  {
    name: 'DELETE also removes the first record of another ticket',
    caughtBy: ['write_side_effects'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method !== 'DELETE' || response.status !== 204) return response;
        const ticket = request.path.split('/').at(-2)!.toLowerCase();
        const victim = mock.state().used.find((u) => u.ticket_id !== ticket && mock.state().tickets.find((t) => t.id === u.ticket_id)?.status === 'In Progress');
        if (victim !== undefined) next(removeOnPath(request, victim.ticket_id, victim.diagnostic_equipment_id));
        return response;
      }),
  },
  {
    name: 'POST also adds the equipment to another In Progress ticket',
    caughtBy: ['write_side_effects'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method !== 'POST' || response.status !== 201) return response;
        const sent = sentRecord(request);
        const state = mock.state();
        const other = state.tickets.find((t) => t.status === 'In Progress' && t.id !== String(sent.ticket_id).toLowerCase() && !state.used.some((u) => u.ticket_id === t.id && u.diagnostic_equipment_id === sent.diagnostic_equipment_id));
        if (other !== undefined) next({ ...request, body: new TextEncoder().encode(JSON.stringify({ ...sent, ticket_id: other.id })) });
        return response;
      }),
  },
  {
    name: 'DELETE removes the equipment from every ticket that has it',
    caughtBy: ['write_side_effects'],
    apply: (mock) =>
      wrap(withNamesakes(mock), (request, next) => {
        const response = next(request);
        if (request.method !== 'DELETE' || response.status !== 204) return response;
        const id = Number(request.path.split('/').at(-1));
        for (const u of mock.state().used.filter((u) => u.diagnostic_equipment_id === id)) next(removeOnPath(request, u.ticket_id, id));
        return response;
      }),
  },
  {
    name: 'POST takes the equipment off the other tickets that have it',
    caughtBy: ['write_side_effects'],
    apply: (mock) =>
      wrap(withNamesakes(mock), (request, next) => {
        const response = next(request);
        if (request.method !== 'POST' || response.status !== 201) return response;
        const sent = sentRecord(request);
        for (const u of mock.state().used.filter((u) => u.diagnostic_equipment_id === sent.diagnostic_equipment_id && u.ticket_id !== String(sent.ticket_id).toLowerCase())) next(removeOnPath(request, u.ticket_id, u.diagnostic_equipment_id));
        return response;
      }),
  },
  {
    name: 'a removed record still counts in the unfiltered total',
    caughtBy: ['write_side_effects'],
    apply: (mock) => {
      let removed = 0;
      return wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method === 'DELETE' && response.status === 204) removed++;
        if (request.method === 'POST' && response.status === 201) removed = Math.max(0, removed - 1);
        return isList(request) && !request.query.has('ticket_id') && response.status === 200 ? mapBody(response, (b) => ({ ...b, total: Number(b.total) + removed })) : response;
      });
    },
  },
];

const recordOf = (request: MockRequest) => (request.method === 'POST' ? `${String(sentRecord(request).ticket_id).toLowerCase()}/${String(sentRecord(request).diagnostic_equipment_id)}` : request.path.split('/').slice(-2).join('/').toLowerCase());

/**
 * Drift that needs a history: two records added in one session, a record removed and added again, a read
 * that primes a cache. Whether the random model run meets it depends on the seed; the systematic phase
 * meets it on every run, and only the model run can.
 */
const historyMutants: Mutant[] = [
  {
    name: 'a remove also takes the record added just before it',
    caughtBy: ['stateful_model'],
    apply: (mock) => {
      let lastAdded: string | undefined;
      return wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method === 'POST' && response.status === 201) lastAdded = recordOf(request);
        if (request.method === 'DELETE' && response.status === 204 && lastAdded !== undefined && lastAdded !== recordOf(request)) {
          const [ticket, id] = lastAdded.split('/');
          if (ticket === recordOf(request).split('/')[0]) next({ ...request, path: `${collection}/${ticket}/${id}` });
          lastAdded = undefined;
        }
        return response;
      });
    },
  },
  {
    name: 'GET one answers 404 for a record added again after its removal',
    caughtBy: ['stateful_model'],
    apply: (mock) => {
      const removed = new Set<string>();
      return wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method === 'DELETE' && response.status === 204) removed.add(recordOf(request));
        return request.method === 'GET' && response.status === 200 && removed.has(recordOf(request)) ? notFound : response;
      });
    },
  },
  {
    name: "a ticket's list read before an add is answered again after it",
    caughtBy: ['stateful_model'],
    apply: (mock) => {
      const cached = new Map<string, MockResponse>();
      return wrap(mock, (request, next) => {
        // Only a remove clears the cache: an add leaves the list as it was read.
        if (request.method === 'DELETE') cached.clear();
        if (!isFiltered(request)) return next(request);
        const key = request.query.toString();
        const hit = cached.get(key) ?? next(request);
        cached.set(key, hit);
        return hit;
      });
    },
  },
  {
    name: 'a second add on a ticket replaces the record added before it',
    caughtBy: ['stateful_model'],
    apply: (mock) => {
      const added = new Map<string, string>();
      return wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method !== 'POST' || response.status !== 201) return response;
        const [ticket = ''] = recordOf(request).split('/');
        const before = added.get(ticket);
        if (before !== undefined && before !== recordOf(request) && mock.state().used.some((u) => `${u.ticket_id}/${u.diagnostic_equipment_id}` === before)) next({ ...request, method: 'DELETE', path: `${collection}/${before}`, body: undefined });
        added.set(ticket, recordOf(request));
        return response;
      });
    },
  },
];

export const interactionMutants: Mutant[] = [...combinationMutants, ...refusalMutants, ...formMutants, ...unknownReferenceMutants, ...sideEffectMutants, ...historyMutants];
