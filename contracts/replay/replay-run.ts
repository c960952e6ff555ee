// `contract --replay FILE.har`: the requests of a recorded session sent again to a deployment, in the
// recorded order, each answer judged against the document (findings, as a live run does) and compared
// with the recorded one on what the document leaves open (differences, as --compare-mock does). The
// file is read as the requests go (never held whole); reads only unless --replay-writes, which moves
// the recorded ids onto the write fixtures and removes what it added, always.
import { defaultChoices, refusalTypes } from '../../mocks/core/profile.js';
import { compiledSpec, type CompiledSpec } from '../../src/spec/index.js';
import { createRouter } from '../../src/spec/router.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { counted } from '../../src/text/counted.js';
import { visible } from '../../src/text/visible.js';
import type { CheckContext } from '../checks/check.js';
import { responseFindings } from '../checks/response-checks.js';
import { createDifferenceList, refusalName } from '../compare/difference-list.js';
import { answerDifferences } from '../compare/differences.js';
import type { Credentials } from '../credentials.js';
import { reproduction } from '../curl.js';
import { checkFixtures } from '../fixture-preflight.js';
import { createFoldedFindings } from '../har/folded-findings.js';
import { createCredentialCollector, maskedQuery } from '../har/har-credentials.js';
import { bodyOf, parsedUrl } from '../har/har-run.js';
import { readHar, type HarFileEntry } from '../har/read-har.js';
import { createClient, defaultMaxBodyBytes, type LabelledExchange } from '../http-client.js';
import { createLedger } from '../ledger.js';
import { preflightReason } from '../preflight.js';
import { cleanUp, describeFailure } from '../run-outcome.js';
import type { ContractOptions, ContractReport } from '../runner.js';
import { boundedScrubber, createScrubber, scrubDeep } from '../secrets.js';
import { specValues } from '../spec-values.js';
import { createThrottle, defaultMaxWaitMs } from '../throttle.js';
import { createIdRewriter, type WriteFixtures } from './id-rewrite.js';
import { createMissedWrites } from './missed-writes.js';
import { replayEntry, type ReplayEntry } from './replay-entry.js';
import { replayReport } from './replay-report.js';
import { writtenRecord } from '../written-record.js';

/** Members of a record that come from its catalogue entry (name, version), by pointer. */
const catalogueWords = /\/(name|version)$/;

/** The most entries a replay sends: a recording of a million requests is not a session to replay whole. */
export const maxReplayedEntries = 5_000;
/** The most a replay runs, in all (each request also has --timeout): past it the rest is not replayed. */
export const replayDeadlineMs = 10 * 60_000;

export interface ReplayOptions {
  file: string;
  baseUrl: string;
  credentials: ContractOptions['credentials'];
  timeoutMs: number;
  retries?: number;
  maxBodyBytes?: number;
  /** Secrets besides the key and the token (the OAuth2 client secret) to keep out of the report. */
  secrets?: string[];
  rate?: number;
  maxWaitMs?: number;
  fetch?: typeof fetch;
  spec?: CompiledSpec;
  /** --replay-writes: the write fixtures the recorded ids are moved onto. */
  writes?: WriteFixtures;
  /** --fail-on-difference: a difference fails the run (exit 1), and a comparison that could not run stops it (exit 2). */
  failOnDifference?: boolean;
  /** Tests lower the bounds; a user has the documented ones. */
  maxEntries?: number;
  deadlineMs?: number;
}

/** As contract --har: about 600 MB while the scrubber is built, far more credentials than any real recording holds. */
const maxSecretNodes = 16 * 1024 * 1024;
/** After this many transport failures in a row the deployment is taken to have stopped answering. */
const maxConsecutiveFailures = 3;
/** The most reasons for entries not replayed that are told apart; the others are counted together. */
const maxSkipReasons = 50;
const reads = new Set(['GET', 'HEAD']);
/** A write's refusals that depend on the state of the ticket it was recorded on (404 unknown, 409 the rule or a duplicate, 422 the rule elsewhere). */
const stateRefusals = new Set([404, 409, 422]);
const is2xx = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;

