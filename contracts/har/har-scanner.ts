// Finds the entries of a HAR file in its bytes, as they stream in, and hands each over as its own JSON
// text, bounded: nested at most `maxDepth` levels (a 40 MB file of "[[[[…" is a 20-million-level value,
// which no parser should build), at most `maxUnitBytes` kept, and any string longer than
// `maxStringBytes` replaced by a marker that says how long it was (a 300 MB body is counted, not held).
// Only the frame of the file (the root, `log`, `log.entries`) is followed here; everything inside an
// entry is left to JSON.parse, on a text that is known to be small and shallow enough.

export interface ScannedValue {
  /** `entry`: an element of log.entries; `version`: log.version; `other`: any other value of the file. */
  kind: 'entry' | 'version' | 'other';
  /** The entry's index in log.entries. */
  index: number;
  /** The value's JSON text, with over-long strings replaced by markers; absent when `problem` is set. */
  text?: string;
  /** Why the value was not kept: deeper or larger than the bounds. */
  problem?: string;
}

export interface HarScannerOptions {
  maxDepth: number;
  maxUnitBytes: number;
  maxStringBytes: number;
  /** What a string too long to keep becomes: `marker` followed by its length in bytes, as a JSON string. */
  marker: string;
}

export interface HarScanner {
  /** Undefined while the bytes make sense, otherwise what is wrong (the scanner then stops). */
  write(chunk: Uint8Array): string | undefined;
  /** Undefined when the file ended where it may, otherwise why not. */
  end(): string | undefined;
}

/** Said when the bytes stop before the file's JSON is complete. */
export const cutShort = 'the file ends before its JSON does';

const space = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const scalarStart = (c: number) => c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;

// What the frame expects next.
const start = 0;
const keyOrEnd = 1;
const key = 2;
const colon = 3;
const value = 4;
const commaOrEnd = 5;
const itemOrEnd = 6;
const item = 7;
const commaOrClose = 8;
const done = 9;

interface Frame {
  kind: 'root' | 'log' | 'entries';
  key?: string | undefined;
  next: number;
}

/** What may follow a value inside `container` (none: the end of the document). */
const afterValueIn = (container: Frame | undefined): number => (container === undefined ? done : container.kind === 'entries' ? commaOrClose : commaOrEnd);

/** The longest key of the frame read in full: the names it looks for are short. */
const maxKeyBytes = 64;

