// Probes meeting answers the kit's own mock never gives: a write that got no answer (it may still have
// been applied, so the ledger keeps it for cleanup), a GET one that answers neither 404 nor the record.
// The probes run on a scripted `send`: the mock's core answers, except where a test says otherwise.
import { describe, expect, it } from 'vitest';
import type { BehaviourCheck, CheckContext, Send } from '../../contracts/checks/check.js';
import { FixtureProblem } from '../../contracts/checks/check.js';
import { generatedInputsCheck } from '../../contracts/checks/generated-inputs.js';
import { listWalkCheck, maxWalkPages } from '../../contracts/checks/list-walk.js';
import { specValues } from '../../contracts/spec-values.js';
import { modelRunCheck } from '../../contracts/checks/model-run.js';
import { inProgressAddCheck, lifecycleCheck } from '../../contracts/checks/write-checks.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { createLedger } from '../../contracts/ledger.js';
import { createMock } from '../../mocks/core/mock.js';
import { compiledSpec } from '../../src/spec/index.js';
import { selfTestOptions } from './contract-fixtures.js';

const spec = compiledSpec();
const { fixtures, seed } = selfTestOptions('http://unused');
const ticket = fixtures.ticket!;
const context: CheckContext = { spec, fixtures, readOnly: false, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: seed!, maxCases: 5, modelSteps: 12 } };

type Scripted = { status: number; body?: unknown } | 'no answer' | undefined;

/** A send answered by the mock's core, or by `script` where it returns an answer. */
function scriptedSend(script: (label: string, method: string, target: string) => Scripted) {
  const mock = createMock({ auth: { mode: 'off' } });
  const sent: LabelledExchange[] = [];
  const send: Send = async (label, method, target, options = {}) => {
    const body = options.json === undefined ? options.text : JSON.stringify(options.json);
    const headers = { 'content-type': options.headers?.['content-type'] ?? 'application/json' };
    const request = { method, target, headers, ...(body === undefined ? {} : { body }) };
    const scripted = script(label, method, target);
    const base = { label, auth: options.auth ?? ('both' as const), attempts: 1, request };
    let exchange: LabelledExchange;
    if (scripted === 'no answer') exchange = { ...base, error: { kind: 'timeout', message: 'no answer within 5000 ms' } };
    else if (scripted !== undefined) {
      exchange = { ...base, response: { status: scripted.status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(scripted.body ?? {}), durationMs: 1 } };
    } else {
      const [path = '', search = ''] = target.split('?');
      const answer = mock.handle({ method, path, query: new URLSearchParams(search), headers, body: body === undefined ? undefined : new TextEncoder().encode(body) });
      exchange = { ...base, response: { status: answer.status, headers: answer.headers, bodyText: answer.body ?? '', durationMs: 1 } };
    }
    sent.push(exchange);
    return exchange;
  };
  return { send, sent, mock };
}

async function probe(check: BehaviourCheck, script: (label: string, method: string, target: string) => Scripted, equipment = fixtures.equipment) {
  const { send, sent } = scriptedSend(script);
  const ledger = createLedger();
  const result = await check.probe(send, { ...context, fixtures: { ...fixtures, equipment } }, ledger);
  return { result, sent, outstanding: ledger.outstanding() };
}

const record = (id: number) => ({ ticket_id: ticket, diagnostic_equipment_id: id, name: 'Tester', version: null });
const addedId = (sent: LabelledExchange[]) => (JSON.parse(sent.find((e) => e.label === 'add')?.request.body ?? '{}') as { diagnostic_equipment_id?: number }).diagnostic_equipment_id;

