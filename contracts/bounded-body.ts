// Response bodies read up to a limit, counting the bytes after decompression (fetch inflates gzip and
// br), so neither a body that never ends nor a small compressed bomb can fill the memory.

/** A fetch Response's body as text; undefined past the limit (reading stops there). */
export async function readBounded(response: Response, limit: number): Promise<string | undefined> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    // Decoded once at the end: one flat string, which the checks read far faster than a chain of pieces.
    if (done) return Buffer.concat(chunks, size).toString('utf8');
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

/** The same bound over a Node stream (undici's request()). */
export async function readStreamBounded(body: AsyncIterable<Uint8Array> & { destroy(): void }, limit: number): Promise<string | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}
