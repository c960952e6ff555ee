// What a behaviour check is: a probe that sends the requests it needs (the only I/O), and a pure
// evaluation of the recorded exchanges into findings. One check may evaluate several named rules.
import type { CompiledSpec } from '../../src/spec/index.js';
import type { LabelledExchange, SendOptions } from '../http-client.js';
import type { Finding, Severity } from '../findings.js';
import { boundedValue, typeOf } from '../findings.js';
import { reproduction } from '../curl.js';
import type { Ledger } from '../ledger.js';
import { parsedBody } from '../parsed-body.js';
import { specValues } from '../spec-values.js';
import type { Scrub } from '../secrets.js';
import type { FixtureName } from '../fixture-preflight.js';

export interface Fixtures {
  /** An In Progress ticket the suite may add to and remove from. */
  ticket?: string | undefined;
  /** A ticket that is not In Progress, for the rule. */
  closedTicket?: string | undefined;
  /** Catalogue ids the suite may add. */
  equipment: number[];
  /** Allow the rule's DELETE on a record of the closed ticket that the suite did not create. */
  probeRemoveRule: boolean;
  /** A catalogue id the deployment does not have (the suite cannot know one). */
  unknownEquipment?: number | undefined;
}

const fixtureFlags: Record<FixtureName, string> = {
  ticket: 'needs --ticket (an In Progress ticket the suite may write on)',
  closedTicket: 'needs --closed-ticket (a ticket that is not In Progress)',
  equipment: 'needs --equipment (a catalogue id the suite may add)',
  unknownEquipment: 'needs --unknown-equipment (a catalogue id the deployment does not have; the suite cannot know one)',
};

/**
 * Why a check cannot have a fixture: the preflight's problem with it (under --allow-not-run), or that it
 * was not given; undefined when it is there.
 */
export function missingFixture(context: CheckContext, name: FixtureName): string | undefined {
  const given = name === 'equipment' ? context.fixtures.equipment.length > 0 : context.fixtures[name] !== undefined;
  if (given) return undefined;
  return context.fixtureProblems?.[name] ?? fixtureFlags[name];
}

export interface CheckContext {
  spec: CompiledSpec;
  fixtures: Fixtures;
  readOnly: boolean;
  baseUrl: string;
  apiKeyHeader: string;
  /** Removes the suite's credentials from a text: applied to every value before a finding keeps it. */
  scrub?: Scrub;
  /** For the inputs generated from the document: the seed (printed in every report) and the bound. */
  generation: { seed: number; maxCases: number; modelSteps?: number };
  /** What the preflight found wrong with fixtures it then left out (--allow-not-run): the not-run reasons. */
  fixtureProblems?: Partial<Record<FixtureName, string>>;
}

export type Send = (label: string, method: string, target: string, options?: SendOptions) => Promise<LabelledExchange>;

/**
 * What a probe returns when the fixtures it was given cannot be used (every --equipment id already on
 * the ticket, a ticket the deployment does not know): the user's setup, not drift. The run exits 2
 * with it, unless --allow-not-run lets such checks be reported as not run.
 */
export class FixtureProblem {
  constructor(readonly reason: string) {}
}

export interface BehaviourCheck {
  /** The rule names this check reports on (what --only and --skip select, what the summary counts). */
  names: string[];
  /** The write fixtures the probe uses: the preflight tries these before any check runs. */
  uses?: FixtureName[];
  /** Why the probe cannot run with these options, or undefined when it can. */
  notRunReason?(context: CheckContext): string | undefined;
  /** Sends the check's requests; records what it creates in the ledger. May return why it could not run after all. */
  probe(send: Send, context: CheckContext, ledger: Ledger): Promise<string | FixtureProblem | void>;
  evaluate(exchanges: LabelledExchange[], context: CheckContext): Finding[];
}

export interface FindingInput {
  check: string;
  severity?: Severity;
  pointer?: string;
  expected: unknown;
  actual: unknown;
  message: string;
  occurrences?: number;
}

/** The document's operationId an exchange addressed, or "METHOD path" for a request outside the document. */
export const operationName = (exchange: LabelledExchange): string =>
  exchange.operationId ?? `${exchange.request.method} ${exchange.request.target.split('?')[0]}`;

export function findingFor(exchange: LabelledExchange, input: FindingInput, context: CheckContext): Finding {
  // Secrets go before anything is cut: a cut could otherwise leave the start of one behind.
  const scrub = context.scrub ?? ((text: string) => text);
  return {
    severity: input.severity ?? 'error',
    check: input.check,
    operation: operationName(exchange),
    request: { method: exchange.request.method, target: scrub(exchange.request.target) },
    pointer: scrub(input.pointer ?? ''),
    expected: boundedValue(input.expected, scrub),
    actual: { value: boundedValue(input.actual, scrub), type: typeOf(input.actual) },
    message: scrub(input.message),
    curl: scrub(reproduction(exchange.request, context.baseUrl, context.apiKeyHeader, context.spec)),
    occurrences: input.occurrences ?? 1,
  };
}

/** The exchange a probe labelled so, if it was sent. */
export function byLabel(exchanges: LabelledExchange[], label: string): LabelledExchange | undefined {
  return exchanges.find((e) => e.label === label);
}

/** The parsed JSON body of a response, or undefined when there is none or it is not JSON. */
export function bodyOf(exchange: LabelledExchange | undefined): unknown {
  if (exchange?.response === undefined) return undefined;
  const body = parsedBody(exchange.response);
  // Stryker disable next-line ConditionalExpression: the other kinds carry no value
  return body.kind === 'json' ? body.value : undefined;
}

export function statusOf(exchange: LabelledExchange | undefined): number | undefined {
  return exchange?.response?.status;
}

/** What came back, for a finding's `actual`: the status, or the transport error. */
export function outcome(exchange: LabelledExchange): unknown {
  return exchange.response?.status ?? `no answer: ${exchange.error?.message ?? 'not sent'}`;
}

/**
 * Removes a record the probe added, and reads the removal back: only a removal that took leaves the
 * ledger (a remove that answers 2xx and keeps the record is drift for use_after_free to report, and the
 * cleanup tries again). True when the record is gone.
 */
export async function removeAgain(send: Send, context: CheckContext, ledger: Ledger, record: { ticketId: string; equipmentId: number }, what: string): Promise<boolean> {
  const values = specValues(context.spec);
  const target = values.oneTarget(record.ticketId, record.equipmentId);
  const removed = await send(`${what}: undo`, 'DELETE', target);
  const status = statusOf(removed);
  if (status === undefined || status < 200 || status >= 300) return false;
  if (statusOf(await send(`${what}: undone?`, 'GET', target)) !== 404) return false;
  ledger.removed(record);
  return true;
}

export function isProblem(exchange: LabelledExchange | undefined): boolean {
  const type = exchange?.response?.headers['content-type']?.split(';')[0]!.trim();
  return type === 'application/problem+json';
}
