// Drift mutants: the kit's mock with one deliberate deviation each, made by wrapping its handle().
// Each names the check meant to catch it; the mutant test fails if that check does not.
import type { Mock } from '../../mocks/core/mock.js';
import { closedTicketId } from '../../mocks/state/default-state.js';
import {
  bodyField,
  collection,
  ignoredParameter,
  isList,
  isOne,
  isRecordPath,
  listOnly,
  mapBody,
  mapRecords,
  problem,
  recordMutant,
  validHeaders,
  withQuery,
  wrap,
  type Json,
  type Mutant,
} from './mutant-kit.js';

import { interactionMutants } from './interaction-mutants.js';

export { mapBody, wrap, type Mutant };

/** The mock with 100 more catalogue entries (ids 1001-1100) than the default state's 40, none used. */
function withSpareCatalogue(mock: Mock): Mock {
  const state = mock.state();
  const spare = Array.from({ length: 100 }, (_, i) => ({ diagnostic_equipment_id: 1001 + i, name: `Spare ${i}`, version: null }));
  const refused = mock.load({ ...state, catalog: [...state.catalog, ...spare] });
  if (refused.length > 0) throw new Error(JSON.stringify(refused));
  return mock;
}

/**
 * Drifts that every answer stays schema-valid through: only a rule over the exchange (identity,
 * arithmetic, echo) can see them. Each names only its invariant, so the test shows that one catches it.
 */
const invariantMutants: Mutant[] = [
  {
    name: 'GET one answers another record of the ticket',
    caughtBy: ['record_identity'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (!isOne(request)) return next(request);
        const [ticket, id] = request.path.split('/').slice(-2);
        const other = mock.state().used.find((u) => u.ticket_id === ticket && String(u.diagnostic_equipment_id) !== id);
        return other === undefined ? next(request) : next({ ...request, path: `${collection}/${ticket}/${other.diagnostic_equipment_id}` });
      }),
  },
  {
    name: 'POST answers the record with another equipment id',
    caughtBy: ['record_identity'],
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && request.path === collection ? mapRecords(next(request), (r) => ({ ...r, diagnostic_equipment_id: Number(r.diagnostic_equipment_id) + 1 })) : next(request))),
  },
  {
    name: 'total one more than the rows',
    caughtBy: ['list_arithmetic'],
    apply: (mock) => wrap(mock, (request, next) => (isList(request) ? mapBody(next(request), (b) => (typeof b.total === 'number' ? { ...b, total: b.total + 1 } : b)) : next(request))),
  },
  {
    name: 'a page past the first drops its last row',
    caughtBy: ['list_arithmetic'],
    apply: (mock) =>
      wrap(mock, (request, next) =>
        isList(request) && Number(request.query.get('offset') ?? 0) > 0 ? mapBody(next(request), (b) => (Array.isArray(b.result) && b.result.length > 0 ? { ...b, result: b.result.slice(0, -1) } : b)) : next(request),
      ),
  },
  {
    name: 'DELETE also removes another record of the ticket',
    caughtBy: ['write_locality'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method !== 'DELETE' || response.status !== 204) return response;
        const [ticket, id] = request.path.split('/').slice(-2);
        const other = mock.state().used.find((u) => u.ticket_id === ticket && String(u.diagnostic_equipment_id) !== id);
        if (other !== undefined) next({ ...request, path: `${collection}/${ticket}/${other.diagnostic_equipment_id}` });
        return response;
      }),
  },
  {
    name: 'POST also adds a second record to the ticket',
    caughtBy: ['write_locality'],
    apply: (mock) =>
      // Spare catalogue entries: the run's earlier adds would otherwise use up the free ones the drift takes.
      wrap(withSpareCatalogue(mock), (request, next) => {
        const response = next(request);
        if (request.method !== 'POST' || request.path !== collection || response.status !== 201) return response;
        const { ticket_id: ticket } = JSON.parse(new TextDecoder().decode(request.body)) as { ticket_id: string };
        const state = mock.state();
        const taken = new Set(state.used.filter((u) => u.ticket_id === ticket).map((u) => u.diagnostic_equipment_id));
        const free = state.catalog.find((c) => !taken.has(c.diagnostic_equipment_id));
        if (free !== undefined) next({ ...request, body: new TextEncoder().encode(JSON.stringify({ ticket_id: ticket, diagnostic_equipment_id: free.diagnostic_equipment_id })) });
        return response;
      }),
  },
  {
    name: 'the offset echo rounded past 2^53',
    caughtBy: ['query_echo'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (!isList(request)) return next(request);
        const response = next(request);
        // As a deployment that keeps offsets in doubles would write it.
        return response.body === undefined ? response : { ...response, body: response.body.replace(/("offset":)(\d{16,})/, (_m, key: string, digits: string) => `${key}${Number(digits)}`) };
      }),
  },
];