export function createHarScanner(options: HarScannerOptions, onValue: (value: ScannedValue) => void, onLog: () => void): HarScanner {
  const frames: Frame[] = [];
  let state = start;
  let failed: string | undefined;
  let offset = 0;
  let bom = 0;

  // A key of the frame being read.
  let inKey = false;
  let keyEscaped = false;
  let keyBytes: number[] = [];
  let keyTooLong = false;

  // The value being read (an entry, or any value the frame does not follow).
  let unit: { kind: ScannedValue['kind']; index: number; shape: 'container' | 'string' | 'scalar' } | undefined;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let problem: string | undefined;
  let parts: Uint8Array[] = [];
  let kept = 0;
  /** Where the kept part of the current chunk starts, or -1 while nothing is kept. */
  let segment = -1;
  let stringStart = 0;
  let stringBytes = 0;
  let cutting = false;

  const fail = (message: string) => {
    failed ??= message;
    return failed;
  };

  const collecting = () => problem === undefined;

  /** Moves the kept bytes of the current chunk up to `to` into the parts. */
  function flush(chunk: Uint8Array, to: number) {
    if (segment >= 0 && to > segment) {
      parts.push(chunk.subarray(segment, to));
      kept += to - segment;
    }
    segment = -1;
  }

  /** Drops what was kept past `length` bytes of the value. */
  function truncate(length: number) {
    while (kept > length && parts.length > 0) {
      const last = parts.pop()!;
      kept -= last.length;
      if (kept < length) {
        parts.push(last.subarray(0, length - kept));
        kept = length;
      }
    }
  }

  function giveUp(why: string) {
    problem ??= why;
    parts = [];
    kept = 0;
    segment = -1;
  }

  function beginUnit(kind: ScannedValue['kind'], index: number, c: number, at: number): boolean {
    const shape = c === 0x7b || c === 0x5b ? 'container' : c === 0x22 ? 'string' : scalarStart(c) ? 'scalar' : undefined;
    if (shape === undefined) {
      fail(`an unexpected character at byte ${offset + at}`);
      return false;
    }
    unit = { kind, index, shape };
    depth = 0;
    inString = false;
    escaped = false;
    problem = undefined;
    parts = [];
    kept = 0;
    segment = at;
    cutting = false;
    return true;
  }

  function endUnit(chunk: Uint8Array, to: number) {
    if (collecting()) flush(chunk, to);
    if (kept > options.maxUnitBytes) giveUp(`larger than ${options.maxUnitBytes.toLocaleString('en-US')} bytes`);
    const { kind, index } = unit!;
    const scanned: ScannedValue = { kind, index };
    if (problem !== undefined) scanned.problem = problem;
    else scanned.text = Buffer.concat(parts, kept).toString('utf8');
    unit = undefined;
    parts = [];
    kept = 0;
    segment = -1;
    onValue(scanned);
    state = afterValueIn(frames.at(-1));
  }

  /** One byte of a value; returns false when the byte ends a scalar and belongs to the frame. */
  function unitByte(chunk: Uint8Array, i: number, c: number): boolean {
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) {
        inString = false;
        if (cutting) {
          cutting = false;
          parts.push(Buffer.from(JSON.stringify(`${options.marker}${stringBytes}`)));
          kept += parts.at(-1)!.length;
          segment = i + 1;
        }
        if (unit!.shape === 'string') endUnit(chunk, i + 1);
        return true;
      }
      stringBytes++;
      if (stringBytes > options.maxStringBytes && !cutting && collecting()) {
        flush(chunk, i);
        truncate(stringStart);
        cutting = true;
      }
      return true;
    }
    if (unit!.shape === 'scalar' && (space(c) || c === 0x2c || c === 0x5d || c === 0x7d)) {
      endUnit(chunk, i);
      return false;
    }
    if (c === 0x22) {
      inString = true;
      stringBytes = 0;
      if (collecting()) stringStart = kept + (segment >= 0 ? i - segment : 0);
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > options.maxDepth) giveUp(`nested deeper than ${options.maxDepth} levels`);
    } else if (c === 0x7d || c === 0x5d) {
      if (--depth <= 0) endUnit(chunk, i + 1);
    }
    return true;
  }

  function endKey(): boolean {
    let name: string | undefined;
    if (!keyTooLong) {
      try {
        name = JSON.parse(`"${Buffer.from(keyBytes).toString('utf8')}"`) as string;
      } catch {
        fail(`a key that is not a JSON string near byte ${offset}`);
        return false;
      }
    }
    frames.at(-1)!.key = name;
    state = colon;
    return true;
  }

  function frameByte(c: number, i: number): void {
    if (space(c)) return;
    const frame = frames.at(-1);
    const close = () => {
      frames.pop();
      state = afterValueIn(frames.at(-1));
    };
    /** After a member or an item: a comma starts the next one (`next`), `closer` ends the container. */
    const separator = (next: number, closer: number) => {
      if (c === 0x2c) state = next;
      else if (c === closer) close();
      else fail(`an unexpected character at byte ${offset + i} ("," or "${String.fromCharCode(closer)}" was expected)`);
    };
    switch (state) {
      case start:
        if (c === 0x7b) {
          frames.push({ kind: 'root', next: 0 });
          state = keyOrEnd;
        } else beginUnit('other', 0, c, i);
        return;
      case keyOrEnd:
      case key:
        if (c === 0x7d && state === keyOrEnd) return close();
        if (c !== 0x22) return void fail(`an unexpected character at byte ${offset + i} (a key was expected)`);
        inKey = true;
        keyEscaped = false;
        keyBytes = [];
        keyTooLong = false;
        return;
      case colon:
        if (c !== 0x3a) return void fail(`an unexpected character at byte ${offset + i} (":" was expected)`);
        state = value;
        return;
      case value:
        if (frame!.kind === 'root' && frame!.key === 'log' && c === 0x7b) {
          frames.push({ kind: 'log', next: 0 });
          state = keyOrEnd;
        } else if (frame!.kind === 'log' && frame!.key === 'entries' && c === 0x5b) {
          onLog();
          frames.push({ kind: 'entries', next: 0 });
          state = itemOrEnd;
        } else beginUnit(frame!.kind === 'log' && frame!.key === 'version' ? 'version' : 'other', 0, c, i);
        return;
      case commaOrEnd:
        return separator(key, 0x7d);
      case itemOrEnd:
      case item:
        if (c === 0x5d && state === itemOrEnd) return close();
        beginUnit('entry', frame!.next++, c, i);
        return;
      case commaOrClose:
        return separator(item, 0x5d);
      default:
        fail(`more after the end of the JSON, at byte ${offset + i}`);
    }
  }

  return {
    write(chunk) {
      if (failed !== undefined) return failed;
      let i = 0;
      // A byte order mark before the JSON (some Windows tools write one).
      while (offset === 0 && bom < 3 && i < chunk.length && chunk[i] === [0xef, 0xbb, 0xbf][bom]) {
        i++;
        bom++;
      }
      if (unit !== undefined && collecting() && !cutting) segment = i;
      for (; i < chunk.length && failed === undefined; i++) {
        const c = chunk[i]!;
        if (unit !== undefined) {
          if (unitByte(chunk, i, c)) continue;
          // The byte after a scalar belongs to the frame.
        }
        if (inKey) {
          if (keyEscaped) keyEscaped = false;
          else if (c === 0x5c) keyEscaped = true;
          else if (c === 0x22) {
            inKey = false;
            endKey();
            continue;
          }
          if (keyBytes.length < maxKeyBytes) keyBytes.push(c);
          else keyTooLong = true;
          continue;
        }
        frameByte(c, i);
        // A value that began on this byte takes it as its first.
        if (unit !== undefined && segment === i) unitByte(chunk, i, c);
      }
      if (unit !== undefined && collecting() && !cutting) {
        flush(chunk, chunk.length);
        if (kept > options.maxUnitBytes) giveUp(`larger than ${options.maxUnitBytes.toLocaleString('en-US')} bytes`);
      }
      offset += chunk.length;
      return failed;
    },
    end() {
      if (failed !== undefined) return failed;
      // A file that is a single number or literal ends it.
      if (unit?.shape === 'scalar' && frames.length === 0) endUnit(new Uint8Array(0), 0);
      if (state !== done || unit !== undefined || inKey) return fail(cutShort);
      return undefined;
    },
  };
}
