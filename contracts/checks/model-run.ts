// A stateful model run against the deployment: random sequences of add, get one, list by ticket and
// remove on --ticket, with the --equipment ids that are free there when the run starts, compared after
// every step with a reference model of a few lines (a set of ids). fast-check shrinks a failing
// sequence to its shortest form, which is sent once more and reported as numbered curl lines. Every
// sequence is undone before the next (and the ledger removes what is left), and the suite never removes
// a record it did not add: ids used on the ticket at the start are not in the pool.
import fc from 'fast-check';
import { behaviourCheckNames } from '../check-names.js';
import { curlFor } from '../curl.js';
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

/** The model after a command the deployment answered as expected. */
function apply(command: ModelCommand, model: Set<number>): void {
  if (command.kind === 'add') model.add(command.id);
  if (command.kind === 'remove') model.delete(command.id);
}

const describe = (command: ModelCommand) => (command.kind === 'list' ? 'list the ticket' : `${command.kind} ${command.id}`);

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

    const run = async (commands: ModelCommand[], label: (index: number) => string): Promise<boolean> => {
      const model = new Set<number>();
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
          if (command.kind === 'add' && (is2xx(statusOf(exchange)) || statusOf(exchange) === undefined)) ledger.created({ ticketId, equipmentId: command.id });
          if (command.kind === 'remove' && is2xx(statusOf(exchange))) ledger.removed({ ticketId, equipmentId: command.id });
          if (divergence(command, model, exchange, ticketId, pool) !== undefined) return false;
          apply(command, model);
        }
        return true;
      } finally {
        // Undo the sequence, so that the next one meets the state this one met.
        for (const id of pool) {
          const removed = await send('model: undo', 'DELETE', values.oneTarget(ticketId, id));
          if (is2xx(statusOf(removed))) ledger.removed({ ticketId, equipmentId: id });
        }
      }
    };

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
    if (details.counterexample !== null) await run(details.counterexample[0], (index) => `${replayLabel} ${index + 1}: ${describe(details.counterexample![0][index]!)}`);
  },
  evaluate(exchanges: LabelledExchange[], context: CheckContext): Finding[] {
    const steps = exchanges.filter((e) => e.label.startsWith(`${replayLabel} `));
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
      const lines = steps.slice(0, index + 1).map((step, n) => `# ${n + 1}. ${step.label.slice(step.label.indexOf(': ') + 2)}\n${curlFor(step.request, context.baseUrl, context.apiKeyHeader)}`);
      return [
        findingFor(
          exchange,
          {
            check: 'stateful_model',
            expected: `what the model holds ${index === 0 ? 'before the first step' : `after steps 1..${index}`}: ${[...model].join(', ') || 'none of the ids'} on the ticket`,
            actual: outcome(exchange),
            message: `step ${index + 1} of the shortest failing sequence (seed ${context.generation.seed}) ${why}; the sequence:\n${lines.join('\n')}`,
          },
          context,
        ),
      ];
    }
    return [];
  },
};
