// The values the probes need, read from the document: paths, defaults and bounds. A probe never
// restates a limit; when the document changes, the probes follow.
import type { CompiledOperation, CompiledSpec } from '../src/spec/index.js';
import { integerFormatRange } from '../src/spec/integer-formats.js';

function operation(spec: CompiledSpec, predicate: (o: CompiledOperation) => boolean, what: string): CompiledOperation {
  const found = spec.operations.find(predicate);
  if (found === undefined) throw new Error(`the document has no ${what} operation`);
  return found;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

export function specValues(spec: CompiledSpec) {
  const list = operation(spec, (o) => o.method === 'GET' && o.pathParameters.length === 0, 'list');
  const add = operation(spec, (o) => o.method === 'POST', 'add');
  const one = operation(spec, (o) => o.method === 'GET' && o.pathParameters.length === 2, 'get-one');
  const remove = operation(spec, (o) => o.method === 'DELETE', 'remove');
  const query = (name: string) => list.queryParameters.find((p) => p.name === name)?.schema ?? {};
  const limit = query('limit');
  const offset = query('offset');
  const ticketParameter = one.pathParameters.find((p) => p.schema.format === 'uuid');
  const idParameter = one.pathParameters.find((p) => p.schema.type === 'integer');
  if (ticketParameter === undefined || idParameter === undefined) throw new Error('the get-one path parameters are not a uuid and an integer');
  const idRange = integerFormatRange(idParameter.schema.format);
  const ticketFilter = list.queryParameters.find((p) => p.schema.format === 'uuid')?.name;
  return {
    list,
    add,
    one,
    remove,
    collection: list.pathTemplate,
    oneTarget: (ticketId: string, equipmentId: number | string) =>
      one.pathTemplate
        .replace(`{${ticketParameter.name}}`, encodeURIComponent(ticketId))
        .replace(`{${idParameter.name}}`, encodeURIComponent(String(equipmentId))),
    /** The list's query for one ticket's records, a page of them (undefined: the document has no ticket filter). */
    ticketPage:
      ticketFilter === undefined
        ? undefined
        : (ticketId: string, offset: number, pageLimit: number | undefined) =>
            `${list.pathTemplate}?${new URLSearchParams({ [ticketFilter]: ticketId, offset: String(offset), ...(pageLimit === undefined ? {} : { limit: String(pageLimit) }) })}`,
    limit: { min: num(limit.minimum) ?? 0, max: num(limit.maximum), default: num(limit.default) },
    // The format's largest value (int64: 9223372036854775807), as digits: past 2^53 a number would round.
    offset: { min: num(offset.minimum) ?? 0, default: num(offset.default), formatMax: integerFormatRange(offset.format)?.max.toString() },
    idRange: idRange === undefined ? undefined : { min: Number(idRange.min), max: Number(idRange.max) },
  };
}

export type SpecValues = ReturnType<typeof specValues>;

export interface ListBody {
  query?: Record<string, unknown>;
  result?: Array<{ ticket_id?: unknown; diagnostic_equipment_id?: unknown }>;
  total?: unknown;
}

/** A row's identity, for comparing pages. */
export const rowKey = (row: { ticket_id?: unknown; diagnostic_equipment_id?: unknown }) =>
  `${String(row.ticket_id)}/${String(row.diagnostic_equipment_id)}`;
