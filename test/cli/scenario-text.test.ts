// export writes a state a piece at a time; the pieces make exactly the text JSON.stringify would.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scenarioText, writePieces } from '../../src/cli/scenario-text.js';

const head = { $schema: '../mocks/scenarios/scenario.schema.json', description: 'a "quoted" description' };
const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';

describe('scenarioText', () => {
  it.each([
    ['an empty state', { tickets: [], catalog: [], used: [] }],
    ['one of each', { tickets: [{ id: ticket, status: 'In Progress' }], catalog: [{ diagnostic_equipment_id: 1, name: 'Scope', version: '1' }], used: [{ ticket_id: ticket, diagnostic_equipment_id: 1 }] }],
    ['records across many pieces', { tickets: [], catalog: [], used: Array.from({ length: 3_000 }, (_, i) => ({ ticket_id: ticket, diagnostic_equipment_id: i })) }],
  ])('%s is written as JSON.stringify writes it', async (_name, state) => {
    const pieces = [...scenarioText(head, state)];
    expect(pieces.join('')).toBe(`${JSON.stringify({ ...head, ...state }, null, 2)}\n`);
    if (state.used.length > 1_000) expect(pieces.length).toBeGreaterThan(3);
    const out = new PassThrough({ highWaterMark: 1024 });
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    await writePieces(out, pieces);
    expect(chunks.join('')).toBe(pieces.join(''));
  });

  it('rejects with the error of a write that fails (a closed pipe), never leaving it uncaught', async () => {
    let writes = 0;
    const closed = new Writable({
      write(_chunk, _encoding, callback) {
        writes++;
        // As a socket does: the failure is known after write() has returned.
        setImmediate(() => callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
      },
    });
    await expect(writePieces(closed, scenarioText(head, { tickets: [], catalog: [], used: [] }))).rejects.toMatchObject({ code: 'EPIPE' });
    expect(writes).toBe(1);
  });
});
