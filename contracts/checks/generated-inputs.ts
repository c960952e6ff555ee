// Inputs generated from the document (see input-cases.ts), sent one at a time, each changing one
// parameter or body field of an otherwise valid request:
//   generated_positive_inputs  a value the schema allows is not refused as invalid (400/422); fast-check
//                              draws them under --seed, and shrinks a failure to its smallest value
//   generated_negative_inputs  a value the schema forbids is refused (never 2xx, never 5xx): a lenient
//                              deployment that coerces "12" or `true` into an id is drift
// Writes only on --ticket (not with --read-only), and anything created is cleaned up. DELETE is left
// out: a lenient deployment could remove a record on a coerced id.
import fc from 'fast-check';
import type { CompiledOperation } from '../../src/spec/index.js';
import type { JsonSchema } from '../../src/spec/openapi-document.js';
import { inlinedSchema } from '../../src/spec/schema-registry.js';
import { behaviourCheckNames } from '../check-names.js';
import type { Finding } from '../findings.js';
import type { LabelledExchange } from '../http-client.js';
import { asText, bodyText, invalidValues, validValues, type InputCase } from '../input-cases.js';
import type { Ledger } from '../ledger.js';
import { specValues } from '../spec-values.js';
import { findingFor, outcome, removeAgain, statusOf, type BehaviourCheck, type CheckContext, type Send } from './check.js';

type Expectation = 'accept' | 'refuse';

/** Why an answer breaks the expectation, or undefined when it keeps it. */
export function judgeGenerated(expectation: Expectation, exchange: LabelledExchange): string | undefined {
  const status = statusOf(exchange);
  if (status === undefined) return undefined;
  if (expectation === 'accept') return status === 400 || status === 422 ? `refused as invalid (${status}) a value the document allows` : undefined;
  if (status >= 200 && status < 300) return `accepted (${status}) a value the document forbids`;
  if (status >= 500) return `failed (${status}) on a value the document forbids, instead of refusing it`;
  return undefined;
}

interface Target {
  operation: CompiledOperation;
  /** The valid request the cases change one part of. */
  base: { query: Record<string, string>; path: Record<string, string>; body?: Record<string, unknown> };
  fields: Array<{ location: InputCase['location']; name: string; schema: JsonSchema; required: boolean }>;
}

function targetsOf(context: CheckContext): Target[] {
  const values = specValues(context.spec);
  const ticket = context.fixtures.ticket ?? context.fixtures.closedTicket ?? '00000000-0000-4000-8000-000000000000';
  const equipment = context.fixtures.equipment[0] ?? 1;
  const pathDefaults = (operation: CompiledOperation) =>
    Object.fromEntries(operation.pathParameters.map((p) => [p.name, p.schema.format === 'uuid' ? ticket : String(equipment)]));
  const parameterFields = (operation: CompiledOperation) => [
    ...operation.queryParameters.map((p) => ({ location: 'query' as const, name: p.name, schema: p.schema, required: p.required })),
    ...operation.pathParameters.map((p) => ({ location: 'path' as const, name: p.name, schema: p.schema, required: true })),
  ];
  const targets: Target[] = [values.list, values.one].map((operation) => ({ operation, base: { query: {}, path: pathDefaults(operation) }, fields: parameterFields(operation) }));
  if (!context.readOnly && context.fixtures.ticket !== undefined && context.fixtures.equipment.length > 0) {
    const schema = inlinedSchema(context.spec.document, (Object.values(values.add.operation.requestBody?.content ?? {})[0]?.schema ?? {}) as JsonSchema);
    // Stryker disable next-line ArrayDeclaration: the document's add body names its required fields
    const required = new Set((schema.required as string[] | undefined) ?? []);
    const properties = Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>);
    const body = Object.fromEntries(properties.map(([name, property]) => [name, property.format === 'uuid' ? context.fixtures.ticket : equipment]));
    targets.push({ operation: values.add, base: { query: {}, path: {}, body }, fields: properties.map(([name, property]) => ({ location: 'body', name, schema: property, required: required.has(name) })) });
  }
  return targets;
}

function requestFor(target: Target, input: InputCase): { method: string; url: string; text?: string; contentType?: string } {
  const query = { ...target.base.query };
  const path = { ...target.base.path };
  let body = target.base.body === undefined ? undefined : { ...target.base.body };
  if (input.location === 'query') query[input.name] = asText(input.value);
  // Stryker disable next-line ConditionalExpression: a query or body name set here is in no {placeholder} of the path, so it changes nothing
  if (input.location === 'path') path[input.name] = asText(input.value);
  const mediaType = input.location === 'body' && input.name === '(media type)';
  if (input.location === 'body' && body !== undefined && !mediaType) {
    if (input.value === undefined) delete body[input.name];
    else body[input.name] = input.value;
  }
  let url = target.operation.pathTemplate;
  for (const [name, value] of Object.entries(path)) url = url.replace(`{${name}}`, encodeURIComponent(value));
  const search = new URLSearchParams(query).toString();
  if (search !== '') url += `?${search}`;
  if (mediaType) return { method: target.operation.method, url, text: bodyText(body ?? {}), contentType: 'text/plain' };
  return { method: target.operation.method, url, ...(body === undefined ? {} : { text: bodyText(body) }) };
}

/** The value a field has in the target's valid request. */
function validBase(target: Target, field: Target['fields'][number]): unknown {
  return field.location === 'body' ? target.base.body?.[field.name] : field.location === 'path' ? target.base.path[field.name] : target.base.query[field.name];
}

