// A state written as a scenario file a piece at a time: a state of millions of records is one string
// too long for V8 (ERR_STRING_TOO_LONG) and twice its size in memory when made at once. The text is
// exactly JSON.stringify(scenario, null, 2), written in pieces of about 64 KiB, waiting for the stream to
// drain, so a slow pipe holds back the writing, not the memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { StateDocument } from '../../mocks/state/state-document.js';

export interface ScenarioHead {
  $schema: string;
  description: string;
}

/** The scenario's text, in pieces whose concatenation is JSON.stringify({ ...head, ...state }, null, 2). */
export function* scenarioText(head: ScenarioHead, state: StateDocument): Generator<string> {
  yield `{\n  "$schema": ${JSON.stringify(head.$schema)},\n  "description": ${JSON.stringify(head.description)},\n`;
  const lists = [
    ['tickets', state.tickets],
    ['catalog', state.catalog],
    ['used', state.used],
  ] as const;
  for (const [index, [name, rows]] of lists.entries()) {
    const end = index === lists.length - 1 ? '\n' : ',\n';
    if (rows.length === 0) {
      yield `  "${name}": []${end}`;
      continue;
    }
    yield `  "${name}": [\n`;
    let piece = '';
    for (let i = 0; i < rows.length; i++) {
      piece += `    ${JSON.stringify(rows[i], null, 2).replace(/\n/g, '\n    ')}${i < rows.length - 1 ? ',' : ''}\n`;
      if (piece.length >= 65_536) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}  ]${end}`;
  }
  yield '}\n';
}

/**
 * Writes the pieces in turn, waiting whenever the stream asks to, and resolves once the last one is
 * written; a write that fails (a closed pipe, a full disk) rejects with its error, never as an uncaught
 * 'error' event.
 */
export async function writePieces(out: Writable, pieces: Iterable<string>): Promise<void> {
  let failure: Error | undefined;
  const fail = (error: unknown) => {
    failure ??= error as Error;
  };
  out.on('error', fail);
  try {
    let written: Promise<void> = Promise.resolve();
    for (const piece of pieces) {
      written = new Promise((resolve) => out.write(piece, (error) => resolve(error === undefined || error === null ? undefined : fail(error))));
      if (failure === undefined && out.writableNeedDrain) await once(out, 'drain').catch(fail);
      if (failure !== undefined) break;
    }
    await written;
  } finally {
    out.off('error', fail);
  }
  if (failure !== undefined) throw failure;
}
