// Failures and latency on demand, one model for every adapter: per operation (its operationId in the
// document) or for all, a status with a problem body, a network error, or a delay; once, N times, or
// until cleared. A front-end test asks for a 503 on add, or a slow list, without writing a handler.
import type { operations } from '../../src/spec/generated/types.js';
import { tooManyFaults, type ProblemResult } from './problems.js';

/** An operation of the document, by its operationId: a name that is not one is a compile error. */
export type OperationId = keyof operations;

export interface FaultSpec {
  /** The operation to fail, or '*' (the default) for every operation of the API. */
  operation?: OperationId | '*';
  /** Answer this status with a problem body instead of the operation's own answer. */
  status?: number;
  /** Close the connection without an answer (the browser's fetch rejects with a TypeError). */
  networkError?: boolean;
  /** Wait this long before answering (with the fault's status, or the operation's own answer). */
  delayMs?: number;
  /** How many requests it applies to; until cleared when absent. */
  times?: number;
}

export interface Fault extends FaultSpec {
  id: number;
  operation: OperationId | '*';
  /** Requests it still applies to; absent: until cleared. */
  remaining?: number;
}

/**
 * How many faults may be in force at once. A test needs a handful; without a bound, a client posting
 * faults in a loop slows every request and makes `GET /__admin/faults` as large as it likes.
 */
export const maxActiveFaults = 1_000;

export interface Faults {
  /** Adds a fault (its spec already checked), or refuses it when `maxActiveFaults` are in force. */
  inject(spec: FaultSpec): { ok: true; fault: Fault } | { ok: false; problem: ProblemResult };
  list(): Fault[];
  /** Clears one fault, or every fault without an id; whether anything was cleared. */
  clear(id?: number): boolean;
  /** The fault that applies to this request of an operation (counted as used), if any. */
  take(operationId: string): Fault | undefined;
}

export function createFaults(): Faults {
  // Every fault by id, in the order injected (ids only grow), and the same faults per operation name
  // ('*' included), oldest first: a request looks at the newest fault of its operation and of '*' only.
  const byId = new Map<number, Fault>();
  const byOperation = new Map<string, Fault[]>();
  let nextId = 1;

  const remove = (fault: Fault) => {
    byId.delete(fault.id);
    const same = byOperation.get(fault.operation);
    // Stryker disable next-line ConditionalExpression: a fault in byId is always in its operation's list
    if (same === undefined) return;
    same.splice(same.indexOf(fault), 1);
    if (same.length === 0) byOperation.delete(fault.operation);
  };

  return {
    inject(spec) {
      if (byId.size >= maxActiveFaults) return { ok: false, problem: tooManyFaults(maxActiveFaults) };
      const fault: Fault = { ...spec, id: nextId++, operation: spec.operation ?? '*', ...(spec.times === undefined ? {} : { remaining: spec.times }) };
      byId.set(fault.id, fault);
      const same = byOperation.get(fault.operation);
      if (same === undefined) byOperation.set(fault.operation, [fault]);
      else same.push(fault);
      return { ok: true, fault: { ...fault } };
    },
    list: () => Array.from(byId.values(), (fault) => ({ ...fault })),
    clear(id) {
      if (id === undefined) {
        const any = byId.size > 0;
        byId.clear();
        byOperation.clear();
        return any;
      }
      const fault = byId.get(id);
      if (fault === undefined) return false;
      remove(fault);
      return true;
    },
    take(operationId) {
      // The newest fault that names the operation wins over an older or a '*' one. Asked on every
      // request: two map look-ups, nothing copied, nothing allocated when no fault applies.
      const fault = byOperation.get(operationId)?.at(-1) ?? byOperation.get('*')?.at(-1);
      if (fault === undefined) return undefined;
      if (fault.remaining !== undefined) {
        fault.remaining--;
        if (fault.remaining <= 0) remove(fault);
      }
      return { ...fault };
    },
  };
}
