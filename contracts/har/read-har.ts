// Reads HAR 1.2 files entry by entry, streamed (a 500 MB recording is never held whole), into the
// exchanges the checks read. Each entry is bounded as a response body is (64 levels, 5,000,000 values)
// and a body longer than --max-body-bytes is counted, not kept. What cannot be read is counted with its
// reason, never thrown.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { exceededJsonBounds, jsonBounds } from '../../src/spec/json-bounds.js';
import { createHarScanner, cutShort, type ScannedValue } from './har-scanner.js';

export interface HarNameValue {
  name: string;
  value: string;
}

/** A body as the file holds it: its text, or how long it was when it was too long to keep. */
export interface HarText {
  text?: string;
  /** The body's length in the file, in bytes, when it is longer than --max-body-bytes allows. */
  tooLongBytes?: number;
}

export interface HarRequest {
  method?: string;
  url?: string;
  headers: HarNameValue[];
  cookies: HarNameValue[];
  postData?: HarText & { mimeType?: string; params: HarNameValue[] };
}

export interface HarResponse {
  status?: number;
  headers: HarNameValue[];
  cookies: HarNameValue[];
  content?: HarText & { mimeType?: string; encoding?: string };
}

export interface HarFileEntry {
  file: string;
  index: number;
  startedDateTime?: string;
  request?: HarRequest;
  response?: HarResponse;
}

export interface HarReadResult {
  entries: number;
  /** Why a file, or the rest of it, could not be read. */
  problems: string[];
}

export interface HarReadOptions {
  /** The longest body kept, in bytes (a longer one is counted, not held). */
  maxBodyBytes: number;
  /**
   * Awaited after each chunk's entries are handed over, before the next chunk is read: a caller that
   * does I/O per entry (--replay) keeps pace without holding the file. `true` stops reading there.
   */
  afterChunk?: () => Promise<boolean | void>;
}

type Json = Record<string, unknown>;
const record = (value: unknown): Json | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined);

/** Calls `onEntry` for each entry of the file's `log.entries`, as it is read; `onUnreadable` for one out of bounds. */
export async function readHar(file: string, onEntry: (entry: HarFileEntry) => void, onUnreadable: (index: number, why: string) => void, options: HarReadOptions): Promise<HarReadResult> {
  const result: HarReadResult = { entries: 0, problems: [] };
  let sawLog = false;
  let failed: string | undefined;
  // A string too long to keep becomes this marker and its length: the nonce keeps a file from forging one.
  const marker = `\u0000ude-kit-cut:${randomUUID()}:`;
  const text = (value: unknown): HarText => {
    if (typeof value !== 'string') return {};
    return value.startsWith(marker) ? { tooLongBytes: Number(value.slice(marker.length)) } : { text: value };
  };
  const string = (value: unknown): string | undefined => text(value).text;
  const pairs = (value: unknown): HarNameValue[] =>
    (Array.isArray(value) ? value : []).flatMap((item) => {
      const pair = record(item);
      const name = string(pair?.name);
      return name === undefined ? [] : [{ name, value: string(pair?.value) ?? '' }];
    });

  function entryOf(index: number, value: unknown): HarFileEntry {
    const entry = record(value) ?? {};
    const request = record(entry.request);
    const response = record(entry.response);
    const postData = record(request?.postData);
    const content = record(response?.content);
    const out: HarFileEntry = { file, index };
    const started = string(entry.startedDateTime);
    if (started !== undefined) out.startedDateTime = started;
    if (request !== undefined) {
      out.request = { headers: pairs(request.headers), cookies: pairs(request.cookies) };
      const method = string(request.method);
      const url = string(request.url);
      if (method !== undefined) out.request.method = method;
      if (url !== undefined) out.request.url = url;
      if (postData !== undefined) out.request.postData = { ...text(postData.text), params: pairs(postData.params), ...optional('mimeType', string(postData.mimeType)) };
    }
    if (response !== undefined) {
      out.response = { headers: pairs(response.headers), cookies: pairs(response.cookies) };
      if (typeof response.status === 'number') out.response.status = response.status;
      if (content !== undefined) out.response.content = { ...text(content.text), ...optional('mimeType', string(content.mimeType)), ...optional('encoding', string(content.encoding)) };
    }
    return out;
  }

  const onValue = (scanned: ScannedValue) => {
    if (failed !== undefined) return;
    if (scanned.kind === 'version') sawLog = true;
    if (scanned.kind === 'entry') result.entries++;
    if (scanned.problem !== undefined) {
      if (scanned.kind === 'entry') onUnreadable(scanned.index, `an entry ${scanned.problem}`);
      return;
    }
    const source = scanned.text!;
    const exceeded = exceededJsonBounds(source, jsonBounds);
    if (exceeded !== undefined) {
      if (scanned.kind === 'entry') onUnreadable(scanned.index, `an entry that ${exceeded}`);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(source) as unknown;
    } catch {
      failed = 'not valid JSON';
      return;
    }
    if (scanned.kind === 'entry') onEntry(entryOf(scanned.index, value));
  };
  // An entry holds two bodies and what describes them: room for both at their largest, with the
  // escapes or base64 that make a body's text longer than its bytes, and a megabyte for the rest.
  const maxStringBytes = Math.ceil((options.maxBodyBytes * 4) / 3) + 4;
  const scanner = createHarScanner({ maxDepth: jsonBounds.maxDepth, maxStringBytes, maxUnitBytes: 2 * maxStringBytes + 1024 * 1024, marker }, onValue, () => (sawLog = true));
  try {
    for await (const chunk of createReadStream(file)) {
      failed ??= scanner.write(chunk as Buffer);
      if (failed !== undefined) break;
      if ((await options.afterChunk?.()) === true) return result;
    }
    failed ??= scanner.end();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Only what reading the file raised is said as the file's problem; anything else is the run's to report.
    if (typeof code !== 'string') throw error;
    failed ??= code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
  }
  if (failed !== undefined) {
    const where = result.entries > 0 ? ` after ${result.entries} entries (the rest is not checked)` : '';
    result.problems.push(
      failed === cutShort ? `${file} is cut short${where}` : failed === 'no such file' || failed === 'it is a folder' ? `${file}: ${failed}` : result.entries === 0 && !sawLog ? `${file} is not JSON (${failed})` : `${file} is not valid JSON${where}`,
    );
  } else if (!sawLog) {
    result.problems.push(`${file} is not a HAR file (it has no log.entries)`);
  }
  return result;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));
