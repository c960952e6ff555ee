// A fetch that looks `globalThis.fetch` up on every call. A client made at module scope (openapi-fetch's
// createClient keeps the fetch it is given, or the global one of that moment) would otherwise keep the
// real fetch from before msw/node's `server.listen()` patched it, and a test would call the network.
// No imports: an app's production code can use it at no cost.

/** Pass as `fetch` to a client created before the mock is listening (openapi-fetch, ky, …). */
export const callTimeFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);
