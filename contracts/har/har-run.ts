// Passive drift detection: recorded traffic (HAR files from browsers, Playwright, proxies, the mock)
// checked against the document with every check that needs only the exchange itself: documented status,
// media type, schema, problem status, undocumented properties, body limits, and the invariants (record
// identity, list arithmetic, query echo). Plus two rules a recording can show and a probe cannot:
//   har_auth                a success without both credentials the document requires
//   har_request_conformance a request the document forbids, answered 2xx
// Findings point at the entry (file, index, time); credentials found in the recording are scrubbed.
import { parseInput } from '../../mocks/core/input.js';
import { looksLikeCredential } from '../../mocks/core/journal.js';
import { compiledSpec, type CompiledSpec } from '../../src/spec/index.js';
import { createRouter } from '../../src/spec/router.js';
import { apiKeyHeaderOf } from '../../src/spec/security.js';
import { findingFor, type CheckContext } from '../checks/check.js';
import { responseCheckNames } from '../check-names.js';
import { responseFindings } from '../checks/response-checks.js';
import { deduplicate, type Finding } from '../findings.js';
import type { LabelledExchange } from '../http-client.js';
import type { CheckResult, ContractReport } from '../runner.js';
import { outcomeOf } from '../run-outcome.js';
import { createScrubber, scrubDeep } from '../secrets.js';
import { readHar, type HarFileEntry } from './read-har.js';
import { isThrottled } from '../throttle.js';
import { visible } from '../../src/text/visible.js';

export const harCheckNames = ['har_auth', 'har_request_conformance'] as const;

export interface HarOptions {
  files: string[];
  /** Only entries under this URL are checked (default: every entry on the document's paths). */
  baseUrl?: string | undefined;
  spec?: CompiledSpec;
  apiKeyHeader?: string;
}

/** Entries not checked, and why: each reason with its count. */
type Skipped = Map<string, number>;

const header = (headers: Array<{ name?: string; value?: string }> | undefined): Record<string, string> =>
  Object.fromEntries((headers ?? []).filter((h) => typeof h.name === 'string').map((h) => [h.name!.toLowerCase(), String(h.value ?? '')]));

