// The journal and its HAR export pinned where mutation testing found them loose: what an entry holds
// and what it leaves out (strictly: a key set to undefined is a different JSON answer), the batch
// trimming that keeps recording O(1), the view of exactly `capacity` entries, and the memory bounds on
// the bodies it keeps, measured with a hostile load.
import { STATUS_CODES } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { MockRequest, MockResponse } from '../../mocks/core/exchange.js';
import { harEntry, type HarSource } from '../../mocks/core/har.js';
import { createJournal } from '../../mocks/core/journal.js';

const request = (method = 'GET', body?: Uint8Array, query = ''): Omit<MockRequest, 'bodyTooLarge'> => ({ method, path: '/v2/x', query: new URLSearchParams(query), headers: { host: 'mock.test' }, ...(body === undefined ? {} : { body }) });
const ok: MockResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{}' };

describe('a journal entry', () => {
  it('leaves out what a request did not have: an empty body, an operation, a fault', () => {
    const journal = createJournal(5, []);
    journal.record(request('POST', new Uint8Array(0)), { status: 204, headers: {} }, Date.UTC(2026, 0, 2));
    const [entry] = journal.list();
    expect(entry).toStrictEqual({ id: 1, time: '2026-01-02T00:00:00.000Z', method: 'POST', path: '/v2/x', query: '', headers: { host: 'mock.test' }, status: 204 });
    expect(journal.detail(1)).toStrictEqual({ ...entry, response: { headers: {}, bodyCut: false } });
  });

  it('names a fault with only the fields it had', () => {
    const journal = createJournal(5, []);
    journal.record(request(), { ...ok, fault: 3, delayMs: 50 }, 0);
    journal.record(request(), { status: 0, headers: {}, fault: 4, networkError: true }, 0);
    journal.record(request(), { ...ok, fault: 5 }, 0);
    expect(journal.list().map((e) => e.fault)).toStrictEqual([{ id: 3, delayMs: 50 }, { id: 4, networkError: true }, { id: 5 }]);
  });

  it('routes a HEAD as the GET it is answered as', () => {
    const asked: string[] = [];
    const journal = createJournal(5, [], (method, path) => (asked.push(`${method} ${path}`), method === 'GET' ? 'listThings' : undefined));
    journal.record(request('HEAD'), ok, 0);
    journal.record(request('DELETE'), ok, 0);
    expect(journal.list().map((e) => e.operation)).toStrictEqual(['listThings', undefined]);
    expect(asked).toEqual(['GET /v2/x', 'DELETE /v2/x']);
    expect('operation' in journal.list()[1]!).toBe(false);
  });

  it('redacts a credential in the query and keeps the rest as sent', () => {
    const journal = createJournal(5, []);
    journal.record(request('GET', undefined, 'limit=2&api_key=s3cret&offset=1'), ok, 0);
    journal.record(request('GET', undefined, 'limit=2&offset=1'), ok, 0);
    expect(journal.list().map((e) => e.query)).toEqual(['limit=2&api_key=%5Bredacted%5D&offset=1', 'limit=2&offset=1']);
  });

  it('keeps a request body of exactly the preview whole, and one byte more cut', () => {
    const journal = createJournal(5, []);
    journal.record(request('POST', new Uint8Array(4096).fill(97)), ok, 0);
    journal.record(request('POST', new Uint8Array(4097).fill(98)), ok, 0);
    const [whole, cut] = journal.har('1').log.entries;
    expect(whole!.request.postData!.text).toBe('a'.repeat(4096));
    expect(whole!.comment).toBeUndefined();
    expect(cut!.request.postData!.text).toBe('b'.repeat(4096));
    expect(cut!.comment).toBe("ude-kit journal: request body cut at the journal's limit");
  });

  it('keeps an answer of exactly the kept length whole, written again or not', () => {
    const journal = createJournal(5, []);
    const exact = 'e'.repeat(256 * 1024);
    journal.record(request(), { ...ok, body: exact }, 0);
    journal.record(request(), { ...ok, body: 'sent', bodyAgain: () => exact }, 0);
    for (const id of [1, 2]) expect(journal.detail(id)!.response).toStrictEqual({ headers: ok.headers, body: exact, bodyCut: false });
    expect(journal.har('1').log.entries.map((e) => e.comment)).toEqual([undefined, undefined]);
  });
});

