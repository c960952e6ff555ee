// Polite to a real deployment: throttled answers (429, or 503 with Retry-After, as API gateways send
// them) are waited out within one budget and sent again, never judged by a check; --rate paces the run;
// throttling that outlasts the budget is exit 2, "rate limited", with the count — never drift.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContract } from '../../contracts/runner.js';
import { createThrottle, isThrottled, retryAfterMs } from '../../contracts/throttle.js';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { createMock } from '../../mocks/core/mock.js';
import { selfTestCredentials, selfTestOptions } from './contract-fixtures.js';
import { startGateway, throttleEvery } from '../helpers/gateway.js';

describe('the throttle rules', () => {
  it('reads Retry-After as seconds or as an HTTP date, and nothing else', () => {
    const now = Date.parse('2026-12-04T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Fri, 04 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Fri, 04 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-1', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });

  it('takes 429, and 503 only with Retry-After, for throttling', () => {
    expect(isThrottled(429, {})).toBe(true);
    expect(isThrottled(503, { 'retry-after': '1' })).toBe(true);
    expect(isThrottled(503, {})).toBe(false);
    expect(isThrottled(502, { 'retry-after': '1' })).toBe(false);
    expect(isThrottled(200, { 'retry-after': '1' })).toBe(false);
  });

  it('waits as asked until the budget for the whole run is spent, then refuses to wait', async () => {
    const slept: number[] = [];
    const throttle = createThrottle({ maxWaitMs: 2500, sleep: async (ms) => void slept.push(ms), now: () => 0 });
    expect(await throttle.waitOut({ 'retry-after': '1' }, 0)).toBe(true);
    expect(await throttle.waitOut({ 'retry-after': '1' }, 0)).toBe(true);
    // 2 s spent; one more second would pass 2.5 s: not waited, and not slept.
    expect(await throttle.waitOut({ 'retry-after': '1' }, 0)).toBe(false);
    expect(slept).toEqual([1000, 1000]);
    expect(throttle.spent).toEqual({ answers: 3, waitedMs: 2000 });
  });

  it('charges every throttled answer at least 50 ms, so that Retry-After: 0 on every answer still ends', async () => {
    const slept: number[] = [];
    const throttle = createThrottle({ maxWaitMs: 120, sleep: async (ms) => void slept.push(ms), now: () => 0 });
    expect(await throttle.waitOut({ 'retry-after': '0' }, 0)).toBe(true);
    expect(await throttle.waitOut({ 'retry-after': '0' }, 0)).toBe(true);
    expect(await throttle.waitOut({ 'retry-after': '0' }, 0)).toBe(false);
    expect(slept).toEqual([50, 50]);
  });

  it('backs off 0.5 s, doubling, at most 8 s, where no Retry-After says how long', async () => {
    const slept: number[] = [];
    const throttle = createThrottle({ maxWaitMs: 60_000, sleep: async (ms) => void slept.push(ms), now: () => 0 });
    for (let attempt = 0; attempt < 6; attempt++) await throttle.waitOut({}, attempt);
    expect(slept).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('paces requests to --rate a second', async () => {
    let clock = 1000;
    const slept: number[] = [];
    const throttle = createThrottle({ maxWaitMs: 0, rate: 4, sleep: async (ms) => void (slept.push(ms), (clock += ms)), now: () => clock });
    for (let i = 0; i < 4; i++) await throttle.pace();
    expect(slept).toEqual([250, 250, 250]);
  });
});

describe('a deployment behind a gateway that throttles', () => {
  let upstream: RunningServer;
  beforeAll(async () => {
    upstream = await startHttpServer(createMock({ auth: selfTestCredentials }), { port: 0 });
  });
  afterAll(() => upstream.close());

  it('1 request in 25 answered 429 (Retry-After: 0): the same clean verdict, no throttled answer judged, and a note of it', async () => {
    const gateway = await startGateway(upstream.url, [throttleEvery(25)]);
    try {
      const report = await runContract(selfTestOptions(gateway.url));
      expect(report.findings.map((f) => `${f.check}: ${f.message}`)).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(gateway.answeredItself()).toBeGreaterThan(5);
      // Retry-After: 0 still costs each throttled answer 50 ms.
      const waited = ((gateway.answeredItself() * 50) / 1000).toFixed(1).replace('.', '\\.');
      expect(report.notices).toEqual([expect.stringMatching(new RegExp(`throttled ${gateway.answeredItself()} answers \\(429, or 503 with Retry-After\\): the suite waited ${waited} s in all and sent each again; no check judged a throttled answer`)) as string]);
    } finally {
      await gateway.close();
    }
  });

  it('every request without credentials throttled first (the false alarm once seen): ignored_auth still judges the real answer', async () => {
    // The gateway throttles requests that carry no API key, once each, as a per-client limiter might.
    let seen = 0;
    const gateway = await startGateway(upstream.url, [{ before: (request) => (request.headers['x-api-key'] === undefined && seen++ % 2 === 0 ? { status: 429, headers: { 'retry-after': '0' }, body: Buffer.alloc(0) } : undefined) }]);
    try {
      const report = await runContract(selfTestOptions(gateway.url, { only: ['ignored_auth'] }));
      expect(report.findings).toEqual([]);
      expect(report.checks).toEqual([expect.objectContaining({ name: 'ignored_auth', status: 'passed' })]);
    } finally {
      await gateway.close();
    }
  });

  it('503 with Retry-After is waited out too, for a POST as well (the request was not carried out), and never judged', async () => {
    // Every other POST that arrives is turned away once: each of the suite's adds meets one 503.
    let posts = 0;
    const gateway = await startGateway(upstream.url, [{ before: (request) => (request.method === 'POST' && posts++ % 2 === 0 ? { status: 503, headers: { 'retry-after': '0', 'content-type': 'text/html' }, body: Buffer.from('<h1>busy</h1>') } : undefined) }]);
    try {
      const report = await runContract(selfTestOptions(gateway.url, { only: ['ensure_resource_availability', 'use_after_free', 'not_a_server_error', 'content_type_conformance'] }));
      expect(report.findings).toEqual([]);
      expect(report.exitCode).toBe(0);
      expect(gateway.answeredItself()).toBeGreaterThanOrEqual(3);
    } finally {
      await gateway.close();
    }
  });

  it('throttling past --max-wait: exit 2, "rate limited", with the count and the wait, and no finding', async () => {
    const gateway = await startGateway(upstream.url, [throttleEvery(1, '1')]);
    try {
      const started = Date.now();
      const report = await runContract(selfTestOptions(gateway.url, { maxWaitMs: 1500 }));
      expect(Date.now() - started).toBeLessThan(4000);
      expect(report.exitCode).toBe(2);
      expect(report.reason).toBe(`rate limited: ${gateway.url} kept asking the suite to slow down (2 throttled answers, 429 or 503 with Retry-After; 1.0 s waited of --max-wait 2 s); raise --max-wait, or pace the run with --rate N (requests a second)`);
      expect(report.findings).toEqual([]);
    } finally {
      await gateway.close();
    }
  });

  it('a throttled answer the budget cannot wait out, inside a check, is not judged either', async () => {
    // From the 40th request on: 503, Retry-After longer than the budget, an HTML body (5xx, the wrong media type).
    const gateway = await startGateway(upstream.url, [{ before: (request) => (request.index >= 40 ? { status: 503, headers: { 'retry-after': '120', 'content-type': 'text/html' }, body: Buffer.from('<h1>busy</h1>') } : undefined) }]);
    try {
      const report = await runContract(selfTestOptions(gateway.url));
      expect(report.exitCode).toBe(2);
      expect(report.reason).toMatch(/^rate limited: /);
      expect(report.findings).toEqual([]);
    } finally {
      await gateway.close();
    }
  });

  it('a gateway answering every request 429 with Retry-After: 0: the run still ends, rate limited, within the budget', async () => {
    const gateway = await startGateway(upstream.url, [throttleEvery(1, '0')]);
    try {
      const started = Date.now();
      const report = await runContract(selfTestOptions(gateway.url, { maxWaitMs: 1000 }));
      expect(Date.now() - started).toBeLessThan(4000);
      expect(report.exitCode).toBe(2);
      expect(report.reason).toMatch(/^rate limited: .* \(21 throttled answers, 429 or 503 with Retry-After; 1\.0 s waited of --max-wait 1 s\)/);
      // Twenty retries of the first request, 50 ms each, then the budget is spent.
      expect(gateway.received()).toBe(21);
    } finally {
      await gateway.close();
    }
  });

  it('a Retry-After longer than the whole budget is not waited at all', async () => {
    const gateway = await startGateway(upstream.url, [throttleEvery(3, '120')]);
    try {
      const started = Date.now();
      const report = await runContract(selfTestOptions(gateway.url));
      expect(Date.now() - started).toBeLessThan(3000);
      expect(report.exitCode).toBe(2);
      expect(report.reason).toMatch(/^rate limited: .* \(1 throttled answer, 429 or 503 with Retry-After; 0\.0 s waited of --max-wait 30 s\)/);
      expect(report.findings).toEqual([]);
      expect(report.checks.filter((c) => c.status !== 'not-run')).toEqual([]);
    } finally {
      await gateway.close();
    }
  });

  it('--rate spaces the requests', async () => {
    const started = Date.now();
    const report = await runContract(selfTestOptions(upstream.url, { only: ['ignored_auth'], rate: 20 }));
    // Six requests (the reachability probe and five without proper credentials), 50 ms apart at least.
    expect(report.requests).toBe(6);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });
});
