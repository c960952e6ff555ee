// 'ude-kit/node' (and 'ude-kit' under Node): everything universal.ts has, plus what needs Node — the
// standalone server, scenario files, the contract suite, the compiled contract and its reporters.
// Under Node, faker loads on first use: every seed and generating scenario works without loading it first.
import '../mocks/state/faker-node.js';
export * from './universal.js';
export { startHttpServer, createRequestListener, type HttpServerOptions, type RunningServer } from '../mocks/adapters/http-server.js';
export { loadScenario, shippedScenarios, shippedScenariosDir, type ShippedScenario } from '../mocks/state/scenario-files.js';
export { runContract, type ContractOptions, type ContractReport, type CheckResult } from '../contracts/runner.js';
export type { Finding, Severity } from '../contracts/findings.js';
export type { Fixtures } from '../contracts/checks/check.js';
export { reporters } from '../contracts/reporters/index.js';
export { checkNames } from '../contracts/check-names.js';
export { compiledSpec, schemaRef, type CompiledSpec, type CompiledOperation } from './spec/index.js';
export { checkResponse, documentedResponse, type ResponseIssue, type ObservedResponse } from './spec/response-validation.js';
