// What each check's probe sends and what it leaves behind, against the kit's own mock. Rules every
// probe must obey, whatever it is for:
//   - every request carries a label (reports, HAR files and --verbose say why it was sent by it);
//   - --read-only sends no write and changes nothing;
//   - the ledger names exactly the records a probe left on the deployment, so that cleanup removes all
//     of them and nothing else, and a probe never removes a record it did not create;
//   - a generated case changes only the one field its label names, to the value its label shows.
// And each probe's plan (labels, methods, targets, bodies and the answers' statuses) is pinned for
// review in __snapshots__/probe-plans.test.ts.snap: mutation testing showed that a probe could drop a
// request, send it elsewhere or lose its label while every finding-based test still passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BehaviourCheck, CheckContext, Fixtures, Send } from '../../contracts/checks/check.js';
import { FixtureProblem } from '../../contracts/checks/check.js';
import { defaultMaxCases } from '../../contracts/checks/generated-inputs.js';
import { createClient, type LabelledExchange } from '../../contracts/http-client.js';
import { createLedger } from '../../contracts/ledger.js';
import { behaviourChecks } from '../../contracts/registry.js';
import { startHttpServer } from '../../mocks/adapters/http-server.js';
import { createMock, type Mock } from '../../mocks/core/mock.js';
import { problemResponse } from '../../mocks/core/response.js';
import { compiledSpec } from '../../src/spec/index.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { wrap } from './mutants.js';

const spec = compiledSpec();
const apiKeyHeader = apiKeyHeaderOf(spec.document);
const seed = selfTestOptions('http://unused').seed!;
const fullFixtures = selfTestOptions('http://unused').fixtures;
const noFixtures: Fixtures = { equipment: [], probeRemoveRule: false };
// Fixtures a user may get wrong: equipment already on the ticket, tickets the deployment does not know.
const usedOnTicket = createMock().state().used.filter((u) => u.ticket_id === fullFixtures.ticket).map((u) => u.diagnostic_equipment_id).slice(0, 2);
const usedFixtures: Fixtures = { ...fullFixtures, equipment: usedOnTicket };
const unknownTickets: Fixtures = { ...fullFixtures, ticket: 'dddddddd-0000-4000-8000-00000000000d', closedTicket: 'eeeeeeee-0000-4000-8000-00000000000e' };
const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

interface ProbeRun {
  notRun?: string;
  result: unknown;
  sent: LabelledExchange[];
  outstanding: string[];
  appeared: string[];
  went: string[];
}

const key = (ticketId: string, equipmentId: number) => `${ticketId}/${equipmentId}`;

/** Runs one check's probe on a fresh mock, the way the runner does, and reads the mock's state around it. */
async function probe(check: BehaviourCheck, fixtures: Fixtures, readOnly: boolean, deployment: (mock: Mock) => Mock = (mock) => mock): Promise<ProbeRun> {
  const mock = createMock({ auth: selfTestCredentials });
  const server = await startHttpServer(deployment(mock), { port: 0 });
  try {
    const client = createClient({ baseUrl: server.url, timeoutMs: 5_000, credentials: { ...selfTestCredentials, apiKeyHeader }, spec });
    const context: CheckContext = { spec, fixtures, readOnly, baseUrl: client.baseUrl, apiKeyHeader, generation: { seed, maxCases: defaultMaxCases } };
    const notRun = check.notRunReason?.(context);
    const before = new Set(mock.state().used.map((u) => key(u.ticket_id, u.diagnostic_equipment_id)));
    const sent: LabelledExchange[] = [];
    const send: Send = async (...args) => {
      const exchange = await client.send(...args);
      sent.push(exchange);
      return exchange;
    };
    const ledger = createLedger();
    const result = notRun === undefined ? await check.probe(send, context, ledger) : undefined;
    const after = new Set(mock.state().used.map((u) => key(u.ticket_id, u.diagnostic_equipment_id)));
    return {
      ...(notRun === undefined ? {} : { notRun }),
      result: result instanceof FixtureProblem ? { fixtureProblem: result.reason } : result,
      sent,
      outstanding: ledger.outstanding().map((r) => key(r.ticketId, r.equipmentId)).sort(),
      appeared: [...after].filter((k) => !before.has(k)).sort(),
      went: [...before].filter((k) => !after.has(k)).sort(),
    };
  } finally {
    await server.close();
  }
}

