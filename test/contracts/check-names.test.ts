// The check names are an interface: --only and --skip take them, reports and JUnit files carry them,
// and a CI configuration that names one breaks when it is renamed. They are pinned here, in the order
// the suite reports them; a change to this list is a change users must read about in the CHANGELOG.
import { describe, expect, it } from 'vitest';
import { checkNames } from '../../contracts/check-names.js';
import { behaviourChecks } from '../../contracts/registry.js';

describe('the check names', () => {
  it('are the published ones, in the order reports list them', () => {
    expect(checkNames).toEqual([
      'not_a_server_error',
      'response_within_limits',
      'status_code_conformance',
      'content_type_conformance',
      'response_schema_conformance',
      'problem_status_conformance',
      'undocumented_property',
      'record_identity',
      'list_arithmetic',
      'query_echo',
      'refusal_names_field',
      'pagination_defaults',
      'pagination_limit_offset',
      'pagination_limit_zero',
      'pagination_past_end',
      'ticket_filter',
      'pagination_walk',
      'negative_data_rejection',
      'positive_data_acceptance',
      'ignored_auth',
      'unsupported_method',
      'ensure_resource_availability',
      'duplicate_add_refused',
      'use_after_free',
      'write_locality',
      'write_side_effects',
      'pagination_combinations',
      'generated_positive_inputs',
      'generated_negative_inputs',
      'equivalent_forms',
      'unknown_ticket',
      'unknown_equipment',
      'in_progress_rule_add',
      'in_progress_rule_remove',
      'stateful_model',
      'cleanup',
    ]);
  });

  it('each belong to one check, and every check reports on at least one', () => {
    for (const check of behaviourChecks) expect(check.names.length).toBeGreaterThan(0);
    expect(new Set(checkNames).size).toBe(checkNames.length);
  });
});
