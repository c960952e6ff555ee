// One deadline for a whole request — connecting, the head and every byte of the body — as --timeout
// promises. undici's headersTimeout and bodyTimeout restart at each byte, so a server dripping one byte a
// second never trips them; an abort signal on a timer does. One module, so every client of the kit (the
// suite, seed --via-api, the admin commands, the token request) stops a slow server the same way.

/** The reason a request is aborted with: a TimeoutError, which classifyTransportError reports as a timeout. */
export const timeoutReason = (ms: number) => new DOMException(`no complete answer within ${ms} ms`, 'TimeoutError');

/**
 * Runs `work` with a signal that aborts `ms` after the start, and clears the timer when it settles (an
 * uncleared AbortSignal.timeout per request costs seeding at scale its CPU). Whatever reads the body must
 * do so inside `work`: past the deadline, the read fails with the timeout.
 */
export async function withDeadline<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(timeoutReason(ms)), ms);
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