/** One line per request: why, what, and the answer's status (the port is not in a target). */
const plan = (run: ProbeRun) =>
  run.sent.map((e) => `${e.label} | ${e.request.method} ${e.request.target}${e.request.body === undefined ? '' : ` ${e.request.body}`}${e.request.headers['content-type'] === 'text/plain' ? ' (text/plain)' : ''} → ${e.response?.status ?? e.error?.message}`);

/** A label without its closing "(kind)", which may hold parentheses of its own. */
function withoutKind(label: string): string {
  let depth = 0;
  for (let at = label.length - 1; at >= 0; at--) {
    if (label[at] === ')') depth++;
    else if (label[at] === '(' && --depth === 0) return label.slice(0, at - 1);
  }
  return label;
}

/** Where a generated case's label says it bent the request, and to what. */
function parsedLabel(label: string): { location?: string; name?: string; shown?: string } {
  const [, location, name, shown] = /^generated \w+: (query|path|body) (\(media type\)|\S+) = (.*)$/s.exec(withoutKind(label)) ?? [];
  return { location, name, shown };
}

/**
 * Every field a request sets, as "location:name" → the text sent (a body field as its JSON, cut from
 * the body's text: a generated integer may be past what a JavaScript number holds); undefined when the
 * request matches no path of the document.
 */
function fieldsOf(exchange: LabelledExchange): Record<string, string> | undefined {
  const [path = '', search = ''] = exchange.request.target.split('?');
  const segments = path.split('/');
  // By the template's shape, not the route: a bent path parameter may match no route.
  const operation = spec.operations.find((o) => o.method === exchange.request.method && o.pathTemplate.split('/').length === segments.length);
  if (operation === undefined) return undefined;
  const fields: Record<string, string> = {};
  operation.pathTemplate.split('/').forEach((segment, at) => {
    const name = /^\{(.+)\}$/.exec(segment)?.[1];
    if (name !== undefined) fields[`path:${name}`] = decodeURIComponent(segments[at]!);
  });
  for (const [name, value] of new URLSearchParams(search)) fields[`query:${name}`] = value;
  if (exchange.request.body !== undefined && exchange.request.headers['content-type'] !== 'text/plain') {
    for (const name of Object.keys(JSON.parse(exchange.request.body) as object)) {
      const at = exchange.request.body.indexOf(`${JSON.stringify(name)}:`) + JSON.stringify(name).length + 1;
      fields[`body:${name}`] = exchange.request.body.slice(at).replace(/[,}]"[^"]*":.*$|}$/s, '');
    }
  }
  return fields;
}

function failingRemoves(mock: Mock): Mock {
  return wrap(mock, (request, next) => (request.method === 'DELETE' ? problemResponse({ problem: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'removes fail here' } }) : next(request)));
}

const setups = [
  { name: 'with every fixture', fixtures: fullFixtures, readOnly: false },
  { name: 'read-only', fixtures: fullFixtures, readOnly: true },
  { name: 'without fixtures', fixtures: noFixtures, readOnly: false },
  { name: 'with every --equipment id already used', fixtures: usedFixtures, readOnly: false },
  { name: 'with tickets the deployment does not know', fixtures: unknownTickets, readOnly: false },
  // What a probe could not remove stays in its ledger, for the runner's cleanup to try again and report.
  { name: 'where every remove fails', fixtures: fullFixtures, readOnly: false, deployment: failingRemoves },
] as const;