describe('the journal’s bounds', () => {
  it('trims in batches: it holds up to twice its capacity, then drops back to it', () => {
    const journal = createJournal(5, []);
    const held: number[] = [];
    for (let i = 0; i < 12; i++) {
      journal.record(request(), ok, 0);
      held.push(journal.held());
    }
    expect(held).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 5, 6]);
  });

  it('shows exactly the newest `capacity` entries in the list, the details and the HAR, even before a trim', () => {
    const journal = createJournal(3, []);
    for (let i = 0; i < 5; i++) journal.record(request('GET', undefined, `n=${i + 1}`), ok, 0);
    expect(journal.held()).toBe(5);
    expect(journal.list().map((e) => e.id)).toEqual([3, 4, 5]);
    expect(journal.detail(2)).toBeUndefined();
    expect(journal.detail(3)?.query).toBe('n=3');
    expect(journal.har('1').log.entries.map((e) => e.request.queryString[0]!.value)).toEqual(['3', '4', '5']);
  });

  it('holds nothing after a clear', () => {
    const journal = createJournal(3, []);
    journal.record(request(), ok, 0);
    journal.clear();
    expect(journal.held()).toBe(0);
    expect(journal.har('1').log.entries).toEqual([]);
  });

  // Flat strings, as the core's answers are: `repeat` would build a tree of shared pieces that costs
  // almost nothing to keep, and so would hide a journal that keeps every answer whole.
  const flat = (length: number, seed: number) => Buffer.alloc(length, 65 + (seed % 26)).toString('latin1');
  /**
   * Collects until the memory stops shrinking: an ArrayBuffer's backing store is freed by a sweeper
   * that may lag behind a single gc() on a loaded machine (a CI run once saw 36 MiB of the loop's
   * dropped 1 MiB buffers not yet freed, over the 32 MiB bound).
   */
  const settled = async (gc: () => void) => {
    let last = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 10; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 10));
      const now = process.memoryUsage().arrayBuffers;
      if (now >= last) break;
      last = now;
    }
    return process.memoryUsage();
  };
  const measured = async (work: () => void) => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const before = await settled(gc);
    work();
    const after = await settled(gc);
    // A long string made from a Buffer lives outside the heap (`external`), as array buffers do.
    const text = (m: NodeJS.MemoryUsage) => m.heapUsed + m.external - m.arrayBuffers;
    return { bytes: after.arrayBuffers - before.arrayBuffers, heap: text(after) - text(before) };
  };

  it('keeps only the preview of hostile request bodies and only the kept length of hostile answers', async () => {
    const journal = createJournal(100, []);
    const grew = await measured(() => {
      // Each body distinct, so nothing is shared: 100 × 1 MiB of request bytes and 100 × 2 MiB of answers.
      for (let i = 0; i < 100; i++) journal.record(request('POST', new Uint8Array(1024 * 1024).fill(i)), { ...ok, body: flat(2 * 1024 * 1024, i) }, 0);
    });
    // Kept whole (or as views of the whole): 100 MiB of bytes and 200 MiB of text. Cut: 0.4 MiB and
    // 25 MiB, plus what the collector has not yet freed (41 MiB measured).
    expect(grew.bytes).toBeLessThan(32 * 1024 * 1024);
    expect(grew.heap).toBeLessThan(80 * 1024 * 1024);
    expect(journal.held()).toBe(100);
  });

  it('keeps no copy of an answer it can write again', async () => {
    const journal = createJournal(100, []);
    const grew = await measured(() => {
      for (let i = 0; i < 100; i++) journal.record(request(), { ...ok, body: flat(200 * 1024, i), bodyAgain: () => 'x' }, 0);
    });
    // Kept, 100 answers of 200 KiB would be 20 MiB.
    expect(grew.heap).toBeLessThan(8 * 1024 * 1024);
    expect(journal.held()).toBe(100);
  });
});

