// Raw HTTP over a socket, for what fetch will not send: pipelined requests, a missing Host, bodies
// split over several writes, odd Expect headers.
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server wrote, as latin1 text. */
  text: string;
  /** The status of each response, in the order they came. */
  statuses: number[];
}

/** The statuses of the responses in a stream, read by their heads and Content-Length. */
function statusesOf(text: string): number[] {
  const statuses: number[] = [];
  let at = 0;
  while (at < text.length) {
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(text.slice(at, at + 16));
    const headEnd = text.indexOf('\r\n\r\n', at);
    if (status === null || headEnd < 0) break;
    statuses.push(Number(status[1]));
    const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(at, headEnd))?.[1];
    at = headEnd + 4 + Number(length ?? 0);
  }
  return statuses;
}

/**
 * Writes each part in turn (waiting `gapMs` between them), then collects what the server writes until
 * it closes the connection or `idleMs` pass without a byte.
 */
export function rawExchange(url: string, parts: Array<string | Uint8Array>, options: { gapMs?: number; idleMs?: number } = {}): Promise<RawExchange> {
  const { port, hostname } = new URL(url);
  const { gapMs = 0, idleMs = 1500 } = options;
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''));
    let text = '';
    let idle: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(idle);
      socket.destroy();
      resolve({ text, statuses: statusesOf(text) });
    };
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(finish, idleMs);
    };
    socket.on('data', (d: Buffer) => {
      text += d.toString('latin1');
      armIdle();
    });
    socket.on('close', finish);
    socket.on('error', () => undefined);
    void (async () => {
      for (const [index, part] of parts.entries()) {
        if (index > 0 && gapMs > 0) await new Promise((r) => setTimeout(r, gapMs));
        if (socket.destroyed) return;
        socket.write(part);
      }
      armIdle();
    })();
  });
}

/** The body of the last response in a raw exchange. */
export function lastBody(exchange: RawExchange): string {
  const at = exchange.text.lastIndexOf('\r\n\r\n');
  return at < 0 ? '' : exchange.text.slice(at + 4);
}
