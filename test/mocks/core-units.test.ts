import { describe, expect, it } from 'vitest';
import { parseDelay, pickDelay } from '../../mocks/core/delay.js';
import { toJson } from '../../mocks/core/json.js';
import { pageOf } from '../../mocks/core/pagination.js';
import { allowsEquipmentChanges } from '../../mocks/core/in-progress-rule.js';
import { createMock, InvalidStateError } from '../../mocks/core/mock.js';
import { generateDefaultState } from '../../mocks/state/default-state.js';

describe('toJson', () => {
  it('writes integers beyond 2^53 as exact digits', () => {
    expect(toJson({ offset: 9007199254740993n, limit: 25 })).toBe('{"offset":9007199254740993,"limit":25}');
    expect(toJson({ a: -(2n ** 63n) })).toBe('{"a":-9223372036854775808}');
  });

  it('leaves strings that merely look like the bigint marker alone', () => {
    const sneaky = 'bigint-00000000-0000-0000-0000-000000000000:123';
    expect(JSON.parse(toJson({ s: sneaky, n: 1n }))).toEqual({ s: sneaky, n: 1 });
  });
});

describe('pageOf', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'];
  it.each([
    [2, 0, ['a', 'b']],
    [2, 4, ['e']],
    [0, 0, []],
    [10, 5, []],
    [10, 99, []],
    [3, 2n ** 60n, []],
  ] as const)('limit %s offset %s', (limit, offset, expected) => {
    expect(pageOf(rows, limit, offset)).toEqual({ rows: expected, total: 5 });
  });
});

describe('parseDelay and pickDelay', () => {
  it('reads a fixed delay and a range, and refuses anything else', () => {
    expect(parseDelay('200')).toEqual({ min: 200, max: 200 });
    expect(parseDelay('100-400')).toEqual({ min: 100, max: 400 });
    for (const bad of ['', '-5', '400-100', 'abc', '1.5', '10-']) expect(parseDelay(bad), bad).toBeUndefined();
  });

  it('picks within the range', () => {
    expect(pickDelay({ min: 100, max: 400 }, () => 0)).toBe(100);
    expect(pickDelay({ min: 100, max: 400 }, () => 0.999999)).toBe(400);
    expect(pickDelay(undefined)).toBe(0);
  });
});

describe('the In Progress rule', () => {
  it("allows changes only on exactly 'In Progress'", () => {
    expect(allowsEquipmentChanges({ status: 'In Progress' })).toBe(true);
    for (const status of ['in progress', 'In progress', 'Closed', 'Open', '', 'In Progress ']) {
      expect(allowsEquipmentChanges({ status }), status).toBe(false);
    }
  });
});

describe('createMock', () => {
  it('refuses an invalid start state with every violation', () => {
    const state = generateDefaultState();
    state.used.push({ ticket_id: '00000000-0000-4000-8000-000000000000', diagnostic_equipment_id: 12 });
    expect(() => createMock({ state })).toThrow(InvalidStateError);
  });

  it('generates the same default state for the same seed, and spans several pages', () => {
    expect(generateDefaultState({ seed: 9 })).toEqual(generateDefaultState({ seed: 9 }));
    expect(generateDefaultState({ seed: 9 })).not.toEqual(generateDefaultState({ seed: 10 }));
    expect(generateDefaultState().used.length).toBeGreaterThan(50);
  });
});

describe('the default state promises the README makes, whatever the seed', () => {
  it.each([1, 2, 99, 123456])('seed %i: the example and Closed tickets, and ids 38-40 free on the example', (seed) => {
    const state = generateDefaultState({ seed });
    expect(state.tickets).toContainEqual({ id: '595be628-f6f2-4262-9c10-6389c6c4a5b8', status: 'In Progress' });
    expect(state.tickets).toContainEqual({ id: 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11', status: 'Closed' });
    const onExample = state.used.filter((u) => u.ticket_id === '595be628-f6f2-4262-9c10-6389c6c4a5b8').map((u) => u.diagnostic_equipment_id);
    expect(onExample).toContain(12);
    expect(onExample).toHaveLength(28);
    for (const id of [38, 39, 40]) expect(onExample).not.toContain(id);
    expect(state.used.filter((u) => u.ticket_id === 'c105ed00-7a3e-4c5b-9f1d-2b8e6a4d0c11')).toHaveLength(3);
  });
});