/** Lenient or narrow input handling that only inputs generated from the document run into. */
const inputMutants: Mutant[] = [
  {
    name: 'POST coerces a numeric string id',
    caughtBy: ['generated_negative_inputs'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (request.method !== 'POST' || request.path !== collection || request.body === undefined) return next(request);
        const text = new TextDecoder().decode(request.body).replace(/"diagnostic_equipment_id":"(\d+)"/, '"diagnostic_equipment_id":$1');
        return next({ ...request, body: new TextEncoder().encode(text) });
      }),
  },
  {
    name: 'a limit past the maximum is clamped, not refused',
    caughtBy: ['generated_negative_inputs'],
    apply: (mock) => wrap(mock, (request, next) => (isList(request) && Number(request.query.get('limit')) > 1000 ? next(withQuery(request, (q) => q.set('limit', '1000'))) : next(request))),
  },
  {
    name: 'limits from 500 up refused as invalid',
    caughtBy: ['generated_positive_inputs'],
    apply: (mock) =>
      wrap(mock, (request, next) =>
        isList(request) && Number(request.query.get('limit')) >= 500 && Number(request.query.get('limit')) <= 1000 ? next(withQuery(request, (q) => q.set('limit', 'x'))) : next(request),
      ),
  },
];

/** More drift of each class the invariants and the generated inputs stand for. */
const moreMutants: Mutant[] = [
  {
    name: 'GET one answers the record under another ticket id',
    caughtBy: ['record_identity'],
    apply: (mock) => wrap(mock, (request, next) => (isOne(request) ? mapRecords(next(request), (r) => ({ ...r, ticket_id: 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11' })) : next(request))),
  },
  {
    name: 'POST answers the record under another ticket id',
    caughtBy: ['record_identity'],
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && request.path === collection ? mapRecords(next(request), (r) => ({ ...r, ticket_id: 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11' })) : next(request))),
  },
  { name: 'total one less than the rows', caughtBy: ['list_arithmetic'], apply: listOnly((_q, r) => mapBody(r, (b) => (typeof b.total === 'number' && b.total > 0 ? { ...b, total: b.total - 1 } : b))) },
  { name: 'limit=0 answers one row', caughtBy: ['pagination_limit_zero'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && request.query.get('limit') === '0' ? next(withQuery(request, (q) => q.set('limit', '1'))) : next(request))) },
  {
    name: 'a filtered list carries a row of another ticket',
    caughtBy: ['list_arithmetic'],
    apply: listOnly((request, response) =>
      request.query.has('ticket_id') ? mapBody(response, (b) => (Array.isArray(b.result) && b.result.length > 0 ? { ...b, result: [...b.result.slice(0, -1), { ...(b.result.at(-1) as Json), ticket_id: 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11' }] } : b)) : response,
    ),
  },
  { name: 'the limit echo off by one', caughtBy: ['query_echo'], apply: listOnly((_q, r) => mapBody(r, (b) => ({ ...b, query: { ...(b.query as Json), limit: Number((b.query as Json).limit) + 1 } }))) },
  { name: 'the offset echo always 0', caughtBy: ['query_echo'], apply: listOnly((_q, r) => mapBody(r, (b) => ({ ...b, query: { ...(b.query as Json), offset: 0 } }))) },
  { name: 'the ticket_id echo left out', caughtBy: ['query_echo'], apply: listOnly((_q, r) => mapBody(r, (b) => { const { ticket_id: _t, ...query } = b.query as Json; return { ...b, query }; })) },
  {
    name: 'a refused second add removes the record',
    caughtBy: ['write_locality'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        if (request.method === 'POST' && response.status === 409 && response.body?.includes('already-used')) {
          const body = bodyField(request);
          next({ ...request, method: 'DELETE', path: `${collection}/${String(body.ticket_id)}/${String(body.diagnostic_equipment_id)}`, body: undefined });
        }
        return response;
      }),
  },
  {
    name: 'a JSON body sent as text/plain is accepted',
    caughtBy: ['generated_negative_inputs'],
    apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && request.headers['content-type'] === 'text/plain' ? next({ ...request, headers: { ...request.headers, 'content-type': 'application/json' } }) : next(request))),
  },
  { name: 'a negative limit read as 0', caughtBy: ['generated_negative_inputs'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && Number(request.query.get('limit')) < 0 ? next(withQuery(request, (q) => q.set('limit', '0'))) : next(request))) },
  { name: 'a negative offset read as 0', caughtBy: ['generated_negative_inputs'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && Number(request.query.get('offset')) < 0 ? next(withQuery(request, (q) => q.set('offset', '0'))) : next(request))) },
  { name: 'a limit that is not a number read as the default', caughtBy: ['generated_negative_inputs'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && request.query.has('limit') && !/^-?\d+$/.test(request.query.get('limit')!) ? next(withQuery(request, (q) => q.delete('limit'))) : next(request))) },
  { name: 'a ticket_id that is not a uuid ignored', caughtBy: ['generated_negative_inputs'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && request.query.get('ticket_id') === 'not-a-uuid' ? next(withQuery(request, (q) => q.delete('ticket_id'))) : next(request))) },
  {
    name: 'a POST without ticket_id adds to a default ticket',
    caughtBy: ['generated_negative_inputs'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (request.method !== 'POST' || request.path !== collection) return next(request);
        const body = bodyField(request);
        return 'ticket_id' in body ? next(request) : next({ ...request, body: new TextEncoder().encode(JSON.stringify({ ...body, ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8' })) });
      }),
  },
  { name: 'the maximum limit refused as invalid', caughtBy: ['generated_positive_inputs'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && request.query.get('limit') === '1000' ? problem(400) : next(request))) },
  { name: 'offsets past 2^53 refused as invalid', caughtBy: ['generated_positive_inputs'], apply: (mock) => wrap(mock, (request, next) => (isList(request) && request.query.has('offset') && BigInt(/^\d+$/.test(request.query.get('offset')!) ? request.query.get('offset')! : '0') > 2n ** 53n ? problem(400) : next(request))) },
  { name: 'the int32 maximum id refused as invalid in a path', caughtBy: ['generated_positive_inputs'], apply: (mock) => wrap(mock, (request, next) => (isOne(request) && request.path.endsWith('/2147483647') ? problem(400) : next(request))) },
  { name: 'a uuid in capitals refused as invalid', caughtBy: ['generated_positive_inputs'], apply: (mock) => wrap(mock, (request, next) => (isOne(request) && /[A-F]/.test(request.path.split('/').at(-2) ?? '') ? problem(400) : next(request))) },
  { name: 'the int32 minimum id refused as invalid in a body', caughtBy: ['generated_positive_inputs'], apply: (mock) => wrap(mock, (request, next) => (request.method === 'POST' && bodyField(request).diagnostic_equipment_id === -2147483648 ? problem(400) : next(request))) },
];

/** Pages that each add up, but not to the list: only a walk of all of them sees it. */
const walkMutants: Mutant[] = [
  {
    name: 'every page past the first repeats the first page',
    caughtBy: ['pagination_walk'],
    apply: (mock) => {
      // A list longer than one page of 1000: the default state and 1,500 records on a ticket of their own.
      const state = mock.state();
      const ticket = 'ba5eba11-0000-4000-8000-000000001500';
      const extra = Array.from({ length: 1500 }, (_, i) => ({ diagnostic_equipment_id: 100_000 + i, name: `Tool ${i}`, version: null }));
      const refused = mock.load({
        tickets: [...state.tickets, { id: ticket, status: 'Open' }],
        catalog: [...state.catalog, ...extra],
        used: [...state.used, ...extra.map((e) => ({ ticket_id: ticket, diagnostic_equipment_id: e.diagnostic_equipment_id }))],
      });
      if (refused.length > 0) throw new Error(JSON.stringify(refused));
      return wrap(mock, (request, next) => (isList(request) && Number(request.query.get('offset') ?? 0) >= 1000 ? next(withQuery(request, (q) => q.set('offset', '0'))) : next(request)));
    },
  },
];

/** A deployment that remembers what was removed: only a sequence of writes runs into it. */
const statefulMutants: Mutant[] = [
  {
    name: 'an id removed from a ticket cannot be added to it again',
    caughtBy: ['stateful_model'],
    apply: (mock) => {
      const removed = new Set<string>();
      return wrap(mock, (request, next) => {
        if (request.method === 'DELETE') {
          const response = next(request);
          if (response.status === 204) removed.add(request.path.split('/').slice(-2).join('/'));
          return response;
        }
        if (request.method === 'POST' && request.path === collection && request.body !== undefined) {
          const body = JSON.parse(new TextDecoder().decode(request.body)) as { ticket_id?: unknown; diagnostic_equipment_id?: unknown };
          if (removed.has(`${String(body.ticket_id)}/${String(body.diagnostic_equipment_id)}`)) {
            return { status: 409, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/x', title: 'x', status: 409, detail: 'x' }) };
          }
        }
        return next(request);
      });
    },
  },
];

export const mutants: Mutant[] = [
  ...interactionMutants,
  ...invariantMutants,
  ...moreMutants,
  ...walkMutants,
  ...statefulMutants,
  ...inputMutants,
  recordMutant('field renamed (name → title)', ['response_schema_conformance'], ({ name, ...rest }) => ({ ...rest, title: name })),
  recordMutant('field missing (version)', ['response_schema_conformance'], ({ version: _version, ...rest }) => rest),
  recordMutant('wrong type (id as a string)', ['response_schema_conformance'], (r) => ({ ...r, diagnostic_equipment_id: String(r.diagnostic_equipment_id) })),
  recordMutant('name longer than 255', ['response_schema_conformance'], (r) => ({ ...r, name: 'n'.repeat(256) })),
  recordMutant('version ""', ['response_schema_conformance'], (r) => ({ ...r, version: '' })),
  recordMutant('ticket_id not a uuid', ['response_schema_conformance'], (r) => ({ ...r, ticket_id: String(r.ticket_id).slice(0, 8) })),
  { ...recordMutant('an undocumented property', ['undocumented_property'], (r) => ({ ...r, serial_number: 'X-1' })), warningOnly: true },
  {
    name: 'total as a string',
    caughtBy: ['response_schema_conformance'],
    apply: (mock) => wrap(mock, (request, next) => (isList(request) ? mapBody(next(request), (b) => ({ ...b, total: String(b.total) })) : next(request))),
  },
  {
    name: 'total counts the page, not the list',
    caughtBy: ['pagination_limit_zero'],
    apply: (mock) => wrap(mock, (request, next) => (isList(request) ? mapBody(next(request), (b) => (Array.isArray(b.result) ? { ...b, total: b.result.length } : b)) : next(request))),
  },
  {
    name: 'default limit changed to 10',
    caughtBy: ['pagination_defaults'],
    apply: (mock) => wrap(mock, (request, next) => next(isList(request) && !request.query.has('limit') ? withQuery(request, (q) => q.set('limit', '10')) : request)),
  },
  ignoredParameter('limit ignored', 'limit', ['pagination_limit_offset']),
  ignoredParameter('offset ignored', 'offset', ['pagination_limit_offset']),
  ignoredParameter('ticket_id filter ignored', 'ticket_id', ['ticket_filter']),
  {
    name: 'errors sent as application/json',
    caughtBy: ['content_type_conformance'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const response = next(request);
        return response.status >= 400 ? { ...response, headers: { ...response.headers, 'content-type': 'application/json' } } : response;
      }),
  },
  {
    name: 'problem status differs from the HTTP status',
    caughtBy: ['problem_status_conformance'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return r.status >= 400 ? mapBody(r, (b) => ({ ...b, status: 400 })) : r; }),
  },
  {
    name: "the 'In Progress' rule not enforced on add",
    caughtBy: ['in_progress_rule_add'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (request.method !== 'POST') return next(request);
        const status = mock.state().tickets.find((t) => t.id === closedTicketId)?.status ?? 'Closed';
        mock.setTicketStatus(closedTicketId, 'In Progress');
        try {
          return next(request);
        } finally {
          mock.setTicketStatus(closedTicketId, status);
        }
      }),
  },
  {
    name: "the 'In Progress' rule not enforced on remove",
    caughtBy: ['in_progress_rule_remove'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (request.method !== 'DELETE' || !request.path.includes(closedTicketId)) return next(request);
        mock.setTicketStatus(closedTicketId, 'In Progress');
        try {
          return next(request);
        } finally {
          mock.setTicketStatus(closedTicketId, 'Closed');
        }
      }),
  },
  {
    name: 'POST answers 200',
    caughtBy: ['status_code_conformance'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return request.method === 'POST' && r.status === 201 ? { ...r, status: 200 } : r; }),
  },
  {
    name: 'DELETE answers 200 with a body',
    caughtBy: ['status_code_conformance'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const r = next(request);
        return request.method === 'DELETE' && r.status === 204 ? { ...r, status: 200, headers: { ...r.headers, 'content-type': 'application/json' }, body: '{"deleted":true}' } : r;
      }),
  },
  {
    name: 'auth ignored',
    caughtBy: ['ignored_auth'],
    apply: (mock) => wrap(mock, (request, next) => next({ ...request, headers: { ...request.headers, ...validHeaders } })),
  },
  {
    name: 'wrong credentials accepted',
    caughtBy: ['ignored_auth'],
    apply: (mock) =>
      wrap(mock, (request, next) =>
        next(request.headers['x-api-key']?.startsWith('ude-kit-') || request.headers.authorization?.includes('ude-kit-') ? { ...request, headers: { ...request.headers, ...validHeaders } } : request),
      ),
  },
  {
    name: '500 for a missing record',
    caughtBy: ['not_a_server_error'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const r = next(request);
        return r.status === 404 && isRecordPath(request.path) ? { ...r, status: 500, body: r.body?.replace('"status":404', '"status":500') } : r;
      }),
  },
  {
    name: 'an out-of-range limit accepted',
    caughtBy: ['negative_data_rejection'],
    apply: (mock) => wrap(mock, (request, next) => next(isList(request) && Number(request.query.get('limit')) > 1000 ? withQuery(request, (q) => q.set('limit', '1000')) : request)),
  },
  {
    name: '400 without violations',
    caughtBy: ['negative_data_rejection'],
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); return r.status === 400 ? mapBody(r, ({ violations: _v, ...rest }) => rest) : r; }),
  },
  {
    name: 'the int32 maximum id refused as invalid',
    caughtBy: ['positive_data_acceptance'],
    apply: (mock) =>
      wrap(mock, (request, next) => next(request.path.endsWith('/2147483647') ? { ...request, path: request.path.replace(/2147483647$/, '2147483648') } : request)),
  },
  {
    name: 'a second POST of the same record accepted',
    caughtBy: ['duplicate_add_refused'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const r = next(request);
        if (request.method !== 'POST' || r.status !== 409 || !r.body?.includes('already-used')) return r;
        const sent = JSON.parse(new TextDecoder().decode(request.body)) as Json;
        return { status: 201, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...sent, name: 'x', version: null }) };
      }),
  },
  {
    name: 'DELETE answers 204 but keeps the record',
    caughtBy: ['use_after_free'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        if (request.method !== 'DELETE') return next(request);
        const found = next({ ...request, method: 'GET' });
        return found.status === 200 ? { status: 204, headers: {} } : next(request);
      }),
  },
  {
    name: 'POST answers 201 but does not store',
    caughtBy: ['ensure_resource_availability'],
    apply: (mock) =>
      wrap(mock, (request, next) => {
        const r = next(request);
        if (request.method === 'POST' && r.status === 201) next({ ...request, method: 'DELETE', path: `${collection}/${(JSON.parse(r.body!) as Json).ticket_id}/${(JSON.parse(r.body!) as Json).diagnostic_equipment_id}`, body: undefined });
        return r;
      }),
  },
  {
    name: '405 without an Allow header',
    caughtBy: ['unsupported_method'],
    warningOnly: true,
    apply: (mock) => wrap(mock, (request, next) => { const r = next(request); if (r.status !== 405) return r; const { allow: _a, ...headers } = r.headers; return { ...r, headers }; }),
  },
];

