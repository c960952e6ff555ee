import { it, expect } from 'vitest';
import { createMock } from '../../mocks/core/mock.js';
import { listCombinationsCheck } from '../../contracts/checks/list-combinations.js';
import { probeAndEvaluate, summary } from './in-process-probe.js';
import { selfTestCredentials } from './contract-fixtures.js';
it('x', async () => {
  const mock = createMock({ auth: selfTestCredentials });
  const run = await probeAndEvaluate(listCombinationsCheck, mock);
  console.log(run.result, run.exchanges.length, run.exchanges.slice(0,3).map(e => [e.label, e.request.target, e.response?.status, e.operationId]), summary(run.findings), run.outstanding);
  expect(run.findings).toEqual([]);
});
