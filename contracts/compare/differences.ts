// Where the deployment and the fake answered one request differently, on what the document leaves to
// each (answer-facets.ts). A difference is not drift: both answers may honour the document. It is
// where a front-end written against the fake would meet something else in production. Pure.
import type { ExchangeRequest, ExchangeResponse } from '../exchange.js';
import { answerFacets, memberPresence, type AnswerFacets } from './answer-facets.js';

export const differenceKinds = ['status', 'uuid-case', 'media-type', 'problem-type', 'problem-title', 'violations', 'limit', 'list-order', 'list-rows', 'fields'] as const;
export type DifferenceKind = (typeof differenceKinds)[number];

export interface DifferenceSide {
  status: number;
  /** What this side answered on the difference's point (a status, a type, the rows' order…). */
  value: unknown;
  curl: string;
}

export interface Difference {
  kind: DifferenceKind;
  /** The suite's name for the request (e.g. "rule: add on a ticket not In Progress"). */
  name: string;
  operation: string;
  request: { method: string; target: string };
  /** The fake's refusal this concerns (its problem type's last segment), when the fake refused. */
  refusal?: string;
  message: string;
  deployment: DifferenceSide;
  /** The other side: the fake's answer (--compare-mock) or the recorded one (--replay). */
  fake: DifferenceSide;
  /** How many requests answered the same two ways. */
  occurrences: number;
}

/** The parts of a Difference the comparison decides; the caller adds names and reproductions. */
export type DifferenceFact = Pick<Difference, 'kind' | 'message'> & { deployment: unknown; fake: unknown };

export interface PairContext {
  request: ExchangeRequest;
  /** The most rows a page holds (the document's maximum `limit`), to tell a cap from a default. */
  maxLimit: number | undefined;
  /** The problem types the fake refuses with (its own, or its profile's). */
  fakeTypes: ReadonlySet<string>;
  /**
   * Whether two problem types are two different refusals (not one refusal in other words), when the
   * caller knows the deployment's words (--compare-mock learns them as the run goes); otherwise a type
   * is another refusal when it is one of the fake's own.
   */
  anotherRefusal?: (deploymentType: unknown, otherType: unknown) => boolean;
  /** How messages name the other side (default "the fake"; a replay's is "the recording"). */
  other?: string;
}

