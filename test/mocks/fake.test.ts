// The data factories: every record, page and problem validates against the document; pages add up;
// the same seed gives the same data; overrides win.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeList, fakeProblem, fakeUsedEquipment, resetFakes, type FakeListOptions } from '../../mocks/fake/index.js';
import { compiledSpec, schemaRef } from '../../src/spec/index.js';
import { ajvRegistries } from '../../src/spec/runtime-spec.js';

const validate = (name: string, value: unknown) => {
  const check = ajvRegistries().responseAjv.compile(schemaRef(name));
  expect(check(value), JSON.stringify(check.errors)).toBe(true);
};

describe('ude-kit/fake', () => {
  beforeEach(() => resetFakes());

  it('makes records that validate, seeded and overridable', () => {
    for (let seed = 1; seed <= 50; seed++) validate('UsedDiagnosticEquipment', fakeUsedEquipment({}, { seed }));
    expect(fakeUsedEquipment({}, { seed: 7 })).toEqual(fakeUsedEquipment({}, { seed: 7 }));
    expect(fakeUsedEquipment({}, { seed: 7 })).not.toEqual(fakeUsedEquipment({}, { seed: 8 }));
    expect(fakeUsedEquipment({ name: 'X', version: null })).toMatchObject({ name: 'X', version: null });
  });

  it('gives distinct records on successive calls without a seed, the first what seed 1 gives, again after resetFakes', () => {
    const made = Array.from({ length: 50 }, () => fakeUsedEquipment());
    for (const one of made) validate('UsedDiagnosticEquipment', one);
    expect(new Set(made.map((r) => `${r.ticket_id}/${r.diagnostic_equipment_id}`)).size).toBe(50);
    expect(made[0]).toEqual(fakeUsedEquipment({}, { seed: 1 }));
    // A seeded call gives its seed's data and does not move the sequence.
    expect(fakeUsedEquipment()).toEqual(fakeUsedEquipment({}, { seed: 51 }));
    const pages = [fakeList(), fakeList()];
    expect(pages[0]!.result[0]!.ticket_id).not.toBe(pages[1]!.result[0]!.ticket_id);
    expect(fakeList({}, { seed: 1 })).toEqual(pages[0]);
    resetFakes();
    expect([fakeUsedEquipment(), fakeUsedEquipment()]).toEqual(made.slice(0, 2));
    expect([fakeList(), fakeList()]).toEqual(pages);
  });

  it('takes the seed the same way for every factory, and refuses a name it does not know at run time', () => {
    expect(fakeList({ total: 2 }, { seed: 9 })).toEqual(fakeList({ total: 2 }, { seed: 9 }));
    expect(fakeList({ total: 2 }, { seed: 9 })).not.toEqual(fakeList({ total: 2 }, { seed: 10 }));
    // What JavaScript (or a cast) can still pass: each was silently ignored.
    const loose = (value: object) => value as FakeListOptions;
    expect(() => fakeList(loose({ seed: 3 }))).toThrow('fakeList: unknown name "seed" (known: total, limit, offset, ticket_id, row); the seed is the second argument: fakeList(options, { seed })');
    expect(() => fakeList(loose({ totl: 3 }))).toThrow(/^fakeList: unknown name "totl"/);
    expect(() => fakeList({ row: loose({ colour: 'red' }) as never })).toThrow(/^fakeList's row: unknown name "colour"/);
    expect(() => fakeUsedEquipment(loose({ nme: 'X' }) as never)).toThrow('fakeUsedEquipment: unknown name "nme" (known: ticket_id, diagnostic_equipment_id, name, version)');
    expect(() => fakeUsedEquipment({}, loose({ sead: 2 }) as never)).toThrow(`fakeUsedEquipment's options: unknown name "sead" (known: seed)`);
    expect(() => fakeUsedEquipment({}, { seed: 1.5 })).toThrow('fakeUsedEquipment: the seed must be an integer, not 1.5');
    // @ts-expect-error: the seed of a list is the second argument
    expect(() => fakeList({ seed: 3 })).toThrow(TypeError);
  });

  it.each([
    [{}, 3],
    [{ total: 3255, limit: 25 }, 25],
    [{ total: 3255, limit: 25, offset: 3250 }, 5],
    [{ total: 10, offset: 20 }, 0],
    [{ total: 5, limit: 0 }, 0],
  ])('makes a page that validates and adds up: %j → %i rows', (options, rows) => {
    const page = fakeList(options);
    validate('UsedDiagnosticEquipmentList', page);
    expect(page.result).toHaveLength(rows);
    expect(page.result.length).toBe(Math.max(0, Math.min(page.query.limit as number, page.total - (page.query.offset as number))));
    expect(new Set(page.result.map((r) => r.diagnostic_equipment_id)).size).toBe(rows);
  });

  it('makes a filtered page whose rows are all of its ticket', () => {
    const ticket = '595be628-f6f2-4262-9c10-6389c6c4a5b8';
    const page = fakeList({ ticket_id: ticket, total: 4, row: { version: '1.0' } });
    expect(page.query.ticket_id).toBe(ticket);
    expect(page.result.every((r) => r.ticket_id === ticket && r.version === '1.0')).toBe(true);
  });

  it.each([400, 401, 404, 409, 503])('makes the problem a %i answers, valid', (status) => {
    const problem = fakeProblem(status);
    validate('Problem', problem);
    expect(problem.status).toBe(status);
  });
});
