// What of an answer a comparison looks at: the parts the document leaves to each deployment (status,
// media type, a problem's words, the fields `violations` name, a list's rows and their order, the
// `limit` it applied, which members are null or absent). Values the fake invents (names, versions)
// are not among them. Pure: an answer in, plain facts out.
import { parsedBody } from '../parsed-body.js';
import type { ExchangeResponse } from '../exchange.js';
import { rowKey } from '../spec-values.js';

export interface ListFacets {
  /** Each row's identity ("ticket/equipment", uuids in lower case), in the order given. */
  rows: string[];
  total: unknown;
  /** The `limit` the answer says it applied (its `query` echo), if it says. */
  limit: unknown;
}

export interface AnswerFacets {
  status: number;
  /** The media type without parameters, in lower case; undefined when the answer has no body type. */
  mediaType: string | undefined;
  /** The parsed JSON body, when it is JSON within bounds. */
  body: unknown;
  problem?: { type: unknown; title: unknown; violationFields: string[] | undefined };
  list?: ListFacets;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object or array: String() of one parsed from `{"toString":1}` throws, so it is never asked for. */
const isComposite = (value: unknown) => typeof value === 'object' && value !== null;
/** A member as text: a string as it is, anything else as its JSON (never String(), see isComposite). */
const asText = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

export const mediaTypeOf = (contentType: string | undefined): string | undefined => contentType?.split(';')[0]?.trim().toLowerCase() || undefined;

/** A row's identity with its uuid in lower case: uuids name the same ticket in any case (RFC 9562). */
export const rowIdentity = (row: unknown): string => (isObject(row) && !isComposite(row.ticket_id) && !isComposite(row.diagnostic_equipment_id) ? rowKey(row).toLowerCase() : (JSON.stringify(row) ?? ''));

export function answerFacets(response: ExchangeResponse): AnswerFacets {
  const parsed = parsedBody(response);
  const body = parsed.kind === 'json' ? parsed.value : undefined;
  const facets: AnswerFacets = { status: response.status, mediaType: mediaTypeOf(response.headers['content-type']), body };
  if (!isObject(body)) return facets;
  if (response.status >= 400 && ('type' in body || 'title' in body)) {
    const violations = Array.isArray(body.violations) ? body.violations.map((v) => (isObject(v) ? asText(v.field) : (JSON.stringify(v) ?? ''))).sort() : undefined;
    facets.problem = { type: body.type, title: body.title, violationFields: violations };
  }
  if (response.status < 300 && Array.isArray(body.result)) {
    facets.list = { rows: body.result.map(rowIdentity), total: body.total, limit: isObject(body.query) ? body.query.limit : undefined };
  }
  return facets;
}

export type MemberState = 'absent' | 'null' | 'present';

/** Deeper than any answer of the document nests (a list, a row, a violation). */
export const maxPresenceDepth = 8;
/** Members told apart in one pair of answers, at most. */
export const maxPresenceFound = 100;

/**
 * Where two JSON values part on null versus absent versus present, member by member (arrays of rows
 * matched by identity, other arrays by position), as "pointer: deployment/fake" pairs. Bounded by
 * the smaller value's size: only members both sides reach are compared.
 */
export function memberPresence(deployment: unknown, fake: unknown, at = '', found: Array<{ pointer: string; deployment: MemberState; fake: MemberState }> = [], depth = 0): typeof found {
  // A value deeper than any answer of the document is not a record; its inside is not compared. A
  // hostile answer with a million members of its own is told by its first ones.
  if (depth > maxPresenceDepth || found.length >= maxPresenceFound) return found;
  if (Array.isArray(deployment) && Array.isArray(fake)) {
    const rowsByIdentity = new Map(fake.map((row) => [rowIdentity(row), row] as const));
    const keyed = deployment.every(isObject) && fake.every(isObject) && deployment.some((row) => isObject(row) && 'ticket_id' in row);
    deployment.forEach((row, index) => {
      const other = keyed ? rowsByIdentity.get(rowIdentity(row)) : fake[index];
      if (other !== undefined) memberPresence(row, other, `${at}/*`, found, depth + 1);
    });
    return found;
  }
  if (!isObject(deployment) || !isObject(fake)) return found;
  const state = (object: Record<string, unknown>, key: string): MemberState => (!Object.hasOwn(object, key) ? 'absent' : object[key] === null ? 'null' : 'present');
  for (const key of new Set([...Object.keys(deployment), ...Object.keys(fake)])) {
    const pointer = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const [mine, theirs] = [state(deployment, key), state(fake, key)];
    if (found.length >= maxPresenceFound) break;
    if (mine !== theirs) found.push({ pointer, deployment: mine, fake: theirs });
    else if (mine === 'present') memberPresence(deployment[key], fake[key], pointer, found, depth + 1);
  }
  return found;
}
