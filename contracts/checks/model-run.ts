// A stateful model run against the deployment: sequences of add, get one, list by ticket and remove on
// --ticket, with the --equipment ids that are free there when the run starts, compared after every step
// with a reference model of a few lines (a set of ids). First a systematic phase, the same whatever the
// seed (every sequence of three writes over two ids, observed whole), so that a drift that needs two
// records at once is found on every run, not on the seeds that happen to hold two; then random
// sequences under --seed, a failing one shrunk by fast-check to its shortest form, sent once more and
// reported as numbered curl lines. Every sequence is undone before the next (and the ledger removes what
// is left), and the suite never removes a record it did not add: ids used on the ticket at the start are
// not in the pool.
import fc from 'fast-check';
import { behaviourCheckNames } from '../check-names.js';
import { curlFor, undoOf } from '../curl.js';
import type { Finding } from '../findings.js';
import type { LabelledExchange } from '../http-client.js';
import type { Ledger } from '../ledger.js';
import { rowKey, specValues, type ListBody } from '../spec-values.js';
import { bodyOf, findingFor, missingFixture, outcome, statusOf, type BehaviourCheck, type CheckContext, type Send } from './check.js';

export type ModelCommand = { kind: 'add' | 'get' | 'remove'; id: number } | { kind: 'list' };

/** Steps in all when --model-steps is not given. */
export const defaultModelSteps = 40;
const maxSequence = 12;
const replayLabel = 'model step';

const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
const is4xx = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

/** What the deployment should answer to a command, given the model's set of ids; undefined when it did. */
export function divergence(command: ModelCommand, model: Set<number>, exchange: LabelledExchange, ticketId: string, pool: readonly number[]): string | undefined {
  const status = statusOf(exchange);
  if (status === undefined) return `no answer (${outcome(exchange)})`;
  switch (command.kind) {
    case 'add':
      return model.has(command.id) ? (is4xx(status) ? undefined : `answered ${status}; ${command.id} is already on the ticket, so a 4xx refusal`) : is2xx(status) ? undefined : `answered ${status}; ${command.id} is free on the ticket, so a 2xx`;
    case 'remove':
      return model.has(command.id) ? (is2xx(status) ? undefined : `answered ${status}; ${command.id} is on the ticket, so a 2xx`) : is4xx(status) ? undefined : `answered ${status}; ${command.id} is not on the ticket, so a 4xx`;
    case 'get': {
      if (!model.has(command.id)) return status === 404 ? undefined : `answered ${status}; ${command.id} is not on the ticket, so 404`;
      const record = bodyOf(exchange) as { diagnostic_equipment_id?: unknown } | undefined;
      return status === 200 && record?.diagnostic_equipment_id === command.id ? undefined : `answered ${status}; ${command.id} is on the ticket, so 200 with that record`;
    }
    case 'list': {
      const body = bodyOf(exchange) as ListBody | undefined;
      if (status !== 200 || !Array.isArray(body?.result)) return `answered ${status}; the ticket's list, so 200`;
      const ids = new Set(body.result.filter((row) => rowKey(row).startsWith(`${ticketId}/`)).map((row) => Number(row.diagnostic_equipment_id)));
      const missing = [...model].filter((id) => !ids.has(id));
      const extra = pool.filter((id) => ids.has(id) && !model.has(id));
      if (missing.length === 0 && extra.length === 0) return undefined;
      return `the list ${[missing.length > 0 ? `lacks ${missing.join(', ')}` : '', extra.length > 0 ? `holds ${extra.join(', ')}` : ''].filter(Boolean).join(' and ')}, against the model`;
    }
  }
}

/** What a step was answered: for a list that showed its rows, the ids it held on the ticket (its status says nothing). */
function observed(command: ModelCommand, exchange: LabelledExchange, ticketId: string): unknown {
  const rows = (bodyOf(exchange) as ListBody | undefined)?.result;
  if (command.kind !== 'list' || statusOf(exchange) !== 200 || !Array.isArray(rows)) return outcome(exchange);
  return rows.filter((row) => rowKey(row).startsWith(`${ticketId}/`)).map((row) => Number(row.diagnostic_equipment_id));
}

/** The model after a command the deployment answered as expected. */
function apply(command: ModelCommand, model: Set<number>): void {
  if (command.kind === 'add') model.add(command.id);
  if (command.kind === 'remove') model.delete(command.id);
}

