// What a run's record becomes in its report: the summary and each check's status (one rule for every
// kind of run, live or recorded), the reason credentials refused to the end give, the cleanup of what
// the suite created, and an unexpected error in one line.
import type { CheckContext } from './checks/check.js';
import { findingFor, outcome, statusOf } from './checks/check.js';
import { responseCheckNames } from './check-names.js';
import type { Finding } from './findings.js';
import type { Client, LabelledExchange } from './http-client.js';
import type { Ledger } from './ledger.js';
import { noCredentials } from './preflight.js';
import { behaviourChecks } from './registry.js';
import type { CheckResult, ContractReport } from './runner.js';
import { specValues } from './spec-values.js';

/** The summary, checks, findings, exit code and reason of a report: one rule for every kind of run. */
export function outcomeOf(
  checks: CheckResult[],
  findings: Finding[],
  reason: string | undefined,
): Pick<ContractReport, 'summary' | 'checks' | 'findings' | 'exitCode' | 'reason'> {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    summary: {
      checks: checks.length,
      run: checks.filter((c) => c.status !== 'not-run').length,
      passed: checks.filter((c) => c.status === 'passed').length,
      failed: checks.filter((c) => c.status === 'failed').length,
      notRun: checks.filter((c) => c.status === 'not-run').length,
      errors,
      warnings: findings.length - errors,
    },
    checks,
    findings,
    exitCode: reason !== undefined ? 2 : errors > 0 ? 1 : 0,
    ...(reason === undefined ? {} : { reason }),
  };
}


const refusedCredentials = (exchange: LabelledExchange) => exchange.response?.status === 401 || exchange.response?.status === 403;

/**
 * Credentials refused from some call to the end of the run (every call, or after a token expired):
 * the run could not check anything past that point, which is not drift. At least three refusals in a
 * row at the end, so one odd answer is not taken for it.
 */
export function credentialsRefusal(exchanges: LabelledExchange[], baseUrl: string, credentialsGiven: boolean): string | undefined {
  const credentialed = exchanges.filter((e) => e.auth === 'both' && e.response !== undefined);
  let first = credentialed.length;
  while (first > 0 && refusedCredentials(credentialed[first - 1]!)) first--;
  const refused = credentialed.length - first;
  if (refused === 0 || (first > 0 && refused < 3)) return undefined;
  const status = credentialed[first]!.response!.status;
  if (first === 0) return credentialsGiven ? `${baseUrl} refused the credentials on every call (${status}); check --api-key, --token and --api-key-header` : noCredentials(baseUrl, status);
  return `${baseUrl} accepted the credentials for ${first} call${first === 1 ? '' : 's'}, then refused every later one (${status}): did the token expire?`;
}

/** An unexpected error in one line: its kind and message, never a stack. */
export function describeFailure(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

export async function cleanUp(client: Client, ledger: Ledger, context: CheckContext): Promise<Finding[]> {
  const values = specValues(context.spec);
  const findings: Finding[] = [];
  for (const record of ledger.outstanding()) {
    const exchange = await client.send('cleanup', 'DELETE', values.oneTarget(record.ticketId, record.equipmentId));
    const status = statusOf(exchange);
    if (status !== undefined && status >= 200 && status < 300) ledger.removed(record);
    else if (status !== 404) {
      findings.push(
        findingFor(
          exchange,
          {
            check: 'cleanup',
            expected: 'the record the suite created is removed again',
            actual: outcome(exchange),
            message: `could not remove equipment ${record.equipmentId} from ticket ${record.ticketId}, which the suite created: remove it by hand`,
          },
          context,
        ),
      );
    }
  }
  return findings;
}

/** `unjudged`: why no answer was judged against the document (none came, or the run stopped first); undefined when some were. */
export function summarise(findings: Finding[], notRun: Map<string, string>, selected: (name: string) => boolean, unjudged: string | undefined): CheckResult[] {
  const names = [...responseCheckNames, ...behaviourChecks.flatMap((c) => c.names)].filter(selected);
  if (findings.some((f) => f.check === 'cleanup')) names.push('cleanup');
  return names.map((name) => {
    const own = findings.filter((f) => f.check === name);
    const errors = own.filter((f) => f.severity === 'error').length;
    const warnings = own.length - errors;
    const why = notRun.get(name) ?? ((responseCheckNames as readonly string[]).includes(name) ? unjudged : undefined);
    if (why !== undefined && own.length === 0) return { name, status: 'not-run', reason: why, errors, warnings };
    return { name, status: errors > 0 ? 'failed' : 'passed', errors, warnings };
  });
}
