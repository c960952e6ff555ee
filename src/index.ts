// ude-kit's package root: the mock and the compiled contract.
export * from '../mocks/index.js';
export { compiledSpec, schemaRef, type CompiledSpec, type CompiledOperation } from './spec/index.js';
export { checkResponse, documentedResponse, type ResponseIssue, type ObservedResponse } from './spec/response-validation.js';
export type { components, operations, paths } from './spec/generated/types.js';
