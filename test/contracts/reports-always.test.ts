// Every run leaves its reports, and each finding can be reproduced by hand: a refused token request
// still writes every requested report (JUnit says why as an error testcase); JUnit carries times and
// operationIds as classnames; curl lines are absolute, carry only the headers that matter, and a write
// is followed by the line that undoes it; Markdown folds them into a collapsible block.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHarContract } from '../../contracts/har/har-run.js';
import { reporters } from '../../contracts/reporters/index.js';
import { runContract } from '../../contracts/runner.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { closedTicketId, exampleTicketId } from '../../mocks/state/default-state.js';
import { cliArgs, root } from '../helpers/cli-process.js';
import '../helpers/cli-built.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { mutants } from './mutants.js';

const collection = '/v2/tickets/used-diagnostic-equipment';
let dir: string;
let healthy: RunningServer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ude-kit-reports-'));
  healthy = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
});
afterAll(() => healthy.close());

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...cliArgs, 'contract', ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('every run leaves its reports', () => {
  it('a refused token request: exit 2, and every requested report written, JUnit with the reason as an error', async () => {
    const tokens = createServer((_req, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}'));
    await new Promise<void>((resolve) => tokens.listen(0, '127.0.0.1', resolve));
    try {
      const tokenUrl = `http://127.0.0.1:${(tokens.address() as AddressInfo).port}/token`;
      const out = join(dir, 'token');
      const result = await cli([
        '--base-url', healthy.url, '--api-key', 'k', '--token-url', tokenUrl, '--client-id', 'id', '--client-secret', 'client-secret-value-1234',
        '--reporter', `junit:${out}.xml`, '--reporter', `json:${out}.json`, '--reporter', `markdown:${out}.md`, '--reporter', 'pretty',
      ]);
      expect(result.code).toBe(2);
      const reason = `could not get an access token: the token endpoint ${tokenUrl} answered 401 ("invalid_client"): check --client-id and --client-secret`;
      expect(result.stderr).toContain(`ude-kit contract: could not run: ${reason} → exit 2`);
      const [xml, json, markdown] = await Promise.all(['xml', 'json', 'md'].map((ext) => readFile(`${out}.${ext}`, 'utf8')));
      expect(xml).toContain(`<testcase classname="ude-kit" name="the run" time="`);
      const inXml = reason.replaceAll('"', '&quot;');
      expect(xml).toContain(`<error message="${inXml}" type="could not run">${inXml}</error>`);
      // The run's error, and every check skipped for that reason.
      expect(xml).toMatch(/<testsuites name="ude-kit contract" tests="36" failures="0" errors="1" skipped="35" time="\d+\.\d{3}">/);
      expect(JSON.parse(json!)).toMatchObject({ exitCode: 2, reason });
      expect(markdown).toContain(`### ude-kit contract: could not run`);
      expect(result.stdout).toContain(`Could not run: ${reason}`);
      for (const text of [xml, json, markdown, result.stdout, result.stderr]) expect(text).not.toContain('client-secret-value-1234');
    } finally {
      tokens.close();
    }
  });

  it('a report that cannot be written: said on stderr, exit 2, and the other reports written all the same', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const result = await cli(['--base-url', healthy.url, '--api-key', selfTestCredentials.apiKey, '--token', selfTestCredentials.token, '--read-only', '--only', 'ignored_auth', '--reporter', `junit:${blocker}/inside/r.xml`, '--reporter', `json:${dir}/after.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ude-kit contract: 0 errors, 0 warnings, 1 check (0 not run) → exit 0');
    expect(result.stderr).toContain(`ude-kit: could not write the junit report to ${blocker}/inside/r.xml (a file stands where a folder of its path should be) → exit 2`);
    expect(JSON.parse(await readFile(join(dir, 'after.json'), 'utf8'))).toMatchObject({ exitCode: 0 });
  });

  it('--only with a misspelt check name: what it may have meant', async () => {
    const result = await cli(['--base-url', healthy.url, '--only', 'schema_conformance,ignord_auth']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--only: unknown check "schema_conformance", "ignord_auth" (did you mean response_schema_conformance, ignored_auth?)');
  });

  it('JUnit: time on the suites and on each case, operationIds (never paths) as classnames', async () => {
    const report = await runContract(selfTestOptions(healthy.url));
    const xml = reporters.junit!(report);
    const cases = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)" time="(\d+\.\d{3})"/g)];
    expect(cases.length).toBe((xml.match(/<testcase /g) ?? []).length);
    const classnames = new Set(cases.map((c) => c[1]));
    expect([...classnames].sort()).toEqual(['addUsedDiagnosticEquipment', 'getUsedDiagnosticEquipment', 'listUsedDiagnosticEquipment', 'outside-the-document', 'removeUsedDiagnosticEquipment']);
    // Each testcase once: several requests outside the document make one testcase, not one each.
    const pairs = cases.map((c) => `${c[1]} ${c[2]}`);
    expect(pairs.filter((pair, at) => pairs.indexOf(pair) !== at)).toEqual([]);
    expect(xml).toMatch(/<testsuite name="[^"]+" tests="\d+" failures="0" errors="0" skipped="0" time="\d+\.\d{3}" timestamp="\d{4}-/);
    // The cases' times add up to no more than the run's.
    const total = cases.reduce((sum, c) => sum + Number(c[3]), 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(report.durationMs / 1000 + 0.05);
  });
});

describe('what a report says about checks that did not run whole', () => {
  it('a check that ran without its writes says so beside its pass, in every reporter', async () => {
    const report = await runContract(selfTestOptions(healthy.url, { readOnly: true, only: ['equivalent_forms', 'ignored_auth', 'generated_negative_inputs'] }));
    expect(report.checks.find((c) => c.name === 'equivalent_forms')).toMatchObject({ status: 'passed', note: 'its writes did not run: --read-only' });
    expect(report.checks.find((c) => c.name === 'generated_negative_inputs')).toMatchObject({ status: 'passed', note: 'its writes did not run: --read-only' });
    // A check that writes nothing has nothing to say.
    expect(report.checks.find((c) => c.name === 'ignored_auth')?.note).toBeUndefined();
    expect(reporters.pretty!(report)).toMatch(/✓ equivalent_forms\s+\(its writes did not run: --read-only\)\n/);
    const markdown = reporters.markdown!(report);
    expect(markdown).toContain('\nRan in part:\n');
    expect(markdown).toContain('\n- `equivalent_forms`: its writes did not run: --read-only\n');
    expect(markdown).toContain('\n- `generated_negative_inputs`: its writes did not run: --read-only\n');
    expect(reporters.junit!(report)).toContain('<system-out>its writes did not run: --read-only</system-out>');
  });

  it('without the fixture, the reason the check would have needed it', async () => {
    const report = await runContract(selfTestOptions(healthy.url, { fixtures: { equipment: [], probeRemoveRule: false }, only: ['pagination_combinations'] }));
    expect(report.checks[0]).toMatchObject({ name: 'pagination_combinations', status: 'passed', note: 'its writes did not run: needs --ticket (an In Progress ticket the suite may write on)' });
  });

  it('a run that could not run gives its reason once, not on every check', async () => {
    const report = await runContract(selfTestOptions(healthy.url, { credentials: {} }));
    const pretty = reporters.pretty!(report);
    expect(pretty.split(report.reason!).length - 1).toBe(1);
    expect(pretty).toMatch(/– stateful_model\s+not run\n/);
    expect(reporters.markdown!(report)).toContain('Not run: all 35 checks (the reason above).');
  });
});

describe('JUnit never hides a failure', () => {
  /** Every error finding's message, in some <failure> of the testcase of its check. */
  const unreported = (xml: string, findings: Array<{ check: string; severity: string; message: string }>) =>
    findings
      .filter((f) => f.severity === 'error')
      .filter((f) => ![...xml.matchAll(/<testcase classname="[^"]*" name="([^"]*)"[^>]*>\n\s*<failure message="[^"]*">([\s\S]*?)<\/failure>/g)].some((m) => m[1] === f.check && m[2]!.includes(f.message.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;').split('\n')[0]!)));

  it('a HAR run: the failing check has its <failure>, classed by operationId, and the counts agree with the exit code', async () => {
    const entry = (status: number, body: unknown) => ({
      startedDateTime: '2026-12-04T10:00:00.000Z',
      request: { method: 'GET', url: `https://api.example.test${collection}/${exampleTicketId}/12`, headers: [{ name: 'Authorization', value: 'Bearer t' }, { name: 'X-Api-Key', value: 'k' }] },
      response: { status, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: JSON.stringify(body) } },
    });
    const file = join(dir, 'junit.har');
    await writeFile(file, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry(200, { ticket_id: exampleTicketId, diagnostic_equipment_id: 12, name: 'x', version: '' })] } }));
    const report = await runHarContract({ files: [file] });
    expect(report.exitCode).toBe(1);
    const xml = reporters.junit!(report);
    expect(xml).toMatch(/<testsuites name="ude-kit contract" tests="\d+" failures="1" errors="0"/);
    expect(xml).toContain('<testcase classname="getUsedDiagnosticEquipment" name="response_schema_conformance"');
    expect(unreported(xml, report.findings)).toEqual([]);
  });

  it('a check that names no operation still gets the <failure> of its finding, classed by the finding’s operation', () => {
    const finding = { severity: 'error' as const, check: 'har_auth', operation: 'getUsedDiagnosticEquipment', request: { method: 'GET', target: collection }, pointer: '', expected: 'both', actual: { value: 'none', type: 'string' }, message: 'answered 200 without both credentials', curl: 'curl', occurrences: 1 };
    const report = { baseUrl: 'HAR: x.har', startedAt: '', durationMs: 1, requests: 1, summary: { checks: 1, run: 1, passed: 0, failed: 1, notRun: 0, errors: 1, warnings: 0 }, checks: [{ name: 'har_auth', status: 'failed' as const, errors: 1, warnings: 0 }], findings: [finding], exitCode: 1 as const };
    const xml = reporters.junit!(report);
    expect(xml).toContain('<testcase classname="getUsedDiagnosticEquipment" name="har_auth" time="0.000">\n      <failure message="answered 200 without both credentials">');
    expect(xml).toMatch(/tests="1" failures="1"/);
  });

  it('a live run against drift of several kinds: every error finding is in a <failure>', async () => {
    for (const name of ['POST answers 200', 'violations name only the first broken field', 'a charset parameter on Content-Type refused with 415', "the 'In Progress' rule not enforced on remove"]) {
      const server = await startHttpServer(mutants.find((m) => m.name === name)!.apply(createMock({ auth: selfTestCredentials })), { port: 0 });
      try {
        const report = await runContract(selfTestOptions(server.url));
        expect(report.exitCode, name).toBe(1);
        expect(unreported(reporters.junit!(report), report.findings), name).toEqual([]);
      } finally {
        await server.close();
      }
    }
  });
});