describe('a HAR entry', () => {
  const source = (change: Partial<HarSource> = {}): HarSource => ({
    time: '2026-01-02T00:00:00.000Z',
    method: 'GET',
    path: '/v2/x',
    query: '',
    requestHeaders: {},
    requestBodyCut: false,
    status: 200,
    responseHeaders: {},
    responseBodyCut: false,
    ...change,
  });

  it('names each status the mock answers as HTTP does', () => {
    // Every status the mock gives: the document's, its own refusals (405, 408, 413, 415, 417) and its catch-all 500.
    for (const status of [200, 201, 204, 400, 401, 403, 404, 405, 408, 409, 413, 415, 417, 500]) {
      expect([status, harEntry(source({ status })).response.statusText]).toEqual([status, STATUS_CODES[status]]);
    }
  });

  it('is the whole exchange, with no body, query or type where there was none', () => {
    expect(harEntry(source({ status: 418 }))).toStrictEqual({
      startedDateTime: '2026-01-02T00:00:00.000Z',
      time: 0,
      request: { method: 'GET', url: 'http://localhost/v2/x', httpVersion: 'HTTP/1.1', cookies: [], headers: [], queryString: [], headersSize: -1, bodySize: 0 },
      response: { status: 418, statusText: '', httpVersion: 'HTTP/1.1', cookies: [], headers: [], content: { size: 0, mimeType: '' }, redirectURL: '', headersSize: -1, bodySize: 0 },
      cache: {},
      timings: { send: 0, wait: 0, receive: 0 },
    });
  });

  it('carries the host, query, bodies in bytes, types and the status text', () => {
    const entry = harEntry(source({ method: 'POST', query: 'a=1&b=%C3%A9', requestHeaders: { host: 'mock.test:4010', 'content-type': 'application/json' }, requestBody: '{"é":1}', status: 201, responseHeaders: { 'content-type': 'application/json' }, responseBody: '"ü"' }));
    expect(entry.request).toStrictEqual({
      method: 'POST',
      url: 'http://mock.test:4010/v2/x?a=1&b=%C3%A9',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [
        { name: 'host', value: 'mock.test:4010' },
        { name: 'content-type', value: 'application/json' },
      ],
      queryString: [
        { name: 'a', value: '1' },
        { name: 'b', value: 'é' },
      ],
      postData: { mimeType: 'application/json', text: '{"é":1}' },
      headersSize: -1,
      bodySize: 8,
    });
    expect(entry.response.statusText).toBe('Created');
    expect(entry.response.content).toStrictEqual({ size: 4, mimeType: 'application/json', text: '"ü"' });
    expect(entry.response.bodySize).toBe(4);
    expect(entry.comment).toBeUndefined();
  });

  it('gives a body sent without a media type an empty one', () => {
    expect(harEntry(source({ method: 'POST', requestBody: '{}' })).request.postData).toStrictEqual({ mimeType: '', text: '{}' });
  });

  it('says which bodies the journal cut', () => {
    expect(harEntry(source({ requestBodyCut: true })).comment).toBe("ude-kit journal: request body cut at the journal's limit");
    expect(harEntry(source({ responseBodyCut: true })).comment).toBe("ude-kit journal: response body cut at the journal's limit");
    expect(harEntry(source({ requestBodyCut: true, responseBodyCut: true })).comment).toBe("ude-kit journal: request body cut, response body cut at the journal's limit");
  });
});