describe('the lifecycle probe', () => {
  it('adds the first id certainly free on the ticket (GET one 404), before one whose answer says nothing either way', async () => {
    const { sent } = await probe(lifecycleCheck, (label) => (label === 'is 40 unused' ? { status: 500 } : undefined));
    expect(sent.slice(0, 2).map((e) => e.label)).toEqual(['is 40 unused', 'is 39 unused']);
    expect(addedId(sent)).toBe(39);
  });

  it('falls back to the first id whose answer is unclear (not 404, not that record) when none is certainly free', async () => {
    const answers: Record<string, Scripted> = { 'is 40 unused': { status: 200, body: record(40) }, 'is 39 unused': { status: 200, body: record(41) }, 'is 38 unused': { status: 500 } };
    const { sent, result } = await probe(lifecycleCheck, (label) => answers[label], [40, 39, 38]);
    expect(result).toBeUndefined();
    expect(addedId(sent)).toBe(39);
  });

  it('says every id is used when each GET one answers that very record, and writes nothing', async () => {
    const { sent, result } = await probe(lifecycleCheck, (label) => (label.startsWith('is ') ? { status: 200, body: record(Number(label.split(' ')[1])) } : undefined));
    expect(result).toEqual(new FixtureProblem(`every --equipment id (40, 39) is already used on ticket ${ticket}; give one that is not`));
    expect(sent.map((e) => e.request.method)).toEqual(['GET', 'GET']);
  });

  it('keeps in its ledger an add that got no answer: it may have been applied', async () => {
    const { outstanding } = await probe(lifecycleCheck, (label) => (label === 'add' ? 'no answer' : undefined));
    expect(outstanding).toEqual([{ ticketId: ticket, equipmentId: 40 }]);
  });
});

describe('the list walk probe', () => {
  const values = specValues(spec);
  const size = values.limit.max!;
  const firstPage = (answer: Scripted) => (label: string) => (label === 'walk page 1' ? answer : undefined);

  it('reads every page of a list longer than one, at the largest limit', async () => {
    const total = 2 * size + 1;
    const { sent, result } = await probe(listWalkCheck, firstPage({ status: 200, body: { query: { limit: size, offset: 0 }, result: [], total } }));
    expect(result).toBeUndefined();
    expect(sent.map((e) => `${e.label}: ${e.request.target}`)).toEqual([0, 1, 2].map((page) => `walk page ${page + 1}: ${values.collection}?limit=${size}&offset=${page * size}`));
  });

  it('says why it cannot walk a list without a total, or one longer than it reads', async () => {
    expect((await probe(listWalkCheck, firstPage({ status: 503 }))).result).toBe('the first page did not answer 200 with a numeric total');
    expect((await probe(listWalkCheck, firstPage({ status: 200, body: { result: [] } }))).result).toBe('the first page did not answer 200 with a numeric total');
    const longest = maxWalkPages * size;
    expect((await probe(listWalkCheck, firstPage({ status: 200, body: { result: [], total: longest } }))).sent).toHaveLength(maxWalkPages);
    const tooLong = await probe(listWalkCheck, firstPage({ status: 200, body: { result: [], total: longest + 1 } }));
    expect(tooLong.result).toBe(`the list holds ${longest + 1} rows, more than the ${maxWalkPages} pages of ${size} the walk reads`);
    expect(tooLong.sent).toHaveLength(1);
  });
});

describe("the 'In Progress' rule's probe", () => {
  it('keeps in its ledger an add the closed ticket accepted, for cleanup to take back', async () => {
    const { outstanding } = await probe(inProgressAddCheck, (label) => (label === 'add to closed' ? { status: 201 } : undefined));
    expect(outstanding).toEqual([{ ticketId: fixtures.closedTicket, equipmentId: 40 }]);
  });
});

