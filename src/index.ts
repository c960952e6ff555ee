// ude-kit's package root, for Node: the mock, scenarios, the contract suite and the compiled contract.
// Browser code imports 'ude-kit/msw', which reaches no Node built-in.
export * from '../mocks/index.js';
export { resolveScenario, scenarioState, ScenarioRefusedError, type ScenarioDocument, type ScenarioResult, type GenerateSpec } from '../mocks/state/scenario.js';
export { loadScenario, shippedScenarios, shippedScenariosDir, type ShippedScenario } from '../mocks/state/scenario-files.js';
export { runContract, type ContractOptions, type ContractReport, type CheckResult } from '../contracts/runner.js';
export type { Finding, Severity } from '../contracts/findings.js';
export type { Fixtures } from '../contracts/checks/check.js';
export { reporters } from '../contracts/reporters/index.js';
export { checkNames } from '../contracts/registry.js';
export { compiledSpec, schemaRef, type CompiledSpec, type CompiledOperation } from './spec/index.js';
export { checkResponse, documentedResponse, type ResponseIssue, type ObservedResponse } from './spec/response-validation.js';
export type { components, operations, paths } from './spec/generated/types.js';
