// The boundary contract every adapter keeps: whatever its environment's Request and Headers do, the core
// gets one normalised request (method in upper case, header names in lower case, a repeated name joined
// once, the query parsed once, the path decoded once by the router). The same requests, written with
// mixed-case names, repeated headers and a lower-case method, go to the MSW handlers and the in-process
// fetch as a deliberately odd Request (its Headers' forEach gives names as written and repeats a name,
// as happy-dom's does), and to the node:http server as raw header lines: every answer must be the same.
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer, type RunningServer } from '../../mocks/adapters/http-server.js';
import { inProcessFetch } from '../../mocks/adapters/in-process.js';
import { createHandlers } from '../../mocks/adapters/msw.js';
import { createMock } from '../../mocks/core/mock.js';
import { rawExchange } from '../helpers/raw-http.js';

type Lines = Array<[string, string]>;

/** A Headers whose forEach gives every line as written (case kept, a repeated name twice); get() is the standard's. */
class OddHeaders extends Headers {
  constructor(private readonly lines: Lines) {
    super(lines);
  }
  override forEach(callback: (value: string, name: string, parent: Headers) => void): void {
    for (const [name, value] of this.lines) callback(value, name, this);
  }
}

/** A Request with those Headers and the method as the page wrote it ('post', not 'POST'). */
class OddRequest extends Request {
  readonly #headers: OddHeaders;
  readonly #method: string;
  constructor(url: string, method: string, lines: Lines, body?: string) {
    super(url, { method, headers: lines, ...(body === undefined ? {} : { body }) });
    this.#headers = new OddHeaders(lines);
    this.#method = method;
  }
  override get headers(): Headers {
    return this.#headers;
  }
  override get method(): string {
    return this.#method;
  }
}

interface Exchange {
  method: string;
  /** Path and query as sent on the wire. */
  target: string;
  lines: Lines;
  body?: string;
}

interface Answer {
  status: number;
  contentType: string | null;
  body: string;
}

const api = '/v2/tickets/used-diagnostic-equipment';

/** The exchanges, over the default state's first In Progress ticket and an equipment id free on it. */
function exchanges(): Exchange[] {
  const state = createMock().state();
  const ticket = state.tickets.find((t) => t.status === 'In Progress')!.id;
  const closed = state.tickets.find((t) => t.status === 'Closed')!.id;
  const free = state.catalog.find((c) => !state.used.some((u) => u.ticket_id === ticket && u.diagnostic_equipment_id === c.diagnostic_equipment_id))!.diagnostic_equipment_id;
  const auth: Lines = [['AUTHORIZATION', 'Bearer t'], ['X-Api-KEY', 'k']];
  const json = (body: unknown) => JSON.stringify(body);
  const digits = [...String(free)].map((d) => `%3${d}`).join('');
  return [
    { method: 'post', target: api, lines: [...auth, ['Content-TYPE', 'Application/JSON; Charset=UTF-8']], body: json({ ticket_id: ticket, diagnostic_equipment_id: free }) },
    // The same add again: a conflict, asked for in two Accept lines.
    { method: 'post', target: api, lines: [...auth, ['Content-Type', 'application/json'], ['Accept', 'application/json'], ['accept', 'application/problem+json']], body: json({ ticket_id: ticket, diagnostic_equipment_id: free }) },
    // The uuid in capitals and the equipment id percent-encoded digit by digit: decoded once, the same record.
    { method: 'get', target: `${api}/${ticket.toUpperCase()}/${digits}`, lines: [...auth, ['ACCEPT', 'application/json']] },
    // Encoded twice ('%2532' is '%32' once decoded): never decoded a second time into a number.
    { method: 'get', target: `${api}/${ticket}/%25${digits.slice(1)}`, lines: auth },
    { method: 'get', target: `${api}/${ticket}/%zz`, lines: auth },
    { method: 'get', target: `${api}?ticket_id=${ticket}&limit=1&offset=0`, lines: [...auth, ['Accept', 'application/json']] },
    { method: 'get', target: `${api}?limit=1&LIMIT=2&limit=3`, lines: auth },
    // A singleton header given twice: one comma list, refused the same way everywhere.
    { method: 'post', target: api, lines: [...auth, ['Content-Type', 'application/json'], ['content-type', 'text/plain']], body: json({ ticket_id: ticket, diagnostic_equipment_id: free }) },
    { method: 'post', target: api, lines: [['X-API-KEY', 'k'], ['Content-Type', 'application/json']], body: json({ ticket_id: closed, diagnostic_equipment_id: free }) },
    { method: 'post', target: api, lines: [...auth, ['content-type', 'application/json']], body: json({ ticket_id: closed, diagnostic_equipment_id: free }) },
    { method: 'delete', target: `${api}/${ticket}/${free}`, lines: [['Authorization', 'Bearer t'], ['x-api-key', 'k'], ['Cookie', 'a=1'], ['COOKIE', 'b=2']] },
    { method: 'get', target: `${api}/${ticket}/${free}`, lines: auth },
  ];
}