describe('the generated inputs probe', () => {
  it('removes at once what an unanswered write may have created, and keeps it in the ledger until a remove succeeds', async () => {
    const { sent, outstanding } = await probe(generatedInputsCheck, (label, method) => (method === 'POST' && label.startsWith('generated') ? 'no answer' : undefined));
    const posts = sent.filter((e) => e.request.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    // Each unanswered POST that named an integer id is followed by a DELETE of that id.
    const named = posts.map((e) => (JSON.parse(e.request.body ?? '{}') as { diagnostic_equipment_id?: unknown }).diagnostic_equipment_id).filter((id): id is number => Number.isInteger(id));
    expect(named.length).toBeGreaterThan(0);
    expect(sent.filter((e) => e.label === 'generated cleanup: undo').map((e) => e.request.target.split('/').pop())).toEqual(named.map(String));
    // Nothing was created (the mock never saw the POSTs): each DELETE is 404, so the ledger keeps them all.
    const byValue = (a: number, b: number) => a - b;
    expect(outstanding.map((r) => r.equipmentId).sort(byValue)).toEqual([...named].sort(byValue));
  });
});

describe('the model run', () => {
  it('reports a failing systematic sequence from its own exchanges, each step labelled with its command', async () => {
    const listing = (_label: string, method: string, target: string): Scripted => (method === 'GET' && target.includes('?ticket_id=') ? { status: 503 } : undefined);
    const failedList = await probe(modelRunCheck, listing);
    expect(failedList.sent.filter((e) => e.label.startsWith('model step ')).map((e) => e.label)).toEqual(['model step 1: list the ticket']);
    const [finding] = modelRunCheck.evaluate(failedList.sent, context);
    // The systematic phase's first sequence opens with the list: its first step is the report, on any seed.
    expect(finding!.message.split('\n').slice(0, 2)).toEqual([`step 1 of the first failing sequence of the systematic phase (the same on every seed) answered 503; the ticket's list, so 200; the sequence:`, '# 1. list the ticket']);

    const getting = (_label: string, method: string, target: string): Scripted => (method === 'GET' && !target.includes('?') ? { status: 503 } : undefined);
    const failedGet = await probe(modelRunCheck, (label, method, target) => (label.startsWith('model: is') ? undefined : getting(label, method, target)));
    // Met by the systematic phase's first sequence (it reads the list, then each id): reported up to there.
    expect(failedGet.sent.filter((e) => e.label.startsWith('model step ')).map((e) => e.label)).toEqual(['model step 1: list the ticket', 'model step 2: get 40']);
  });


  it('runs the random phase when the systematic one agrees, and reports its shortest failing sequence, sent once more', async () => {
    // A deployment that fails GET one after four writes in a row: the systematic phase never writes more
    // than three before it reads, random sequences (up to 12 steps, under the seed) do.
    let writesInARow = 0;
    const script = (label: string, method: string, target: string): Scripted => {
      if (method === 'POST' || method === 'DELETE') writesInARow = label === 'model: undo' ? 0 : writesInARow + 1;
      else if (!target.includes('?')) {
        const afterFour = writesInARow >= 4;
        writesInARow = 0;
        if (afterFour) return { status: 500 };
      } else writesInARow = 0;
      return undefined;
    };
    const { send, sent } = scriptedSend(script);
    const generous = { ...context, generation: { ...context.generation, modelSteps: 200 } };
    await modelRunCheck.probe(send, generous, createLedger());
    expect(sent.filter((e) => e.label === 'model: systematic').length).toBeGreaterThan(100);
    expect(sent.some((e) => e.label === 'model: search')).toBe(true);
    const steps = sent.filter((e) => e.label.startsWith('model step ')).map((e) => e.label.replace(/^model step \d+: /, ''));
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps.at(-1)).toMatch(/^get \d+$/);
    const [finding] = modelRunCheck.evaluate(sent, generous);
    expect(finding!.message.split('\n')[0]).toMatch(new RegExp(`^step ${steps.length} of the shortest failing sequence \\(seed ${seed}\\) answered 500;`));
  });

  it('keeps in its ledger an add that got no answer', async () => {
    const { outstanding } = await probe(modelRunCheck, (_label, method) => (method === 'POST' ? 'no answer' : undefined));
    expect(outstanding.length).toBeGreaterThan(0);
    expect(new Set(outstanding.map((r) => r.ticketId))).toEqual(new Set([ticket]));
  });
});