export async function runReplay(options: ReplayOptions): Promise<ContractReport> {
  const started = Date.now();
  const deadline = started + (options.deadlineMs ?? replayDeadlineMs);
  const maxEntries = options.maxEntries ?? maxReplayedEntries;
  const spec = options.spec ?? compiledSpec();
  const router = createRouter(spec.operations);
  const values = specValues(spec);
  const credentials: Credentials = { ...options.credentials, apiKeyHeader: options.credentials.apiKeyHeader ?? apiKeyHeaderOf(spec.document) };
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const throttle = createThrottle({ maxWaitMs: options.maxWaitMs ?? defaultMaxWaitMs, rate: options.rate });
  const client = createClient({ baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, retries: options.retries ?? 0, maxBodyBytes, credentials, spec, throttle, keepExchanges: false, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) });
  const ownScrub = createScrubber([credentials.token, credentials.apiKey, ...(options.secrets ?? [])]);
  const fixtures = { ticket: options.writes?.ticket, equipment: [...(options.writes?.equipment ?? [])], probeRemoveRule: false };
  const context: CheckContext = { spec, fixtures, readOnly: options.writes === undefined, baseUrl: client.baseUrl, apiKeyHeader: credentials.apiKeyHeader, scrub: ownScrub, generation: { seed: 0, maxCases: 0 } };
  // The recording is taken to be the fake's, in its own words: a type of another of them means another ticket.
  const fakeTypes = refusalTypes(defaultChoices);
  const recordedCredentials = createCredentialCollector(credentials.apiKeyHeader);
  const differences = createDifferenceList(ownScrub);
  const findings = createFoldedFindings();
  const ledger = createLedger();
  const missed = createMissedWrites(values);
  const ticketFilter = values.list.queryParameters.find((p) => p.schema.format === 'uuid')?.name;
  const rewriter = options.writes === undefined ? undefined : createIdRewriter(values, options.writes);
  const skipped = new Map<string, number>();
  const notCompared = new Map<string, number>();
  const count = (into: Map<string, number>, why: string) => {
    const reason = into.has(why) || into.size < maxSkipReasons ? why : 'other reasons';
    into.set(reason, (into.get(reason) ?? 0) + 1);
  };
  const operations = new Set<string>();
  let requests = 0;
  let read = 0;
  let replayed = 0;
  let compared = 0;
  let comparingMs = 0;
  let failuresInARow = 0;
  let refusalsInARow = 0;
  let reason: string | undefined;
  /** Why the rest of the file was not replayed (a bound reached): said once, as a note. */
  let cutShort: string | undefined;
  const problems: string[] = [];

  const send = async (label: string, method: string, target: string, sendOptions?: Parameters<typeof client.send>[3]) => {
    requests++;
    return client.send(label, method, target, sendOptions);
  };

  async function replay(harEntry: HarFileEntry): Promise<void> {
    const parsed = parsedUrl(harEntry.request?.url);
    const content = harEntry.response?.content;
    // Every entry's credentials, replayed or not: any of them may be echoed in an answer that is.
    recordedCredentials.collect(harEntry, parsed, harEntry.request?.postData?.text, bodyOf(content?.text, content?.encoding, content?.tooLongBytes, maxBodyBytes).text);
    const decision = replayEntry(harEntry, router, maxBodyBytes);
    if ('skip' in decision) return count(skipped, decision.skip);
    const recorded = decision.replay;
    if (!reads.has(recorded.method) && rewriter === undefined) {
      missed.missed(recorded);
      return count(skipped, 'a write, not replayed (pass --replay-writes with --ticket and --equipment)');
    }
    // Refused for what the recorded ticket held (not In Progress, unknown, the record there already):
    // on --ticket, In Progress and holding other records, the same write says nothing comparable.
    if (rewriter !== undefined && !reads.has(recorded.method) && stateRefusals.has(recorded.recorded.status)) {
      return count(skipped, `a write the recording shows refused for what its ticket held (${recorded.recorded.status}), not replayed (--ticket is In Progress and holds other records)`);
    }
    const moved = rewriter === undefined ? { entry: recorded } : rewriter.request(recorded);
    if ('skip' in moved) return count(skipped, moved.skip);
    const entry = moved.entry;
    const record = ledgerRecord(entry);
    // The replay removes only what it added: a recorded remove of anything else would take a record
    // of the fixtures the user did not hand over (it existed before the replay, or never on this ticket).
    if (entry.operationId === values.remove.operationId && (record === undefined || !ledger.outstanding().some((r) => r.ticketId === record.ticketId && r.equipmentId === record.equipmentId))) {
      missed.missed(entry);
      return count(skipped, 'a remove of a record the replay did not add, not replayed (--replay-writes removes only what it added)');
    }
    const where = `entry ${harEntry.index} of ${harEntry.file}${harEntry.startedDateTime === undefined ? '' : ` (${visible(harEntry.startedDateTime.slice(0, 40))})`}`;
    const exchange = await send(where, entry.method, entry.target, { headers: entry.headers, ...(entry.body === undefined ? {} : { text: entry.body }) });
    replayed++;
    if (entry.operationId === values.add.operationId && record !== undefined && (is2xx(exchange.response?.status) || exchange.response === undefined)) ledger.created(record);
    if (entry.operationId === values.remove.operationId && record !== undefined && is2xx(exchange.response?.status)) ledger.removed(record);
    failuresInARow = exchange.error === undefined ? 0 : failuresInARow + 1;
    if (failuresInARow >= maxConsecutiveFailures) reason = `${client.baseUrl} stopped answering (${exchange.error?.message ?? 'no answer'}) after ${counted(requests, 'request')}`;
    if (exchange.response === undefined) return count(notCompared, 'no answer from the deployment');
    // Credentials refused where the recording was let in: the run's credentials, not the deployment's
    // choices (a token that expired midway). A few in a row stop the run, as in a live run.
    const refused = (status: number) => status === 401 || status === 403;
    refusalsInARow = refused(exchange.response.status) && !refused(entry.recorded.status) ? refusalsInARow + 1 : 0;
    if (refusalsInARow >= maxConsecutiveFailures) reason = `${client.baseUrl} accepted the credentials, then refused them ${counted(refusalsInARow, 'time')} in a row (${exchange.response.status}) where the recording was let in: did the token expire? (check --api-key, --token and --api-key-header)`;
    if (refusalsInARow > 0) return count(notCompared, 'credentials refused where the recording was let in: neither judged nor compared');
    if (exchange.throttled === true) return count(notCompared, 'a throttled answer the wait budget did not allow to wait out (--max-wait): neither judged nor compared');
    operations.add(entry.operationId);
    for (const finding of responseFindings(exchange, context)) findings.add(finding, where);
    if (rewriter !== undefined && entry.operationId === values.list.operationId && ticketFilter !== undefined && new URLSearchParams(entry.target.split('?')[1] ?? '').has(ticketFilter)) {
      return count(notCompared, 'a list of a recorded ticket, read on --ticket: judged against the document, not compared (--ticket holds other records than the recorded ticket)');
    }
    if (missed.dependsOnMissed(entry)) return count(notCompared, 'a read after a recorded write that was not replayed: judged against the document, not compared (it could not match without that write)');
    const from = performance.now();
    compare(exchange, entry, recorded);
    comparingMs += performance.now() - from;
  }

  function compare(exchange: LabelledExchange, entry: ReplayEntry, recorded: ReplayEntry): void {
    const answer = exchange.response!;
    const other = rewriter === undefined ? entry.recorded : { ...entry.recorded, bodyText: rewriter.answer(entry.recorded.bodyText) };
    if (entry.recordedBodyMissing !== undefined) count(notCompared, `${entry.recordedBodyMissing}: compared on status and media type only`);
    compared++;
    const shownRecorded = { ...exchange.request, target: `${recorded.target.split('?')[0]}${maskedQuery(recorded.target.includes('?') ? recorded.target.slice(recorded.target.indexOf('?')) : '')}` };
    const place = {
      name: exchange.label,
      operation: entry.operationId,
      request: exchange.request,
      refusal: refusalName(other.bodyText),
      deployment: { status: answer.status, curl: () => reproduction(exchange.request, client.baseUrl, credentials.apiKeyHeader, spec) },
      other: { status: other.status, curl: () => reproduction(shownRecorded, recorded.recordedAt, credentials.apiKeyHeader, spec) },
    };
    for (const fact of answerDifferences(answer, other, { request: exchange.request, maxLimit: values.limit.max, fakeTypes, other: 'the recording' })) {
      // A record moved onto another --equipment id carries that id's catalogue words: their presence is not a choice.
      if (rewriter !== undefined && fact.kind === 'fields' && Object.keys(fact.deployment as object).every((pointer) => catalogueWords.test(pointer))) continue;
      differences.add(fact, place);
    }
  }

  /** The record an add or a remove names, on the fixtures (after the rewrite). */
  function ledgerRecord(entry: ReplayEntry): { ticketId: string; equipmentId: number } | undefined {
    const record = writtenRecord(values, entry.operationId, entry.body, entry.pathValues);
    if (options.writes === undefined || record === undefined || record.ticket.toLowerCase() !== options.writes.ticket.toLowerCase()) return undefined;
    return options.writes.equipment.includes(record.id) ? { ticketId: options.writes.ticket, equipmentId: record.id } : undefined;
  }

  // Preflight, as a live run: a deployment that cannot be reached, refuses the credentials or is given
  // with the API's own path is said with its cause before anything is replayed.
  const reachability = await send('reachability', 'GET', values.collection);
  const credentialsGiven = credentials.token !== undefined || credentials.apiKey !== undefined;
  reason = preflightReason(reachability, client.baseUrl, values.collection, credentialsGiven, { option: '--base-url', who: 'the replay', before: 'before anything was replayed' });
  const queue: HarFileEntry[] = [];
  if (reason === undefined) {
    try {
      if (options.writes !== undefined) {
        const found = await checkFixtures(send, context, ledger, new Set(['ticket', 'equipment']));
        const wrong = Object.values(found.problems);
        if (wrong.length > 0) reason = `the fixtures cannot be used for --replay-writes: ${wrong.join('; ')}`;
      }
      const drain = async (): Promise<boolean> => {
        for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
          if (reason !== undefined) return true;
          if (replayed >= maxEntries || Date.now() >= deadline) {
            cutShort = replayed >= maxEntries ? `a replay sends at most ${maxEntries.toLocaleString('en-US')} requests` : `the replay's deadline (${Math.round((options.deadlineMs ?? replayDeadlineMs) / 1000)} s) was reached`;
            // This entry and the others read with it are not replayed either.
            cutShort = `${counted(queue.length + 1, 'entry', 'entries')} read but not replayed, and the rest of the file not read: ${cutShort}`;
            queue.length = 0;
            return true;
          }
          try {
            await replay(entry);
          } catch (error) {
            // What a hostile recording or deployment holds must not end the run without a report.
            reason ??= `entry ${entry.index} of ${entry.file} could not be replayed (${describeFailure(error)})`;
          }
        }
        return reason !== undefined;
      };
      if (reason === undefined) {
        const result = await readHar(
          options.file,
          (entry) => {
            read++;
            queue.push(entry);
          },
          (_index, why) => {
            read++;
            count(skipped, `${why}: not read`);
          },
          { maxBodyBytes, afterChunk: drain },
        );
        await drain();
        problems.push(...result.problems);
      }
    } catch (error) {
      reason ??= `the replay failed (${describeFailure(error)})`;
    } finally {
      const cleanup = await cleanUp({ ...client, send }, ledger, context);
      for (const finding of cleanup) findings.add(finding, 'cleanup');
    }
  }

  // Built once, over every credential the recording holds, and each text scanned once; a recording
  // past the bound is refused rather than half-scrubbed.
  const scrubber = boundedScrubber([...recordedCredentials.values(), credentials.token, credentials.apiKey, ...(options.secrets ?? [])], { maxNodes: maxSecretNodes });
  const scrub = scrubber ?? ownScrub;
  if (scrubber === undefined) reason ??= 'the recording holds more distinct credentials than the run can mask: nothing is listed; replay a part of it at a time';
  const tally = { baseUrl: client.baseUrl, startedAt: started, requests, read, replayed, compared, comparingMs, operations, problems, cutShort, reason, failOnDifference: options.failOnDifference === true };
  const listed = scrubber === undefined ? { findings: [], differences: [] } : { findings: findings.list(), differences: differences.list() };
  return scrubDeep(replayReport({ ...tally, ...listed, omitted: differences.omitted(), skipped, notCompared }), scrub);
}
