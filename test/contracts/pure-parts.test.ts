// Checks and reporters are pure: they are tested here with hand-made exchanges, no server.
import { describe, expect, it } from 'vitest';
import { compiledSpec } from '../../src/spec/index.js';
import type { CheckContext } from '../../contracts/checks/check.js';
import { authCheck } from '../../contracts/checks/input-checks.js';
import { responseFindings } from '../../contracts/checks/response-checks.js';
import { curlFor } from '../../contracts/curl.js';
import { createScrubber } from '../../contracts/secrets.js';
import { deduplicate, type Finding } from '../../contracts/findings.js';
import type { LabelledExchange } from '../../contracts/http-client.js';
import { reporters } from '../../contracts/reporters/index.js';
import type { ContractReport } from '../../contracts/runner.js';

const context: CheckContext = {
  spec: compiledSpec(),
  fixtures: { equipment: [], probeRemoveRule: false },
  readOnly: true,
  baseUrl: 'https://staging.example.test',
  apiKeyHeader: 'X-Api-Key',
  generation: { seed: 1, maxCases: 5 },
};

const record = (name: string) => ({ ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', diagnostic_equipment_id: 12, name, version: '2.0' });

function exchange(label: string, status: number, body: unknown, extra: Partial<LabelledExchange> = {}): LabelledExchange {
  return {
    label,
    auth: 'both',
    attempts: 1,
    operationId: 'listUsedDiagnosticEquipment',
    request: { method: 'GET', target: '/v2/tickets/used-diagnostic-equipment', headers: { authorization: 'Bearer s3cr3t-token', 'x-api-key': 's3cr3t-key' } },
    response: { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(body), durationMs: 1 },
    ...extra,
  };
}

describe('response checks', () => {
  it('fold the same violation on 25 rows into one finding that counts them', () => {
    const page = { query: { limit: 25, offset: 0 }, result: Array.from({ length: 25 }, () => record('n'.repeat(256))), total: 25 };
    const findings = deduplicate(responseFindings(exchange('page', 200, page), context));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: 'response_schema_conformance',
      pointer: '/result/*/name',
      expected: { maxLength: 255 },
      actual: { type: 'string' },
      occurrences: 25,
      severity: 'error',
    });
  });

  it('treat version null as valid and "" as drift, and name a missing property', () => {
    const ok = { query: { limit: 25, offset: 0 }, result: [{ ...record('x'), version: null }], total: 1 };
    expect(responseFindings(exchange('ok', 200, ok), context)).toEqual([]);
    const bad = { query: { limit: 25, offset: 0 }, result: [{ ...record('x'), version: '' }], total: 1 };
    expect(responseFindings(exchange('bad', 200, bad), context).map((f) => f.pointer)).toEqual(['/result/0/version']);
    const missing = { query: { limit: 25, offset: 0 }, result: [], total: 0 };
    delete (missing as Partial<typeof missing>).total;
    expect(responseFindings(exchange('missing', 200, missing), context)).toMatchObject([{ pointer: '/total', message: 'is missing', actual: { type: 'undefined' } }]);
  });

  it('warn on undocumented properties, but not on the query echo the document leaves open', () => {
    const body = { query: { limit: 25, offset: 0, ticket_id: '595be628-f6f2-4262-9c10-6389c6c4a5b8' }, result: [{ ...record('x'), serial: 1 }], total: 1 };
    const findings = responseFindings(exchange('extra', 200, body), context);
    expect(findings.map((f) => [f.check, f.severity, f.pointer])).toEqual([['undocumented_property', 'warning', '/result/0/serial']]);
  });
});

describe('ignored_auth evaluation', () => {
  it('passes refusals and reports anything else', () => {
    const refused = exchange('no credentials', 401, {}, { auth: 'none' });
    const letIn = exchange('a wrong API key', 200, {}, { auth: 'wrong-key' });
    const findings = authCheck.evaluate([refused, letIn], context);
    expect(findings.map((f) => f.message)).toEqual(['a wrong API key: not refused (200)']);
  });
});