describe('reproducible by hand', () => {
  it('a write found drifting: its curl line is followed by the one that undoes it', async () => {
    const mutant = mutants.find((m) => m.name === 'POST answers 200')!;
    const server = await startHttpServer(mutant.apply(createMock({ auth: selfTestCredentials })), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { only: ['status_code_conformance', 'ensure_resource_availability'] }));
      const post = report.findings.find((f) => f.check === 'status_code_conformance' && f.request.method === 'POST')!;
      const [reproduce, comment, undo] = post.curl.split('\n');
      expect(reproduce).toMatch(new RegExp(`^curl -i -X POST -H "Authorization: Bearer \\$UDE_KIT_TOKEN" -H "X-Api-Key: \\$UDE_KIT_API_KEY" -H 'content-type: application/json' --data-raw '\\{"ticket_id":"${exampleTicketId}","diagnostic_equipment_id":\\d+\\}' '${server.url}${collection}'$`));
      expect(comment).toBe('# undo:');
      expect(undo).toMatch(new RegExp(`^curl -i -X DELETE -H "Authorization: Bearer \\$UDE_KIT_TOKEN" -H "X-Api-Key: \\$UDE_KIT_API_KEY" '${server.url}${collection}/${exampleTicketId}/\\d+'$`));
      // The same in every text report: pretty indents each line, Markdown folds them into a block.
      const pretty = reporters.pretty!(report);
      expect(pretty).toContain(`      ${reproduce}\n      # undo:\n      ${undo}`);
      const markdown = reporters.markdown!(report);
      expect(markdown).toContain('<details><summary>Reproduce each finding (curl)</summary>');
      expect(markdown).toContain(`   \`\`\`sh\n   ${reproduce}\n   # undo:\n   ${undo}\n   \`\`\``);
      expect(markdown.trimEnd().endsWith('</details>')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('pretty keeps a message of several lines (a model run’s sequence) indented under its finding', () => {
    const finding = { severity: 'error' as const, check: 'stateful_model', operation: 'listUsedDiagnosticEquipment', request: { method: 'GET', target: collection }, pointer: '', expected: 1, actual: { value: 2, type: 'integer' }, message: 'step 2 of the sequence:\n# 1. add 40\ncurl one\n# 2. list the ticket\ncurl two', curl: 'curl two', occurrences: 1 };
    const report = { baseUrl: 'http://h', startedAt: '', durationMs: 1, requests: 2, summary: { checks: 1, run: 1, passed: 0, failed: 1, notRun: 0, errors: 1, warnings: 0 }, checks: [], findings: [finding], exitCode: 1 as const };
    const lines = reporters.pretty!(report).split('\n');
    const at = lines.findIndex((line) => line.includes('step 2 of the sequence:'));
    expect(lines.slice(at + 1, at + 5)).toEqual(['      # 1. add 40', '      curl one', '      # 2. list the ticket', '      curl two']);
  });

  it('a DELETE is undone by adding the record back', async () => {
    const mutant = mutants.find((m) => m.name === "the 'In Progress' rule not enforced on remove")!;
    const server = await startHttpServer(mutant.apply(createMock({ auth: selfTestCredentials })), { port: 0 });
    try {
      const report = await runContract(selfTestOptions(server.url, { only: ['in_progress_rule_remove'] }));
      const remove = report.findings.find((f) => f.request.method === 'DELETE')!;
      const [, id] = new RegExp(`${closedTicketId}/(\\d+)'$`).exec(remove.curl.split('\n')[0]!) ?? [];
      expect(remove.curl.split('\n').slice(1)).toEqual([
        '# undo:',
        `curl -i -X POST -H "Authorization: Bearer $UDE_KIT_TOKEN" -H "X-Api-Key: $UDE_KIT_API_KEY" -H 'content-type: application/json' --data-raw '{"ticket_id":"${closedTicketId}","diagnostic_equipment_id":${id}}' '${server.url}${collection}'`,
      ]);
    } finally {
      await server.close();
    }
  });

  it('a HAR of another host than --base-url: says which host its entries are for', async () => {
    const entry = { startedDateTime: '2026-12-04T10:00:00.000Z', request: { method: 'GET', url: `https://api.example.test${collection}`, headers: [] }, response: { status: 200, headers: [], content: { mimeType: 'application/json', text: '{}' } } };
    const file = join(dir, 'other-host.har');
    await writeFile(file, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry, entry] } }));
    const report = await runHarContract({ files: [file], baseUrl: 'https://staging.example.com' });
    expect(report.exitCode).toBe(2);
    expect(report.har?.notChecked).toEqual(['2 × another host than --base-url (the entries are for https://api.example.test)']);
  });

  it('a HAR finding without --base-url: the entry’s own absolute URL, only the headers that matter', async () => {
    const entry = {
      startedDateTime: '2026-12-04T10:00:00.000Z',
      request: {
        method: 'POST',
        url: `https://api.example.test/gateway${collection}`,
        headers: [
          { name: 'Host', value: 'api.example.test' },
          { name: 'User-Agent', value: 'Mozilla/5.0' },
          { name: 'Cookie', value: 'sid=har-cookie-value-0001' },
          { name: 'Accept', value: 'application/json' },
          { name: 'Accept-Encoding', value: 'gzip, br' },
          { name: 'Sec-Fetch-Mode', value: 'cors' },
          { name: ':authority', value: 'api.example.test' },
          { name: 'Authorization', value: 'Bearer har-token-value-0002' },
          { name: 'X-Api-Key', value: 'har-key-value-0003' },
          { name: 'Content-Type', value: 'application/json' },
        ],
        postData: { mimeType: 'application/json', text: `{"ticket_id":"${exampleTicketId}","diagnostic_equipment_id":40}` },
      },
      // A created record without its version: a schema finding on a write.
      response: { status: 201, headers: [{ name: 'Content-Type', value: 'application/json' }], content: { mimeType: 'application/json', text: `{"ticket_id":"${exampleTicketId}","diagnostic_equipment_id":40,"name":"x"}` } },
    };
    const file = join(dir, 'one.har');
    await writeFile(file, JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [entry] } }));
    const report = await runHarContract({ files: [file] });
    const finding = report.findings.find((f) => f.check === 'response_schema_conformance')!;
    expect(finding.curl.split('\n')).toEqual([
      `curl -i -X POST -H 'accept: application/json' -H "Authorization: Bearer $UDE_KIT_TOKEN" -H "X-Api-Key: $UDE_KIT_API_KEY" -H 'content-type: application/json' --data-raw '{"ticket_id":"${exampleTicketId}","diagnostic_equipment_id":40}' 'https://api.example.test/gateway${collection}'`,
      '# undo:',
      `curl -i -X DELETE -H 'accept: application/json' -H "Authorization: Bearer $UDE_KIT_TOKEN" -H "X-Api-Key: $UDE_KIT_API_KEY" 'https://api.example.test/gateway${collection}/${exampleTicketId}/40'`,
    ]);
  });
});
