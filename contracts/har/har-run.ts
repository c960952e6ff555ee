// Passive drift detection: recorded traffic (HAR files from browsers, Playwright, proxies, the mock)
// checked against the document with every check that needs only the exchange itself: documented status,
// media type, schema, problem status, undocumented properties, body limits, and the invariants (record
// identity, list arithmetic, query echo). Plus two rules a recording can show and a probe cannot:
//   har_auth                a success without both credentials the document requires
//   har_request_conformance a request the document forbids, answered 2xx
// Findings point at the entry (file, index, time) and are folded across entries, with a bound on how
// many a run keeps; credentials found in the recording are masked in every finding, by name and value.
import { parseInput } from '../../mocks/core/input.js';
import { compiledSpec, type CompiledSpec } from '../../src/spec/index.js';
import { createRouter } from '../../src/spec/router.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { findingFor, type CheckContext } from '../checks/check.js';
import { responseCheckNames } from '../check-names.js';
import { responseFindings } from '../checks/response-checks.js';
import type { Finding } from '../findings.js';
import { defaultMaxBodyBytes, type LabelledExchange } from '../http-client.js';
import type { CheckResult, ContractReport } from '../runner.js';
import { describeFailure, outcomeOf } from '../run-outcome.js';
import { boundedScrubber, scrubDeep } from '../secrets.js';
import { readHar, type HarFileEntry, type HarNameValue } from './read-har.js';
import { isThrottled } from '../throttle.js';
import { visible } from '../../src/text/visible.js';
import { counted } from '../../src/text/counted.js';
import { createCredentialCollector, maskedBody, maskedQuery } from './har-credentials.js';
import { createFoldedFindings, defaultMaxFindings } from './folded-findings.js';

export const harCheckNames = ['har_auth', 'har_request_conformance'] as const;

export interface HarOptions {
  files: string[];
  /** Only entries under this URL are checked (default: every entry on the document's paths). */
  baseUrl?: string | undefined;
  spec?: CompiledSpec;
  apiKeyHeader?: string;
  /** The longest body parsed, in bytes (default 10 MiB, as --max-body-bytes); a longer one is a finding. */
  maxBodyBytes?: number;
  /** The most findings the run keeps (default 1,000); past it they are counted, not listed. */
  maxFindings?: number;
  /** The most characters of credentials (in all their forms, shared starts once) the run can mask. */
  maxSecretNodes?: number;
}

/** About 600 MB while the scrubber is built: far more credentials than any real recording holds. */
const maxSecretNodes = 16 * 1024 * 1024;

/** Entries not checked, and why: each reason with its count. */
type Skipped = Map<string, number>;

/** The most reasons for entries not checked that are told apart; the others are counted together. */
const maxSkipReasons = 50;

const header = (headers: HarNameValue[] | undefined): Record<string, string> => Object.fromEntries((headers ?? []).map((h) => [h.name.toLowerCase(), h.value]));

/** A text from the recording, bounded and safe to print, for a message. */
const shown = (text: string, max: number) => visible(text.length > max ? `${text.slice(0, max)}…` : text);

/** A recorded URL, or undefined when there is none or it cannot be parsed. */
export function parsedUrl(url: string | undefined): URL | undefined {
  try {
    return url === undefined ? undefined : new URL(url);
  } catch {
    return undefined;
  }
}

/** A body's text as the checks read it, or why it is not read: its bytes past the bound, an unknown encoding. */
export function bodyOf(text: string | undefined, encoding: string | undefined, tooLongBytes: number | undefined, maxBytes: number): { text?: string; tooLong?: true; unknownEncoding?: string } {
  if (tooLongBytes !== undefined) return { tooLong: true };
  if (text === undefined) return {};
  if (encoding === undefined) return Buffer.byteLength(text) > maxBytes ? { tooLong: true } : { text };
  if (encoding !== 'base64') return { unknownEncoding: encoding };
  if (Math.floor((text.length * 3) / 4) > maxBytes + 2) return { tooLong: true };
  const bytes = Buffer.from(text, 'base64');
  return bytes.byteLength > maxBytes ? { tooLong: true } : { text: bytes.toString('utf8') };
}