/** A body value as JSON (so "40" and 40 read apart); query and path values as the text sent. */
const shown = (input: InputCase) => (input.location === 'body' && input.value !== undefined ? bodyText({ v: input.value }).slice(5, -1) : asText(input.value));
const labelled: Record<Expectation, string> = { accept: 'positive', refuse: 'negative' };
const label = (expectation: Expectation, input: InputCase) => `generated ${labelled[expectation]}: ${input.location} ${input.name} = ${shown(input).slice(0, 60)} (${input.kind})`;

/** Cases per operation and expectation when --max-cases is not given: a run against a local mock stays well under 5 s. */
export const defaultMaxCases = 25;

export const generatedInputsCheck: BehaviourCheck = {
    names: [...behaviourCheckNames.generatedInputs],
    // Its writes (the add body's cases) need both; without them it sends its reads only, and says so.
    uses: ['ticket', 'equipment'],
    async probe(send: Send, context: CheckContext, ledger: Ledger) {
      const options = context.generation;
      const values = specValues(context.spec);
      /**
       * Sends one case; undefined when it was not sent: a write that would name a record that already
       * exists is left out, so that a deployment answering 2xx for it never makes the suite delete a
       * record it did not create.
       */
      const sendCase = async (target: Target, input: InputCase, tag: string): Promise<LabelledExchange | undefined> => {
        const request = requestFor(target, input);
        const ticketId = context.fixtures.ticket;
        if (target.base.body !== undefined && ticketId !== undefined) {
          const named = Number(asText((JSON.parse(request.text ?? '{}') as { diagnostic_equipment_id?: unknown }).diagnostic_equipment_id));
          if (Number.isInteger(named) && statusOf(await send('generated: is it there', 'GET', values.oneTarget(ticketId, named))) !== 404) return undefined;
        }
        const exchange = await send(tag, request.method, request.url, {
          ...(request.text === undefined ? {} : { text: request.text }),
          ...(request.contentType === undefined ? {} : { headers: { 'content-type': request.contentType } }),
        });
        // Whatever a write created on the fixture ticket is removed at once, so that every case meets the
        // same state (and the ledger removes it at the end if that fails).
        const status = statusOf(exchange);
        // No answer (a timeout) may still have created it: the record was free, so removing it is safe.
        const mayHaveCreated = status === undefined || (status >= 200 && status < 300);
        if (target.base.body !== undefined && ticketId !== undefined && mayHaveCreated) {
          const created = JSON.parse(request.text ?? '{}') as { diagnostic_equipment_id?: unknown };
          const equipmentId = Number(created.diagnostic_equipment_id);
          if (Number.isInteger(equipmentId)) {
            ledger.created({ ticketId, equipmentId });
            await removeAgain(send, context, ledger, { ticketId, equipmentId }, 'generated cleanup');
          }
        }
        return exchange;
      };
      for (const target of targetsOf(context)) {
        // Allowed values, field by field: the edges first, then drawn under the seed; a failure is shrunk
        // to its smallest value by fast-check, then sent once more for the report.
        const perField = Math.max(1, Math.ceil(options.maxCases / Math.max(1, target.fields.length)));
        for (const field of target.fields) {
          const { arbitrary, examples } = validValues(field.schema, { uuid: context.fixtures.ticket });
          const input = (value: unknown): InputCase => ({ location: field.location, name: field.name, value, kind: 'allowed' });
          const details = await fc.check(
            fc.asyncProperty(arbitrary, async (value) => {
              const exchange = await sendCase(target, input(value), 'generated search');
              return exchange === undefined || judgeGenerated('accept', exchange) === undefined;
            }),
            { seed: options.seed, numRuns: perField, examples: examples.map((example) => [example]) },
          );
          // fast-check gives a counterexample to a failed run only.
          if (details.counterexample !== null) await sendCase(target, input(details.counterexample[0]), label('accept', input(details.counterexample[0])));
        }
        // Forbidden values: each class once, in the document's order, up to the bound.
        const invalid: InputCase[] = target.fields.flatMap((field) => [
          ...invalidValues(field.schema, field.location, validBase(target, field)).map(({ value, kind }) => ({ location: field.location, name: field.name, value, kind })),
          ...(field.location === 'body' && field.required ? [{ location: 'body' as const, name: field.name, value: undefined, kind: 'a required field left out' }] : []),
        ]);
        if (target.base.body !== undefined) invalid.push({ location: 'body', name: '(media type)', value: 'text/plain', kind: 'a body sent as text/plain' });
        for (const input of invalid.slice(0, options.maxCases)) await sendCase(target, input, label('refuse', input));
      }
    },
    evaluate(exchanges, context) {
      const options = context.generation;
      const findings: Finding[] = [];
      for (const exchange of exchanges) {
        const expectation: Expectation | undefined = exchange.label.startsWith('generated positive:') ? 'accept' : exchange.label.startsWith('generated negative:') ? 'refuse' : undefined;
        if (expectation === undefined) continue;
        const why = judgeGenerated(expectation, exchange);
        if (why === undefined) continue;
        const input = exchange.label.slice(exchange.label.indexOf(':') + 2);
        findings.push(
          findingFor(
            exchange,
            {
              check: expectation === 'accept' ? 'generated_positive_inputs' : 'generated_negative_inputs',
              expected: expectation === 'accept' ? 'not refused as invalid' : 'a 4xx refusal',
              actual: outcome(exchange),
              message: `${why}: ${input}${expectation === 'accept' ? ` (seed ${options.seed}, shrunk)` : ''}`,
            },
            context,
          ),
        );
      }
      return findings;
    },
};
