// Every check's name, here alone: --only and --skip take them, reports and JUnit files carry them, and
// the CLI's help lists them without loading the suite. Each check takes its own names from here; the
// registry runs the checks in this order (a test holds the two to it).
export const invariantCheckNames = ['record_identity', 'list_arithmetic', 'query_echo', 'refusal_names_field'] as const;

export const responseCheckNames = [
  'not_a_server_error',
  'response_within_limits',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
  'problem_status_conformance',
  'undocumented_property',
  ...invariantCheckNames,
] as const;

/** The rules each behaviour check reports on, in the order the suite runs the checks. */
export const behaviourCheckNames = {
  pagination: ['pagination_defaults', 'pagination_limit_offset', 'pagination_limit_zero', 'pagination_past_end', 'ticket_filter'],
  listWalk: ['pagination_walk'],
  negativeData: ['negative_data_rejection'],
  positiveData: ['positive_data_acceptance'],
  auth: ['ignored_auth'],
  method: ['unsupported_method'],
  // The record lifecycle first among the writes: it judges add and remove themselves, with a free id,
  // before any check that writes for its own purposes could use the ids up on a deployment that keeps
  // what it was told to remove.
  lifecycle: ['ensure_resource_availability', 'duplicate_add_refused', 'use_after_free', 'write_locality'],
  writeSideEffects: ['write_side_effects'],
  listCombinations: ['pagination_combinations'],
  generatedInputs: ['generated_positive_inputs', 'generated_negative_inputs'],
  equivalentForms: ['equivalent_forms'],
  unknownTicket: ['unknown_ticket'],
  unknownEquipment: ['unknown_equipment'],
  inProgressAdd: ['in_progress_rule_add'],
  inProgressRemove: ['in_progress_rule_remove'],
  modelRun: ['stateful_model'],
} as const;

/** Every name a report can carry, in its order; `cleanup` appears only when a created record stayed. */
export const checkNames: string[] = [...responseCheckNames, ...Object.values(behaviourCheckNames).flat(), 'cleanup'];
