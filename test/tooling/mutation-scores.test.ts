// The per-folder floors of `npm run test:mutation` are read from Stryker's JSON report here: a score
// that counted the wrong mutants, or the wrong folder, would let a weak suite through.
import { describe, expect, it } from 'vitest';
import { floors, scoreOf, type Report } from '../../scripts/mutation-thresholds.js';

const mutants = (...statuses: string[]) => ({ mutants: statuses.map((status) => ({ status })) });

describe('the mutation score of a folder', () => {
  const report: Report = {
    files: {
      'mocks/core/auth.ts': mutants('Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored', 'CompileError', 'RuntimeError'),
      'mocks/core/operations/used-equipment.ts': mutants('Killed', 'Survived'),
      'mocks/core-extra/x.ts': mutants('Survived', 'Survived'),
      'contracts/checks/pagination.ts': mutants('Killed'),
      'contracts/runner.ts': mutants('Survived'),
    },
  };

  it('counts killed and timed out over everything tested, in the folder and its subfolders only', () => {
    expect(scoreOf(report, 'mocks/core/')).toEqual({ killed: 4, total: 7, ignored: 1, score: (100 * 4) / 7 });
  });

  it('keeps a floor folder apart from its siblings', () => {
    expect(scoreOf(report, 'contracts/checks/')).toEqual({ killed: 1, total: 1, ignored: 0, score: 100 });
    expect(scoreOf(report, 'mocks/state/').total).toBe(0);
    expect(scoreOf(report, 'mocks/state/').score).toBeNaN();
  });

  it('reads Windows separators as folders too', () => {
    expect(scoreOf({ files: { 'mocks\\state\\store.ts': mutants('Killed', 'Survived') } }, 'mocks/state/')).toMatchObject({ killed: 1, total: 2 });
  });

  it('has the floors the issue asks for', () => {
    expect(floors).toEqual({ 'mocks/core/': 90, 'mocks/state/': 90, 'contracts/checks/': 85 });
  });
});