const describe = (command: ModelCommand) => (command.kind === 'list' ? 'list the ticket' : `${command.kind} ${command.id}`);

/**
 * The systematic phase's sequences over the first two ids of the pool (one, when it holds one): every
 * ordered pair of writes, with the ticket observed whole before and after (the list and GET one of each
 * id: the reads before would also prime any cache a later answer might wrongly come from); then every
 * three-write shape in which each write changes the ticket (two records at once, one of them removed; a
 * record removed and added again; …), observed after. 24 sequences over two ids.
 */
export function systematicSequences(pool: readonly number[]): ModelCommand[][] {
  const ids = pool.slice(0, 2);
  const writes: ModelCommand[] = ids.flatMap((id) => [{ kind: 'add' as const, id }, { kind: 'remove' as const, id }]);
  const observe: ModelCommand[] = [{ kind: 'list' }, ...ids.map((id) => ({ kind: 'get' as const, id }))];
  const pairs = writes.flatMap((first) => writes.map((second) => [...observe, first, second, ...observe]));
  /** The writes that change the ticket from the model's state. */
  const changing = (held: Set<number>) => writes.filter((w) => w.kind !== 'list' && (w.kind === 'add' ? !held.has(w.id) : held.has(w.id)));
  const shapes: ModelCommand[][] = [];
  const grow = (sequence: ModelCommand[], held: Set<number>) => {
    if (sequence.length === 3) return void shapes.push([...sequence, ...observe]);
    for (const write of changing(held)) {
      const next = new Set(held);
      apply(write, next);
      grow([...sequence, write], next);
    }
  };
  grow([], new Set());
  return [...pairs, ...shapes];
}

