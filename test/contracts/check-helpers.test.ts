// The helpers every check reads exchanges with: which operation an exchange addressed, what came back,
// and whether it is a problem. Each reads exchanges that lack parts (no answer, no content type). And
// the two every write check leans on: why a fixture is missing, and an undo that reads itself back.
import { describe, expect, it } from 'vitest';
import { isProblem, missingFixture, operationName, outcome, removeAgain, type CheckContext, type Fixtures, type Send } from '../../contracts/checks/check.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { createLedger } from '../../contracts/ledger.js';
import { specValues } from '../../contracts/spec-values.js';
import { compiledSpec } from '../../src/spec/index.js';

const spec = compiledSpec();

const sent = (headers: Record<string, string> | undefined, extra: Partial<LabelledExchange> = {}): LabelledExchange => ({
  label: 'x',
  auth: 'both',
  attempts: 1,
  request: { method: 'GET', target: '/v2/elsewhere?limit=1', headers: {} },
  ...(headers === undefined ? {} : { response: { status: 409, headers, bodyText: '{}', durationMs: 1 } }),
  ...extra,
});

describe('the check helpers', () => {
  it('name an exchange by its operation, or by method and path when the document has none for it', () => {
    expect(operationName(sent({}, { operationId: 'listUsedDiagnosticEquipment' }))).toBe('listUsedDiagnosticEquipment');
    expect(operationName(sent({}))).toBe('GET /v2/elsewhere');
  });

  it('say what came back: the status, the transport error, or that nothing was sent', () => {
    expect(outcome(sent({}))).toBe(409);
    expect(outcome(sent(undefined, { error: { kind: 'timeout', message: 'no answer within 100 ms' } }))).toBe('no answer: no answer within 100 ms');
    expect(outcome(sent(undefined))).toBe('no answer: not sent');
  });

  it('take a problem by its media type, parameters and spaces aside, and nothing else', () => {
    expect(isProblem(sent({ 'content-type': 'application/problem+json' }))).toBe(true);
    expect(isProblem(sent({ 'content-type': 'application/problem+json ; charset=utf-8' }))).toBe(true);
    expect(isProblem(sent({ 'content-type': 'application/json' }))).toBe(false);
    expect(isProblem(sent({}))).toBe(false);
    expect(isProblem(sent(undefined))).toBe(false);
    expect(isProblem(undefined)).toBe(false);
  });
});

describe('missingFixture', () => {
  const context = (fixtures: Partial<Fixtures>, fixtureProblems?: CheckContext['fixtureProblems']): CheckContext => ({
    spec,
    fixtures: { equipment: [40], probeRemoveRule: false, ticket: 't', closedTicket: 'c', unknownEquipment: 99_999, ...fixtures },
    readOnly: false,
    baseUrl: 'https://staging.example.test',
    apiKeyHeader: 'X-Api-Key',
    generation: { seed: 1, maxCases: 5 },
    ...(fixtureProblems === undefined ? {} : { fixtureProblems }),
  });

  it('says nothing of a fixture that was given', () => {
    for (const name of ['ticket', 'closedTicket', 'equipment', 'unknownEquipment'] as const) expect(missingFixture(context({}), name)).toBeUndefined();
  });

  it('names the option a missing fixture needs; equipment is missing when no id is given', () => {
    expect(missingFixture(context({ ticket: undefined }), 'ticket')).toBe('needs --ticket (an In Progress ticket the suite may write on)');
    expect(missingFixture(context({ closedTicket: undefined }), 'closedTicket')).toBe('needs --closed-ticket (a ticket that is not In Progress)');
    expect(missingFixture(context({ equipment: [] }), 'equipment')).toBe('needs --equipment (a catalogue id the suite may add)');
    expect(missingFixture(context({ unknownEquipment: undefined }), 'unknownEquipment')).toBe('needs --unknown-equipment (a catalogue id the deployment does not have; the suite cannot know one)');
  });

  it('gives the preflight’s problem with a fixture it left out instead, and only for that fixture', () => {
    const problems = { equipment: 'every --equipment id (40) is already used on the ticket' };
    expect(missingFixture(context({ equipment: [] }, problems), 'equipment')).toBe(problems.equipment);
    expect(missingFixture(context({ ticket: undefined }, problems), 'ticket')).toBe('needs --ticket (an In Progress ticket the suite may write on)');
    expect(missingFixture(context({}, problems), 'equipment')).toBeUndefined();
  });
});

describe('removeAgain', () => {
  const context: CheckContext = { spec, fixtures: { equipment: [], probeRemoveRule: false }, readOnly: false, baseUrl: 'https://staging.example.test', apiKeyHeader: 'X-Api-Key', generation: { seed: 1, maxCases: 5 } };
  const record = { ticketId: '595be628-f6f2-4262-9c10-6389c6c4a5b8', equipmentId: 40 };
  const target = specValues(spec).oneTarget(record.ticketId, record.equipmentId);

  const answered = (label: string, method: string, to: string, status: number | undefined): LabelledExchange => ({
    label,
    auth: 'both',
    attempts: 1,
    request: { method, target: to, headers: {} },
    ...(status === undefined ? { error: { kind: 'timeout' as const, message: 'no answer' } } : { response: { status, headers: {}, bodyText: '', durationMs: 1 } }),
  });

  /** Removes the record from a deployment answering the DELETE with `removed` and the GET after it with `read`. */
  async function remove(removed: number | undefined, read?: number) {
    const sent: string[] = [];
    const send: Send = async (label, method, to) => {
      sent.push(`${label} ${method} ${to}`);
      return answered(label, method, to, method === 'DELETE' ? removed : read);
    };
    const ledger = createLedger();
    ledger.created(record);
    const gone = await removeAgain(send, context, ledger, record, 'a check');
    return { gone, sent, outstanding: ledger.outstanding() };
  }

  it('removes the record, reads the removal back, and only then takes it off the ledger', async () => {
    for (const status of [200, 204, 299]) {
      expect(await remove(status, 404)).toEqual({ gone: true, sent: [`a check: undo DELETE ${target}`, `a check: undone? GET ${target}`], outstanding: [] });
    }
  });

  it('keeps the record in the ledger when the remove was not a success, without reading it back', async () => {
    for (const status of [undefined, 199, 300, 404, 500]) {
      expect(await remove(status, 404)).toEqual({ gone: false, sent: [`a check: undo DELETE ${target}`], outstanding: [record] });
    }
  });

  it('keeps it when the record is still there after a remove that answered success', async () => {
    for (const read of [200, 500, undefined]) {
      expect(await remove(204, read)).toEqual({ gone: false, sent: [`a check: undo DELETE ${target}`, `a check: undone? GET ${target}`], outstanding: [record] });
    }
  });
});
