// Every valid form of a valid request. HTTP and the document make several spellings of one request
// equivalent: a media type with parameters or in other letter case (RFC 9110 §8.3.1), header names in
// any case (§5.1), percent-encoded unreserved characters in a path or a query (RFC 3986 §6.2.2.2), query
// parameters in any order, uuids in capitals (RFC 9562 §4), JSON members in any order and with any
// whitespace (RFC 8259). A deployment that answers one spelling and refuses another breaks the clients
// that happen to send it. Each of the suite's everyday requests — a page of a ticket's records, one
// record, an add, a remove — is sent as usual, then in each other form, and the answers must match
// (uuids compared in any case). Every add is undone, and every remove is of a record the suite added.
import { behaviourCheckNames } from '../check-names.js';
import type { Finding } from '../findings.js';
import type { LabelledExchange, SendOptions } from '../http-client.js';
import { rowKey, specValues, type ListBody } from '../spec-values.js';
import { bodyOf, byLabel, findingFor, missingFixture, outcome, removeAgain, statusOf, type BehaviourCheck, type Send } from './check.js';

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
/** Every character percent-encoded: equivalent to the plain text for unreserved characters. */
const encodedAll = (text: string) => [...text].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('');
const upper = (name: string) => name.toUpperCase();
/** Header names as many servers' examples spell them: Content-Type, X-Api-Key. */
const capitalised = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => `${dash}${c.toUpperCase()}`);

interface Form {
  name: string;
  path?: (ticket: string, id: number) => [string, string];
  query?: (ticket: string) => string;
  options?: SendOptions;
}

/** A JSON value with every string that is a uuid in lower case: uuids name the same thing in any case. */
function canonical(value: unknown): unknown {
  if (typeof value === 'string') return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value) ? value.toLowerCase() : value;
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'query').map(([key, inner]) => [key, canonical(inner)]));
}

const headerForms: Form[] = [
  { name: 'header names in capitals', options: { headerCase: upper } },
  { name: 'header names capitalised', options: { headerCase: capitalised } },
];

const uuidInCapitals = 'the ticket uuid in capitals';
const caseNote = 'contract --compare-mock says whether the fake differs';

const recordForms: Form[] = [
  { name: uuidInCapitals, path: (ticket, id) => [encodeURIComponent(ticket.toUpperCase()), encodeURIComponent(String(id))] },
  { name: 'path segments percent-encoded', path: (ticket, id) => [encodedAll(ticket), encodedAll(String(id))] },
  ...headerForms,
];

const pageForms: Form[] = [
  { name: 'query parameters in another order', query: (ticket) => `offset=1&limit=5&ticket_id=${encodeURIComponent(ticket)}` },
  { name: uuidInCapitals, query: (ticket) => `ticket_id=${encodeURIComponent(ticket.toUpperCase())}&limit=5&offset=1` },
  { name: 'query values percent-encoded', query: (ticket) => `ticket_id=${encodedAll(ticket)}&limit=${encodedAll('5')}&offset=${encodedAll('1')}` },
  { name: 'Accept: */*', options: { headers: { accept: '*/*' } } },
  ...headerForms,
];

/** An add's forms: the media type, the body's spelling, the header names. */
const addForms = (ticket: string, id: number): Array<{ name: string; options: SendOptions }> => [
  { name: 'Content-Type with a charset parameter', options: { json: { ticket_id: ticket, diagnostic_equipment_id: id }, headers: { 'content-type': 'application/json; charset=utf-8' } } },
  { name: 'Content-Type in other letter case', options: { json: { ticket_id: ticket, diagnostic_equipment_id: id }, headers: { 'content-type': 'Application/JSON' } } },
  { name: uuidInCapitals, options: { json: { ticket_id: ticket.toUpperCase(), diagnostic_equipment_id: id } } },
  { name: 'members in another order, pretty-printed', options: { text: `{\n  "diagnostic_equipment_id": ${id},\n  "ticket_id": "${ticket}"\n}\n` } },
  ...headerForms.map((form) => ({ name: form.name, options: { ...form.options, json: { ticket_id: ticket, diagnostic_equipment_id: id } } })),
];

const usual = (group: string) => `forms: ${group}, as usual`;
const variant = (group: string, form: string) => `forms: ${group}, ${form}`;