describe('curl and secrets', () => {
  it('reproduces a request with credentials as environment variables', () => {
    const curl = curlFor({ method: 'POST', target: '/v2/x?a=1', headers: { authorization: 'Bearer s3cr3t-token', 'x-api-key': 's3cr3t-key', 'content-type': 'application/json' }, body: `{"it's":1}` }, 'https://h', 'X-Api-Key');
    expect(curl).toBe(`curl -i -X POST -H "Authorization: Bearer $UDE_KIT_TOKEN" -H "X-Api-Key: $UDE_KIT_API_KEY" -H 'content-type: application/json' --data-raw '{"it'\\''s":1}' 'https://h/v2/x?a=1'`);
    expect(curl).not.toContain('s3cr3t');
  });

  it('scrubs every secret from any text', () => {
    expect(createScrubber(['s3cr3t-key'])('a s3cr3t-key b s3cr3t-key c')).toBe('a *** b *** c');
  });
});

describe('reporters', () => {
  const finding: Finding = {
    severity: 'error',
    check: 'response_schema_conformance',
    operation: 'getUsedDiagnosticEquipment',
    request: { method: 'GET', target: '/v2/x/1' },
    pointer: '/name',
    expected: { maxLength: 255 },
    actual: { value: 'n'.repeat(256), type: 'string' },
    message: 'must NOT have more than 255 characters <&>',
    curl: 'curl x',
    occurrences: 3,
  };
  const report: ContractReport = {
    baseUrl: 'https://staging.example.test',
    startedAt: '2026-11-29T00:00:00.000Z',
    durationMs: 1234,
    requests: 40,
    summary: { checks: 2, run: 1, passed: 0, failed: 1, notRun: 1, errors: 1, warnings: 0 },
    checks: [
      { name: 'response_schema_conformance', status: 'failed', errors: 1, warnings: 0, operations: ['getUsedDiagnosticEquipment', 'listUsedDiagnosticEquipment'] },
      { name: 'use_after_free', status: 'not-run', reason: 'needs --ticket', errors: 0, warnings: 0, operations: [] },
    ],
    findings: [finding],
    exitCode: 1,
  };

  it('json carries the summary and each finding with the documented fields', () => {
    const json = JSON.parse(reporters.json!(report)) as { summary: unknown; findings: Array<Record<string, unknown>> };
    expect(json.summary).toEqual(report.summary);
    expect(Object.keys(json.findings[0]!)).toEqual(expect.arrayContaining(['severity', 'check', 'operation', 'pointer', 'expected', 'actual', 'message']));
  });

  it("pretty counts a HAR's entries read and checked with thousands separators", () => {
    const text = reporters.pretty!({ ...report, har: { read: 350_000, checked: 200_000, notChecked: [], problems: [] } });
    expect(text).toContain('350,000 entries read, 200,000 checked against the document');
  });

  it('junit has one testcase per check and operation, escaped', () => {
    const xml = reporters.junit!(report);
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('tests="3" failures="1" errors="0" skipped="1"');
    expect(xml).toContain('&lt;&amp;&gt;');
    expect(xml).not.toContain('<&>');
  });

  it('markdown is a table ready for a pull request; pretty groups by operation', () => {
    const markdown = reporters.markdown!(report);
    expect(markdown).toContain('| 2 | 1 | 0 | 1 | 1 | 1 | 0 |');
    expect(markdown).toContain('| error | `response_schema_conformance` | `getUsedDiagnosticEquipment` | `/name` |');
    const pretty = reporters.pretty!(report);
    expect(pretty).toContain('  getUsedDiagnosticEquipment\n    ✗ error   response_schema_conformance  /name');
    expect(pretty).toContain('(3 occurrences)');
    expect(pretty).toContain('– use_after_free');
  });
});