describe.each(behaviourChecks.map((c) => [c.names.join(', '), c] as const))('the probe of %s', (_names, check) => {
  const runs = new Map<string, ProbeRun>();
  beforeAll(async () => {
    for (const setup of setups) runs.set(setup.name, await probe(check, setup.fixtures, setup.readOnly, 'deployment' in setup ? setup.deployment : undefined));
  });
  afterAll(() => runs.clear());
  const run = (name: (typeof setups)[number]['name']) => runs.get(name)!;

  it('has equipment ids already used to try', () => {
    expect(usedOnTicket).toHaveLength(2);
  });

  it('runs with every fixture, and labels every request it sends', () => {
    const full = run('with every fixture');
    expect(full.notRun).toBeUndefined();
    expect(full.result).toBeUndefined();
    expect(full.sent.length).toBeGreaterThan(0);
    for (const setup of setups) for (const exchange of run(setup.name).sent) expect(exchange.label.trim(), `${exchange.request.method} ${exchange.request.target}`).not.toBe('');
  });

  it('sends no write and changes nothing when read-only', () => {
    const readOnly = run('read-only');
    expect(readOnly.sent.filter((e) => !readMethods.has(e.request.method)).map((e) => `${e.label}: ${e.request.method}`)).toEqual([]);
    expect([readOnly.appeared, readOnly.went, readOnly.outstanding]).toEqual([[], [], []]);
  });

  it('leaves on the mock exactly what its ledger names, and removes nothing it did not create', () => {
    for (const setup of setups) {
      const { appeared, outstanding, went } = run(setup.name);
      expect({ setup: setup.name, outstanding }).toEqual({ setup: setup.name, outstanding: appeared });
      expect({ setup: setup.name, went }).toEqual({ setup: setup.name, went: [] });
    }
  });

  it('changes, in each generated case, only the field its label names', () => {
    const perRun = [...runs.values()].map((r) => r.sent.filter((e) => /^generated (positive|negative): /.test(e.label)));
    if (!check.names.includes('generated_positive_inputs')) {
      expect(perRun.flat()).toEqual([]);
      return;
    }
    expect(perRun.flat().length).toBeGreaterThan(20);
    for (const generated of perRun) {
      // Per operation, field → the values it had in the cases that bent another field: one value each.
      const unbent = new Map<string, Set<string>>();
      for (const exchange of generated) {
        const place = `${exchange.label} → ${exchange.request.method} ${exchange.request.target} ${exchange.request.body ?? ''}`;
        const { location, name, shown } = parsedLabel(exchange.label);
        expect(location, place).toBeDefined();
        const fields = fieldsOf(exchange);
        expect(fields, place).not.toBeUndefined();
        const bent = `${location}:${name}`;
        if (location === 'query') expect(Object.keys(fields!).filter((k) => k.startsWith('query:')), place).toEqual([bent]);
        else expect(Object.keys(fields!).filter((k) => k.startsWith('query:')), place).toEqual([]);
        if (name === '(media type)') expect(exchange.request.headers['content-type'], place).toBe('text/plain');
        else if (shown === '(left out)') expect(Object.keys(fields!), place).not.toContain(bent);
        else expect(fields![bent]?.slice(0, 60), place).toBe(shown);
        if (location === 'body' && name !== '(media type)') expect(exchange.request.headers['content-type'], place).toMatch(/^application\/json/);
        for (const [field, value] of Object.entries(fields!)) {
          if (field === bent) continue;
          const seen = unbent.get(`${exchange.request.method} ${field}`) ?? new Set();
          unbent.set(`${exchange.request.method} ${field}`, seen.add(value));
        }
      }
      for (const [field, values] of unbent) expect([field, [...values]]).toEqual([field, [...values].slice(0, 1)]);
    }
  });

  it('sends the plan pinned for review', () => {
    expect(Object.fromEntries(setups.map((s) => [s.name, { ...(run(s.name).notRun === undefined ? {} : { notRun: run(s.name).notRun }), result: run(s.name).result, requests: plan(run(s.name)) }]))).toMatchSnapshot();
  });
});
