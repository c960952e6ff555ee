// The pass that bounds JSON text before JSON.parse: depth and number of values, counted the way the
// parser would (keys are not values; brackets and quotes inside strings are text).
import { describe, expect, it } from 'vitest';
import { exceededJsonBounds, jsonBounds } from '../../src/spec/json-bounds.js';

const small = { maxDepth: 3, maxValues: 5 };

describe('exceededJsonBounds', () => {
  it.each([
    ['[1,2,3,4]', undefined],
    ['[1,2,3,4,5]', 'holds more than 5 JSON values'],
    ['{"a":1,"b":2,"c":3,"d":4}', undefined],
    ['{"a":1,"b":2,"c":3,"d":4,"e":5}', 'holds more than 5 JSON values'],
    ['[[[1]]]', undefined],
    ['[[[[1]]]]', 'nests deeper than 3 levels'],
    ['["[[[[", "{{{{"]', undefined],
    ['["a\\"[[[[[", 1]', undefined],
    ['[true, false, null, -1.5e3]', undefined],
    ['[ 1 , 2 ,\n3 ,\t4 ]', undefined],
  ])('%s → %s', (text, expected) => {
    expect(exceededJsonBounds(text, small)).toBe(expected);
  });

  it('admits a state of 1,000,000 records and refuses 25 MB of zeros', () => {
    const record = '{"ticket_id":"595be628-f6f2-4262-9c10-6389c6c4a5b8","diagnostic_equipment_id":12},';
    // 3 values per record (the object, its two values; keys are not values), the array and the last 1.
    expect(exceededJsonBounds(`[${record.repeat(1000)}1]`, { maxDepth: 64, maxValues: 3002 })).toBeUndefined();
    expect(exceededJsonBounds(`[${record.repeat(1000)}1]`, { maxDepth: 64, maxValues: 3001 })).toBe('holds more than 3,001 JSON values');
    // So 1,000,000 records fit in the default bound with room for tickets and catalogue.
    expect(3 * 1_000_000).toBeLessThan(jsonBounds.maxValues);
    expect(exceededJsonBounds(`[${'0,'.repeat(12_500_000)}0]`)).toBe('holds more than 5,000,000 JSON values');
    expect(exceededJsonBounds(`${'['.repeat(20_000)}${']'.repeat(20_000)}`)).toBe('nests deeper than 64 levels');
  });
});