export async function runHarContract(options: HarOptions): Promise<ContractReport> {
  const started = Date.now();
  const spec = options.spec ?? compiledSpec();
  const router = createRouter(spec.operations);
  // Spelt as the document spells it in a curl line; looked up in lower case, as the reader keeps names.
  const apiKeyName = options.apiKeyHeader ?? apiKeyHeaderOf(spec.document);
  const apiKeyHeader = apiKeyName.toLowerCase();
  const secrets = new Set<string>();
  const skipped: Skipped = new Map();
  const skip = (why: string) => skipped.set(why, (skipped.get(why) ?? 0) + 1);
  const raw: Finding[] = [];
  const problems: string[] = [];
  let checked = 0;
  let read = 0;
  /** The operations the checked entries addressed: what each check's JUnit testcases are classed by. */
  const operations = new Set<string>();
  const otherHosts = new Set<string>();
  const filesWithCredentials = new Set<string>();
  const authCandidates: Array<{ file: string; finding: Finding }> = [];
  const base = options.baseUrl?.replace(/\/+$/, '');
  const context: CheckContext = {
    spec,
    fixtures: { equipment: [], probeRemoveRule: false },
    readOnly: true,
    baseUrl: base ?? '',
    apiKeyHeader: apiKeyName,
    generation: { seed: 0, maxCases: 0 },
  };

  const consider = (entry: HarFileEntry) => {
    read++;
    const where = `entry ${entry.index} of ${entry.file}${entry.startedDateTime === undefined ? '' : ` (${entry.startedDateTime})`}`;
    const url = entry.request?.url;
    if (typeof url !== 'string' || typeof entry.request?.method !== 'string') return skip('no request URL or method');
    if (base !== undefined && !url.startsWith(base)) {
      // Which hosts the recording is of: the --base-url to give instead.
      if (otherHosts.size < 3) otherHosts.add(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url.slice(0, 60));
      return skip('another host than --base-url');
    }
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return skip('a URL that cannot be parsed');
    }
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
    for (const [name, value] of Object.entries(requestHeaders)) if (looksLikeCredential(name) || name === apiKeyHeader) secrets.add(value.replace(/^Bearer\s+/i, ''));
    const status = entry.response?.status;
    if (entry.response === undefined || typeof status !== 'number' || status <= 0) return skip('no response (an aborted request)');
    const responseHeaders = header(entry.response.headers);
    if (isThrottled(status, responseHeaders)) return skip('a throttled answer (429, or 503 with Retry-After): a gateway’s, not the API’s, so not judged');
    for (const [name, value] of Object.entries(responseHeaders)) if (looksLikeCredential(name)) secrets.add(value);
    const content = entry.response.content;
    let bodyText = content?.text;
    if (bodyText !== undefined && content?.encoding !== undefined) {
      if (content.encoding === 'base64') bodyText = Buffer.from(bodyText, 'base64').toString('utf8');
      else {
        skip(`a body in an unknown encoding (${content.encoding}): body checks left out`);
        bodyText = undefined;
      }
    }
    if (content?.text === undefined && status !== 204) skip('a body the recorder left out: body checks left out');
    const exchange: LabelledExchange = {
      label: where,
      auth: 'both',
      attempts: 1,
      operationId: match.operation.operationId,
      request: { method, target: `${path}${parsed.search}`, headers: requestHeaders, ...(entry.request.postData?.text === undefined ? {} : { body: entry.request.postData.text }) },
      response: { status, headers: { ...responseHeaders, ...(content?.mimeType ? { 'content-type': responseHeaders['content-type'] ?? content.mimeType } : {}) }, bodyText: bodyText ?? '', durationMs: 0 },
    };
    checked++;
    operations.add(match.operation.operationId);
    const own: Finding[] = [];
    if (bodyText !== undefined || status === 204) own.push(...responseFindings(exchange, entryContext));
    const success = status >= 200 && status < 300;
    // A credential redacted by the recorder ("[redacted]") was there; a recording that holds none at all
    // (a sanitized browser export) cannot tell, and is judged at the end of its file.
    const hasToken = (requestHeaders.authorization ?? '').trim() !== '';
    const hasKey = (requestHeaders[apiKeyHeader] ?? '').trim() !== '';
    if (hasToken || hasKey) filesWithCredentials.add(entry.file);
    if (success) {
      if (!hasToken || !hasKey)
        authCandidates.push({ file: entry.file, finding: findingFor(exchange, { check: 'har_auth', expected: 'both credentials the document requires (a bearer token and the API key)', actual: `${hasToken ? 'a token' : 'no token'}, ${hasKey ? 'a key' : 'no key'}`, message: `answered ${status} without both credentials — ${where}` }, entryContext) });
      const input = parseInput(match.operation, { method, path, query: parsed.searchParams, headers: requestHeaders, body: exchange.request.body === undefined ? undefined : new TextEncoder().encode(exchange.request.body) }, match.pathValues);
      if (!input.ok)
        own.push(findingFor(exchange, { check: 'har_request_conformance', expected: 'a request the document allows, or a refusal', actual: input.violations.slice(0, 5), message: `answered ${status} to a request the document forbids (${input.violations.map((v) => `${v.field} ${v.message}`).slice(0, 3).join('; ')})` }, entryContext));
    }
    // A finding names its entry: the place to look in the recording.
    for (const finding of own) raw.push({ ...finding, message: `${finding.message} — ${where}` });
  };

  for (const file of options.files) problems.push(...(await readHar(file, consider)).problems);
  for (const { file, finding } of authCandidates) {
    if (filesWithCredentials.has(file)) raw.push(finding);
    else skip('a success in a recording that holds no credentials at all (a sanitized export?): har_auth left out');
  }

  const scrub = createScrubber([...secrets].filter((s) => s.length > 0).slice(0, 10_000));
  const findings = deduplicate(raw.map((f) => scrubDeep(f, scrub)));
  const names = [...responseCheckNames, ...harCheckNames];
  const checks: CheckResult[] = names.map((name) => {
    const own = findings.filter((f) => f.check === name);
    const errors = own.filter((f) => f.severity === 'error').length;
    if (checked === 0) return { name, status: 'not-run', reason: 'no entry could be checked', errors: 0, warnings: 0 };
    return { name, status: errors > 0 ? 'failed' : 'passed', errors, warnings: own.length - errors, operations: [...operations].sort() };
  });
  const hosts = otherHosts.size === 0 ? '' : ` (the entries are for ${[...otherHosts].map((h) => visible(h)).join(', ')})`;
  const notChecked = [...skipped].map(([why, count]) => `${count} × ${why}${why === 'another host than --base-url' ? hosts : ''}`);
  const reason = checked === 0 ? `nothing could be checked: ${[...problems, ...notChecked].join('; ') || 'no entries'}` : undefined;
  return {
    baseUrl: `HAR: ${options.files.join(', ')}`,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    requests: checked,
    ...outcomeOf(checks, findings, reason),
    har: { read, checked, notChecked, problems: problems.map(scrub) },
  };
}