async function answerOf(response: Response | undefined): Promise<Answer> {
  if (response === undefined) throw new Error('no handler answered');
  return { status: response.status, contentType: response.headers.get('content-type'), body: await response.text() };
}

/** A raw HTTP/1.1 exchange, header lines exactly as given, read back by its Content-Length. */
async function overTheWire(url: string, exchange: Exchange): Promise<Answer> {
  const body = exchange.body ?? '';
  const head = [`${exchange.method.toUpperCase()} ${exchange.target} HTTP/1.1`, `Host: ${new URL(url).host}`, ...exchange.lines.map(([n, v]) => `${n}: ${v}`), `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'];
  const { text } = await rawExchange(url, [`${head.join('\r\n')}\r\n\r\n${body}`]);
  const headEnd = text.indexOf('\r\n\r\n');
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
  const contentType = /\r\ncontent-type: *([^\r]*)/i.exec(text.slice(0, headEnd))?.[1] ?? null;
  return { status, contentType, body: Buffer.from(text.slice(headEnd + 4), 'latin1').toString('utf8') };
}

describe('every adapter hands the core the same request, whatever the environment gives it', () => {
  let server: RunningServer;
  const base = 'http://ude-kit.test';
  beforeAll(async () => {
    server = await startHttpServer(createMock(), { port: 0 });
  });
  afterAll(() => server.close());

  it('the odd Request really is odd: names as written, a name repeated, the method in lower case', () => {
    const request = new OddRequest(`${base}${api}`, 'post', [['Content-Type', 'application/json'], ['accept', 'a'], ['Accept', 'b']], '{}');
    const seen: string[] = [];
    request.headers.forEach((_, name) => seen.push(name));
    expect({ method: request.method, seen }).toEqual({ method: 'post', seen: ['Content-Type', 'accept', 'Accept'] });
  });

  it('MSW handlers, the in-process fetch and the node:http server give the same answers to the same requests', async () => {
    const { handlers } = createHandlers({ mock: createMock() });
    const inProcess = inProcessFetch(createMock());
    const table: Array<{ request: string; msw: Answer; inProcess: Answer; http: Answer }> = [];
    for (const exchange of exchanges()) {
      const odd = () => new OddRequest(`${base}${exchange.target}`, exchange.method, exchange.lines, exchange.body);
      table.push({
        request: `${exchange.method} ${exchange.target} ${exchange.lines.map(([n]) => n).join(',')}`,
        msw: await answerOf(await getResponse(handlers, odd())),
        inProcess: await answerOf(await inProcess(odd())),
        http: await overTheWire(server.url, exchange),
      });
    }
    for (const row of table) {
      expect({ request: row.request, ...row.inProcess }).toEqual({ request: row.request, ...row.msw });
      expect({ request: row.request, ...row.http }).toEqual({ request: row.request, ...row.msw });
    }
    // The requests reach the rule they are about: an add, its conflict, a read of it, refusals of several kinds.
    expect(table.map((row) => row.msw.status)).toEqual([201, 409, 200, 400, 400, 200, 400, 400, 401, 409, 204, 404]);
  });

  it('a Host given twice is refused by name, not answered for whichever came first', async () => {
    const host = new URL(server.url).host;
    const { text } = await rawExchange(server.url, [`GET ${api} HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`]);
    expect(text).toMatch(/^HTTP\/1\.1 400/);
    expect(text).toContain('must be given once');
  });
});
