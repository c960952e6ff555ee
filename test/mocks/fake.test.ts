// The data factories: every record, page and problem validates against the document; pages add up;
// the same seed gives the same data; overrides win.
import { describe, expect, it } from 'vitest';
import { fakeList, fakeProblem, fakeUsedEquipment } from '../../mocks/fake/index.js';
import { compiledSpec, schemaRef } from '../../src/spec/index.js';
import { ajvRegistries } from '../../src/spec/runtime-spec.js';

const validate = (name: string, value: unknown) => {
  const check = ajvRegistries().responseAjv.compile(schemaRef(name));
  expect(check(value), JSON.stringify(check.errors)).toBe(true);
};

describe('ude-kit/fake', () => {
  it('makes records that validate, seeded and overridable', () => {
    for (let seed = 1; seed <= 50; seed++) validate('UsedDiagnosticEquipment', fakeUsedEquipment({}, { seed }));
    expect(fakeUsedEquipment({}, { seed: 7 })).toEqual(fakeUsedEquipment({}, { seed: 7 }));
    expect(fakeUsedEquipment({}, { seed: 7 })).not.toEqual(fakeUsedEquipment({}, { seed: 8 }));
    expect(fakeUsedEquipment({ name: 'X', version: null })).toMatchObject({ name: 'X', version: null });
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
