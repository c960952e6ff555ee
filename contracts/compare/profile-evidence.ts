// What the deployment chose, gathered pair by pair of answers, written as a profile (mocks/core/profile.ts)
// that makes the fake answer the same way. It starts from the choices the fake ran with and changes
// only what the deployment showed otherwise, so a profile written from a run with a profile keeps what
// that run could not see. Pure.
import { defaultChoices, profileLimits, profileViolations, refusalOperations, refusalType, type Choices, type Profile, type RefusalChoice, type RefusalKind } from '../../mocks/core/profile.js';
import type { ExchangeRequest } from '../exchange.js';
import { answerFacets, rowIdentity } from './answer-facets.js';
import type { ExchangeResponse } from '../exchange.js';
import { namesUuidInCapitals } from './differences.js';

/** The ways one refusal is worded that are told apart; more are counted, not kept. */
export const maxWays = 32;
/** The adds remembered for the list order: the latest ones are what an order shows. */
const rememberedAdds = 1_000;

const kinds = Object.keys(refusalOperations) as RefusalKind[];
const is2xx = (status: number) => status >= 200 && status < 300;

export function createProfileEvidence(choices: Choices) {
  const refusalVotes = new Map<RefusalKind, Map<string, number>>();
  const order = { insertion: 0, 'newest-first': 0 };
  const uuid = { any: 0, exact: 0 };
  const added = new Map<string, number>();
  /** "kind/member" whose words the deployment gave, too long or empty for a profile. */
  const unheld = new Set<string>();
  /** Per refusal, how often the fake refused where the deployment took the request (a fixture, or a rule it ignores). */
  const acceptedInstead = new Map<RefusalKind, number>();
  /** Answers to a refusal worded past the `maxWays` told apart. */
  const otherWays = new Map<RefusalKind, number>();
  let adds = 0;

  /** The fake's refusal kind of an answer: the problem type the fake words it with. */
  function refusalOf(type: unknown, title: unknown): RefusalKind | undefined {
    const matching = kinds.filter((kind) => refusalType(choices, kind) === type);
    return matching.length <= 1 ? matching[0] : (matching.find((kind) => choices.refusals[kind]?.title === title) ?? matching[0]);
  }

  function observe(request: ExchangeRequest, operationId: string | undefined, deployment: ExchangeResponse, fake: ExchangeResponse): void {
    const [mine, theirs] = [answerFacets(deployment), answerFacets(fake)];
    const kind = theirs.problem === undefined ? undefined : refusalOf(theirs.problem.type, theirs.problem.title);
    const uuidInCapitals = namesUuidInCapitals(request);
    if (kind !== undefined && is2xx(mine.status) && !uuidInCapitals) acceptedInstead.set(kind, (acceptedInstead.get(kind) ?? 0) + 1);
    // A uuid in capitals may name another ticket to one side: what it refuses then says nothing of its words.
    if (kind !== undefined && mine.problem !== undefined && !uuidInCapitals) {
      // Words a profile cannot hold are not a choice to vote on (nor kept: a title of megabytes); the
      // status beside them still is.
      const words = { type: mine.problem.type, title: mine.problem.title };
      const choice: RefusalChoice = { status: mine.status };
      for (const member of ['type', 'title'] as const) {
        const text = words[member];
        if (typeof text === 'string' && text.length > 0 && text.length <= profileLimits.text) choice[member] = text;
        else if (typeof text === 'string') unheld.add(`${kind}/${member}`);
      }
      const votes = refusalVotes.get(kind) ?? new Map<string, number>();
      const key = JSON.stringify(choice);
      // A deployment that words each refusal otherwise: the first ways are told apart, the rest counted.
      if (votes.has(key) || votes.size < maxWays) votes.set(key, (votes.get(key) ?? 0) + 1);
      else otherWays.set(kind, (otherWays.get(kind) ?? 0) + 1);
      refusalVotes.set(kind, votes);
    }
    if (uuidInCapitals && mine.status !== theirs.status) {
      if (is2xx(mine.status)) uuid.any++;
      else if (is2xx(theirs.status)) uuid.exact++;
    }
    if (operationId === 'addUsedDiagnosticEquipment' && is2xx(mine.status)) {
      try {
        const row = rowIdentity(JSON.parse(request.body ?? ''));
        added.delete(row);
        added.set(row, adds++);
        if (added.size > rememberedAdds) added.delete(added.keys().next().value!);
      } catch {
        // An add whose body is not JSON names no row to place.
      }
    }
    if (mine.list !== undefined) {
      const placed = mine.list.rows.map((row) => added.get(row)).filter((when): when is number => when !== undefined);
      for (let i = 1; i < placed.length; i++) order[placed[i]! > placed[i - 1]! ? 'insertion' : 'newest-first']++;
    }
  }

  /** The profile the evidence supports, and what was left out of it (with why). */
  function profile(description: string): { profile: Profile; notes: string[] } {
    const notes: string[] = [];
    const refusals: Partial<Record<RefusalKind, RefusalChoice>> = { ...choices.refusals };
    for (const [kind, votes] of refusalVotes) {
      const ranked = [...votes].sort((a, b) => b[1] - a[1]);
      refusals[kind] = JSON.parse(ranked[0]![0]) as RefusalChoice;
      const others = otherWays.get(kind) ?? 0;
      const ways = others > 0 ? `more than ${ranked.length}` : String(ranked.length);
      if (ranked.length > 1) notes.push(`${kind}: the deployment answered it ${ways} ways; the profile keeps the most frequent (${ranked[0]![1]} of ${ranked.reduce((n, [, c]) => n + c, others)})`);
    }
    for (const word of unheld) notes.push(`refusals/${word} left out: the deployment's is not 1 to ${profileLimits.text} characters long; the fake keeps its own`);
    const listOrder = order.insertion === order['newest-first'] ? choices.listOrder : order.insertion > order['newest-first'] ? 'insertion' : 'newest-first';
    const uuidCase = uuid.any === uuid.exact ? choices.uuidCase : uuid.any > uuid.exact ? 'any' : 'exact';
    // In the document's order, whatever order the run met them in: a profile kept in a repository
    // changes only where the deployment did.
    const ordered = Object.fromEntries(kinds.filter((kind) => Object.hasOwn(refusals, kind)).map((kind) => [kind, refusals[kind]]));
    // It names the deployment by its base URL, which can be longer than a profile's words.
    const named = description.length > profileLimits.text ? `${description.slice(0, profileLimits.text - 1)}…` : description;
    const written: Profile = { version: 1, description: named, refusals: ordered, listOrder, uuidCase };
    // A choice outside what the document allows is drift, not a choice: it is reported, never adopted.
    // Only the member that is: a status the document does not allow leaves the words beside it.
    for (const violation of profileViolations(written)) {
      const [, , kind, member] = violation.field.split('/');
      if (kind === undefined || !Object.hasOwn(ordered, kind)) continue;
      // A copy: the choice may be the profile the run was given.
      const choice = { ...ordered[kind] } as Record<string, unknown>;
      ordered[kind] = choice;
      notes.push(`refusals/${kind}${member === undefined ? '' : `/${member}`} left out: ${violation.field} ${violation.message}`);
      if (member === undefined || !Object.hasOwn(choice, member)) delete ordered[kind];
      else delete choice[member];
    }
    // What the run never saw refused stays as the fake had it: said, so a profile written over a committed
    // one does not silently lose a choice (pass the committed one with --profile to keep it).
    const unseen = kinds.filter((kind) => !refusalVotes.has(kind));
    for (const [kind, count] of acceptedInstead) {
      if (!refusalVotes.has(kind)) notes.push(`refusals/${kind}: the deployment took ${count === 1 ? 'the request' : `${count} requests`} the fake refused so (a fixture that is not what it was given for, or a rule it ignores); kept as the fake had it`);
    }
    const quiet = unseen.filter((kind) => !acceptedInstead.has(kind));
    if (quiet.length > 0) notes.push(`refusals not met in this run, kept as the fake had them${choices === defaultChoices ? ' (its own words)' : ' (the --profile given)'}: ${quiet.join(', ')}`);
    if (order.insertion + order['newest-first'] === 0) notes.push(`listOrder: no list showed two records the run added; kept ${listOrder}`);
    if (uuid.any + uuid.exact === 0) notes.push(`uuidCase: no uuid in capitals was answered differently; kept ${uuidCase}`);
    return { profile: written, notes };
  }

  /** The refusal the deployment words with this type, as far as the run saw it (its most frequent use), else the fake's. */
  function kindOf(type: unknown): RefusalKind | undefined {
    let best: [RefusalKind, number] | undefined;
    for (const [kind, votes] of refusalVotes) {
      for (const [key, count] of votes) if ((JSON.parse(key) as RefusalChoice).type === type && (best === undefined || count > best[1])) best = [kind, count];
    }
    return best?.[0] ?? refusalOf(type, undefined);
  }

  return { observe, profile, kindOf, fakeKindOf: (type: unknown) => refusalOf(type, undefined) };
}

