// Failures and latency on demand, one model for every adapter: per operation (its operationId in the
// document) or for all, a status with a problem body, a network error, or a delay; once, N times, or
// until cleared. A front-end test asks for a 503 on add, or a slow list, without writing a handler.
import type { operations } from '../../src/spec/generated/types.js';

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

export interface Faults {
  inject(spec: FaultSpec): Fault;
  list(): Fault[];
  /** Clears one fault, or every fault without an id; whether anything was cleared. */
  clear(id?: number): boolean;
  /** The fault that applies to this request of an operation (counted as used), if any. */
  take(operationId: string): Fault | undefined;
}

export function createFaults(): Faults {
  let faults: Fault[] = [];
  let nextId = 1;
  return {
    inject(spec) {
      const fault: Fault = { ...spec, id: nextId++, operation: spec.operation ?? '*', ...(spec.times === undefined ? {} : { remaining: spec.times }) };
      faults.push(fault);
      return { ...fault };
    },
    list: () => faults.map((fault) => ({ ...fault })),
    clear(id) {
      const before = faults.length;
      faults = id === undefined ? [] : faults.filter((fault) => fault.id !== id);
      return faults.length < before;
    },
    take(operationId) {
      // Asked on every request; with nothing injected (the usual case) it allocates nothing.
      // Stryker disable next-line ConditionalExpression: a shortcut; without it an empty list finds no fault either
      if (faults.length === 0) return undefined;
      // The newest fault that names the operation wins over an older or a '*' one.
      const newestFirst = [...faults].reverse();
      const fault = newestFirst.find((f) => f.operation === operationId) ?? newestFirst.find((f) => f.operation === '*');
      if (fault === undefined) return undefined;
      if (fault.remaining !== undefined) {
        fault.remaining--;
        if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault);
      }
      return { ...fault };
    },
  };
}
