import type { MockResponse } from './exchange.js';
import { toJson } from './json.js';
import type { ProblemResult } from './problems.js';

export function isProblem(result: MockResponse | ProblemResult): result is ProblemResult {
  return 'problem' in result;
}

export function problemResponse({ problem, headers }: ProblemResult): MockResponse {
  return {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
    body: toJson(problem),
  };
}

export function toResponse(result: MockResponse | ProblemResult): MockResponse {
  return isProblem(result) ? problemResponse(result) : result;
}
