// Reads HAR 1.2 files entry by entry, streamed (a 500 MB recording is never held whole), into the
// exchanges the checks read. What cannot be read is counted with its reason, never thrown.
import { createReadStream } from 'node:fs';
import { JSONParser } from '@streamparser/json';

export interface HarRequest {
  method?: string;
  url?: string;
  headers?: Array<{ name?: string; value?: string }>;
  postData?: { mimeType?: string; text?: string };
}

export interface HarResponse {
  status?: number;
  headers?: Array<{ name?: string; value?: string }>;
  content?: { mimeType?: string; text?: string; encoding?: string };
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

/** Calls `onEntry` for each entry of the file's `log.entries`, as it is parsed. */
export async function readHar(file: string, onEntry: (entry: HarFileEntry) => void): Promise<HarReadResult> {
  const result: HarReadResult = { entries: 0, problems: [] };
  let sawLog = false;
  let failed: string | undefined;
  const parser = new JSONParser({ paths: ['$.log.entries.*', '$.log.version'], keepStack: false });
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === 2 && key === 'version') {
      sawLog = true;
      return;
    }
    if (typeof key !== 'number') return;
    sawLog = true;
    const entry = (typeof value === 'object' && value !== null ? value : {}) as Omit<HarFileEntry, 'file' | 'index'>;
    result.entries++;
    onEntry({ file, index: key, ...(entry as object) } as HarFileEntry);
    void parent;
  };
  let ended = false;
  parser.onError = (error) => {
    failed ??= error.message;
  };
  // The parser ends by itself after the root value; ending it again would be taken for an error.
  parser.onEnd = () => {
    ended = true;
  };
  try {
    for await (const chunk of createReadStream(file)) {
      if (failed !== undefined) break;
      parser.write(chunk as Buffer);
    }
    if (failed === undefined && !ended) parser.end();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    failed ??= code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
  }
  if (failed !== undefined) {
    const where = result.entries > 0 ? ` after ${result.entries} entries (the rest is not checked)` : '';
    result.problems.push(
      /ended in mid-parsing|ended in the middle/.test(failed) ? `${file} is cut short${where}` : result.entries === 0 && !sawLog ? `${file} is not JSON (${failed.split('.')[0]})` : `${file} is not valid JSON${where}`,
    );
  } else if (!sawLog) {
    result.problems.push(`${file} is not a HAR file (it has no log.entries)`);
  }
  return result;
}