export const modelRunCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.modelRun],
  uses: ['ticket', 'equipment'],
  notRunReason(context) {
    if (context.readOnly) return '--read-only: the model run writes';
    return missingFixture(context, 'ticket') ?? missingFixture(context, 'equipment');
  },
  async probe(send: Send, context: CheckContext, ledger: Ledger) {
    const values = specValues(context.spec);
    const ticketId = context.fixtures.ticket!;
    const listTarget = `${values.collection}?ticket_id=${encodeURIComponent(ticketId)}&limit=${values.limit.max ?? 1000}`;
    // The pool: ids free on the ticket now; the model starts empty of them.
    const pool: number[] = [];
    for (const id of context.fixtures.equipment) if (statusOf(await send(`model: is ${id} free`, 'GET', values.oneTarget(ticketId, id))) === 404) pool.push(id);
    if (pool.length === 0) return 'every --equipment id is already used on --ticket; the model run needs a free one';

    /**
     * Sends a sequence, judging each answer against the model; false at the first that diverges (the
     * sequence stops there). Afterwards the sequence is undone, so the next meets the state this one met:
     * a sequence that ended in a full observation and agreed throughout leaves what the model holds; any
     * other may have left any id of the pool.
     */
    const run = async (commands: ModelCommand[], label: (index: number) => string, sent: LabelledExchange[] = []): Promise<boolean> => {
      const model = new Set<number>();
      let agreed = false;
      try {
        for (const [index, command] of commands.entries()) {
          const exchange =
            command.kind === 'add'
              ? await send(label(index), 'POST', values.collection, { json: { ticket_id: ticketId, diagnostic_equipment_id: command.id } })
              : command.kind === 'remove'
                ? await send(label(index), 'DELETE', values.oneTarget(ticketId, command.id))
                : command.kind === 'get'
                  ? await send(label(index), 'GET', values.oneTarget(ticketId, command.id))
                  : await send(label(index), 'GET', listTarget);
          sent.push(exchange);
          if (command.kind === 'add' && (is2xx(statusOf(exchange)) || statusOf(exchange) === undefined)) ledger.created({ ticketId, equipmentId: command.id });
          if (command.kind === 'remove' && is2xx(statusOf(exchange))) ledger.removed({ ticketId, equipmentId: command.id });
          if (divergence(command, model, exchange, ticketId, pool) !== undefined) return false;
          apply(command, model);
        }
        agreed = true;
        return true;
      } finally {
        const observed = agreed && pool.every((id) => commands.some((c) => c.kind === 'get' && c.id === id));
        for (const id of observed ? [...model] : pool) {
          const removed = await send('model: undo', 'DELETE', values.oneTarget(ticketId, id));
          if (is2xx(statusOf(removed))) ledger.removed({ ticketId, equipmentId: id });
        }
      }
    };
    const stepLabel = (commands: ModelCommand[]) => (index: number) => `${replayLabel} ${index + 1}: ${describe(commands[index]!)}`;

    // The systematic phase, the same on every seed: over two free ids, every sequence of three writes
    // (so every ordered pair of writes, and each shape that follows from it), each then observed whole.
    // The first that fails, in this fixed order, is the report: its own exchanges, relabelled, so that a
    // deployment cannot turn the verdict by answering a second sending otherwise.
    for (const commands of systematicSequences(pool)) {
      const sent: LabelledExchange[] = [];
      if (await run(commands, () => 'model: systematic', sent)) continue;
      sent.forEach((exchange, index) => (exchange.label = stepLabel(commands)(index)));
      return;
    }

    const steps = context.generation.modelSteps ?? defaultModelSteps;
    const id = fc.constantFrom(...pool);
    const command: fc.Arbitrary<ModelCommand> = fc.oneof(
      id.map((value) => ({ kind: 'add' as const, id: value })),
      id.map((value) => ({ kind: 'remove' as const, id: value })),
      id.map((value) => ({ kind: 'get' as const, id: value })),
      fc.constant({ kind: 'list' as const }),
    );
    const maxLength = Math.min(maxSequence, steps);
    const details = await fc.check(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength }), (commands) => run(commands, () => 'model: search')),
      { seed: context.generation.seed, numRuns: Math.max(1, Math.ceil(steps / ((maxLength + 1) / 2))) },
    );
    // The shortest failing sequence, once more, for the report.
    // fast-check gives a counterexample to a failed run only.
    if (details.counterexample !== null) await run(details.counterexample[0], stepLabel(details.counterexample[0]));
  },
  evaluate(exchanges: LabelledExchange[], context: CheckContext): Finding[] {
    const steps = exchanges.filter((e) => e.label.startsWith(`${replayLabel} `));
    // The random phase runs only when the systematic one found nothing: without it, the sequence is systematic.
    const systematic = !exchanges.some((e) => e.label === 'model: search');
    const ticketId = context.fixtures.ticket!;
    const model = new Set<number>();
    for (const [index, exchange] of steps.entries()) {
      const text = exchange.label.slice(exchange.label.indexOf(': ') + 2);
      const [kind, id] = text.split(' ');
      // Stryker disable next-line ConditionalExpression,StringLiteral: a list command's id is never read
      const command: ModelCommand = kind === 'list' ? { kind: 'list' } : { kind: kind as 'add' | 'get' | 'remove', id: Number(id) };
      const why = divergence(command, model, exchange, ticketId, context.fixtures.equipment);
      if (why === undefined) {
        apply(command, model);
        continue;
      }
      const sent = steps.slice(0, index + 1);
      const lines = sent.map((step, n) => `# ${n + 1}. ${step.label.slice(step.label.indexOf(': ') + 2)}\n${curlFor(step.request, context.baseUrl, context.apiKeyHeader)}`);
      // Whatever the sequence added, removed again once it has been seen: the ids it added, once each.
      const added = [...new Set(sent.filter((step) => step.request.method === 'POST').map((step) => step.request))].filter((request, at, all) => all.findIndex((r) => r.body === request.body) === at);
      const undo = added.map((request) => undoOf(request, context.spec)).filter((request) => request !== undefined).map((request) => curlFor(request, context.baseUrl, context.apiKeyHeader));
      if (undo.length > 0) lines.push('# undo:', ...undo);
      return [
        findingFor(
          exchange,
          {
            check: 'stateful_model',
            expected: `what the model holds ${index === 0 ? 'before the first step' : `after steps 1..${index}`}: ${[...model].join(', ') || 'none of the ids'} on the ticket`,
            actual: observed(command, exchange, ticketId),
            message: `step ${index + 1} of ${systematic ? 'the first failing sequence of the systematic phase (the same on every seed)' : `the shortest failing sequence (seed ${context.generation.seed})`} ${why}; the sequence:\n${lines.join('\n')}`,
          },
          context,
        ),
      ];
    }
    return [];
  },
};
