// A state written as a scenario file a piece at a time: a state of millions of records is one string
// too long for V8 (ERR_STRING_TOO_LONG) and twice its size in memory when made at once. The text is
// exactly JSON.stringify(scenario, null, 2), written in pieces of about 64 KiB, waiting for the stream to
// drain, so a slow pipe holds back the writing, not the memory.
import { once } from 'node:events';
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

/** Writes the pieces in turn, waiting whenever the stream asks to. */
export async function writePieces(out: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
}