export async function runHarContract(options: HarOptions): Promise<ContractReport> {
  const started = Date.now();
  const spec = options.spec ?? compiledSpec();
  const router = createRouter(spec.operations);
  // Spelt as the document spells it in a curl line; looked up in lower case, as the reader keeps names.
  const apiKeyName = options.apiKeyHeader ?? apiKeyHeaderOf(spec.document);
  const apiKeyHeader = apiKeyName.toLowerCase();
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const maxFindings = options.maxFindings ?? defaultMaxFindings;
  const credentials = createCredentialCollector(apiKeyName);
  const skipped: Skipped = new Map();
  const skip = (why: string, count = 1) => {
    const reason = skipped.has(why) || skipped.size < maxSkipReasons ? why : 'other reasons';
    skipped.set(reason, (skipped.get(reason) ?? 0) + count);
  };
  const findings = createFoldedFindings(maxFindings);
  const problems: string[] = [];
  let failure: string | undefined;
  let checked = 0;
  let read = 0;
  /** The operations the checked entries addressed: what each check's JUnit testcases are classed by. */
  const operations = new Set<string>();
  const otherHosts = new Set<string>();
  const base = options.baseUrl?.replace(/\/+$/, '');
  const context: CheckContext = {
    spec,
    fixtures: { equipment: [], probeRemoveRule: false },
    readOnly: true,
    baseUrl: base ?? '',
    apiKeyHeader: apiKeyName,
    generation: { seed: 0, maxCases: 0 },
  };
  // A success without both credentials is told only once its file is read: a recording that holds none
  // at all (a sanitized browser export) cannot tell. Folded as the findings are, so bounded too.
  let authCandidates = createFoldedFindings(maxFindings);
  let fileHasCredentials = false;

  const consider = (entry: HarFileEntry) => {
    read++;
    const time = entry.startedDateTime === undefined ? '' : ` (${shown(entry.startedDateTime, 40)})`;
    const where = `entry ${entry.index} of ${entry.file}${time}`;
    const url = entry.request?.url;
    const parsed = parsedUrl(url);
    const requestText = bodyOf(entry.request?.postData?.text, undefined, entry.request?.postData?.tooLongBytes, maxBodyBytes);
    const content = entry.response?.content;
    const responseText = bodyOf(content?.text, content?.encoding, content?.tooLongBytes, maxBodyBytes);
    // Every entry's credentials, checked or not: any of them may be echoed in an entry that is.
    credentials.collect(entry, parsed, requestText.text, responseText.text);
    if (url === undefined || entry.request?.method === undefined) return skip('no request URL or method');
    if (base !== undefined && !url.startsWith(base)) {
      // Which hosts the recording is of: the --base-url to give instead.
      // A user name and password in the URL are a credential too: never shown.
      if (otherHosts.size < 3) otherHosts.add((/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url.slice(0, 300))?.[0] ?? url.slice(0, 60)).replace(/\/\/[^/?#]*@/, '//***@'));
      return skip('another host than --base-url');
    }
    if (parsed === undefined) return skip('a URL that cannot be parsed');
    // The document's paths may sit under a prefix of the deployment's own (/api/v2/…).
    const at = parsed.pathname.indexOf(router.prefix);
    if (at < 0) return skip('not on the document’s paths');
    const path = parsed.pathname.slice(at);
    // A finding's curl line is absolute: the entry's own origin and prefix, with or without --base-url.
    const entryContext: CheckContext = { ...context, baseUrl: `${parsed.origin}${parsed.pathname.slice(0, at)}` };
    const method = entry.request.method.toUpperCase();
    const match = router.match(method, path);
    if (match.kind !== 'operation') return skip('not on the document’s paths');
    const requestHeaders = header(entry.request.headers);
    const status = entry.response?.status;
    if (entry.response === undefined || typeof status !== 'number' || status <= 0) return skip('no response (an aborted request)');
    const responseHeaders = header(entry.response.headers);
    if (isThrottled(status, responseHeaders)) return skip('a throttled answer (429, or 503 with Retry-After): a gateway’s, not the API’s, so not judged');
    if (responseText.unknownEncoding !== undefined) skip(`a body in an unknown encoding (${shown(responseText.unknownEncoding, 20)}): body checks left out`);
    if (content?.text === undefined && content?.tooLongBytes === undefined && status !== 204) skip('a body the recorder left out: body checks left out');
    if (requestText.tooLong === true) skip(`a request body over ${maxBodyBytes.toLocaleString('en-US')} bytes (--max-body-bytes): har_request_conformance left out`);
    const requestContentType = entry.request.postData?.mimeType ?? requestHeaders['content-type'];
    // What a finding shows of the request: every credential masked by name (by value comes at the end).
    const shownHeaders = Object.fromEntries(Object.entries(requestHeaders).map(([name, value]) => [name, credentials.shownHeader(name, value)]));
    const exchange: LabelledExchange = {
      label: where,
      auth: 'both',
      attempts: 1,
      operationId: match.operation.operationId,
      request: { method, target: `${path}${maskedQuery(parsed.search)}`, headers: shownHeaders, ...(requestText.text === undefined ? {} : { body: maskedBody(requestText.text, requestContentType) }) },
      response: {
        status,
        headers: { ...responseHeaders, ...(content?.mimeType ? { 'content-type': responseHeaders['content-type'] ?? content.mimeType } : {}) },
        bodyText: responseText.text ?? '',
        durationMs: 0,
        ...(responseText.tooLong === true ? { bodyLimitExceeded: maxBodyBytes } : {}),
      },
    };
    checked++;
    operations.add(match.operation.operationId);
    const own: Finding[] = [];
    if (responseText.text !== undefined || responseText.tooLong === true || status === 204) own.push(...responseFindings(exchange, entryContext));
    const success = status >= 200 && status < 300;
    // A credential redacted by the recorder ("[redacted]") was there.
    const hasToken = (requestHeaders.authorization ?? '').trim() !== '';
    const hasKey = (requestHeaders[apiKeyHeader] ?? '').trim() !== '';
    if (hasToken || hasKey) fileHasCredentials = true;
    if (success) {
      if (!hasToken || !hasKey)
        authCandidates.add(findingFor(exchange, { check: 'har_auth', expected: 'both credentials the document requires (a bearer token and the API key)', actual: `${hasToken ? 'a token' : 'no token'}, ${hasKey ? 'a key' : 'no key'}`, message: `answered ${status} without both credentials` }, entryContext), where);
      if (requestText.tooLong !== true) {
        const input = parseInput(match.operation, { method, path, query: parsed.searchParams, headers: requestHeaders, body: requestText.text === undefined ? undefined : new TextEncoder().encode(requestText.text) }, match.pathValues);
        if (!input.ok)
          own.push(findingFor(exchange, { check: 'har_request_conformance', expected: 'a request the document allows, or a refusal', actual: input.violations.slice(0, 5), message: `answered ${status} to a request the document forbids (${input.violations.map((v) => `${v.field} ${v.message}`).slice(0, 3).join('; ')})` }, entryContext));
      }
    }
    // A finding names its entry: the place to look in the recording.
    for (const finding of own) findings.add(finding, where);
  };

  const guarded = (entry: HarFileEntry) => {
    try {
      consider(entry);
    } catch (error) {
      // What a hostile recording holds must not end the run without a report: the run says so, exit 2.
      failure ??= `entry ${entry.index} of ${entry.file} could not be checked (${describeFailure(error)})`;
    }
  };
  const unreadable = (_index: number, why: string) => {
    read++;
    skip(`${why}: not read`);
  };

  try {
    for (const file of options.files) {
      fileHasCredentials = false;
      problems.push(...(await readHar(file, guarded, unreadable, { maxBodyBytes })).problems);
      if (fileHasCredentials) findings.absorb(authCandidates);
      else if (authCandidates.entries() > 0) skip('a success in a recording that holds no credentials at all (a sanitized export?): har_auth left out', authCandidates.entries());
      authCandidates = createFoldedFindings(maxFindings);
    }
  } catch (error) {
    failure ??= `the recording could not be checked (${describeFailure(error)})`;
  }

  // Built once, over every credential the files hold, and each text scanned once. Their number has no
  // bound; the memory they take has one, and a recording past it is refused rather than half-scrubbed.
  const scrubber = boundedScrubber(credentials.values(), { maxNodes: options.maxSecretNodes ?? maxSecretNodes });
  if (scrubber === undefined) {
    failure = `the recording holds more distinct credentials than the run can mask (over ${(options.maxSecretNodes ?? maxSecretNodes).toLocaleString('en-US')} characters of them): no finding is listed; check a part of it at a time`;
  }
  const scrub = scrubber ?? ((text: string) => text);
  const listed = scrubber === undefined ? [] : findings.list().map((f) => scrubDeep(f, scrub));
  const names = [...responseCheckNames, ...harCheckNames];
  const checks: CheckResult[] = names.map((name) => {
    const own = listed.filter((f) => f.check === name);
    const errors = own.filter((f) => f.severity === 'error').length;
    if (checked === 0) return { name, status: 'not-run', reason: 'no entry could be checked', errors: 0, warnings: 0 };
    return { name, status: errors > 0 ? 'failed' : 'passed', errors, warnings: own.length - errors, operations: [...operations].sort() };
  });
  const hosts = otherHosts.size === 0 ? '' : ` (the entries are for ${[...otherHosts].map((h) => visible(h)).join(', ')})`;
  const notChecked = [...skipped].map(([why, count]) => scrub(`${count} × ${why}${why === 'another host than --base-url' ? hosts : ''}`));
  const unlisted = findings.unlisted();
  const notices = unlisted === 0 ? [] : [`${counted(unlisted, 'more finding', 'more findings')} not listed: a run over recordings lists at most ${maxFindings.toLocaleString('en-US')} (each with its count); the last finding of each check says how many of its own`];
  const reason = failure !== undefined ? scrub(failure) : checked === 0 ? `nothing could be checked: ${[...problems, ...notChecked].join('; ') || 'no entries'}` : undefined;
  return {
    baseUrl: `HAR: ${options.files.join(', ')}`,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: checked,
    ...outcomeOf(checks, listed, reason === undefined ? undefined : scrub(reason)),
    ...(notices.length === 0 ? {} : { notices }),
    har: { read, checked, notChecked, problems: problems.map(scrub) },
  };
}
