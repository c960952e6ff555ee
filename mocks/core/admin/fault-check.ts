// What a fault may say, checked one way for both doors in: POST /__admin/faults and mock.inject. The
// schema is the admin API's (admin-schemas.ts, precompiled by `npm run generate`); a fault must also
// do something. In process nothing else stands between a test's object and the socket: a status of 99
// would crash Node's writeHead, a delay of 3e9 ms overflow setTimeout.
import { compiledSpec } from '../../../src/spec/index.js';
import { precompiledSource, type Validator } from '../../../src/spec/validators.js';
import { validators as adminRequestValidators } from '../../../src/spec/generated/validators/admin.request.js';
import { violationsFrom } from '../input.js';
import { violations, type Problem, type ProblemResult } from '../problems.js';
import { adminValidator } from './admin-schemas.js';

const precompiled = precompiledSource('admin', adminRequestValidators);
let validateFault: Validator | undefined;

/** The 400 problem a fault spec gets, or undefined when it is one the mock can inject. */
export function faultSpecProblem(spec: unknown): ProblemResult | undefined {
  validateFault ??= precompiled(adminValidator.fault(compiledSpec().document));
  if (!validateFault(spec)) return violations(violationsFrom(validateFault.errors, 'body'));
  const { status, networkError, delayMs } = spec as { status?: number; networkError?: boolean; delayMs?: number };
  if (status === undefined && networkError !== true && delayMs === undefined) {
    return violations([{ field: 'body', message: 'must name a status, networkError: true or a delayMs' }]);
  }
  return undefined;
}

/** Thrown by mock.inject when a fault is refused: the same problem POST /__admin/faults answers. */
export class FaultRefusedError extends Error {
  constructor(readonly problem: Problem) {
    const listed = problem.violations?.map((v) => `${v.field} ${v.message}`).join('; ');
    super(`the fault is refused (${problem.type}): ${listed ?? problem.detail}`);
    this.name = 'FaultRefusedError';
  }
}