export const equivalentFormsCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.equivalentForms],
  uses: ['ticket', 'equipment'],
  async probe(send: Send, context, ledger) {
    const values = specValues(context.spec);
    const collection = values.collection;
    const pathOf = ([ticket, id]: [string, string]) => values.one.pathTemplate.replace(/\{[^}]+\}/, ticket).replace(/\{[^}]+\}/, id);

    // A ticket with a record to read: the fixture, or the first the list shows.
    const first = (bodyOf(await send('forms: a record to read', 'GET', `${collection}?${new URLSearchParams({ ...(context.fixtures.ticket === undefined ? {} : { ticket_id: context.fixtures.ticket }), limit: '1' })}`)) as ListBody | undefined)?.result?.[0];
    const ticket = context.fixtures.ticket ?? (typeof first?.ticket_id === 'string' ? first.ticket_id : undefined);
    if (ticket === undefined) return 'no ticket to read: give --ticket, or a deployment with records';
    // The ticket may come from the deployment's own list: encoded, so that no id can bend the request.
    const usualPage = `ticket_id=${encodeURIComponent(ticket)}&limit=5&offset=1`;
    await send(usual('a page'), 'GET', `${collection}?${usualPage}`);
    for (const form of pageForms) await send(variant('a page', form.name), 'GET', `${collection}?${form.query?.(ticket) ?? usualPage}`, form.options);
    if (typeof first?.diagnostic_equipment_id === 'number') {
      const id = first.diagnostic_equipment_id;
      await send(usual('a record'), 'GET', values.oneTarget(ticket, id));
      for (const form of recordForms) await send(variant('a record', form.name), 'GET', form.path === undefined ? values.oneTarget(ticket, id) : pathOf(form.path(ticket, id)), form.options);
    }
    if (context.readOnly || missingFixture(context, 'ticket') !== undefined || context.fixtures.equipment.length === 0) return;

    // Writes: an id free on the ticket, added and removed in each form; every add is undone at once.
    let free: number | undefined;
    for (const candidate of context.fixtures.equipment) {
      if (statusOf(await send(`forms: is ${candidate} free`, 'GET', values.oneTarget(ticket, candidate))) !== 404) continue;
      free = candidate;
      break;
    }
    if (free === undefined) return;
    const id = free;
    const record = { ticketId: ticket, equipmentId: id };
    const add = async (label: string, options: SendOptions) => {
      const added = await send(label, 'POST', collection, options);
      if (is2xx(statusOf(added)) || statusOf(added) === undefined) ledger.created(record);
      return added;
    };
    // A removal that does not take leaves nothing to try the next form on: use_after_free reports it.
    const undo = () => removeAgain(send, context, ledger, record, 'forms');
    const usualAdd = await add(usual('an add'), { json: { ticket_id: ticket, diagnostic_equipment_id: id } });
    if (!is2xx(statusOf(usualAdd)) || !(await undo())) return;
    for (const form of addForms(ticket, id)) {
      if (is2xx(statusOf(await add(variant('an add', form.name), form.options))) && !(await undo())) return;
    }
    await add('forms: set up a remove', { json: { ticket_id: ticket, diagnostic_equipment_id: id } });
    const usualRemove = await send(usual('a remove'), 'DELETE', values.oneTarget(ticket, id));
    if (!is2xx(statusOf(usualRemove))) return;
    ledger.removed(record);
    for (const form of recordForms) {
      if (!is2xx(statusOf(await add('forms: set up a remove', { json: { ticket_id: ticket, diagnostic_equipment_id: id } })))) return;
      await send(variant('a remove', form.name), 'DELETE', form.path === undefined ? values.oneTarget(ticket, id) : pathOf(form.path(ticket, id)), form.options);
      // Read back: a remove that answered 2xx may still have left the record; then it is removed as usual.
      if (statusOf(await send(`forms: gone after ${form.name}?`, 'GET', values.oneTarget(ticket, id))) === 404) ledger.removed(record);
      else if (!(await undo())) return;
    }
  },
  evaluate(exchanges, context) {
    const findings: Finding[] = [];
    for (const group of ['a page', 'a record', 'an add', 'a remove']) {
      const reference = byLabel(exchanges, usual(group));
      const status = statusOf(reference);
      if (reference === undefined || status === undefined) continue;
      const expected = group === 'a page' ? pageAnswer(reference) : canonical(bodyOf(reference));
      for (const exchange of exchanges.filter((e) => e.label.startsWith(`forms: ${group}, `) && e !== reference)) {
        const form = exchange.label.slice(`forms: ${group}, `.length);
        const got = statusOf(exchange);
        if (got === undefined) continue;
        // A uuid in capitals taken for another, unknown ticket (a 404, or a page of other rows) is a
        // case-sensitive deployment: RFC 9562 §4 reads uuids in any case, but the document does not say
        // so, and such a deployment still honours it. A warning, not drift; --compare-mock names it.
        const caseSensitive = (unknown: boolean) => (form === uuidInCapitals && unknown ? { severity: 'warning' as const, note: ` — uuids read case-sensitively: RFC 9562 §4 reads them in any case, the document leaves it open (${caseNote})` } : { note: '' });
        if (got !== status) {
          const { note, ...severity } = caseSensitive(got === 404);
          findings.push(findingFor(exchange, { ...severity, check: 'equivalent_forms', expected: status, actual: outcome(exchange), message: `${group} sent with ${form} was answered ${got}, where the usual form was answered ${status}: an equivalent form refused or treated otherwise${note}` }, context));
          continue;
        }
        const answer = group === 'a page' ? pageAnswer(exchange) : canonical(bodyOf(exchange));
        if (group !== 'a remove' && JSON.stringify(answer) !== JSON.stringify(expected)) {
          const { note, ...severity } = caseSensitive(group === 'a page' && (answer as { total?: unknown }).total === 0);
          findings.push(findingFor(exchange, { ...severity, check: 'equivalent_forms', expected, actual: answer, message: `${group} sent with ${form} was answered otherwise than the usual form (uuids compared in any case)${note}` }, context));
        }
        if (group === 'a remove' && is2xx(got)) {
          const after = byLabel(exchanges.slice(exchanges.indexOf(exchange)), `forms: gone after ${form}?`);
          if (after !== undefined && statusOf(after) !== undefined && statusOf(after) !== 404)
            findings.push(findingFor(after, { check: 'equivalent_forms', expected: 404, actual: outcome(after), message: `a remove sent with ${form} was answered ${got}, but the record is still there` }, context));
        }
      }
    }
    return findings;
  },
};

/** What a page says, whatever the spelling of the request: its rows (uuids in any case) and its total. */
function pageAnswer(exchange: LabelledExchange): unknown {
  const body = bodyOf(exchange) as ListBody | undefined;
  return { rows: Array.isArray(body?.result) ? body.result.map((row) => rowKey(row).toLowerCase()) : body?.result, total: body?.total };
}