/**
 * The profile as it can be written: while `fits` refuses it (the file the mock reads back is at most
 * 64 KiB, each word 1 to 2,000 characters once the run's credentials are masked), the longest word a
 * refusal has (its type or title) is left out, with a note; its status stays. Undefined when even
 * without words it does not fit. Pure: `fits` is the writer's own test.
 */
export function fittedProfile(profile: Profile, fits: (candidate: Profile) => boolean): { profile: Profile; notes: string[] } | undefined {
  const refusals: Partial<Record<RefusalKind, RefusalChoice>> = Object.fromEntries(Object.entries(profile.refusals ?? {}).map(([kind, choice]) => [kind, { ...choice }]));
  const candidate: Profile = { ...profile, refusals };
  const notes: string[] = [];
  const size = (text: string) => new TextEncoder().encode(JSON.stringify(text)).length;
  while (!fits(candidate)) {
    const words = (Object.entries(refusals) as Array<[RefusalKind, RefusalChoice]>).flatMap(([kind, choice]) =>
      (['type', 'title'] as const).flatMap((member) => (choice[member] === undefined ? [] : [{ kind, member, bytes: size(choice[member]) }])),
    );
    const longest = words.sort((a, b) => b.bytes - a.bytes)[0];
    if (longest === undefined) return undefined;
    delete refusals[longest.kind]![longest.member];
    notes.push(`refusals/${longest.kind}/${longest.member} left out: with it the written profile would not load back (at most ${profileLimits.fileBytes / 1024} KiB, words of 1 to ${profileLimits.text} characters once the run's credentials are masked); the fake keeps its own`);
  }
  return { profile: candidate, notes };
}