const uuidInCapitals = /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/;
/** Whether a request names a uuid with a capital letter: where the deployment's uuid case shows. */
export function namesUuidInCapitals(request: ExchangeRequest): boolean {
  const text = `${decodeURIComponentSafe(request.target)} ${request.body ?? ''}`;
  const match = text.match(new RegExp(uuidInCapitals.source, 'gi')) ?? [];
  return match.some((uuid) => /[A-F]/.test(uuid));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const limitOf = (target: string): string | null => new URLSearchParams(target.split('?')[1] ?? '').get('limit');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const kindOfPage = (request: ExchangeRequest, maxLimit: number | undefined): string | undefined => {
  const limit = limitOf(request.target);
  if (limit === null) return 'no limit given: the default page size';
  return maxLimit !== undefined && Number(limit) > maxLimit ? `limit ${limit}, over the document's maximum ${maxLimit}: the cap` : undefined;
};

/** Every way two answers to one request part, on the points the document leaves open. */
export function answerDifferences(deployment: ExchangeResponse, fake: ExchangeResponse, context: PairContext): DifferenceFact[] {
  const facts = facetDifferences(answerFacets(deployment), answerFacets(fake), context, context.other ?? 'the fake');
  // A request naming a uuid in capitals asks one thing: whether uuids are read in any case. When one
  // side took it for another ticket (another status, other rows, another of the fake's own refusals),
  // all that follows is that one difference; other words for the same refusal are still their own.
  if (facts.length === 0 || !namesUuidInCapitals(context.request)) return facts;
  const anotherTicket = facts.some((f) => f.kind === 'status' || f.kind === 'list-rows' || f.kind === 'limit' || (f.kind === 'problem-type' && (context.anotherRefusal?.(f.deployment, f.fake) ?? (typeof f.deployment === 'string' && context.fakeTypes.has(f.deployment)))));
  return anotherTicket ? [asUuidCase(facts)] : facts;
}

/** The differences of a request naming a uuid in capitals that one side took for another ticket, as that one difference. */
export const asUuidCase = (facts: readonly DifferenceFact[]): DifferenceFact => ({ kind: 'uuid-case', message: `a uuid in capitals: ${facts.map((f) => f.message).join('; ')}`, deployment: facts[0]!.deployment, fake: facts[0]!.fake });

function facetDifferences(mine: AnswerFacets, theirs: AnswerFacets, context: PairContext, other: string): DifferenceFact[] {
  const facts: DifferenceFact[] = [];
  if (mine.status !== theirs.status) {
    facts.push({ kind: 'status', message: `the deployment answered ${mine.status}, ${other} ${theirs.status}`, deployment: mine.status, fake: theirs.status });
    // Two refusals can still differ in their words; any other pair of statuses says it all.
    if (mine.problem === undefined || theirs.problem === undefined) return facts;
  }
  if (mine.mediaType !== theirs.mediaType && !(mine.status === 204 && theirs.status === 204)) {
    facts.push({ kind: 'media-type', message: `the deployment answered ${mine.mediaType ?? 'no media type'}, ${other} ${theirs.mediaType ?? 'no media type'}`, deployment: mine.mediaType ?? null, fake: theirs.mediaType ?? null });
  }
  facts.push(...problemDifferences(mine, theirs, other));
  if (mine.list !== undefined && theirs.list !== undefined) facts.push(...listDifferences(mine.list, theirs.list, context, other));
  if (mine.status === theirs.status) facts.push(...presenceDifferences(mine, theirs, other));
  return facts;
}

function problemDifferences(mine: AnswerFacets, theirs: AnswerFacets, other: string): DifferenceFact[] {
  if (mine.problem === undefined || theirs.problem === undefined) return [];
  const facts: DifferenceFact[] = [];
  const [a, b] = [mine.problem, theirs.problem];
  if (!same(a.type, b.type)) facts.push({ kind: 'problem-type', message: `problem type ${JSON.stringify(a.type)} in the deployment, ${JSON.stringify(b.type)} in ${other}`, deployment: a.type, fake: b.type });
  if (!same(a.title, b.title)) facts.push({ kind: 'problem-title', message: `title ${JSON.stringify(a.title)} in the deployment, ${JSON.stringify(b.title)} in ${other}`, deployment: a.title, fake: b.title });
  if (!same(a.violationFields, b.violationFields)) {
    const say = (fields: string[] | undefined) => (fields === undefined ? 'no violations' : `violations naming ${fields.map((f) => JSON.stringify(f)).join(', ') || 'nothing'}`);
    facts.push({ kind: 'violations', message: `${say(a.violationFields)} in the deployment, ${say(b.violationFields)} in ${other}`, deployment: a.violationFields ?? null, fake: b.violationFields ?? null });
  }
  return facts;
}

function listDifferences(mine: NonNullable<AnswerFacets['list']>, theirs: NonNullable<AnswerFacets['list']>, context: PairContext, other: string): DifferenceFact[] {
  const facts: DifferenceFact[] = [];
  const page = kindOfPage(context.request, context.maxLimit);
  // Pages of one list (the same total) that hold other numbers of rows were cut at other sizes.
  if (!same(mine.limit, theirs.limit) || (page !== undefined && mine.rows.length !== theirs.rows.length && same(mine.total, theirs.total))) {
    facts.push({
      kind: 'limit',
      message: `${page ?? 'the limit echoed'}: the deployment applied ${JSON.stringify(mine.limit) ?? 'no limit'} (${mine.rows.length} rows), ${other} ${JSON.stringify(theirs.limit) ?? 'no limit'} (${theirs.rows.length} rows)`,
      deployment: { limit: mine.limit ?? null, rows: mine.rows.length },
      fake: { limit: theirs.limit ?? null, rows: theirs.rows.length },
    });
    // Pages of other sizes hold other rows: that is the limit's doing, not another difference.
    return facts;
  }
  const sorted = (rows: string[]) => [...rows].sort();
  if (!same(sorted(mine.rows), sorted(theirs.rows)) || !same(mine.total, theirs.total)) {
    facts.push({
      kind: 'list-rows',
      message: `other rows: the deployment listed ${mine.rows.length} (total ${JSON.stringify(mine.total)}), ${other} ${theirs.rows.length} (total ${JSON.stringify(theirs.total)})`,
      deployment: { rows: mine.rows, total: mine.total },
      fake: { rows: theirs.rows, total: theirs.total },
    });
  } else if (!same(mine.rows, theirs.rows)) {
    facts.push({ kind: 'list-order', message: 'the same rows in another order', deployment: mine.rows, fake: theirs.rows });
  }
  return facts;
}

function presenceDifferences(mine: AnswerFacets, theirs: AnswerFacets, other: string): DifferenceFact[] {
  const seen = new Map<string, DifferenceFact>();
  for (const { pointer, deployment, fake } of memberPresence(mine.body, theirs.body)) {
    const key = `${pointer} ${deployment} ${fake}`;
    if (!seen.has(key)) seen.set(key, { kind: 'fields', message: `${pointer}: ${deployment} in the deployment's answer, ${fake} in ${other}'s`, deployment: { [pointer]: deployment }, fake: { [pointer]: fake } });
  }
  return [...seen.values()];
}
