// Negative data: requests the document forbids must be refused with 400 problem+json and violations.
// Positive data: requests at the documented bounds must not be refused as invalid (a server that
// rejects too much is as broken as one that accepts too much).
import { byLabel, bodyOf, findingFor, isProblem, outcome, statusOf, type BehaviourCheck } from './check.js';
import { specValues } from '../spec-values.js';
import type { Finding } from '../findings.js';
import { behaviourCheckNames } from '../check-names.js';

const zeroUuid = '00000000-0000-4000-8000-000000000000';

export const negativeDataCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.negativeData],
  async probe(send, context) {
    const values = specValues(context.spec);
    if (values.limit.max !== undefined) await send('limit above maximum', 'GET', `${values.collection}?limit=${values.limit.max + 1}`);
    await send('limit below minimum', 'GET', `${values.collection}?limit=${values.limit.min - 1}`);
    await send('offset below minimum', 'GET', `${values.collection}?offset=${values.offset.min - 1}`);
    await send('limit not an integer', 'GET', `${values.collection}?limit=ten`);
    await send('ticket_id not a uuid', 'GET', `${values.collection}?ticket_id=not-a-uuid`);
    await send('path ticket not a uuid', 'GET', values.oneTarget('not-a-uuid', 1));
    if (values.idRange !== undefined) await send('path id past its format', 'GET', values.oneTarget(context.fixtures.ticket ?? zeroUuid, values.idRange.max + 1));
    // Several fields broken at once: each must be named (refusal_names_field), not only the first.
    if (values.limit.max !== undefined) await send('limit and offset both out of range', 'GET', `${values.collection}?limit=${values.limit.max + 1}&offset=${values.offset.min - 1}`);
    await send('both path parameters broken', 'GET', values.oneTarget('not-a-uuid', 'ten'));
    if (!context.readOnly) {
      // Every required field missing at once: nothing valid can be created by it.
      await send('body without required fields', 'POST', values.collection, { json: {} });
      await send('both body fields of the wrong type', 'POST', values.collection, { json: { ticket_id: 12, diagnostic_equipment_id: 'twelve' } });
    }
  },
  evaluate(exchanges, context) {
    const findings: Finding[] = [];
    for (const exchange of exchanges) {
      const status = statusOf(exchange);
      const body = bodyOf(exchange) as { violations?: unknown } | undefined;
      const why =
        status !== 400
          ? `answered ${String(outcome(exchange))} instead of 400`
          : !isProblem(exchange)
            ? 'answered 400 but not as application/problem+json'
            : !Array.isArray(body?.violations) || body.violations.length === 0
              ? 'answered 400 without violations'
              : undefined;
      if (why !== undefined) {
        findings.push(
          findingFor(
            exchange,
            { check: 'negative_data_rejection', expected: '400 application/problem+json with violations', actual: outcome(exchange), message: `${exchange.label}: ${why}` },
            context,
          ),
        );
      }
    }
    return findings;
  },
};

export const positiveDataCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.positiveData],
  async probe(send, context) {
    const values = specValues(context.spec);
    await send('limit at minimum', 'GET', `${values.collection}?limit=${values.limit.min}`);
    if (values.limit.max !== undefined) await send('limit at maximum', 'GET', `${values.collection}?limit=${values.limit.max}`);
    await send('large offset', 'GET', `${values.collection}?offset=${2 ** 40}`);
    // The largest offset the document allows: a deployment that keeps offsets in doubles breaks past 2^53.
    if (values.offset.formatMax !== undefined) await send('offset at its format maximum', 'GET', `${values.collection}?offset=${values.offset.formatMax}`);
    const ticket = context.fixtures.ticket ?? context.fixtures.closedTicket ?? zeroUuid;
    if (values.idRange !== undefined) {
      await send('id at its format minimum', 'GET', values.oneTarget(ticket, values.idRange.min));
      await send('id at its format maximum', 'GET', values.oneTarget(ticket, values.idRange.max));
    }
  },
  evaluate(exchanges, context) {
    const findings: Finding[] = [];
    for (const exchange of exchanges) {
      const status = statusOf(exchange);
      const isList = exchange.operationId === specValues(context.spec).list.operationId;
      const acceptable = isList ? status === 200 : status === 200 || status === 404;
      if (!acceptable) {
        findings.push(
          findingFor(
            exchange,
            {
              check: 'positive_data_acceptance',
              expected: isList ? 200 : '200 or 404',
              actual: outcome(exchange),
              message: `${exchange.label}: a valid request was refused (${String(outcome(exchange))})`,
            },
            context,
          ),
        );
      }
    }
    return findings;
  },
};

export const authCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.auth],
  async probe(send, context) {
    const values = specValues(context.spec);
    await send('no credentials', 'GET', values.collection, { auth: 'none' });
    await send('only the token', 'GET', values.collection, { auth: 'token-only' });
    await send('only the API key', 'GET', values.collection, { auth: 'key-only' });
    await send('a wrong API key', 'GET', values.collection, { auth: 'wrong-key' });
    await send('a wrong token', 'GET', values.collection, { auth: 'wrong-token' });
  },
  evaluate(exchanges, context) {
    return exchanges
      .filter((exchange) => statusOf(exchange) !== 401 && statusOf(exchange) !== 403)
      .map((exchange) =>
        findingFor(
          exchange,
          { check: 'ignored_auth', expected: '401 or 403', actual: outcome(exchange), message: `${exchange.label}: not refused (${String(outcome(exchange))})` },
          context,
        ),
      );
  },
};

export const methodCheck: BehaviourCheck = {
  names: [...behaviourCheckNames.method],
  async probe(send, context) {
    const values = specValues(context.spec);
    if (context.readOnly) return;
    await send('PUT on the collection', 'PUT', values.collection, { json: {} });
  },
  evaluate(exchanges, context) {
    const findings: Finding[] = [];
    for (const exchange of exchanges) {
      const status = statusOf(exchange);
      const allow = exchange.response?.headers.allow;
      if (status !== 405 || allow === undefined) {
        findings.push(
          findingFor(
            exchange,
            {
              check: 'unsupported_method',
              severity: 'warning',
              expected: '405 with an Allow header',
              actual: status === 405 ? 'no Allow header' : outcome(exchange),
              message: `${exchange.label}: ${status === 405 ? 'answered 405 without Allow' : `answered ${String(outcome(exchange))}, not 405`}`,
            },
            context,
          ),
        );
      }
    }
    return findings;
  },
};

